"""Who is looking: local mode (no account configured) or a signed-in role (issue 6)."""

from __future__ import annotations

import streamlit as st

from observatoire.config import SECRETS
from observatoire.paths import data_dir

# With no account configured the app only listens on this machine: its user owns the data.
LOCAL_ROLE = "admin"
# Until sign-in exists, a configured but signed-out visitor sees aggregates only.
SIGNED_OUT_ROLE = "public"


def users_file():
    """Where ``observatoire users`` keeps accounts (git-ignored)."""
    return data_dir() / "users.toml"


def auth_configured() -> bool:
    """Whether OIDC sign-in (``[auth]`` in secrets.toml) is configured."""
    try:
        return "auth" in st.secrets
    except Exception:  # no or unreadable secrets file: Streamlit raises its own error types
        return False


def local_mode() -> bool:
    """No user file and no OIDC configuration: DESIGN §8 local mode."""
    return not users_file().exists() and not (SECRETS.exists() and auth_configured())


def current_role() -> str:
    """The role the frame enforces on this run."""
    if local_mode():
        return LOCAL_ROLE
    return st.session_state.get("role", SIGNED_OUT_ROLE)
