"""KPIs side by side: the programmes of one workspace, or several workspaces (a national view)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from observatoire import db
from observatoire.kpis.compute import compute_kpis
from observatoire.periods import Period, as_period
from observatoire.workspace.territory import territory_departments
from observatoire.workspace.version import Version, file_version

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


@dataclass(frozen=True)
class Figures:
    """One workspace file's KPI values for one period, and its declared departments."""

    values: dict[str, Value]
    departments: list[str]

    def copy(self) -> Figures:
        """A copy the caller may change without touching the cache."""
        return Figures(dict(self.values), list(self.departments))


Key = tuple[str, Version, Period, tuple[str, ...]]
# (resolved path, file version, period, KPI ids) -> Figures. An import swaps a new file in, so a
# new version is a new key: nothing goes stale, the oldest entries simply fall out. Values are
# unsuppressed (the comparison is for staff roles), so the viewer's role is not part of the key.
_CACHE: OrderedDict[Key, Figures] = OrderedDict()
_CACHE_SIZE = 512
_LOCK = threading.Lock()


def _read(path: Path, period: Period, ids: tuple[str, ...]) -> Figures:
    """One file's figures through one read-only connection."""
    from observatoire.workspace import connect

    con = connect(path, read_only=True)
    try:
        return Figures(compute_kpis(con, period, only=ids), territory_departments(con))
    finally:
        con.close()


def workspace_figures(path: Path, period: Period | str, ids: Sequence[str]) -> Figures:
    """A file's figures, computed once per file version, period and KPI ids (a process cache)."""
    path, period, ids = Path(path).resolve(), as_period(period), tuple(ids)
    version = file_version(path)
    key = (str(path), version, period, ids)
    with _LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found.copy()
    figures = _read(path, period, ids)
    # A file swapped in while it was read may have been the one read: keep only a sure answer.
    if version is not None and file_version(path) == version:
        with _LOCK:
            _CACHE[key] = figures.copy()
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    return figures


def by_workspace_figures(
    paths: Iterable[Path], period: Period | str, ids: Sequence[str]
) -> dict[str, Figures]:
    """Each file's figures by stem, read one after the other (cached per file version).

    Not in threads: after DuckDB instances had been opened in parallel threads (each attaching the
    same reference file), a later connection of the same test process hung inside DuckDB.
    """
    period = as_period(period)
    paths = list(dict.fromkeys(Path(p) for p in paths))
    found = [workspace_figures(p, period, ids) for p in paths]
    return {p.stem: f for p, f in zip(paths, found, strict=True)}


def by_workspace(
    paths: Iterable[Path], period: Period | str, ids: Sequence[str]
) -> dict[str, dict[str, Value]]:
    """Each workspace file's values, each file read-only and once per version, by file stem."""
    figures = by_workspace_figures(paths, period, ids)
    return {stem: f.values for stem, f in figures.items()}
