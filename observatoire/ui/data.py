"""Cached reads of the reference for pages; keys include the file version, so rebuilds show."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from observatoire.db import frame, rows
from observatoire.maps.choropleth import Choropleth, department_choropleth
from observatoire.paths import reference_db
from observatoire.ui import connections


def _version() -> tuple[int, int]:
    """The reference file version (raises ``MissingReference`` through the connection if absent)."""
    connections.reference()
    return connections.stamp(reference_db())


@st.cache_data(show_spinner=False)
def _regions(version: tuple[int, int]) -> dict[str, str]:
    """Region code -> name, alphabetical."""
    return {r["code"]: r["name"] for r in rows(connections.reference(), "regions")}


@st.cache_data(show_spinner=False)
def _sources(version: tuple[int, int]) -> pd.DataFrame:
    """The sources table of the reference."""
    return frame(connections.reference(), "sources")


# Small results only: st.cache_data copies on every hit (a region layer is tens of KB).
@st.cache_data(show_spinner=False, max_entries=64)
def _choropleth(version: tuple[int, int], region: str, indicator: str) -> Choropleth:
    """The classified department layer of a region."""
    return department_choropleth(connections.reference(), region, indicator)


def regions() -> dict[str, str]:
    """Region code -> French name."""
    return _regions(_version())


def sources() -> pd.DataFrame:
    """Dataset, edition, publisher, licence of every reference source."""
    return _sources(_version())


def choropleth(region: str, indicator: str) -> Choropleth:
    """The departments choropleth of one region and indicator."""
    return _choropleth(_version(), region, indicator)
