"""Who is looking: local mode (no account configured) or a signed-in role."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from observatoire import users
from observatoire.config import SECRETS
from observatoire.privacy.roles import Role

# With no account configured the app only listens on this machine: its user owns the data.
LOCAL_ROLE = str(Role.ADMIN)
# A configured but signed-out visitor sees aggregates only.
SIGNED_OUT_ROLE = str(Role.PUBLIC)
ROLE_KEY = "role"  # st.session_state key of the signed-in role
LOGIN_KEY = "login"  # and of the login (or OIDC e-mail) it belongs to


def users_file() -> Path:
    """Where ``observatoire users`` keeps accounts (git-ignored)."""
    return users.users_file()


def auth_configured() -> bool:
    """Whether OIDC sign-in (``[auth]`` in secrets.toml) is configured."""
    try:
        return "auth" in st.secrets
    except Exception:  # no or unreadable secrets file: Streamlit raises its own error types
        return False


def local_mode() -> bool:
    """No account and no OIDC configuration: local mode."""
    return not users.configured() and not (SECRETS.exists() and auth_configured())


def current_role() -> str:
    """The role the frame enforces on this run."""
    if local_mode():
        return LOCAL_ROLE
    return st.session_state.get(ROLE_KEY, SIGNED_OUT_ROLE)


def admits(page_roles: tuple[str, ...], role: str) -> bool:
    """Whether a page declaring ``page_roles`` may be shown to ``role``; the frame's one check."""
    return str(role) in {str(r) for r in page_roles}
