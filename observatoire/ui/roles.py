"""Who is looking: local mode (no account configured) or sign-in.

The roles themselves and what each may see are ``privacy.roles``; this module only knows where
the app's configuration says sign-in is on, and the session key of the signed-in login.
"""

from __future__ import annotations

import streamlit as st

from observatoire import users
from observatoire.config import SECRETS

LOGIN_KEY = "login"  # st.session_state: the signed-in login (or OIDC e-mail), the only identity


def auth_configured() -> bool:
    """Whether OIDC sign-in (``[auth]`` in secrets.toml) is configured."""
    try:
        return "auth" in st.secrets
    except Exception:  # no or unreadable secrets file: Streamlit raises its own error types
        return False


def local_mode() -> bool:
    """No account and no OIDC configuration: local mode."""
    return not users.configured() and not (SECRETS.exists() and auth_configured())
