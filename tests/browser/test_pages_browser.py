"""Every page in a real browser: loads cleanly, deep links go through the frame, roles hold."""

from __future__ import annotations

import pytest

from observatoire import users
from observatoire.paths import ROOT
from observatoire.texts import ui as texts
from observatoire.ui import registry

pytestmark = pytest.mark.browser

HDF = "demo-hauts-de-france"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the script run is over (the app marks its state on the root element)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(300)  # a rerun triggered by query-param sync starts right away
    page.wait_for_selector(IDLE, timeout=timeout)


@pytest.mark.parametrize("stem", [p.stem for p in registry.pages()])
def test_page_loads_without_error(visit, stem):
    page = visit.goto(f"/{stem}?espace={HDF}")
    settle(page)
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).all_inner_texts()
    assert "Traceback" not in page.content()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{stem}.png"), full_page=True)


def test_deep_link_as_very_first_visit_runs_through_the_frame(server, visit):
    server.fresh()
    page = visit.goto(f"/formations?espace={HDF}&periode=2023&departement=80")
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text(texts.PAGES["accueil"]).first.wait_for(timeout=30_000)
    # Our grouped menu, not Streamlit's list of file names.
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert ".py" not in sidebar.inner_text()
    assert texts.GROUPS["pilotage"].upper() in sidebar.inner_text().upper()
    # The filters of the link are applied: Amiens hosted 3 of the 6 trainings of 2023.
    main = page.locator('[data-testid="stMain"]')
    assert "Somme" in main.inner_text()
    assert page.locator(ERRORS).count() == 0


def test_menu_links_carry_the_filters(visit):
    page = visit.goto(f"/formations?espace={HDF}&periode=2023&departement=80")
    settle(page)
    link = page.locator('[data-testid="stSidebar"] a', has_text=texts.PAGES["actions"]).first
    href = link.get_attribute("href")
    assert "departement=80" in href and "periode=2023" in href and f"espace={HDF}" in href


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory, start_server, reference_path):
    """A server with one account configured: signed-out visitors are public."""
    accounts = tmp_path_factory.mktemp("accounts") / "users.toml"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OBSERVATOIRE_USERS", str(accounts))
        users.add("claire", "coordination", "un-mot-de-passe-solide")
    return start_server({"OBSERVATOIRE_USERS": str(accounts)})


def test_signed_out_visitor_is_refused_a_staff_page(chromium, guarded_server):
    staff = [p for p in registry.pages() if "public" not in p.roles]
    assert staff, "no page is reserved to signed-in roles"
    context = chromium.new_context(viewport={"width": 1400, "height": 900}, locale="fr-FR")
    try:
        page = context.new_page()
        for spec in staff:
            page.goto(f"{guarded_server.url}/{spec.stem}?espace={HDF}")
            settle(page)
            main = page.locator('[data-testid="stMain"]').inner_text()
            assert "Cette page est réservée aux rôles" in main, spec.stem
            assert "@" not in main
            # The sign-in form is offered instead, and the local-mode banner is gone.
            assert "Mode local" not in page.content()
    finally:
        context.close()
