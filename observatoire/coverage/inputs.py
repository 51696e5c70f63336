"""Loading what coverage needs from a workspace: territory, communes, actors, activities of a period.

The activities of a period (actions, in-person sessions, experiments, each with a point) are
defined once, in queries/period_activities.sql; every coverage figure selects from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from observatoire import db
from observatoire.periods import Period
from observatoire.workspace.territory import territory_departments

if TYPE_CHECKING:  # imported where used: the kpis CLI reads the territory without pandas
    import pandas as pd


class NoActors(ValueError):
    """The workspace (or the chosen circles) has no actor to measure coverage from."""


class EmptyTerritory(ValueError):
    """The workspace territory holds no commune."""


def isin(values, pool) -> np.ndarray:
    """``values`` members of ``pool``, by hashing (``Series.isin`` on Arrow strings loops in Python)."""
    import pandas as pd

    index = pd.Index(pd.Series(pool, dtype=object).drop_duplicates())
    return index.get_indexer(pd.Series(values, dtype=object)) >= 0


def as_date(value) -> dt.date:
    """A date from a ``date``, ``datetime``, pandas Timestamp or ``YYYY-MM-DD`` text."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    import pandas as pd

    return pd.Timestamp(value).date()


def last_12_months(end) -> Period:
    """The 12 months ending on ``end`` (included): ``Period.rolling_year``, the one window."""
    return Period.rolling_year(as_date(end))


def activity_cursor(con, period: Period, programme: str | None = None):
    """A fresh cursor holding ``period_activities``, the activities of ``period``."""
    return db.execute(
        con, "period_activities", start=period.start, end=period.end, programme=programme
    )


def latest_activity_month_end(con) -> dt.date | None:
    """The last day of the month of the workspace's latest activity (None when it has none)."""
    cur = activity_cursor(con, Period(dt.date.min, dt.date.max))
    try:
        latest = db.execute_on(cur, "coverage_latest_activity_date").fetchone()[0]
    finally:
        cur.close()
    return as_date(latest) if latest is not None else None


def reference_date(con) -> dt.date:
    """The end of the default period: the last day of the latest activity's month, else today.

    Anchoring on the data rather than the clock keeps an old workspace (say a 2017 demo) from
    looking empty when opened years later.
    """
    return latest_activity_month_end(con) or dt.date.today()


def default_period(con) -> Period:
    """The default coverage period: the 12 whole months ending with the latest activity's month."""
    return last_12_months(reference_date(con))


def parse_circles(circles) -> tuple[int, ...] | None:
    """A sorted tuple of circles from ``"1,2"`` or an iterable, or None for every circle."""
    if circles is None:
        return None
    items = circles.split(",") if isinstance(circles, str) else circles
    values = sorted({int(str(c).strip()) for c in items if str(c).strip()})
    if not values or any(c not in (1, 2, 3) for c in values):
        raise ValueError(circles)
    return tuple(values)


@dataclass
class CoverageData:
    """Everything coverage measures, for one territory and one period."""

    end_date: dt.date
    departments: list[str]
    communes: pd.DataFrame  # territory communes: code, name, ..., population, rural, lon, lat
    actors: pd.DataFrame  # actor points: actor_id, circle, commune_code, lon, lat
    # Activities of the period: kind, activity_id, start_date, commune_code, lon, lat, audience.
    events: pd.DataFrame
    circles: tuple[int, ...] | None = None
    period: Period | None = None  # None: the 12 months ending on end_date

    def __post_init__(self):
        if self.period is None and self.end_date is not None:
            self.period = last_12_months(self.end_date)


def communes(con, departments: list[str]) -> pd.DataFrame:
    """The reference communes of the given departments."""
    return db.frame(con, "coverage_communes", departments=list(departments))


def actors(con, circles=None, end_date=None) -> pd.DataFrame:
    """Actor points, optionally only some circles and only those listed by ``end_date``."""
    circles = parse_circles(circles)
    return db.frame(
        con,
        "coverage_actors",
        circles=list(circles) if circles else None,
        end_date=as_date(end_date) if end_date is not None else None,
    )


def activities(con, period: Period, programme: str | None = None) -> pd.DataFrame:
    """The activities of ``period`` with their points and audience (see period_activities.sql)."""
    cur = activity_cursor(con, period, programme)
    try:
        return db.execute_on(cur, "coverage_activities").df()
    finally:
        cur.close()


def events(con, end_date, programme: str | None = None) -> pd.DataFrame:
    """The activities of the 12 months ending on ``end_date`` (inclusive)."""
    return activities(con, last_12_months(end_date), programme)


def load(
    con,
    end_date=None,
    circles=None,
    programme=None,
    actors_listed_by=None,
    period: Period | None = None,
    require_actors: bool = True,
) -> CoverageData:
    """Load the territory, its communes, the actors and the activities of the period.

    The period is ``period``, else the 12 months ending on ``end_date``, else the default period.
    Without actors, raises ``NoActors`` unless ``require_actors`` is false (reach needs none).
    """
    if period is None:
        period = last_12_months(end_date) if end_date is not None else default_period(con)
    departments = territory_departments(con)
    points = actors(con, circles, actors_listed_by)
    if points.empty and require_actors:
        raise NoActors(circles)
    table = communes(con, departments)
    if table.empty:
        raise EmptyTerritory(departments)
    return CoverageData(
        end_date=period.end,
        departments=departments,
        communes=table,
        actors=points.astype({"lon": float, "lat": float}),
        events=activities(con, period, programme),
        circles=parse_circles(circles),
        period=period,
    )
