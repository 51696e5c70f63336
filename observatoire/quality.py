"""Data-quality checks of a workspace: what to complete, counted and listed (page donnees)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from observatoire import db, formats
from observatoire.privacy.roles import can_see_people
from observatoire.texts import activities as activity_texts
from observatoire.texts import donnees as texts

# Check id -> the query listing the records it flags.
QUERIES = {
    "actors_approximate": "quality_actors_approximate",
    "actors_without_circle": "quality_actors_without_circle",
    "people_incomplete": "quality_people_incomplete",
    "sessions_without_place": "quality_sessions_without_place",
}
CHECKS = tuple(QUERIES)
PEOPLE_CHECKS = frozenset({"people_incomplete"})
LIST_LIMIT = 500  # a list is for fixing records by hand; the count tells the full size
_CODES = {"gender": texts.GENDER, "status": texts.STATUS, "format": activity_texts.SESSION_FORMATS}


@dataclass(frozen=True)
class Check:
    """One check: its id, French label, how many records it flags, and the first of them."""

    id: str
    label: str
    count: int
    rows: pd.DataFrame | None  # None when the role may not see the records


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Check id -> number of records flagged."""
    row = db.rows(con, "quality_counts")[0]
    return {check: int(row[check]) for check in CHECKS}


def listing(con: duckdb.DuckDBPyConnection, check: str, limit: int = LIST_LIMIT) -> pd.DataFrame:
    """The first ``limit`` records a check flags, with French column names and values."""
    if check not in CHECKS:
        raise ValueError(check)
    df = db.frame(con, QUERIES[check], limit=limit)
    for column, labels in _CODES.items():
        if column in df:
            df[column] = df[column].map(
                lambda v, m=labels: texts.MISSING_VALUE if v is None or pd.isna(v) else m.get(v, v)
            )
    if "start_date" in df:
        df["start_date"] = df["start_date"].map(formats.date)
    # Blank, not "None", for optional values nobody gave (postal code, structure type, ...).
    return df.astype(object).where(df.notna(), "").rename(columns=texts.QUALITY_COLUMNS)


def report(con: duckdb.DuckDBPyConnection, role: str, limit: int = LIST_LIMIT) -> list[Check]:
    """Every check with its count; lists of people only for roles that may see people."""
    found = counts(con)
    out = []
    for check in CHECKS:
        visible = check not in PEOPLE_CHECKS or can_see_people(role)
        rows = listing(con, check, limit) if visible and found[check] else None
        out.append(Check(check, texts.CHECKS[check], found[check], rows))
    return out
