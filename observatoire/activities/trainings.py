"""The formations page's data: sessions and breakdowns of the distinct participants."""

from __future__ import annotations

import pandas as pd

from observatoire import db, formats
from observatoire.activities import common
from observatoire.activities.common import COUNT, LABEL, breakdown, department_names
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


def default_period(con) -> Period:
    """The latest year with a training, else the workspace's default period."""
    year = db.scalar(con, "training_latest_year")
    return Period.year(int(year)) if year is not None else common.default_period(con)


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


def _has_breakdown_columns(con) -> bool:
    """Whether the file has the breakdown columns (files made before them lack them)."""
    return len(db.rows(con, "workspace_breakdown_columns")) == 3


def _counted(frame: pd.DataFrame, column: str, labels: dict[str, str], title: str) -> pd.DataFrame:
    """``label``/``count`` rows from a query's (value, people) rows, unknown values named."""
    table = pd.DataFrame(
        {
            LABEL: [
                labels.get(v, v) if v is not None and v == v else texts.NONE for v in frame[column]
            ],
            COUNT: frame["people"].astype(int).tolist(),
        }
    )
    table.attrs["title"] = title
    return table


def document_breakdowns(
    con, period: Period, programme: str | None = None, department: str | None = None
) -> dict[str, pd.DataFrame]:
    """Participants by employer type, training strand and webinar origin (empty ones left out).

    A person trained in two strands counts in both; webinar participants are counted by origin.
    """
    if not _has_breakdown_columns(con):
        return {}
    params = _params(period, programme, department)
    tables = {
        texts.BY_EMPLOYER: _counted(
            db.frame(con, "training_employer_types", **params),
            "employer_type",
            texts.EMPLOYER_TYPES,
            texts.EMPLOYER,
        ),
        texts.BY_STRAND: _counted(
            db.frame(con, "training_strands", **params), "strand", {}, texts.STRAND
        ),
        texts.WEBINAR_BY_ORIGIN: _counted(
            db.frame(con, "webinar_origins", **params), "origin", texts.ORIGINS, texts.ORIGIN
        ),
    }
    return {title: t for title, t in tables.items() if not t.empty and _informative(t)}


def _informative(table: pd.DataFrame) -> bool:
    """Whether a breakdown says something: not only "Non renseigné"."""
    return bool((table[LABEL] != texts.NONE).any())
