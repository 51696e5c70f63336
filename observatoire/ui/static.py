"""Make sure the app's static files (local Leaflet) exist before any page renders a map."""

from __future__ import annotations

import streamlit as st

from observatoire.maps.assets import LEAFLET_URL, install_leaflet


@st.cache_resource(show_spinner=False)
def ensure_static() -> str:
    """Copy Leaflet into ``static/vendor/`` once per server process; return its URL."""
    install_leaflet()
    return leaflet_url()


def leaflet_url() -> str:
    """The Leaflet folder URL, behind ``server.baseUrlPath`` when the app is served under one."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{LEAFLET_URL}" if base else LEAFLET_URL
