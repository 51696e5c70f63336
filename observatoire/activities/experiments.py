"""The expérimentations page's data: by theme, status and department, and a timeline."""

from __future__ import annotations

import pandas as pd

from observatoire import db
from observatoire.activities.common import breakdown, department_names
from observatoire.kpis import Period
from observatoire.texts import activities as texts


def rows(
    con, period: Period, programme: str | None = None, department: str | None = None
) -> pd.DataFrame:
    """Experiments started by the end of the period, as kpi_experiments counts them."""
    return db.frame(
        con,
        "experiment_rows",
        end=period.end,
        programme=programme or None,
        department=department or None,
    )


def breakdowns(experiments: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Experiments by theme, status and department."""
    return {
        texts.EXPERIMENTS_BY_THEME: breakdown(experiments["theme"]),
        texts.EXPERIMENTS_BY_STATUS: breakdown(experiments["status"], texts.EXPERIMENT_STATUSES),
        texts.EXPERIMENTS_BY_DEPARTMENT: breakdown(department_names(experiments)),
    }


def timeline(experiments: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Dated experiments with start and end (open ones end at the period's end), French status."""
    dated = experiments.dropna(subset=["start_date"]).copy()
    dated["end_date"] = dated["end_date"].fillna(pd.Timestamp(period.end))
    dated["status"] = dated["status"].map(lambda s: texts.EXPERIMENT_STATUSES.get(s, texts.NONE))
    return dated[["title", "theme", "status", "start_date", "end_date"]].reset_index(drop=True)
