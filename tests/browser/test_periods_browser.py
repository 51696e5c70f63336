"""The review over a range and the networks page in a real browser, screenshots kept."""

from __future__ import annotations

import pytest

from observatoire.paths import ROOT

pytestmark = pytest.mark.browser

HDF = "demo-hauts-de-france"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored


def settle(page) -> None:
    page.wait_for_selector(IDLE, timeout=90_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=90_000)


def test_review_of_the_sptt_mid_term_range(visit):
    page = visit.goto(f"/revue_mensuelle?espace={HDF}&periode=2023-01..2024-07")
    settle(page)
    assert page.locator(ERRORS).count() == 0
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "Par rapport à la période de juin 2021 à décembre 2022" in main
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "revue-2023-01..2024-07.png"), full_page=True)


def test_networks_page_draws_one_map(visit):
    page = visit.goto(f"/reseaux?espace={HDF}&periode=2018")
    settle(page)
    assert page.locator(ERRORS).count() == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = page.locator('[data-testid="stMain"] img[src^="data:image/svg+xml"]').last
    image.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    box = image.bounding_box()
    assert box["height"] > 300 and box["height"] <= 641
    image.screenshot(path=str(SCREENSHOTS / "reseaux-carte.png"))
