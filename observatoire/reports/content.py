"""The review's content as French text rows, shared by the HTML, PDF and XLSX exports."""

from __future__ import annotations

import pandas as pd

from observatoire import formats
from observatoire.kpis import kpi_value
from observatoire.review.monthly import Review, decimals, target_text
from observatoire.texts import content as content_texts
from observatoire.texts import reports as texts
from observatoire.texts import review as review_texts

DEPARTMENT_COUNTS = [
    "actors",
    "training_sessions",
    "training_participants",
    "actions",
    "actions_audience",
]


def filters(review: Review) -> list[tuple[str, str]]:
    """The applied filters, labelled."""
    f = review.filters
    return [
        (texts.FILTER_WORKSPACE, f.workspace),
        (texts.FILTER_MONTH, f.period.label),
        (texts.FILTER_COMPARED, review.previous.label),
        (texts.FILTER_PROGRAMME, f.programme_label),
        (texts.FILTER_DEPARTMENT, f.department_label),
    ]


def kpis(review: Review) -> pd.DataFrame:
    """One row per card, every value formatted as on the page."""
    period = review.filters.period
    rows = [
        {
            "label": c.label,
            "value": kpi_value(c.kpi_id, c.value),
            "previous": kpi_value(c.kpi_id, c.previous),
            "change": formats.signed(c.change, decimals(c.change)),
            "target": target_text(c, period),
        }
        for c in review.cards
    ]
    return pd.DataFrame(rows, columns=list(texts.KPI_COLUMNS)).rename(columns=texts.KPI_COLUMNS)


def departments(review: Review) -> pd.DataFrame:
    """The per-department table, counts formatted, French headers."""
    table = review.departments.copy()
    for column in DEPARTMENT_COUNTS:
        table[column] = table[column].map(formats.number)
    table["department_code"] = table["department_code"].fillna("")
    return table.rename(columns=review_texts.DEPARTMENT_COLUMNS)


def _place(commune, department) -> str:
    """``Arras (62)``; either part may be unknown."""
    commune = commune if isinstance(commune, str) else ""
    department = department if isinstance(department, str) else ""
    return f"{commune} ({department})" if commune and department else commune or department


def sessions(review: Review) -> pd.DataFrame:
    """The sessions of the period and the compared one, formatted, French headers."""
    table = review.sessions
    shown = pd.DataFrame(
        {
            "month": table["month"].map(formats.month_label),
            "start_date": table["start_date"].map(formats.date),
            "session_id": table["session_id"],
            "type": table["type"].map(lambda t: review_texts.SESSION_TYPES.get(t, t)),
            "title": table["title"],
            "commune": [
                _place(c, d)
                for c, d in zip(table["commune"], table["department_code"], strict=True)
            ],
            "attendances": table["attendances"].map(formats.number),
        },
        columns=list(review_texts.SESSION_COLUMNS),
    )
    return shown.rename(columns=review_texts.SESSION_COLUMNS)


def comparison(review: Review) -> pd.DataFrame | None:
    """Frozen against current values, formatted; None when the month is not frozen."""
    if review.comparison is None:
        return None
    rows = review.comparison.to_dict("records")
    out = pd.DataFrame(
        {
            "label": [r["label"] for r in rows],
            "frozen": [kpi_value(r["kpi_id"], r["frozen"]) for r in rows],
            "current": [kpi_value(r["kpi_id"], r["current"]) for r in rows],
            "difference": [
                formats.signed(r["difference"], decimals(r["difference"])) for r in rows
            ],
        },
        columns=list(review_texts.COMPARISON_COLUMNS),
    )
    return out.rename(columns=review_texts.COMPARISON_COLUMNS)


def progression(review: Review) -> pd.DataFrame | None:
    """Mean scores before and after per dimension, formatted; None when nobody answered."""
    table = review.progression
    if table.empty:
        return None
    out = table.copy()
    for column in (content_texts.RESPONDENTS, content_texts.PROGRESSING):
        out[column] = out[column].map(formats.number)
    for column in (content_texts.BEFORE, content_texts.AFTER):
        out[column] = out[column].map(lambda v: formats.number(v, 1))
    return out


def progression_line(review: Review) -> str:
    """The share of people progressing and the respondents, or that nobody answered."""
    if review.progression.empty or review.progressing_share is None:
        return texts.EVALUATION_NONE
    return texts.EVALUATION_SHARE.format(
        share=formats.percent(review.progressing_share),
        respondents=formats.number(review.respondents),
    )


def note_text(review: Review) -> str:
    """The month's "faits marquants", or the French placeholder (a longer period has none)."""
    if not review.filters.monthly:
        return texts.NOT_A_MONTH
    return review.note.text if review.note and review.note.text else texts.NO_NOTE


def frozen_line(review: Review) -> str:
    """Whether (and when, by whom) the month was frozen."""
    snap = review.snapshot
    if not review.filters.monthly:
        return texts.NOT_A_MONTH
    if snap is None:
        return texts.NOT_FROZEN
    return texts.FROZEN.format(
        date=formats.date(snap.frozen_at), author=snap.frozen_by or review_texts.UNKNOWN_AUTHOR
    )
