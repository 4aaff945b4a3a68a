"""How the web serves each format is said once (``schemas.MEDIA``): the routes' headers
and the OpenAPI document both read it, and it covers every format of the renderer table."""

from __future__ import annotations

from tests.web.conftest import Client

from citydip.report.formats import FORMATS
from citydip.web.routes_api import ListFormat
from citydip.web.schemas import MEDIA


def test_every_format_of_the_renderer_table_has_its_media() -> None:
    offered = {fmt for formats in FORMATS.values() for fmt in formats}
    assert offered <= set(MEDIA)
    assert {f.value for f in ListFormat} == {"json", *MEDIA}


def test_the_headers_and_the_openapi_document_say_the_same(client: Client) -> None:
    answer = client.get("/api/network/countries?format=md")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == MEDIA["md"].content_type
    assert answer.headers["content-disposition"] == 'attachment; filename="countries.md"'
    document = client.get("/openapi.json").json()
    content = document["paths"]["/api/orgs"]["get"]["responses"]["200"]["content"]
    assert set(content) == {"application/json", *(m.name for m in MEDIA.values())}
    export = document["paths"]["/api/network/export"]["get"]["responses"]["200"]["content"]
    assert set(export) == {
        "application/graphml+xml",
        "application/gexf+xml",
        "application/geo+json",
    }
