"""The overview's trend charts use the width; the review's sessions table fits without scrolling."""

from __future__ import annotations

import pytest

from observatoire.paths import ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored
DEMOS = ("demo-occitanie", "demo-hauts-de-france")
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHART = '[data-testid="stVegaLiteChart"]'


def settle(page) -> None:
    page.wait_for_selector(IDLE, timeout=90_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=90_000)


# The scroll and client widths of the first table after the sessions heading (null: none).
FIRST_TABLE_WIDTHS = """() => {
      const after = (a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
      const heads = [...document.querySelectorAll('[data-testid="stHeading"]')];
      const head = heads.find((h) => h.innerText.includes('Sessions de la période'));
      const next = heads.find((h) => after(head, h));
      const frame = [...document.querySelectorAll('[data-testid="stDataFrame"]')]
        .find((f) => after(head, f) && (!next || after(f, next)));
      if (!frame) return null;
      frame.scrollIntoView();
      const scroller = frame.querySelector('.dvn-scroller');
      return [scroller.scrollWidth, scroller.clientWidth];
    }"""


@pytest.mark.parametrize("espace", DEMOS)
def test_trend_charts_use_the_width(visit, espace):
    page = visit.goto(f"/accueil?espace={espace}")
    page.get_by_text("Tendances sur 12 mois").first.wait_for(timeout=90_000)
    settle(page)
    page.locator(f"{CHART} canvas, {CHART} svg").first.wait_for(timeout=60_000)
    charts = page.locator(CHART)
    charts.nth(0).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"accueil-tendances-{espace}.png"))
    # The page's full width: the heading above the charts spans it.
    heading = page.locator('[data-testid="stHeading"]:has-text("Tendances sur 12 mois")')
    inner = heading.first.bounding_box()["width"]
    assert charts.count() >= 2
    first, second = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    # Two charts side by side cover most of the page width (a facet used 60 % of it).
    assert first["y"] == pytest.approx(second["y"], abs=2)
    covered = second["x"] + second["width"] - first["x"]
    assert covered > 0.9 * inner, (covered, inner)
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("espace", DEMOS)
def test_review_sessions_table_fits(visit, espace):
    page = visit.goto(f"/revue_mensuelle?espace={espace}")
    heading = page.get_by_text("Sessions de la période et de la période comparée")
    heading.first.wait_for(timeout=90_000)
    settle(page)
    # The first table after the heading, in document order.
    widths = None
    for _ in range(20):  # the table's grid is drawn a moment after the page settles
        widths = page.evaluate(FIRST_TABLE_WIDTHS)
        if widths is not None:
            break
        page.wait_for_timeout(1000)
    if widths is None:
        pytest.skip("aucune session ce mois-ci dans cet espace")
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"revue-sessions-{espace}.png"))
    assert widths[0] <= widths[1] + 1, widths
