"""Shared helpers of the activity pages: filter choices and counted breakdowns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from observatoire import db
from observatoire.kpis import Period
from observatoire.periods import parse_month
from observatoire.texts import activities as texts
from observatoire.workspace.territory import territory_departments

LABEL, COUNT = "label", "count"


def years(con) -> list[int]:
    """Years with any session, action or experiment, latest first."""
    return [int(r["year"]) for r in db.rows(con, "activity_years")]


def default_period(con) -> Period:
    """The latest year with data in the workspace, else the current year."""
    found = years(con)
    return Period.year(found[0] if found else dt.date.today().year)


def default_month(con, today: dt.date | None = None) -> Period:
    """The latest month with a session or an action up to ``today``, else the current month."""
    today = today or dt.date.today()
    found = db.scalar(con, "activity_latest_month", today=today)
    return parse_month(found) if found else Period.month(today.year, today.month)


def departments(con) -> dict[str, str]:
    """The workspace's departments (territory and any holding a record): code -> name."""
    territory = territory_departments(con)
    return {r["code"]: r["name"] for r in db.rows(con, "activity_departments", territory=territory)}


def programmes(con) -> list[str]:
    """Programmes named anywhere in the workspace, sorted."""
    return [r["programme"] for r in db.rows(con, "activity_programmes")]


def breakdown(
    values: pd.Series, labels: Mapping[str, str] | None = None, weights: pd.Series | None = None
) -> pd.DataFrame:
    """Count (or sum ``weights``) by value: columns ``label``, ``count``, largest first."""
    keys = values.astype("object").where(values.notna() & (values.astype(str).str.strip() != ""))
    named = keys.map(lambda k: texts.NONE if k is None or k != k else (labels or {}).get(k, k))
    counts = (weights if weights is not None else pd.Series(1, index=values.index)).fillna(0)
    table = counts.groupby(named).sum().rename(COUNT).reset_index()
    table.columns = [LABEL, COUNT]
    table[COUNT] = table[COUNT].astype(int)
    return table.sort_values([COUNT, LABEL], ascending=[False, True], ignore_index=True)


def department_names(frame: pd.DataFrame) -> pd.Series:
    """``department_name`` with unknown departments named as such."""
    return frame["department_name"].fillna(texts.UNKNOWN_DEPARTMENT)
