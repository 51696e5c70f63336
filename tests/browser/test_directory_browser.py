"""acteurs and zones_blanches in a real browser: offline, search by URL and box, planner map drawn."""

from __future__ import annotations

import pytest

from observatoire.paths import ROOT
from tests.browser.conftest import VIEWPORT, Visit

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored


def clean(page, visit):
    """No Streamlit exception and no request leaving the machine."""
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_timeout(1000)  # let late requests (fonts, favicon) happen before checking
    assert visit.external_requests() == []


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=False)


def test_acteurs_search_by_url_and_box(visit):
    page = visit.goto("/acteurs?espace=demo-occitanie&recherche=science")
    page.get_by_text("acteur(s) correspondent aux critères").first.wait_for(timeout=60_000)
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=60_000)
    clean(page, visit)
    shot(page, "acteurs.png")
    box = page.get_by_role("textbox", name="Rechercher un acteur par son nom")
    assert box.input_value() == "science"
    box.fill("Planète Sciences")
    box.press("Enter")
    page.get_by_text("1 acteur(s) correspondent aux critères").wait_for(timeout=30_000)
    assert "recherche=Plan" in page.url


def test_acteurs_near_a_place(visit):
    page = visit.goto("/acteurs?espace=demo-occitanie&pres_de=Figeac&rayon=20")
    page.get_by_text("à moins de 20 km de Figeac (46102)").wait_for(timeout=60_000)
    clean(page, visit)
    page.get_by_text("Acteurs près d'un lieu").scroll_into_view_if_needed()
    shot(page, "acteurs-pres-de.png")


def test_zones_blanches_ranking_and_planner_map(visit):
    page = visit.goto("/zones_blanches?espace=demo-occitanie&etapes=5")
    page.get_by_text("Territoires listés").wait_for(timeout=90_000)
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=60_000)
    clean(page, visit)
    shot(page, "zones-blanches.png")
    frame = page.frame_locator(MAP_FRAME)
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    stops = frame.locator(".leaflet-marker-icon.obs-stop")
    stops.first.wait_for(timeout=60_000)
    assert stops.count() == 5
    # Each radius circle stays visible: its centre (the stop) is not under a number tag.
    circles = frame.locator("path.obs-stop-radius")
    assert circles.count() == 5
    tags = [stops.nth(i).bounding_box() for i in range(5)]
    for i in range(5):
        box = circles.nth(i).bounding_box()
        assert box["width"] > 10
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        assert not any(
            t["x"] <= x <= t["x"] + t["width"] and t["y"] <= y <= t["y"] + t["height"] for t in tags
        )
    page.wait_for_timeout(500)
    shot(page, "zones-blanches-tournee.png")
    assert visit.external_requests() == []


def test_planner_map_after_a_page_without_map(chromium, start_server):
    """A new server whose first page has no map still serves the map component later on."""
    srv = start_server({})
    visit = Visit(chromium.new_context(viewport=VIEWPORT, locale="fr-FR"), srv)
    try:
        page = visit.goto("/acteurs?espace=demo-occitanie")
        page.get_by_text("acteur(s) correspondent aux critères").first.wait_for(timeout=60_000)
        page.wait_for_timeout(3000)  # the background imports of the first page run meanwhile
        page = visit.goto("/zones_blanches?espace=demo-occitanie&etapes=3")
        page.get_by_text("Territoires listés").wait_for(timeout=90_000)
        page.locator(MAP_FRAME).scroll_into_view_if_needed(timeout=60_000)
        stops = page.frame_locator(MAP_FRAME).locator(".leaflet-marker-icon.obs-stop")
        stops.first.wait_for(timeout=60_000)
        assert stops.count() == 3
    finally:
        visit.context.close()


@pytest.mark.parametrize("espace", ["demo-occitanie", "demo-hauts-de-france"])
def test_acteurs_contacts_first_no_technical_note(visit, espace):
    """Local mode sees contacts: right after the name, without scrolling; no formula note."""
    page = visit.goto(f"/acteurs?espace={espace}")
    page.get_by_text("acteur(s) correspondent aux critères").first.wait_for(timeout=60_000)
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=60_000)
    clean(page, visit)
    shot(page, f"acteurs-contacts-{espace}.png")
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "apostrophe" not in text and "= + - @" not in text
