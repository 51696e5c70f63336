"""Cached page data keyed on the workspace file version, so an import shows at once.

``st.cache_data`` copies its result on every hit: only small results (cards, series, slides).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from observatoire.activities import overview as overview_data
from observatoire.forum.slides import slides
from observatoire.kpis import Period, parse_period
from observatoire.ui import connections
from observatoire.workspace.version import file_version


@st.cache_data(show_spinner=False, max_entries=64)
def _overview(path: str, version, period: str, programme, department) -> dict:
    """The vue d'ensemble of one file version and filters."""
    con = connections.workspace(Path(path))
    return overview_data.overview(con, parse_period(period), programme, department)


def overview(ctx, period: Period, programme: str | None, department: str | None) -> dict:
    """Headline KPIs, their change and trends (see ``activities.overview``), cached."""
    path = ctx.workspace.path
    return _overview(str(path), file_version(path), period.key, programme, department)


@st.cache_data(show_spinner=False, max_entries=16)
def _slides(path: str, version, name: str, demo: bool) -> list:
    """The forum slides of one file version."""
    con = connections.workspace(Path(path))
    return slides(con, connections.reference(), name, demo)


def forum_slides(ctx) -> list:
    """The six public slides of the chosen workspace (see ``forum.slides``), cached."""
    path = ctx.workspace.path
    return _slides(str(path), file_version(path), ctx.workspace.name, ctx.workspace.demo)
