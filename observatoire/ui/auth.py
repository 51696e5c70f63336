"""Sign-in in the sidebar: password accounts (``observatoire users``) and OIDC (``st.login``).

The role lives in ``st.session_state["role"]``; signed out means ``public``. Failed password
sign-ins are rate-limited per session (``users.Throttle``). With ``[auth]`` in secrets.toml, the
OIDC user's e-mail is mapped to a role by ``[observatoire.roles]`` (unknown e-mail: ``public``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping

import streamlit as st

from observatoire import users
from observatoire.config import settings
from observatoire.privacy.roles import Role
from observatoire.texts import auth as texts
from observatoire.texts import ui as ui_texts
from observatoire.ui import roles

THROTTLE_KEY = "auth_throttle"


def oidc_role(email: str | None, mapping: Mapping[str, str]) -> Role:
    """The role of an OIDC e-mail in the ``[observatoire.roles]`` mapping; ``public`` otherwise."""
    wanted = (email or "").strip().lower()
    for key, role in mapping.items():
        if key.strip().lower() == wanted and wanted:
            try:
                return users.parse_role(role)
            except users.UnknownRole:
                return Role.PUBLIC
    return Role.PUBLIC


def throttle() -> users.Throttle:
    """This session's failure counter."""
    if THROTTLE_KEY not in st.session_state:
        st.session_state[THROTTLE_KEY] = users.Throttle()
    return st.session_state[THROTTLE_KEY]


def attempt(login: str, password: str, now: float | None = None) -> str | None:
    """Try a password sign-in; sets the session role, or returns the French error to show."""
    now = time.monotonic() if now is None else now
    limit = throttle()
    wait = limit.wait(now)
    if wait:
        return texts.THROTTLED.format(seconds=math.ceil(wait))
    login = login.strip()
    role = users.verify(login, password)
    if role is None:
        delay = limit.fail(now)
        if delay:
            return f"{texts.WRONG} {texts.THROTTLED.format(seconds=math.ceil(delay))}"
        return texts.WRONG
    limit.succeed()
    st.session_state[roles.ROLE_KEY] = str(role)
    st.session_state[roles.LOGIN_KEY] = login
    return None


def sign_out() -> None:
    """Forget the session's role (button callback)."""
    st.session_state.pop(roles.ROLE_KEY, None)
    st.session_state.pop(roles.LOGIN_KEY, None)


def _oidc_sync() -> None:
    """Mirror the OIDC identity into the session role, each run (mapping changes apply)."""
    if st.user.is_logged_in:
        email = st.user.get("email")
        st.session_state[roles.ROLE_KEY] = str(oidc_role(email, settings().get("roles", {})))
        st.session_state[roles.LOGIN_KEY] = email or ""
    elif st.session_state.get(roles.LOGIN_KEY) and "@" in st.session_state[roles.LOGIN_KEY]:
        sign_out()


def _password_sync(login: str) -> None:
    """Apply ``observatoire users`` changes to a signed-in session: new role, or removed account."""
    role = users.role_of(login)
    if role is None:
        sign_out()
    else:
        st.session_state[roles.ROLE_KEY] = str(role)


def account(local: bool) -> str:
    """Draw the account box in the current container (the sidebar); returns the current role."""
    if local:
        return roles.LOCAL_ROLE
    oidc = roles.auth_configured()
    if oidc:
        _oidc_sync()
    login = st.session_state.get(roles.LOGIN_KEY)
    if login and not (oidc and st.user.is_logged_in):
        _password_sync(login)
        login = st.session_state.get(roles.LOGIN_KEY)
    if login:
        role = roles.current_role()
        st.caption(texts.SIGNED_IN.format(login=login, role=ui_texts.ROLES[role]))
        if oidc and st.user.is_logged_in:
            if role == roles.SIGNED_OUT_ROLE:
                st.caption(texts.OIDC_NO_ROLE.format(email=login))
            if st.button(texts.SIGN_OUT, key="auth_sign_out"):
                st.logout()
        else:
            st.button(texts.SIGN_OUT, key="auth_sign_out", on_click=sign_out)
        return role
    st.caption(texts.SIGNED_OUT)
    if oidc and st.button(texts.OIDC_SIGN_IN, key="auth_oidc"):
        st.login()
    if users.configured():
        _password_form()
    return roles.current_role()


def _password_form() -> None:
    """Login and password; on success the role applies to this very run."""
    with st.expander(texts.SIGN_IN, expanded=True):
        with st.form("auth_form", border=False):
            login = st.text_input(texts.LOGIN, key="auth_login", autocomplete="username")
            password = st.text_input(
                texts.PASSWORD,
                type="password",
                key="auth_password",
                autocomplete="current-password",
            )
            submitted = st.form_submit_button(texts.SUBMIT, key="auth_submit")
        if submitted:
            error = attempt(login, password)
            if error:
                st.error(error)
            else:
                st.rerun()  # redraw the sidebar signed in
