"""The tour map of the actions page in a real browser: the Propulseur's 40 numbered stops."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MAP = 'iframe[title="streamlit_folium.st_folium"]'


def test_propulseur_stops_on_the_actions_map(visit):
    page = visit.goto("/actions?espace=demo-occitanie&periode=2016..2018")
    page.wait_for_function(
        """(sel) => {
            const f = document.querySelector(sel);
            const d = f && f.contentDocument;
            return d && d.querySelectorAll(".obs-stop").length === 40;
        }""",
        arg=MAP,
        timeout=90_000,
    )
    frame = page.frame_locator(MAP)
    numbers = frame.locator(".obs-stop").all_inner_texts()
    assert sorted(int(n) for n in numbers) == list(range(1, 41))
    frame.locator(".obs-stop", has_text="17").first.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    # Nîmes, the first stop of 2018: 2,149 visitors (shown exactly to local staff).
    assert "Étape 17 · Le Propulseur" in popup.inner_text()
    assert "Nîmes (30)" in popup.inner_text() and "2\u202f149 visiteurs" in popup.inner_text()
    assert visit.external_requests() == []
