"""The briefing report: the PDF's pages and text, the HTML's self-containment, short reports,
hostile names, and footnotes that match the bibliography."""

from __future__ import annotations

import io
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.system import needs_cjk_fonts, needs_pango, needs_poppler

from citydip.api import briefing
from citydip.report.briefing import render_html
from citydip.report.pdf import html_to_pdf
from citydip.store import Store, open_store
from citydip.store.models import Claim, Entity, Source

HOSTILE = '<script>alert("x")</script>&'


class _Scan(HTMLParser):
    """Every tag, every attribute, the text of <style>, and the text of the bibliography."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str, str]] = []
        self.style = ""
        self.bibliography = ""
        self._in_style = False
        self._in_bib = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        self._in_style = tag == "style"
        if tag == "section" and ("id", "bibliography") in attrs:
            self._in_bib = True

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        if self._in_bib:
            self.bibliography += data


def _scan(html: str) -> _Scan:
    scan = _Scan()
    scan.feed(html)
    return scan


@pytest.fixture(scope="module")
def two_cities(curated_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, bytes]:
    path = tmp_path_factory.mktemp("brief") / "citydip.db"
    path.write_bytes(curated_db.read_bytes())
    with open_store(path) as store:
        html = render_html(briefing(store, ["Yokohama", "Taipei"]))
    return html, b""


@pytest.fixture(scope="module")
def two_cities_pdf(two_cities: tuple[str, bytes]) -> tuple[str, bytes]:
    html, _ = two_cities
    return html, html_to_pdf(html)


@needs_pango
@needs_cjk_fonts
def test_pdf_has_pages_holding_cities_partners_cjk_names_and_sources(
    two_cities_pdf: tuple[str, bytes],
) -> None:
    _, pdf = two_cities_pdf
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 4
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    for city in ("Yokohama", "Taipei"):
        assert city in flat
    for partner in ("San Diego", "Vancouver", "Houston", "Prague", "Belmopan"):
        assert partner in flat, partner
    assert "横浜" in text and "臺北" in text
    assert "Bibliography" in flat and "Table 1" in flat
    for source in ("City of Yokohama", "Mississippi Digital Magazine", "Offstream News"):
        assert source in flat, source
    assert "www.city.yokohama.lg.jp" in flat  # source URLs printed in the bibliography


@needs_pango
@needs_cjk_fonts
@needs_poppler
def test_pdf_embeds_a_cjk_font_and_renders_to_png(
    two_cities_pdf: tuple[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> None:
    _, pdf = two_cities_pdf
    artefacts = tmp_path_factory.mktemp("report-artefacts")
    (artefacts / "brief.pdf").write_bytes(pdf)
    fonts = subprocess.run(
        ["pdffonts", str(artefacts / "brief.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "CJK" in fonts  # 横浜 and 臺北 set in a real CJK font, not missing-glyph boxes
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "brief.pdf", "page"],
        cwd=artefacts,
        check=True,
    )
    png = next(artefacts.glob("page-*.png"))
    assert png.read_bytes().startswith(b"\x89PNG")
    assert png.stat().st_size > 20_000  # a page with text and a map, not a blank sheet


def test_html_is_self_contained(two_cities: tuple[str, bytes]) -> None:
    html, _ = two_cities
    scan = _scan(html)
    assert not scan.tags & {"script", "link", "img", "iframe", "object", "embed", "base"}
    external = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
    for tag, name, value in scan.attrs:
        if name in ("src", "href", "xlink:href", "action", "poster", "srcset"):
            assert value.startswith("#"), (tag, name, value)  # internal anchors only
        if name == "xmlns":
            continue  # the SVG namespace name, never fetched
        assert not external.match(value) or name == "content", (tag, name, value)
        assert "url(" not in value or re.fullmatch(r"url\(#[\w-]+\)", value), (tag, name, value)
    assert "url(" not in scan.style and "@import" not in scan.style
    # source URLs appear, but only as plain text of the bibliography
    assert "https://www.city.yokohama.lg.jp" in scan.bibliography
    assert scan.tags >= {"svg", "table", "style"}


def test_every_footnote_number_is_a_bibliography_entry(two_cities: tuple[str, bytes]) -> None:
    html, _ = two_cities
    cited = {int(n) for n in re.findall(r'href="#ref-(\d+)"', html)}
    listed = {int(n) for n in re.findall(r'<li id="ref-(\d+)"', html)}
    assert cited == listed
    assert listed == set(range(1, len(listed) + 1))


def test_two_city_html_has_every_section(two_cities: tuple[str, bytes]) -> None:
    html, _ = two_cities
    for anchor in ("table-1", "decades", "memberships", "conflicts", "bibliography"):
        assert f'id="{anchor}"' in html
    assert html.count('class="ties"') >= 2  # one map per city (and ties tables)
    assert "CITYNET" in html and "sister" in html
    assert "53" in html  # Taipei's disputed sister-city count, in the conflicts


@needs_pango
def test_a_city_with_one_tie_gets_a_short_honest_report(store: Store) -> None:
    content = briefing(store, ["Belmopan"])
    assert len(content.cities) == 1 and len(content.cities[0].ties) == 1
    assert content.cities[0].thin
    html = render_html(content)
    assert "Little is recorded about Belmopan" in html
    assert "Taipei" in html
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    assert 1 <= len(reader.pages) <= 3
    json.dumps(content.to_dict())  # the typed record serialises


def test_hostile_names_and_sources_are_text(store: Store) -> None:
    with store.transaction():
        store.add_entity(Entity("evil", "place", HOSTILE, "ZZ", "city", lat=1.0, lon=2.0))
        store.add_source(
            Source("evil-src", f"{HOSTILE} title", "news", publisher=HOSTILE, url="javascript:x")
        )
        store.add_claim(
            Claim(
                "yokohama", "twinned_with", "evil-src", object="evil", kind="sister", start="1999"
            )
        )
    html = render_html(briefing(store, ["Yokohama"]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    scan = _scan(html)
    assert "script" not in scan.tags
    assert all(not v.startswith("javascript:") for _, _, v in scan.attrs)
    assert '<script>alert("x")</script>& title' in scan.bibliography


def test_bibliography_numbers_follow_the_order_given_and_survive_bad_dates() -> None:
    from citydip.report.citations import format_bibliography

    sources = [
        Source("b-src", "Second title", "news", publisher="Paper", date="2020-02-03"),
        Source("A-src", "First title", "official", publisher="City", url="https://x.example/"),
    ]
    refs = format_bibliography(sources)
    assert [(r.number, r.source_id) for r in refs] == [(1, "b-src"), (2, "A-src")]
    assert "Second title" in refs[0].text and "2020" in refs[0].text
    assert "https://x.example/" in refs[1].text and not refs[1].text.startswith("[")
    bad = format_bibliography([Source("c", "Odd date", "news", date="2020-xx")])
    assert bad[0].text.startswith("2020-xx") and "Odd date" in bad[0].text


def test_a_city_known_only_from_datasets_says_what_is_missing(store: Store) -> None:
    with store.transaction():
        store.add_entity(Entity("testville", "place", "Testville", "DE", "city", lat=50, lon=8))
        for partner in ("lyon", "busan", "houston"):
            store.add_claim(
                Claim("testville", "twinned_with", "hekman-twincities-2026", object=partner)
            )
    content = briefing(store, ["Testville"])
    assert content.cities[0].ties_by_kind == {"unspecified": 3} and not content.cities[0].thin
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", render_html(content)))
    assert (
        "has 3 ties in the store that no source reports ended: 3 of a kind no source states."
        in text
    )
    assert (
        "All are listed only by datasets, which do not say whether they are still in force" in text
    )
    assert "The store records nothing else about the diplomacy of Testville" in text
    assert "Little is recorded" not in text


def test_a_long_timeline_is_cut_and_says_so(store: Store) -> None:
    from citydip.report.briefing import TIMELINE_LIMIT

    extra = TIMELINE_LIMIT + 5
    with store.transaction():
        store.add_entity(Entity("bigville", "place", "Bigville", "DE", "city", lat=50, lon=8))
        for i in range(extra):
            store.add_entity(Entity(f"p{i}", "place", f"Partner {i}", "FR", "city", lat=45, lon=i))
            store.add_claim(
                Claim(
                    "bigville",
                    "twinned_with",
                    "hekman-twincities-2026",
                    object=f"p{i}",
                    kind="sister",
                    start=str(1950 + i),
                )
            )
    html = render_html(briefing(store, ["Bigville"]))
    assert "The 5 latest dated ties are left out for space" in re.sub(r"\s+", " ", html)
    timeline_svg = html[html.index("Agreements of Bigville over time") :]
    timeline_svg = timeline_svg[: timeline_svg.index("</svg>")]
    assert "Partner 0<" in timeline_svg and f"Partner {extra - 1}<" not in timeline_svg
    assert html.count("<tr><td>Partner ") == extra  # the table keeps them all
