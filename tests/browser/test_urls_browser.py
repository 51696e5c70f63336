"""URLs a visitor types, in a real browser: unknown page, old /pages/ path, a commune alone,
and tables without Streamlit's own CSV download."""

from __future__ import annotations

import pytest

from tests.browser.test_pages_browser import ERRORS, SCREENSHOTS, settle

pytestmark = pytest.mark.browser

HDF, OCC = "demo-hauts-de-france", "demo-occitanie"


def test_unknown_page_says_so_in_french_with_the_menu(visit):
    settle(visit.goto(f"/?espace={HDF}"))  # a server that has served a page already
    page = visit.goto("/nexiste_pas")
    settle(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.locator("h1").inner_text() == "Page introuvable"
    assert "La page « /nexiste_pas » n'existe pas dans l'Observatoire." in main.inner_text()
    assert main.get_by_role("link", name="Carte des territoires").count() == 1
    assert "Page not found" not in page.inner_text("body")
    assert page.url.endswith("/nexiste_pas")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "page-introuvable.png"))


def test_legacy_pages_path_opens_the_page(visit):
    page = visit.goto(f"/pages/carte?espace={OCC}")
    settle(page)
    assert "/carte?" in page.url and "/pages/" not in page.url
    assert page.locator("h1").first.inner_text() == "Carte des territoires"
    assert page.locator(ERRORS).count() == 0


def test_commune_alone_opens_its_department_and_panel(visit):
    page = visit.goto(f"/carte?espace={OCC}&commune=31555")
    settle(page)
    assert "departement=31" in page.url and "commune=31555" in page.url
    assert "Fiche de la commune : Toulouse (31555)" in page.inner_text("body")


def test_tables_offer_no_toolbar_download(visit):
    page = visit.goto(f"/formations?espace={HDF}&periode=2023")
    settle(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.hover()
    page.wait_for_timeout(500)
    toolbar = page.locator('[data-testid="stElementToolbar"]').first
    assert toolbar.get_by_role("button", name="Search").count() == 1  # the toolbar is there
    assert page.get_by_role("button", name="Download as CSV").count() == 0
