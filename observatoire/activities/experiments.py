"""The expérimentations page's data: by theme, status and department, and a timeline."""

from __future__ import annotations

import pandas as pd

from observatoire import db
from observatoire.activities.common import breakdown, department_names
from observatoire.kpis import Period
from observatoire.privacy import suppress_series
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


# KPI cards that are cells of the status breakdown (its total is experiments_total).
STATUS_CARDS = {"en_cours": "experiments_active", "terminee": "experiments_completed"}


def cards_hidden_by_statuses(statuses: pd.DataFrame) -> set[str]:
    """Cards the public must not see because the status breakdown hides their cell.

    The cards publish the total and two statuses: were they shown while the chart hides a
    small status, subtraction would give it back (20 started − 17 en cours = 3 terminées).
    """
    cut = suppress_series(statuses["count"].astype(int), with_total=True)
    labels = {texts.EXPERIMENT_STATUSES[s]: card for s, card in STATUS_CARDS.items()}
    hidden = {labels[label] for label in statuses.loc[cut.mask, "label"] if label in labels}
    return hidden | ({"experiments_total"} if cut.total_suppressed else set())


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
