"""Sign-in through the frame (AppTest): signed out is public, roles are enforced, failures count."""

from __future__ import annotations

from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import users
from observatoire.paths import ROOT
from observatoire.ui import registry
from observatoire.ui.roles import admits

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


def sign_in(at: AppTest, login: str, password: str) -> AppTest:
    at.sidebar.text_input(key="auth_login").input(login)
    at.sidebar.text_input(key="auth_password").input(password)
    return at.sidebar.button(key="auth_submit").click().run()


def test_frame_check():
    assert admits(registry.COORDINATION, "admin")
    assert not admits(registry.COORDINATION, "public")
    assert not admits(registry.STAFF, "public")
    assert admits(registry.EVERYONE, "public")


def test_signed_out_is_public_and_refused(accounts):
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "role" not in at.session_state  # signed out: public
    refusal = errors(at)
    assert "Cette page est réservée aux rôles : coordination, administration" in refusal
    assert "Votre rôle : public" in refusal and "Connectez-vous" in refusal
    assert not at.table


def test_correct_sign_in_grants_the_role(accounts):
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    at = sign_in(at, "claire", "bon-mot-de-passe")
    assert not at.exception
    assert at.session_state["role"] == "coordination"
    assert not at.error
    assert at.table  # the page is shown
    assert any("claire" in c.value for c in at.sidebar.caption)
    at.sidebar.button(key="auth_sign_out").click().run()
    assert "role" not in at.session_state
    assert "réservée" in errors(at)


def test_committee_member_is_still_refused(accounts):
    at = sign_in(
        AppTest.from_file(CARTE, default_timeout=TIMEOUT).run(), "camille", "autre-mot-de-passe"
    )
    assert at.session_state["role"] == "comite"
    assert "Votre rôle : comité de pilotage" in errors(at)


def test_wrong_password_counts_a_failure(accounts):
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    at = sign_in(at, "claire", "faux")
    assert not at.exception
    assert "Identifiant ou mot de passe incorrect." in " ".join(e.value for e in at.sidebar.error)
    assert at.session_state["auth_throttle"].failures == 1
    assert "role" not in at.session_state
    for _ in range(4):
        at = sign_in(at, "claire", "faux")
    assert at.session_state["auth_throttle"].failures == 5
    assert "réessayez dans 30 s" in " ".join(e.value for e in at.sidebar.error)
    at = sign_in(at, "claire", "bon-mot-de-passe")  # blocked even with the right password
    assert "role" not in at.session_state
    assert at.session_state["auth_throttle"].failures == 5


def test_no_account_is_local_admin(tmp_path, monkeypatch, reference_path):
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "absent.toml"))
    at = AppTest.from_file(CARTE, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert not at.sidebar.text_input
    assert at.table


def test_oidc_email_maps_to_a_role():
    from observatoire.ui.auth import oidc_role

    mapping = {"Claire@Exemple.fr": "coordination", "x@exemple.fr": "chef"}
    assert oidc_role("claire@exemple.fr", mapping) == "coordination"
    assert oidc_role("x@exemple.fr", mapping) == "public"  # unknown role: least privileged
    assert oidc_role("inconnu@exemple.fr", mapping) == "public"
    assert oidc_role(None, mapping) == "public"


def test_removed_account_is_signed_out_on_next_run(accounts):
    at = sign_in(
        AppTest.from_file(CARTE, default_timeout=TIMEOUT).run(), "claire", "bon-mot-de-passe"
    )
    assert at.session_state["role"] == "coordination"
    users.add("claire", "comite", "bon-mot-de-passe")
    at.run()
    assert at.session_state["role"] == "comite"
    users.remove("claire")
    at.run()
    assert "role" not in at.session_state
    assert "Votre rôle : public" in errors(at)
