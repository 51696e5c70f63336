"""The experiments timeline in a real browser: whole titles on the axis, screenshot kept."""

from __future__ import annotations

import pytest

from observatoire.paths import ROOT

pytestmark = pytest.mark.browser

CASES = [
    ("demo-occitanie", "2016..2018", "Escape games à caractère scientifique pour les 15-25 ans"),
    (
        "demo-hauts-de-france",
        "2022..2024",
        "Expérimentation inclusive n° 2 : formation-accompagnement",
    ),
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored


@pytest.mark.parametrize(("workspace", "period", "title"), CASES)
def test_timeline_labels_are_whole_titles(visit, workspace, period, title):
    page = visit.goto(f"/experimentations?espace={workspace}&periode={period}")
    page.wait_for_selector(IDLE, timeout=90_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=90_000)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.last.wait_for(timeout=30_000)
    timeline = charts.last
    timeline.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    timeline.screenshot(path=str(SCREENSHOTS / f"experimentations-timeline-{workspace}.png"))
    # Streamlit draws Vega charts in SVG: the axis labels are text elements.
    labels = timeline.locator("svg text").all_text_contents()
    assert title in labels, labels[:20]
    cut = [t for t in labels if t.endswith("…")]
    assert not cut, cut
