"""The map page in a real browser: deep link first, offline, French notices."""

from __future__ import annotations

import pytest

from observatoire.paths import ROOT

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
SHAPES = "path.leaflet-interactive"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored


def wait_for_map(page, count: int, timeout: float = 60_000):
    """The map iframe's department shapes, once Leaflet has drawn ``count`` of them."""
    shapes = page.frame_locator(MAP_FRAME).locator(SHAPES)
    page.wait_for_function(
        """([sel, n]) => {
            const f = document.querySelector(sel);
            const d = f && f.contentDocument;
            return d && d.querySelectorAll("path.leaflet-interactive").length === n;
        }""",
        arg=[MAP_FRAME, count],
        timeout=timeout,
    )
    return shapes


def assert_clean(page):
    """No Streamlit exception, no raw file-name navigation, our own menu."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    # The menu renders after the page heading: wait for it before reading the sidebar.
    sidebar.get_by_text("Carte des territoires").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert "Carte des territoires" in sidebar.inner_text()
    assert ".py" not in sidebar.inner_text()


def test_deep_link_as_first_visit_draws_thirteen_departments(server, visit):
    server.fresh()
    page = visit.goto("/carte?region=76")
    shapes = wait_for_map(page, 13)
    assert shapes.count() == 13
    assert_clean(page)
    page.get_by_text("Mode local : aucun compte configuré").wait_for()
    legend = page.frame_locator(MAP_FRAME).locator(".obs-legend")
    assert "seuils naturels de Jenks" in legend.inner_text()
    page.wait_for_timeout(1000)  # let late requests (fonts, favicon) happen before checking
    assert visit.external_requests() == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "carte.png"))


def test_map_assets_come_from_the_app(visit):
    page = visit.goto("/carte?region=32&indicateur=rural")
    wait_for_map(page, 5)
    leaflet = [u for u in visit.requests if u.endswith("/leaflet.js")]
    assert leaflet and all("/app/static/vendor/leaflet/" in u for u in leaflet)
    assert visit.external_requests() == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "carte-hauts-de-france.png"), full_page=True)


def test_unknown_region_shows_french_notice(visit):
    page = visit.goto("/carte?region=99")
    page.get_by_text("Région « 99 » inconnue").wait_for(timeout=60_000)
    wait_for_map(page, 13)
    assert_clean(page)
    assert "region=76" in page.url


def test_root_opens_the_first_page(visit):
    # The first page of the menu is the overview (accueil); it keeps its own URL.
    page = visit.goto("/")
    page.get_by_role("heading", name="Vue d'ensemble").first.wait_for(timeout=60_000)
    assert page.url.split("?")[0].endswith("/accueil")
    assert_clean(page)
