"""Open a page in Streamlit's AppTest with URL parameters, signed in or not."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def sign_in(at: AppTest, login: str, password: str) -> AppTest:
    """Fill and submit the sidebar's sign-in form."""
    at.sidebar.text_input(key="auth_login").input(login)
    at.sidebar.text_input(key="auth_password").input(password)
    return at.sidebar.button(key="auth_submit").click().run()


def open_page(
    page: str, params: dict[str, str], login: str | None = None, password: str = "", timeout=90
) -> AppTest:
    """Run ``page`` with ``params`` in its URL, signed in as ``login`` (None = signed out)."""
    at = AppTest.from_file(page, default_timeout=timeout)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if login:
        at = sign_in(at, login, password)
    assert not at.exception, at.exception
    return at
