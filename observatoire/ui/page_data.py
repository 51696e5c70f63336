"""Cached page data keyed on the workspace file version, so an import shows at once.

``st.cache_data`` copies its result on every hit: only small results (cards, series, slides).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from observatoire.activities import overview as overview_data
from observatoire.forum.slides import slides
from observatoire.kpis import Comparison, Period
from observatoire.periods import Kind
from observatoire.ui import connections
from observatoire.workspace.version import file_version


@st.cache_data(show_spinner=False, max_entries=64)
def _overview(
    path: str, version, dates: tuple[str, str, str], programme, department, compare: str
) -> dict:
    """The vue d'ensemble of one file version and filters."""
    con = connections.workspace(Path(path))
    start, end, kind = dates
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end), Kind(kind))
    return overview_data.overview(con, period, programme, department, compare)


def overview(
    ctx,
    period: Period,
    programme: str | None,
    department: str | None,
    compare: str = Comparison.PREVIOUS.value,
) -> dict:
    """Headline KPIs, their change and trends (see ``activities.overview``), cached."""
    path = ctx.workspace.path
    # The dates, not the key: a shortcut's key would be read again on another day.
    dates = (period.start.isoformat(), period.end.isoformat(), period.kind.value)
    return _overview(str(path), file_version(path), dates, programme, department, str(compare))


@st.cache_data(show_spinner=False, max_entries=16)
def _slides(path: str, version, name: str, demo: bool) -> list:
    """The forum slides of one file version."""
    con = connections.workspace(Path(path))
    return slides(con, connections.reference(), name, demo)


def forum_slides(ctx) -> list:
    """The public slides of the chosen workspace (see ``forum.slides``), cached."""
    path = ctx.workspace.path
    return _slides(str(path), file_version(path), ctx.workspace.name, ctx.workspace.demo)
