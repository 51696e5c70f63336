"""Sign-in in a real browser: the throttle survives reloads and contexts, the session a reload."""

from __future__ import annotations

import pytest

from observatoire import users

pytestmark = pytest.mark.browser

HDF = "demo-hauts-de-france"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SIDEBAR = '[data-testid="stSidebar"]'
MAIN = '[data-testid="stMain"]'
THROTTLED = "réessayez dans"
REFUSED = "Cette page est réservée aux rôles"
STAFF_PAGE = f"/revue_mensuelle?espace={HDF}"


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the script run is over (a rerun may start right after the first)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)


@pytest.fixture(scope="module")
def accounts_server(tmp_path_factory, start_server, reference_path):
    """A server with two accounts; its throttle state and key live beside their file."""
    accounts = tmp_path_factory.mktemp("signin") / "users.toml"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OBSERVATOIRE_USERS", str(accounts))
        users.add("claire", "coordination", "un-mot-de-passe-solide")
        users.add("camille", "coordination", "autre-mot-de-passe")
    return start_server({"OBSERVATOIRE_USERS": str(accounts)})


def new_page(chromium):
    """A fresh browser context (its own cookies, as another browser) and its page."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900}, locale="fr-FR")
    return context, context.new_page()


def open_page(page, server, path: str = STAFF_PAGE) -> None:
    page.goto(server.url + path)
    settle(page)


def sign_in(page, login: str, password: str) -> str:
    """Submit the sidebar form; returns the sidebar's text afterwards."""
    sidebar = page.locator(SIDEBAR)
    sidebar.get_by_label("Identifiant").fill(login)
    sidebar.get_by_label("Mot de passe").fill(password)
    sidebar.get_by_role("button", name="Se connecter").click()
    settle(page)
    return sidebar.inner_text()


def test_failures_are_throttled_across_reloads_and_browsers(chromium, accounts_server):
    context, page = new_page(chromium)
    try:
        open_page(page, accounts_server)
        for _ in range(4):
            assert "incorrect" in sign_in(page, "claire", "faux")
        assert THROTTLED in sign_in(page, "claire", "faux")  # the fifth failure
        page.reload()
        settle(page)
        # A reload is a new session: still blocked, even with the right password.
        assert THROTTLED in sign_in(page, "claire", "un-mot-de-passe-solide")
        assert REFUSED in page.locator(MAIN).inner_text()
    finally:
        context.close()
    context, page = new_page(chromium)  # another browser, same address
    try:
        open_page(page, accounts_server)
        assert THROTTLED in sign_in(page, "claire", "un-mot-de-passe-solide")
        assert REFUSED in page.locator(MAIN).inner_text()
    finally:
        context.close()


def test_signed_in_session_survives_a_reload_until_sign_out(chromium, accounts_server):
    context, page = new_page(chromium)
    try:
        open_page(page, accounts_server)
        assert REFUSED in page.locator(MAIN).inner_text()
        assert "Connecté·e : camille" in sign_in(page, "camille", "autre-mot-de-passe")
        assert REFUSED not in page.locator(MAIN).inner_text()
        cookie = next(c for c in context.cookies() if c["name"] == "observatoire_session")
        assert cookie["sameSite"] == "Strict" and cookie["expires"] > 0
        page.reload()
        settle(page)
        assert "Connecté·e : camille" in page.locator(SIDEBAR).inner_text()
        assert REFUSED not in page.locator(MAIN).inner_text()
        page.locator(SIDEBAR).get_by_role("button", name="Se déconnecter").click()
        settle(page)
        assert REFUSED in page.locator(MAIN).inner_text()
        page.reload()
        settle(page)
        assert "Non connecté·e" in page.locator(SIDEBAR).inner_text()
        assert REFUSED in page.locator(MAIN).inner_text()
        assert not [c for c in context.cookies() if c["name"] == "observatoire_session"]
    finally:
        context.close()
    # The signed-out cookie, replayed by another browser, signs nobody in.
    context, page = new_page(chromium)
    try:
        context.add_cookies([{**cookie, "expires": -1}])
        open_page(page, accounts_server)
        assert "Non connecté·e" in page.locator(SIDEBAR).inner_text()
        assert REFUSED in page.locator(MAIN).inner_text()
    finally:
        context.close()
