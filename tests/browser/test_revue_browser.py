"""The revue_mensuelle page in a real browser (local mode = admin) on a tmp copy of the
Hauts-de-France demo: it loads cleanly, stays offline, and its PDF carries the KPI values."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from observatoire.kpis import kpi_value
from observatoire.paths import ROOT, reference_db
from observatoire.periods import parse_month
from observatoire.review import monthly
from observatoire.texts import review as texts
from observatoire.workspace import connect

pytestmark = pytest.mark.browser

HDF = "demo-hauts-de-france"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored
VIEWPORT = {"width": 1400, "height": 900}


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the script run is over (a rerun may start right after the first)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)


@pytest.fixture(scope="module")
def revue_server(start_server, hdf_folder):
    """A server of its own in local mode (no account file) on the tmp data folder."""
    return start_server(
        {
            "OBSERVATOIRE_DATA": str(hdf_folder),
            "OBSERVATOIRE_REFERENCE": str(reference_db()),
            "OBSERVATOIRE_USERS": str(hdf_folder / "absent-users.toml"),
        }
    )


def test_revue_loads_offline_and_its_pdf_has_the_kpi_values(chromium, revue_server, hdf_folder):
    context = chromium.new_context(viewport=VIEWPORT, locale="fr-FR", accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        page.goto(f"{revue_server.url}/revue_mensuelle?espace={HDF}&periode=2023-11")
        settle(page)
        assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).all_inner_texts()
        assert "Traceback" not in page.content()
        main = page.locator('[data-testid="stMain"]')
        # Table cells live in a canvas grid: the DOM copy is attached but hidden.
        main.get_by_text("SPTT-2023-EP2").first.wait_for(state="attached", timeout=30_000)
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # let the chart draw before the screenshot
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "revue_mensuelle.png"), full_page=True)
        local = ("localhost", "127.0.0.1", "data:", "blob:", "about:")
        assert [u for u in requests if not any(h in u for h in local)] == []

        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name=texts.DOWNLOAD_PDF).click()
        data = Path(download.value.path()).read_bytes()
    finally:
        context.close()

    assert data.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    text = re.sub(r"\s+", " ", text)
    con = connect(hdf_folder / f"{HDF}.duckdb", read_only=True)
    try:
        review = monthly.review(con, parse_month("2023-11"))
    finally:
        con.close()
    for card in review.cards:
        value = kpi_value(card.kpi_id, card.value)
        assert f"{card.label} {value}" in text, card.kpi_id
    assert "Sessions de formation 2 1 +1" in text
    assert "SPTT-2023-EP2" in text and "SPTT-2023-EV" in text
