"""The coverage map in a real browser: deep link first, offline, drill-down, payload, screenshots."""

from __future__ import annotations

import pytest

from observatoire.maps.coverage_map import AREA_CLASS, DEFAULT_BUDGET, DEPARTMENT_BUDGET
from observatoire.maps.figures import panel_rows
from observatoire.paths import ROOT

pytestmark = pytest.mark.browser

# The page's main map is its first folium frame (the then-and-now map may follow it).
MAP_CSS = 'iframe[title="streamlit_folium.st_folium"]'  # document.querySelector takes the first
MAP_FRAME = f"{MAP_CSS} >> nth=0"
AREAS = f"path.{AREA_CLASS}"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored
HDF, OCC = "demo-hauts-de-france", "demo-occitanie"
NEAREST = "Distance à l'acteur le plus proche"


def _model(name: str):
    """The logic layer's coverage model of a demo (what the panel must show)."""
    from observatoire.maps.figures import load_model
    from observatoire.paths import data_dir
    from observatoire.workspace import connect

    con = connect(data_dir() / f"{name}.duckdb", read_only=True)
    try:
        return load_model(con, 15.0)
    finally:
        con.close()


def wait_for_map(page, count: int, timeout: float = 90_000):
    """The map iframe's choropleth shapes, once Leaflet has drawn ``count`` of them."""
    page.wait_for_function(
        """([sel, areas, n]) => {
            const f = document.querySelector(sel);
            const d = f && f.contentDocument;
            return d && d.querySelectorAll(areas).length === n;
        }""",
        arg=[MAP_CSS, AREAS, count],
        timeout=timeout,
    )
    return page.frame_locator(MAP_FRAME).locator(AREAS)


def payload(page) -> int:
    """UTF-8 bytes of the map the app sent into the iframe: its inline scripts and styles.

    (The drawn SVG is not counted: it is made by the browser, not sent.)
    """
    return page.evaluate(
        """(sel) => {
            const d = document.querySelector(sel).contentDocument;
            const parts = Array.from(d.querySelectorAll("script:not([src]), style"));
            return new Blob(parts.map((e) => e.textContent)).size;
        }""",
        MAP_CSS,
    )


def click_at(page, lat: float, lon: float) -> None:
    """A real mouse click on the map at a latitude and longitude (a box centre may be the sea).

    The point is measured until it stops moving: a map still being fitted to its frame would
    take the click somewhere else.
    """
    frame = page.locator(MAP_FRAME)
    frame.scroll_into_view_if_needed()
    where = """([sel, lat, lon]) => {
        const w = document.querySelector(sel).contentWindow;
        const p = w.map.latLngToContainerPoint([lat, lon]);
        const box = w.map.getContainer().getBoundingClientRect();
        const outer = document.querySelector(sel).getBoundingClientRect();
        return [p.x + box.left + outer.left, p.y + box.top + outer.top];
    }"""
    point = None
    for _ in range(20):
        page.wait_for_timeout(500)
        now = page.evaluate(where, [MAP_CSS, lat, lon])
        if now == point:
            break
        point = now
    page.mouse.click(*point)


def assert_clean(page):
    """No Streamlit exception, no raw file-name navigation, our own menu."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    # The menu renders after the page heading: wait for it before reading the sidebar.
    sidebar.get_by_text("Carte des territoires").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert "Carte des territoires" in sidebar.inner_text()
    assert ".py" not in sidebar.inner_text()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


def test_deep_link_as_first_visit_draws_the_territory(server, visit):
    server.fresh()
    page = visit.goto(f"/carte?espace={HDF}")
    areas = wait_for_map(page, 5)
    assert areas.count() == 5
    assert_clean(page)
    page.get_by_text("Mode local : aucun compte configuré").wait_for()
    legend = page.frame_locator(MAP_FRAME).locator(".obs-legend")
    assert "seuils naturels de Jenks" in legend.inner_text()
    controls = page.frame_locator(MAP_FRAME).locator(".leaflet-control-layers")
    assert "Communes FRR" in controls.inner_text()
    size = payload(page)
    print(f"payload {HDF} territoire: {size} octets")
    assert 100_000 < size <= DEFAULT_BUDGET
    page.wait_for_timeout(1000)  # let late requests (fonts, favicon) happen before checking
    assert visit.external_requests() == []
    shot(page, "carte.png")
    title = page.get_by_text("Tableau : les départements du territoire")
    title.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot(page, "carte-tableau.png")


def test_clicking_a_department_shows_its_communes(visit, ref):
    page = visit.goto(f"/carte?espace={HDF}&indicateur=couverture")
    areas = wait_for_map(page, 5)
    # Features are in code order: 02, 59, 60, 62, 80. Pas-de-Calais is the fourth.
    areas.nth(3).click()
    communes = wait_for_map(page, 887)
    assert communes.count() == 887
    assert "departement=62" in page.url
    page.get_by_text("Tableau : les communes de Pas-de-Calais (62)").wait_for(timeout=60_000)
    size = payload(page)
    print(f"payload {HDF} 62: {size} octets")
    assert size <= DEPARTMENT_BUDGET
    leaflet = [u for u in visit.requests if u.endswith("/leaflet.js")]
    assert leaflet and all("/app/static/vendor/leaflet/" in u for u in leaflet)
    assert visit.external_requests() == []
    shot(page, "carte-departement.png")
    # A commune click opens its panel: Boulogne-sur-Mer (62160), clear of legend and controls.
    # An actor sits on the town hall: switch the actors layer off first (no rerun for that).
    frame = page.frame_locator(MAP_FRAME)
    actors = frame.locator(".leaflet-control-layers-selector").first
    actors.uncheck()
    assert frame.locator("path.leaflet-interactive:not(.obs-area)").count() == 0
    # Click the town hall (inside the commune): a coastal commune's box centre may be the sea.
    lon, lat = ref.execute("SELECT lon, lat FROM communes WHERE code = '62160'").fetchone()
    click_at(page, lat, lon)
    page.get_by_text("Fiche de la commune : Boulogne-sur-Mer (62160)").wait_for(timeout=60_000)
    assert "commune=62160" in page.url
    distance = dict(panel_rows(_model(HDF), "62160", "admin"))[NEAREST]
    panel = page.locator('[data-testid="stTable"]').first
    assert distance in panel.inner_text()
    page.get_by_role("button", name="Revenir à tout le territoire").click()
    wait_for_map(page, 5)
    assert "departement=" not in page.url


def test_commune_panel_on_haute_garonne(visit):
    page = visit.goto(f"/carte?espace={OCC}&departement=31&commune=31555")
    wait_for_map(page, 586)
    page.get_by_text("Fiche de la commune : Toulouse (31555)").wait_for(timeout=60_000)
    page.get_by_text("Distance à l'acteur le plus proche").wait_for(timeout=30_000)
    size = payload(page)
    print(f"payload {OCC} 31: {size} octets")
    assert size <= DEPARTMENT_BUDGET
    assert visit.external_requests() == []
    shot(page, "carte-haute-garonne.png")


def test_root_opens_the_first_page(visit):
    # The first page of the menu is the overview (accueil); it keeps its own URL.
    page = visit.goto("/")
    page.get_by_role("heading", name="Vue d'ensemble").first.wait_for(timeout=60_000)
    assert page.url.split("?")[0].endswith("/accueil")
    assert_clean(page)
