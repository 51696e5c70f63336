"""The vue d'ensemble's data: headline KPIs, their change and their 12-month trends."""

from __future__ import annotations

import pandas as pd

from observatoire import formats
from observatoire.kpis import BY_ID, Comparison, Period, compute_kpis, kpi_value, monthly_series

HEADLINES = [
    "actors_total",
    "actors_new",
    "training_sessions",
    "training_participants",
    "webinar_sessions",
    "actions_total",
    "actions_audience",
    "experiments_active",
]
TRENDS = ["training_participants", "actions_total", "actions_audience", "actors_new"]


def changes(current: dict, previous: dict, ids: list[str]) -> pd.DataFrame:
    """Per KPI: French label, current and previous values (formatted) and the signed change."""
    out = []
    for kpi_id in ids:
        now, before = current[kpi_id], previous[kpi_id]
        delta = None if now is None or before is None else now - before
        out.append(
            {
                "label": BY_ID[kpi_id].label,
                "current": kpi_value(kpi_id, now),
                "previous": kpi_value(kpi_id, before),
                "change": formats.signed(delta),
            }
        )
    return pd.DataFrame(out, columns=["label", "current", "previous", "change"])


def overview(
    con,
    period: Period,
    programme: str | None = None,
    department: str | None = None,
    compare: Comparison | str = Comparison.PREVIOUS,
) -> dict:
    """Headline values of the period and of its comparison period, and monthly trends to its end.

    The comparison is the period just before (same length) or the same dates a year earlier.
    """
    current = compute_kpis(con, period, programme, only=HEADLINES, department=department)
    other = period.compared(compare)
    previous = compute_kpis(con, other, programme, HEADLINES, department)
    end_month = Period.month(period.end.year, period.end.month)
    trends = monthly_series(con, TRENDS, end_month, 12, programme, department)
    return {
        "current": current,
        "previous": previous,
        "compared_label": other.label,
        "changes": changes(current, previous, HEADLINES),
        "trends": trends,
    }
