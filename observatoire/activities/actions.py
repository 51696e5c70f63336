"""The actions page's data: actions by type and month, audience by public and department."""

from __future__ import annotations

import pandas as pd

from observatoire import db
from observatoire.activities.common import COUNT, LABEL, breakdown, department_names
from observatoire.kpis import Period
from observatoire.texts import activities as texts


def rows(
    con, period: Period, programme: str | None = None, department: str | None = None
) -> pd.DataFrame:
    """The actions starting in the period, as kpi_actions counts them."""
    return db.frame(
        con,
        "action_rows",
        start=period.start,
        end=period.end,
        programme=programme or None,
        department=department or None,
    )


def by_month(actions: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Actions and audience per month of the period (months without actions show 0)."""
    months = pd.DataFrame({"month": [m.key for m in period.months()]})
    sums = actions.groupby("month").agg(actions=("title", "size"), audience=("participants", "sum"))
    table = months.merge(sums.reset_index(), on="month", how="left").fillna(0)
    return table.astype({"actions": int, "audience": int})


def by_department(actions: pd.DataFrame) -> pd.DataFrame:
    """Actions and audience per department, most actions first."""
    table = (
        actions.assign(department=department_names(actions))
        .groupby("department")
        .agg(actions=("title", "size"), audience=("participants", "sum"))
        .reset_index()
    )
    return table.sort_values(["actions", "department"], ascending=[False, True], ignore_index=True)


def breakdowns(actions: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Actions by type and audience by public."""
    return {
        texts.ACTIONS_BY_TYPE: breakdown(actions["type"]),
        texts.AUDIENCE_BY_PUBLIC: breakdown(actions["publics"], weights=actions["participants"]),
    }


__all__ = ["COUNT", "LABEL", "breakdowns", "by_department", "by_month", "rows"]
