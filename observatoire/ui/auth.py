"""Sign-in in the sidebar: password accounts (``observatoire users``) and OIDC (``st.login``).

The session keeps only who signed in (``login``, and the token of a password sign-in); the role
is looked up on every run and returned as the run's ``Viewer``, so that ``observatoire users``
changes apply at once. Failed password attempts are throttled per account and per client address
on disk (``signin.Attempts``), whatever the session. A password sign-in writes a signed cookie,
so that a reload stays signed in until sign-out or expiry. With ``[auth]`` in secrets.toml, the
OIDC user's e-mail is mapped to a role by ``[observatoire.roles]`` (unknown e-mail: ``public``).
"""

from __future__ import annotations

import json
import math
import time

import streamlit as st

from observatoire import signin, users
from observatoire.config import settings
from observatoire.privacy.roles import LOCAL, SIGNED_OUT, Viewer, role_for_email
from observatoire.texts import auth as texts
from observatoire.texts import ui as ui_texts
from observatoire.ui import roles

TOKEN_KEY = "auth_token"  # st.session_state: the session token of a password sign-in
COOKIE_KEY = "auth_cookie"  # a cookie to write on the next run: a token, or "" to clear it


def client_address() -> str:
    """The visitor's address as the throttle counts it."""
    return signin.client_address(st.context.ip_address, st.context.headers.get("X-Forwarded-For"))


def attempt(login: str, password: str, address: str, now: float | None = None) -> str | None:
    """Try a password sign-in; signs the session in, or returns the French error to show."""
    now = time.time() if now is None else now
    login = login.strip()
    outcome = signin.Attempts().attempt(
        login, address, now, lambda: users.verify(login, password) is not None
    )
    if not outcome.checked:
        return texts.THROTTLED.format(seconds=math.ceil(outcome.wait))
    if not outcome.accepted:
        if outcome.wait:
            return f"{texts.WRONG} {texts.THROTTLED.format(seconds=math.ceil(outcome.wait))}"
        return texts.WRONG
    token, _ = signin.sign(signin.secret_key(), login, now)
    st.session_state[roles.LOGIN_KEY] = login
    st.session_state[TOKEN_KEY] = token
    st.session_state[COOKIE_KEY] = token
    return None


def _session(token: str | None, now: float) -> signin.Session | None:
    """The session of a cookie or session token still valid: genuine, unexpired, not signed out."""
    if not token or not isinstance(token, str):  # AppTest gives no real request cookies
        return None
    session = signin.verify(signin.secret_key(), token, now)
    return session if session and not signin.Attempts().revoked(session) else None


def sign_out() -> None:
    """Forget who signed in, revoke the session's cookie and clear it (button callback)."""
    token = st.session_state.pop(TOKEN_KEY, None)
    st.session_state.pop(roles.LOGIN_KEY, None)
    if token is None:
        return
    now = time.time()
    session = signin.verify(signin.secret_key(), token, now)
    if session is not None:
        signin.Attempts().revoke(session, now)
    st.session_state[COOKIE_KEY] = ""


def _cookie_sync(now: float) -> None:
    """Sign out an expired or revoked session; sign in from a valid cookie after a reload."""
    token = st.session_state.get(TOKEN_KEY)
    if token is not None:
        if _session(token, now) is None:
            sign_out()
        return
    if st.session_state.get(roles.LOGIN_KEY):
        return
    # The cookies of the page's request: after a sign-out in this session they still hold the
    # revoked token, which ``_session`` refuses.
    token = st.context.cookies.get(signin.COOKIE)
    session = _session(token, now)
    if session is not None:
        st.session_state[roles.LOGIN_KEY] = session.login
        st.session_state[TOKEN_KEY] = token


def _write_cookie() -> None:
    """Set or clear the session cookie in the browser, once, after a sign-in or a sign-out."""
    value = st.session_state.pop(COOKIE_KEY, None)
    if value is None:
        return
    age = int(signin.SESSION_TTL) if value else 0
    cookie = json.dumps(f"{signin.COOKIE}={value}; Max-Age={age}; Path=/; SameSite=Strict")
    secure = 'location.protocol === "https:" ? "; Secure" : ""'
    st.html(
        f"<script>document.cookie = {cookie} + ({secure});</script>",
        unsafe_allow_javascript=True,
    )


def _oidc_sync() -> None:
    """Mirror the OIDC identity into the session login, each run."""
    if st.user.is_logged_in:
        st.session_state[roles.LOGIN_KEY] = st.user.get("email") or ""
    elif st.session_state.get(roles.LOGIN_KEY) and "@" in st.session_state[roles.LOGIN_KEY]:
        sign_out()


def account(local: bool) -> Viewer:
    """Draw the account box in the current container (the sidebar); returns the run's viewer."""
    if local:
        return Viewer(LOCAL)
    try:
        return _account()
    except (OSError, users.UnreadableAccounts):
        # A damaged accounts file: nobody can sign in, and the public pages stay open.
        st.warning(texts.ACCOUNTS_UNREADABLE)
        return Viewer(SIGNED_OUT)


def _account() -> Viewer:
    """The account box when sign-in is configured."""
    users.check()  # a damaged file: the French notice, before any form that could only fail
    oidc = roles.auth_configured()
    if oidc:
        _oidc_sync()
    from_oidc = oidc and st.user.is_logged_in
    if not from_oidc:
        _cookie_sync(time.time())
    login = st.session_state.get(roles.LOGIN_KEY)
    role = SIGNED_OUT
    if login and from_oidc:
        role = role_for_email(login, settings().get("roles", {}))
    elif login:
        # ``observatoire users`` changes apply at once: a new role, or a removed account.
        role = users.role_of(login)
        if role is None:
            sign_out()
            login, role = None, SIGNED_OUT
    _write_cookie()
    if login:
        st.caption(texts.SIGNED_IN.format(login=login, role=ui_texts.ROLES[role]))
        if from_oidc:
            if role == SIGNED_OUT:
                st.caption(texts.OIDC_NO_ROLE.format(email=login))
            if st.button(texts.SIGN_OUT, key="auth_sign_out"):
                st.logout()
        else:
            st.button(texts.SIGN_OUT, key="auth_sign_out", on_click=sign_out)
        return Viewer(role, login=login)
    st.caption(texts.SIGNED_OUT)
    if oidc and st.button(texts.OIDC_SIGN_IN, key="auth_oidc"):
        st.login()
    if users.configured():
        _password_form()
    return Viewer(SIGNED_OUT)


def _password_form() -> None:
    """Login and password; on success the next run is signed in."""
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
            error = attempt(login, password, client_address())
            if error:
                st.error(error)
            else:
                st.rerun()  # redraw the sidebar signed in
