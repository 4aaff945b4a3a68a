"""Markers for tests that need a Debian package: without it they skip, naming the package
(``scripts/dev-setup`` installs them all when it can)."""

from __future__ import annotations

import shutil
from ctypes.util import find_library
from pathlib import Path

import pytest

from citydip.report.pdf import missing_glyphs

HINT = "scripts/dev-setup installs it as root, or: sudo apt-get install"


def _skip_unless(present: bool, package: str, what: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not present, reason=f"needs {what}: {HINT} {package}")


needs_pango = _skip_unless(
    find_library("pango-1.0") is not None and find_library("pangoft2-1.0") is not None,
    "libpango-1.0-0 libpangoft2-1.0-0",
    "Pango for PDF reports",
)
needs_cjk_fonts = _skip_unless(
    shutil.which("fc-list") is not None and not missing_glyphs("横浜臺北"),
    "fonts-noto-cjk",
    "a font with Japanese and Chinese glyphs",
)
needs_poppler = _skip_unless(
    shutil.which("pdftoppm") is not None and shutil.which("pdffonts") is not None,
    "poppler-utils",
    "pdftoppm and pdffonts",
)
needs_chromium = _skip_unless(
    Path("/usr/bin/chromium").exists(), "chromium", "Debian's chromium at /usr/bin/chromium"
)
