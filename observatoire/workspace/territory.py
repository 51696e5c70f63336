"""A workspace's territory: the departments its KPIs, coverage, maps and tables all cover."""

from __future__ import annotations

from observatoire import db


def territory_departments(con) -> list[str]:
    """The territory's department codes, sorted (see queries/workspace_territory.sql)."""
    return [r["code"] for r in db.rows(con, "workspace_territory")]
