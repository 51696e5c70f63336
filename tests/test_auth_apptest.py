"""Sign-in through the frame (AppTest): signed out is public, roles are enforced, failures count.

The session holds only the login (and a password sign-in's token); the role shown is looked up on
every run. Reloads and the cookie are browser matters: tests/browser/test_signin_browser.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import signin, users
from observatoire.paths import ROOT
from observatoire.privacy.roles import may_open
from observatoire.ui import registry
from tests.apptest import sign_in

CARTE = str(ROOT / "pages" / "carte.py")
TIMEOUT = 60


@pytest.fixture
def accounts(tmp_path, monkeypatch, reference_path):
    """An accounts file with one coordination and one committee account; carte for coordination."""
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("claire", "coordination", "bon-mot-de-passe")
    users.add("camille", "comite", "autre-mot-de-passe")
    monkeypatch.setitem(
        registry.BY_STEM, "carte", replace(registry.BY_STEM["carte"], roles=registry.COORDINATION)
    )


def errors(at) -> str:
    return " ".join(e.value for e in at.error)


def signed_in_as(at) -> str:
    """The sidebar's "Connecté·e : login (rôle)" line, or "" when signed out."""
    return " ".join(c.value for c in at.sidebar.caption if c.value.startswith("Connecté·e"))


def failures(login: str, address: str = signin.LOCAL_ADDRESS) -> float:
    """The wait the on-disk throttle imposes now on ``login`` from ``address``."""
    import time

    return signin.Attempts().wait(login, address, time.time())


def test_frame_check():
    assert may_open("admin", registry.COORDINATION)
    assert not may_open("public", registry.COORDINATION)
    assert not may_open("public", registry.STAFF)
    assert may_open("public", registry.EVERYONE)


def test_signed_out_is_public_and_refused(accounts):
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "login" not in at.session_state and not signed_in_as(at)  # signed out: public
    refusal = errors(at)
    assert "Cette page est réservée aux rôles : coordination, administration" in refusal
    assert "Votre rôle : public" in refusal and "Connectez-vous" in refusal
    assert not at.table


def test_correct_sign_in_grants_the_role(accounts):
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    at = sign_in(at, "claire", "bon-mot-de-passe")
    assert not at.exception
    assert signed_in_as(at) == "Connecté·e : claire (coordination)"
    assert not at.error
    assert at.table  # the page is shown
    assert "role" not in at.session_state and "viewer_role" not in at.session_state
    token = at.session_state["auth_token"]
    session = signin.verify(signin.secret_key(), token, 0)
    assert session.login == "claire"
    at.sidebar.button(key="auth_sign_out").click().run()
    assert "login" not in at.session_state and "auth_token" not in at.session_state
    assert "réservée" in errors(at)
    assert signin.Attempts().revoked(session)  # the cookie no longer signs anyone in


def test_committee_member_is_still_refused(accounts):
    at = sign_in(
        AppTest.from_file(CARTE, default_timeout=TIMEOUT).run(), "camille", "autre-mot-de-passe"
    )
    assert signed_in_as(at) == "Connecté·e : camille (comité de pilotage)"
    assert "Votre rôle : comité de pilotage" in errors(at)


def test_wrong_password_counts_a_failure(accounts):
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    at = sign_in(at, "claire", "faux")
    assert not at.exception
    assert "Identifiant ou mot de passe incorrect." in " ".join(e.value for e in at.sidebar.error)
    assert "login" not in at.session_state
    for _ in range(4):
        at = sign_in(at, "claire", "faux")
    assert "réessayez dans 30 s" in " ".join(e.value for e in at.sidebar.error)
    at = sign_in(at, "claire", "bon-mot-de-passe")  # blocked even with the right password
    assert "login" not in at.session_state
    assert "réessayez dans" in " ".join(e.value for e in at.sidebar.error)
    # A new session (a reload, another browser) is blocked as well: the count is on disk.
    fresh = sign_in(
        AppTest.from_file(CARTE, default_timeout=TIMEOUT).run(), "claire", "bon-mot-de-passe"
    )
    assert "login" not in fresh.session_state
    assert "réessayez dans" in " ".join(e.value for e in fresh.sidebar.error)
    assert failures("claire") > 0 and failures("camille") == 0


def test_no_account_is_local_admin(tmp_path, monkeypatch, reference_path):
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "absent.toml"))
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert not at.sidebar.text_input
    assert at.table


def test_removed_account_is_signed_out_on_next_run(accounts):
    at = sign_in(
        AppTest.from_file(CARTE, default_timeout=TIMEOUT).run(), "claire", "bon-mot-de-passe"
    )
    assert signed_in_as(at) == "Connecté·e : claire (coordination)"
    users.add("claire", "comite", "bon-mot-de-passe")
    at.run()
    assert signed_in_as(at) == "Connecté·e : claire (comité de pilotage)"
    users.remove("claire")
    at.run()
    assert "login" not in at.session_state
    assert "Votre rôle : public" in errors(at)


def test_session_signed_out_elsewhere_ends_on_next_run(accounts):
    at = sign_in(
        AppTest.from_file(CARTE, default_timeout=TIMEOUT).run(), "claire", "bon-mot-de-passe"
    )
    session = signin.verify(signin.secret_key(), at.session_state["auth_token"], 0)
    signin.Attempts().revoke(session, 0)  # e.g. « Se déconnecter » in another tab
    at.run()
    assert "login" not in at.session_state and not signed_in_as(at)
    assert "Votre rôle : public" in errors(at)


def test_corrupted_accounts_file_gives_a_french_message_and_public_pages(accounts):
    users.users_file().write_text("[users.claire\nrole = ", encoding="utf-8")
    at = AppTest.from_file(str(ROOT / "pages" / "accueil.py"), default_timeout=TIMEOUT)
    at.query_params["espace"] = "demo-hauts-de-france"
    at.run()
    assert not at.exception
    warning = " ".join(w.value for w in at.sidebar.warning)
    assert "le fichier des comptes est illisible" in warning
    assert "données publiques" in warning
    assert not at.sidebar.text_input  # no form that could only fail
    assert at.metric and not at.error  # the public page is shown
    refused = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()  # coordination only here
    assert not refused.exception
    assert "Votre rôle : public" in errors(refused)


def test_corrupted_accounts_file_while_signed_in(accounts):
    at = sign_in(
        AppTest.from_file(CARTE, default_timeout=TIMEOUT).run(), "claire", "bon-mot-de-passe"
    )
    assert at.table
    users.users_file().write_bytes(b"\xff\xfe garbage")
    at.run()
    assert not at.exception
    assert "illisible" in " ".join(w.value for w in at.sidebar.warning)
    assert "Votre rôle : public" in errors(at) and not at.table
