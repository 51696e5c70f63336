"""What a file changes: each KPI of the current period, in the workspace and in the staged copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from observatoire.kpis import BY_ID, KPIS, Period, compute_kpis
from observatoire.kpis.compute import latest_month

Value = int | float | None


@dataclass(frozen=True)
class KpiChange:
    """One KPI before and after the import (``before`` None: the workspace is new)."""

    kpi_id: str
    before: Value
    after: Value

    @property
    def label(self) -> str:
        """French catalogue label."""
        return BY_ID[self.kpi_id].label

    @property
    def change(self) -> Value:
        """After minus before (the whole value for a new workspace)."""
        if self.after is None:
            return None
        return self.after - (self.before or 0)


@dataclass(frozen=True)
class KpiChanges:
    """Every catalogue KPI of ``period`` before and after, in catalogue order."""

    period: Period
    rows: list[KpiChange]

    @property
    def changed(self) -> list[KpiChange]:
        """The KPIs the file moves."""
        return [r for r in self.rows if r.before != r.after]


def _values(path: Path, period: Period | None) -> tuple[Period, dict[str, Value]]:
    """The KPIs of a workspace file (read-only), on ``period`` or its current period."""
    from observatoire.workspace import connect

    con = connect(path, read_only=True)
    try:
        period = period or latest_month(con)
        return period, compute_kpis(con, period, only=[k.id for k in KPIS])
    finally:
        con.close()


def kpi_changes(workspace: Path | None, staged: Path, period: Period | None = None) -> KpiChanges:
    """Each KPI in ``workspace`` (None or missing: new) and in ``staged``, the import applied.

    The period is ``period``, else the workspace's current one (the staged copy's when new).
    """
    before: dict[str, Value] = {}
    if workspace is not None and Path(workspace).exists():
        period, before = _values(Path(workspace), period)
    period, after = _values(Path(staged), period)
    rows = [KpiChange(k.id, before.get(k.id), after[k.id]) for k in KPIS]
    return KpiChanges(period, rows)
