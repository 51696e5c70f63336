"""Adapter for the coverage KPIs: observatoire.coverage when present, a SQL fallback otherwise."""

from __future__ import annotations

import calendar
import datetime as dt
import importlib

from observatoire import db
from observatoire.kpis.catalogue import COVERAGE_IDS, COVERAGE_QUERY

PROVIDER = "observatoire.coverage.kpis"


def _provider():
    """``coverage_kpis`` from the coverage package, or None while that package does not exist."""
    try:
        module = importlib.import_module(PROVIDER)
    except ModuleNotFoundError as exc:
        # Only a missing provider means "not there yet"; a broken one must fail loudly.
        if exc.name not in {"observatoire.coverage", PROVIDER}:
            raise
        return None
    return getattr(module, "coverage_kpis", None)


def window_start(end: dt.date) -> dt.date:
    """First day of the 12 months ending at ``end`` (2023-11-30 -> 2022-12-01)."""
    year = end.year - 1
    day = min(end.day, calendar.monthrange(year, end.month)[1])
    return dt.date(year, end.month, day) + dt.timedelta(days=1)


def coverage_values(
    con, end: dt.date, programme: str | None = None, department: str | None = None
) -> dict[str, float | None]:
    """The coverage KPIs at ``end`` over the 12 months before it, under their catalogue ids."""
    provider = _provider()
    if provider is not None:
        values = provider(con, end, programme=programme, department=department)
        return {kpi_id: values.get(kpi_id) for kpi_id in COVERAGE_IDS}
    row = db.rows(
        con,
        COVERAGE_QUERY,
        start=window_start(end),
        end=end,
        programme=programme,
        department=department,
    )[0]
    return {kpi_id: row.get(kpi_id) for kpi_id in COVERAGE_IDS}
