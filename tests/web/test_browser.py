"""End to end in real headless Chromium (Debian's, driven by Playwright): the tests start
``citydip serve`` themselves and keep screenshots under the pytest tmp dir."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.system import needs_chromium
from tests.web.conftest import TOKEN, Server, review_of

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    """A page that records every request, to prove nothing leaves the loopback server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    outside = [
        u for u in page.requests if not u.startswith(server.url) and not u.startswith("data:")
    ]
    assert outside == []


def test_yokohama_page_draws_its_ties_on_the_map_and_the_timeline(
    page: Any, server: Server, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/")
    page.get_by_label("Find a city").fill("Yokohama")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Yokohama", exact=True).first.click()
    page.wait_for_url(re.compile(r"/cities/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Yokohama"
    ties = page.locator("#city-map svg g.ties path")
    assert ties.count() >= 19
    box = page.locator("#city-map svg").bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 250
    kinds = {ties.nth(i).get_attribute("stroke") for i in range(ties.count())}
    assert len(kinds) >= 3  # coloured by kind
    # Screen readers get each figure as one image with a name and a description.
    assert page.get_by_role("img", name="Ties of Yokohama").is_visible()
    assert page.get_by_role("img", name="Agreements of Yokohama over time").is_visible()
    bars = page.locator("#city-timeline svg rect")
    assert bars.count() >= 10
    assert "San Diego" in page.locator("#city-timeline svg").inner_html()
    first_ref = page.locator("table .ref").first
    target = first_ref.get_attribute("href")
    first_ref.click()
    assert page.locator(f"{target}").is_visible()
    page.screenshot(path=str(tmp_path / "yokohama.png"), full_page=True)


def test_compare_page_shows_cited_cells_and_two_maps(
    page: Any, server: Server, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/compare")
    page.get_by_label("Cities, separated by commas").fill("Yokohama, Taipei")
    page.get_by_role("button", name="Compare").click()
    table = page.locator("#table1")
    assert table.locator("thead th").all_inner_texts() == ["Dimension", "Yokohama", "Taipei"]
    cell = table.locator('td[data-city="Taipei"][data-dimension="core_focus"]')
    assert len(cell.inner_text()) > 10 and cell.locator("a.ref").count() >= 1
    number = cell.locator("a.ref").first.get_attribute("href")
    assert page.locator(f"{number} .title").inner_text().strip()
    assert page.locator(".side-by-side svg").count() == 2
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)


def test_phone_width_has_no_horizontal_scroll(browser: Any, server: Server, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{server.url}/cities/Yokohama")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 380
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.screenshot(path=str(tmp_path / "phone.png"))
    context.close()


def test_accept_a_claim_with_the_token_and_fail_without(
    page: Any, server: Server, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/review")
    first_row = page.locator("#claims tbody tr").first
    claim = int(first_row.get_attribute("id").removeprefix("claim-"))
    page.get_by_label("Token").fill("wrong-token")
    page.get_by_role("button", name="Sign in to review").click()
    assert "valid token" in page.locator(".error").inner_text()
    assert review_of(server.db, claim) == "proposed"
    page.goto(f"{server.url}/review")
    page.get_by_label("Token").fill(TOKEN)
    page.get_by_role("button", name="Sign in to review").click()
    page.get_by_role("button", name=f"Accept claim {claim}").click()
    assert f"Claim {claim} accepted" in page.get_by_role("status").first.inner_text()
    assert review_of(server.db, claim) == "accepted"
    assert page.locator(f"#claim-{claim}").count() == 0
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    # The API refuses a write without the token.
    status = page.evaluate(
        "async (id) => (await fetch(`/api/claims/${id}/reject`, {method: 'POST'})).status",
        claim,
    )
    assert status == 401 and review_of(server.db, claim) == "accepted"


def test_docs_render_without_inline_script(page: Any, server: Server) -> None:
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{server.url}/docs")
    title = page.locator(".swagger-ui .info .title")
    title.wait_for()
    assert "citydip" in title.inner_text()
    assert page.locator(".opblock").count() >= 10  # the operations are listed
    assert refused == []


def test_the_home_page_is_light_and_its_map_links_to_city_pages(
    page: Any, server: Server, tmp_path: Path
) -> None:
    import httpx

    size = len(httpx.get(f"{server.url}/", timeout=30).content)
    assert size < 300_000  # the map of every tie (1.2 MB on the world store) is behind a link
    page.goto(f"{server.url}/")
    marks = page.locator("#places-map svg g.places a")
    assert marks.count() >= 10
    hrefs = {marks.nth(i).get_attribute("href") for i in range(marks.count())}
    assert all(h and h.startswith("/cities/") for h in hrefs)
    # Each dot is a link named by its place, and following it opens that place's page.
    page.get_by_role("link", name=re.compile(r"^Yokohama \(JP\): \d+ partners$")).click()
    page.wait_for_url(re.compile(r"/cities/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Yokohama"
    page.goto(f"{server.url}/")
    # A keyboard skips the map's links to the list of the best-tied places.
    page.get_by_role("button", name="Search").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-map"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "top-h"
    page.get_by_role("link", name="Every tie on one map").click()
    page.wait_for_url(re.compile(r"/network/map$"))
    assert page.locator("#all-ties svg g.ties path").count() >= 1
    page.screenshot(path=str(tmp_path / "all-ties.png"))


def test_at_phone_width_every_column_of_the_ties_table_is_on_screen(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server.url}/cities/Yokohama")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row = page.locator("#ties tbody tr").first
    for label in ("Kind", "Start", "End", "Status", "Sources"):
        cell = row.locator(f'td[data-label="{label}"]')
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box is not None and box["width"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (label, box)
        assert cell.is_visible()
    # Each cell says which column it is, since the header row is off screen.
    before = row.locator('td[data-label="Status"]').evaluate(
        "e => getComputedStyle(e, '::before').content"
    )
    assert "Status" in before
    assert row.locator('td[data-label="Sources"] a.ref').first.is_visible()
    page.screenshot(path=str(tmp_path / "phone-ties.png"), full_page=True)
    context.close()
