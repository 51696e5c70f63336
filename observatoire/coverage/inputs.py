"""Loading what coverage needs from a workspace: territory, communes, actors, recent events."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from observatoire import db

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


def territory_departments(con) -> list[str]:
    """The workspace territory's department codes.

    The territory is the JSON list stored in ``workspace_info`` under the key ``departments``;
    when that key is absent, empty or unreadable, it is the departments where the workspace has
    actors.
    """
    raw = db.scalar(con, "coverage_declared_departments")
    try:
        declared = json.loads(raw) if raw else []
    except (TypeError, ValueError):
        declared = []
    if isinstance(declared, list) and declared:
        return sorted({str(code) for code in declared})
    return [r["code"] for r in db.rows(con, "coverage_actor_departments")]


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


def reference_date(con) -> dt.date:
    """The end of the "last 12 months": the end of the latest month with an action or a session.

    Anchoring on the data rather than the clock keeps an old workspace (say a 2017 demo) from
    looking empty when opened years later.
    """
    latest = db.scalar(con, "coverage_latest_event_date")
    return as_date(latest) if latest is not None else dt.date.today()


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
    """Everything coverage measures, for one territory and one 12-month window."""

    end_date: dt.date
    departments: list[str]
    communes: pd.DataFrame  # territory communes: code, name, ..., population, rural, lon, lat
    actors: pd.DataFrame  # actor points: actor_id, circle, commune_code, lon, lat
    events: pd.DataFrame  # actions and sessions of the window: kind, commune_code, lon, lat
    circles: tuple[int, ...] | None = None


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


def events(con, end_date, programme: str | None = None) -> pd.DataFrame:
    """Actions and in-person sessions of the 12 months ending on ``end_date`` (inclusive)."""
    return db.frame(con, "coverage_events", end_date=as_date(end_date), programme=programme)


def load(con, end_date=None, circles=None, programme=None, actors_listed_by=None) -> CoverageData:
    """Load the territory, its communes, the actors and the events of the 12-month window."""
    end = as_date(end_date) if end_date is not None else reference_date(con)
    departments = territory_departments(con)
    points = actors(con, circles, actors_listed_by)
    if points.empty:
        raise NoActors(circles)
    table = communes(con, departments)
    if table.empty:
        raise EmptyTerritory(departments)
    return CoverageData(
        end_date=end,
        departments=departments,
        communes=table,
        actors=points,
        events=events(con, end, programme),
        circles=parse_circles(circles),
    )
