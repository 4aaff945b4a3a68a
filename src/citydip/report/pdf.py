"""HTML → PDF through WeasyPrint (Pango for text: Debian's libpango; fonts-noto-cjk for
Japanese, Chinese and Korean names). Imported only when a PDF is asked for.

``pdf_warnings(html)`` says what a PDF of the page would lack on this machine, each line
naming the Debian package that supplies it (a PDF without CJK fonts prints boxes)."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import warnings
from types import ModuleType

from citydip.errors import Unavailable

# Kana, CJK ideographs (and their extension A, compatibility forms), Hangul syllables.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_PACKAGE = "fonts-noto-cjk"
SAMPLED = 6  # distinct CJK characters looked up in the installed fonts


def _weasyprint() -> ModuleType:
    try:
        with warnings.catch_warnings():
            # Without libharfbuzz-subset0, WeasyPrint warns at import that a later version
            # will need it; this one subsets fonts with fontTools and makes the same PDF.
            warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
            import weasyprint as module
    except (ImportError, OSError) as exc:  # OSError: libpango missing
        raise Unavailable(
            f"PDF output needs WeasyPrint and Pango ({exc}); install the Debian packages "
            "libpango-1.0-0 libpangoft2-1.0-0; HTML output needs neither"
        ) from exc
    assert isinstance(module, ModuleType)
    return module


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML document (no resource is fetched)."""
    weasyprint = _weasyprint()
    from weasyprint.urls import URLFetcher

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    offline = URLFetcher(allowed_protocols=("data",))  # inline data only, never the network
    document = weasyprint.HTML(string=html, url_fetcher=offline)
    pdf = document.write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def missing_glyphs(text: str) -> list[str]:
    """The CJK characters of ``text`` (a few, sampled) that no installed font has, as
    fontconfig (which WeasyPrint's Pango uses) sees the fonts; [] when ``fc-list`` is absent."""
    sample = list(dict.fromkeys(_CJK.findall(text)))[:SAMPLED]
    fc_list = shutil.which("fc-list")
    if not sample or fc_list is None:
        return []
    missing = []
    for char in sample:
        found = subprocess.run(
            [fc_list, f":charset={ord(char):x}", "family"],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0 and not found.stdout.strip():
            missing.append(char)
    return missing


def pdf_warnings(html: str) -> list[str]:
    """What the PDF of ``html`` would lack here, one line each, naming the package."""
    missing = missing_glyphs(html)
    if not missing:
        return []
    return [
        f"no installed font has {' '.join(missing)}: those names print as boxes in the PDF; "
        f"install the Debian package {CJK_PACKAGE} (sudo apt-get install {CJK_PACKAGE})"
    ]
