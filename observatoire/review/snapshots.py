"""« Figer le mois »: a review's KPI values kept as they were, compared with today's values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from observatoire import db
from observatoire.kpis import BY_ID
from observatoire.review import store

SNAPSHOT_COLUMNS = ["month", "programme", "department", "kpis", "frozen_at", "frozen_by"]
COMPARISON_COLUMNS = ["kpi_id", "label", "frozen", "current", "difference", "changed"]


@dataclass(frozen=True)
class Snapshot:
    """The frozen values of one review (month, programme, department)."""

    values: dict[str, float | None]
    frozen_at: dt.datetime
    frozen_by: str | None


def freeze(
    workspace: Path,
    month: str,
    programme: str | None,
    department: str | None,
    values: Mapping[str, float | int | None],
    author: str | None,
    now: dt.datetime | None = None,
) -> Path | None:
    """Store ``values`` as the review's snapshot (replacing an earlier one) by a safe write."""
    unknown = set(values) - BY_ID.keys()
    if unknown:
        raise KeyError(f"unknown KPI ids: {sorted(unknown)}")
    stamp = now or dt.datetime.now().replace(microsecond=0)
    key = {"month": month, "programme": programme or "", "department": department or ""}

    def change(con) -> None:
        db.execute(con, "review_snapshot_delete", **key)
        for kpi_id, value in values.items():
            db.execute(
                con,
                "review_snapshot_insert",
                **key,
                kpi_id=kpi_id,
                value=None if value is None else float(value),
                frozen_at=stamp,
                frozen_by=author,
            )

    return store.write(workspace, change)


def read(con, month: str, programme: str | None, department: str | None) -> Snapshot | None:
    """The snapshot of one review, or None when it was never frozen."""
    if not store.readable(con, store.SNAPSHOTS):
        return None
    found = db.rows(
        con,
        "review_snapshot_values",
        month=month,
        programme=programme or "",
        department=department or "",
    )
    if not found:
        return None
    values = {r["kpi_id"]: r["value"] for r in found}
    return Snapshot(values, max(r["frozen_at"] for r in found), found[0]["frozen_by"])


def listing(con) -> pd.DataFrame:
    """Every frozen review, latest month first (columns SNAPSHOT_COLUMNS)."""
    if not store.readable(con, store.SNAPSHOTS):
        return pd.DataFrame(columns=SNAPSHOT_COLUMNS)
    return db.frame(con, "review_snapshots")[SNAPSHOT_COLUMNS]


def _same(frozen, current) -> bool:
    """Whether a frozen value (stored as DOUBLE) equals today's, both possibly undefined."""
    if frozen is None or current is None:
        return frozen is None and current is None
    return abs(float(frozen) - float(current)) < 1e-9


def compare(snapshot: Snapshot, current: Mapping[str, float | int | None]) -> pd.DataFrame:
    """Frozen against current values, one row per frozen KPI in catalogue order."""
    out = []
    for kpi_id in [k for k in BY_ID if k in snapshot.values]:
        frozen, now = snapshot.values[kpi_id], current.get(kpi_id)
        both = frozen is not None and now is not None
        out.append(
            {
                "kpi_id": kpi_id,
                "label": BY_ID[kpi_id].label,
                "frozen": frozen,
                "current": now,
                "difference": (float(now) - float(frozen)) if both else None,
                "changed": not _same(frozen, now),
            }
        )
    return pd.DataFrame(out, columns=COMPARISON_COLUMNS)
