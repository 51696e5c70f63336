"""Cached page data keyed on the workspace file version, so an import shows at once.

``st.cache_data`` copies its result on every hit: only small results (cards, series, slides).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from observatoire.activities import overview as overview_data
from observatoire.activities import trainings
from observatoire.forum.slides import slides
from observatoire.kpis import Comparison, Period, compute_kpis
from observatoire.periods import Kind
from observatoire.ui import connections
from observatoire.workspace.version import file_version


@st.cache_data(show_spinner=False, max_entries=64)
def _overview(
    path: str, version, dates: tuple[str, str, str], programme, department, compare: str
) -> dict:
    """The vue d'ensemble of one file version and filters."""
    con = connections.workspace(Path(path))
    return overview_data.overview(con, _period(dates), programme, department, compare)


def overview(
    ctx,
    period: Period,
    programme: str | None,
    department: str | None,
    compare: str = Comparison.PREVIOUS.value,
) -> dict:
    """Headline KPIs, their change and trends (see ``activities.overview``), cached."""
    path = ctx.workspace.path
    dates = _dates(period)
    return _overview(str(path), file_version(path), dates, programme, department, str(compare))


def _dates(period: Period) -> tuple[str, str, str]:
    """A period as its dates: a shortcut's key would be read again on another day."""
    return (period.start.isoformat(), period.end.isoformat(), period.kind.value)


def _period(dates: tuple[str, str, str]) -> Period:
    start, end, kind = dates
    return Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end), Kind(kind))


@st.cache_data(show_spinner=False, max_entries=256)
def _kpis(path: str, version, dates, programme, ids: tuple[str, ...], department) -> dict:
    """Catalogue values of one file version, period and filters (raw: each page masks them)."""
    con = connections.workspace(Path(path))
    return compute_kpis(con, _period(dates), programme, list(ids), department)


def kpis(ctx, period: Period, programme, ids, department) -> dict:
    """``compute_kpis`` on the page's workspace, cached per file version and filters."""
    path = ctx.workspace.path
    return _kpis(str(path), file_version(path), _dates(period), programme, tuple(ids), department)


@st.cache_data(show_spinner=False, max_entries=64)
def _trainings(path: str, version, dates, programme, department) -> dict:
    """The formations page's tables of one file version and filters (raw counts)."""
    con = connections.workspace(Path(path))
    period = _period(dates)
    people = trainings.participants(con, period, programme, department)
    return {
        "sessions": trainings.sessions(con, period, programme, department),
        "breakdowns": trainings.breakdowns(people),
        "documents": trainings.document_breakdowns(con, period, programme, department),
    }


def trainings_tables(ctx, period: Period, programme, department) -> dict:
    """Sessions, participant breakdowns and document breakdowns (see ``activities.trainings``)."""
    path = ctx.workspace.path
    return _trainings(str(path), file_version(path), _dates(period), programme, department)


@st.cache_data(show_spinner=False, max_entries=16)
def _slides(path: str, version, name: str, demo: bool) -> list:
    """The forum slides of one file version."""
    con = connections.workspace(Path(path))
    return slides(con, connections.reference(), name, demo)


def forum_slides(ctx) -> list:
    """The public slides of the chosen workspace (see ``forum.slides``), cached."""
    path = ctx.workspace.path
    return _slides(str(path), file_version(path), ctx.workspace.name, ctx.workspace.demo)
