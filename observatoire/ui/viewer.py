"""Who is looking at this run: the frame records the effective role; cards and charts read it.

Suppression happens at render time, in one place: ``kpi_cards`` and the ``charts`` helpers ask
``suppressing()`` and mask small counts for the public, so no page can forget it.
"""

from __future__ import annotations

import streamlit as st

from observatoire.privacy import Role, suppresses_small_counts

VIEWER_KEY = "viewer_role"  # st.session_state: the role the frame enforced on this run


def set_role(role: str) -> None:
    """Called by the frame once the role of this run is known."""
    st.session_state[VIEWER_KEY] = str(role)


def role() -> str:
    """The role of this run; ``public`` when no frame ran (the safe default)."""
    return st.session_state.get(VIEWER_KEY, str(Role.PUBLIC))


def suppressing() -> bool:
    """Whether small counts must be masked for this run."""
    return suppresses_small_counts(role())
