"""KPI values: the one entry point every page, report and CLI reads them through."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

import duckdb

from observatoire import db
from observatoire.kpis.catalogue import BY_ID, COVERAGE_QUERY, KPIS, Kpi, Unit
from observatoire.kpis.targets import check_targets, compute_targets, target_details
from observatoire.periods import Period, as_period, last_months, parse_month
from observatoire.texts import kpis as texts
from observatoire.workspace.territory import territory_departments

if TYPE_CHECKING:  # pandas costs 0.3 s to import: the kpis CLI (budget 1 s) never needs it
    import pandas as pd

__all__ = [
    "by_department",
    "check_targets",
    "compute_kpis",
    "compute_targets",
    "monthly_series",
    "programme_start",
    "target_details",
]

Value = int | float | None


def _select(only: Iterable[str] | None) -> list[Kpi]:
    """Catalogue entries to compute, in catalogue order; unknown ids are a programming error."""
    if only is None:
        return list(KPIS)
    wanted = set(only)
    unknown = wanted - BY_ID.keys()
    if unknown:
        raise KeyError(f"unknown KPI ids: {sorted(unknown)}")
    return [k for k in KPIS if k.id in wanted]


def _run(con, query: str, period: Period, programme: str | None, department: str | None) -> dict:
    """One catalogue query's single row; each file declares the subset of parameters it needs."""
    _, declared = db.load_query(query)
    given = {
        "start": period.start,
        "end": period.end,
        "programme": programme,
        "department": department,
    }
    return db.rows(con, query, **{k: v for k, v in given.items() if k in declared})[0]


def _clean(kpi: Kpi, value) -> Value:
    """Counts as int, measures as float, undefined ratios as None."""
    if value is None or value != value:
        return None
    if kpi.unit in (Unit.COUNT, Unit.PEOPLE):
        return int(value)
    return float(value)


def compute_kpis(
    con,
    period: Period | str,
    programme: str | None = None,
    only: Iterable[str] | None = None,
    department: str | None = None,
) -> dict[str, Value]:
    """Every KPI (or those in ``only``) for a period, optional programme and department, by id."""
    period, programme, department = as_period(period), programme or None, department or None
    wanted = _select(only)
    queries = list(dict.fromkeys(k.query for k in wanted))
    rows: dict[str, dict] = {}
    coverage = None
    if COVERAGE_QUERY in queries:
        queries.remove(COVERAGE_QUERY)
        coverage = _Background(_coverage_row, con.cursor(), period, programme, department)
    try:
        for query in queries:
            try:
                rows[query] = _run(con, query, period, programme, department)
            except duckdb.CatalogException:
                rows[query] = {}  # a workspace file older than the table this query reads
    finally:
        if coverage is not None:
            rows[COVERAGE_QUERY] = coverage.result()
    return {k.id: _clean(k, rows[k.query].get(k.id)) for k in wanted}


def _coverage_row(cur, period: Period, programme, department) -> dict:
    """The coverage KPIs of the period, on a cursor of their own (closed after)."""
    # Imported here: numpy loads only when a coverage KPI is asked for.
    from observatoire.coverage.kpis import coverage_kpis, kpi_period

    try:
        return coverage_kpis(cur, kpi_period(period), programme=programme, department=department)
    finally:
        cur.close()


class _Background:
    """A call on a thread of its own, started at once; ``result()`` waits and re-raises.

    The coverage KPIs run beside the other catalogue queries: DuckDB lets go of the GIL while it
    queries, so their Python part (numpy and shapely imports, the QPV geometry) overlaps them.
    """

    def __init__(self, call, *args):
        self._value = self._error = None
        self._thread = threading.Thread(target=self._run, args=(call, args), daemon=True)
        self._thread.start()

    def _run(self, call, args) -> None:
        try:
            self._value = call(*args)
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def monthly_series(
    con,
    kpi_ids: Iterable[str],
    end_month: Period | str,
    months: int = 12,
    programme: str | None = None,
    department: str | None = None,
) -> pd.DataFrame:
    """One row per month (column ``month``, ``YYYY-MM``, oldest first), one column per KPI."""
    ids = [k.id for k in _select(kpi_ids)]
    rows = []
    for month in last_months(as_period(end_month), months):
        values = compute_kpis(con, month, programme, only=ids, department=department)
        rows.append({"month": month.key, **values})
    import pandas as pd

    return pd.DataFrame(rows, columns=["month", *ids])


def latest_month(con, today: dt.date | None = None) -> Period:
    """The latest month with a session or an action up to ``today``, else the current month."""
    today = today or dt.date.today()
    found = db.scalar(con, "activity_latest_month", today=today)
    return parse_month(found) if found else Period.month(today.year, today.month)


def programme_start(con, programme: str | None = None) -> dt.date | None:
    """The first session or action of the programme (of any, without one); None when empty."""
    return db.scalar(con, "kpi_programme_start", programme=programme or None)


def by_department(con, period: Period | str, programme: str | None = None) -> pd.DataFrame:
    """The committee's per-department table (see queries/kpi_by_department.sql)."""
    period = as_period(period)
    table = db.frame(
        con,
        "kpi_by_department",
        start=period.start,
        end=period.end,
        programme=programme or None,
        departments=territory_departments(con),
    )
    # Rows without a department are kept, so that the columns add up to the totals.
    table.loc[table["department_code"].isna(), "department_name"] = texts.UNKNOWN_DEPARTMENT
    return table
