"""Reach on the map in a real browser: period and basis in the URL, then and now, first clicks,
the territory profile opened from the map; screenshots at two screen sizes on both demos."""

from __future__ import annotations

import pytest

from observatoire.texts import coverage as coverage_texts
from tests.browser.conftest import StreamlitServer
from tests.browser.test_carte_browser import (
    HDF,
    MAP_FRAME,
    OCC,
    SCREENSHOTS,
    assert_clean,
    click_at,
    wait_for_map,
)

pytestmark = pytest.mark.browser

SIZES = {"1920": {"width": 1920, "height": 1080}, "1366": {"width": 1366, "height": 768}}
AMIENS = (49.8941, 2.2958)  # near the town hall of Amiens (80021)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of this module's own: its long map pages would queue behind other files' pages."""
    srv = StreamlitServer(tmp_path_factory.mktemp("streamlit-reach"))
    srv.start()
    yield srv
    srv.stop()


def open_page(chromium, server, size: str):
    """A page of a new browser context at one of SIZES."""
    context = chromium.new_context(viewport=SIZES[size], locale="fr-FR")
    return context, context.new_page()


def test_period_and_basis_in_the_url(visit):
    page = visit.goto(f"/carte?espace={OCC}&base=presence&periode=2016..2017&indicateur=audience")
    wait_for_map(page, 13)
    assert_clean(page)
    assert "base=presence" in page.url
    assert "periode=2016-01-01..2017-12-31" in page.url
    page.get_by_text("de janvier 2016 à décembre 2017").first.wait_for(timeout=30_000)
    controls = page.frame_locator(MAP_FRAME).locator(".leaflet-control-layers")
    text = controls.inner_text()
    for layer in ("Communes touchées", "Communes non touchées", "QPV touchés", "Communes rurales"):
        assert layer in text
    legend = page.frame_locator(MAP_FRAME).locator(".obs-legend")
    assert "Public pour 1 000 habitants" in legend.inner_text()


def test_gained_and_lost_view(visit):
    page = visit.goto(f"/carte?espace={OCC}&periode=2017&avant=2016")
    wait_for_map(page, 13)
    page.get_by_text("Tableau : les communes gagnées et perdues").wait_for(timeout=120_000)
    page.get_by_text("Entre la période 2016 et la période 2017").first.wait_for(timeout=30_000)
    assert "avant=2016" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0


def test_first_click_on_a_commune_opens_its_panel_then_its_profile(visit):
    page = visit.goto(f"/carte?espace={HDF}")
    wait_for_map(page, 5)
    # Amiens' actors sit on its town hall: the click lands on a marker, and still opens the
    # shape under it, first the Somme then the commune.
    click_at(page, *AMIENS)
    wait_for_map(page, 771)
    assert "departement=80" in page.url
    click_at(page, *AMIENS)
    page.get_by_text("Fiche de la commune : Amiens (80021)").wait_for(timeout=60_000)
    # The panel links to the territory profile, in the same tab.
    page.get_by_text("Profil complet de Amiens (80021)").click()
    page.wait_for_url("**/territoire?*", timeout=60_000)
    assert "code=80021" in page.url
    page.get_by_text("Commune : Amiens (80021)", exact=True).wait_for(timeout=60_000)
    page.get_by_text("Acteurs les plus proches à contacter").wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", [HDF, OCC])
def test_screenshots(chromium, server, name, size):
    context, page = open_page(chromium, server, size)
    try:
        page.goto(server.url + f"/carte?espace={name}&indicateur=audience")
        wait_for_map(page, 5 if name == HDF else 13)
        frame = page.frame_locator(MAP_FRAME)
        for i in (3, 4, 5):  # reached, not reached, QPV reached
            frame.locator(".leaflet-control-layers-selector").nth(i).check()
        page.locator(MAP_FRAME).scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"carte-portee-{name}-{size}.png"))
        page.goto(server.url + f"/territoire?espace={name}&code={'80' if name == HDF else '09'}")
        page.get_by_text("face au département moyen").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(SCREENSHOTS / f"territoire-{name}-{size}.png"), full_page=True)
        page.goto(server.url + f"/zones_blanches?espace={name}")
        page.get_by_text(coverage_texts.RANKING_TITLE["activite"]).wait_for(timeout=90_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(SCREENSHOTS / f"zones-{name}-{size}.png"))
    finally:
        context.close()
