"""KPIs side by side: the programmes of one workspace, or several workspaces (a national view)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from observatoire import db
from observatoire.kpis.compute import compute_kpis
from observatoire.periods import Period, as_period

Value = int | float | None


def programmes(con) -> list[str]:
    """Programmes named anywhere in the workspace, sorted."""
    return [r["programme"] for r in db.rows(con, "activity_programmes")]


def by_programme(
    con, period: Period | str, ids: Sequence[str], department: str | None = None
) -> dict[str, dict[str, Value]]:
    """Each programme's values (then every programme's, under ``""``), by programme then KPI id.

    Distinct counts are distinct within each column: the columns need not add up to the last.
    """
    period = as_period(period)
    out = {p: compute_kpis(con, period, p, ids, department) for p in programmes(con)}
    out[""] = compute_kpis(con, period, None, ids, department)
    return out


def by_workspace(
    paths: Iterable[Path], period: Period | str, ids: Sequence[str]
) -> dict[str, dict[str, Value]]:
    """Each workspace file's values, opened read-only one after the other, by file stem."""
    from observatoire.workspace import connect

    period = as_period(period)
    out = {}
    for path in paths:
        con = connect(Path(path), read_only=True)
        try:
            out[Path(path).stem] = compute_kpis(con, period, only=ids)
        finally:
            con.close()
    return out
