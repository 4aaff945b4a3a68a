"""HTML → PDF through WeasyPrint (Pango for text: Debian's libpango; fonts-noto-cjk for
Japanese and Chinese names). Imported only when a PDF is asked for."""

from __future__ import annotations

import logging

from citydip.errors import Unavailable


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML document (no resource is fetched)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: libpango missing
        raise Unavailable(
            f"PDF output needs WeasyPrint and Pango ({exc}); HTML output needs neither"
        ) from exc

    from weasyprint.urls import URLFetcher

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    offline = URLFetcher(allowed_protocols=("data",))  # inline data only, never the network
    document = weasyprint.HTML(string=html, url_fetcher=offline)
    pdf = document.write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
