"""The formations page's data: sessions and breakdowns of the distinct participants."""

from __future__ import annotations

import pandas as pd

from observatoire import db, formats
from observatoire.activities.common import breakdown, department_names
from observatoire.kpis import Period
from observatoire.texts import activities as texts


def _params(period: Period, programme: str | None, department: str | None) -> dict:
    """The bound parameters shared by the trainings queries."""
    return {
        "start": period.start,
        "end": period.end,
        "programme": programme or None,
        "department": department or None,
    }


def participants(
    con, period: Period, programme: str | None = None, department: str | None = None
) -> pd.DataFrame:
    """The distinct people trained in the period (one row each), as kpi_trainings counts them."""
    return db.frame(con, "training_participants", **_params(period, programme, department))


def sessions(
    con, period: Period, programme: str | None = None, department: str | None = None
) -> pd.DataFrame:
    """The 'formation' sessions starting in the period, with attendance, French column names."""
    table = db.frame(con, "training_sessions_list", **_params(period, programme, department))
    table["start_date"] = table["start_date"].map(formats.date)
    table["format"] = table["format"].map(lambda f: texts.SESSION_FORMATS.get(f, f))
    return table.rename(columns=texts.SESSION_COLUMNS)


def breakdowns(people: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Distinct participants by gender, status, category, department and structure."""
    return {
        texts.BY_GENDER: breakdown(people["gender"], texts.GENDERS),
        texts.BY_STATUS: breakdown(people["status"], texts.STATUSES),
        texts.BY_CATEGORY: breakdown(people["category"]),
        texts.BY_DEPARTMENT: breakdown(department_names(people)),
        texts.BY_STRUCTURE: breakdown(people["structure"]),
    }
