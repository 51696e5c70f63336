"""The monthly review's data: cards against last month and targets, trends, departments."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from observatoire import db, formats
from observatoire.kpis import (
    BY_ID,
    Period,
    Unit,
    by_department,
    compute_kpis,
    kpi_value,
    monthly_series,
    target_details,
)
from observatoire.kpis.targets import Target
from observatoire.review import notes, snapshots
from observatoire.texts import review as texts
from observatoire.urlparams import department_label

# The committee's cards, in catalogue order; KPIs with a target for the month are added.
CARDS = [
    "actors_total",
    "actors_new",
    "training_sessions",
    "training_days",
    "training_attendances",
    "training_participants",
    "webinar_sessions",
    "webinar_participants",
    "experiments_total",
    "experiments_active",
    "actions_total",
    "actions_audience",
]
TRENDS = ["training_sessions", "training_participants", "actions_total", "actions_audience"]
TREND_COLUMNS = ["month", "kpi_id", "label", "value", "target"]

Value = int | float | None
WHOLE_UNITS = (Unit.COUNT, Unit.PEOPLE)


def shown_target(kpi_id: str, value: float | None) -> float | None:
    """A target as every view shows it: whole for counts of things or people, else 0.1.

    Halves round up (17.5 participants -> 18), as a reader rounds, not to the even neighbour.
    """
    if value is None or value != value:
        return None
    step = 1 if BY_ID[kpi_id].unit in WHOLE_UNITS else 10
    return math.floor(value * step + 0.5) / step


@dataclass(frozen=True)
class Filters:
    """What the review is about; stated on the page and in every export."""

    workspace: str
    month: Period
    programme: str | None = None
    department: str | None = None
    department_name: str | None = None

    @property
    def programme_label(self) -> str:
        """French label of the programme filter."""
        return self.programme or texts.ALL_PROGRAMMES

    @property
    def department_label(self) -> str:
        """French label of the department filter."""
        if not self.department:
            return texts.ALL_DEPARTMENTS
        return department_label(self.department, self.department_name)

    def caption(self) -> str:
        """One French line stating every filter."""
        return texts.FILTERS.format(
            workspace=self.workspace,
            month=self.month.label,
            programme=self.programme_label,
            department=self.department_label,
        )


@dataclass(frozen=True)
class Card:
    """One KPI of the month: value, change against last month, and where it stands on target."""

    kpi_id: str
    value: Value
    previous: Value
    target: Target | None
    compared: Value  # the value set against the target: the month's, or the year to date's

    @property
    def label(self) -> str:
        """French label."""
        return BY_ID[self.kpi_id].label

    @property
    def change(self) -> Value:
        """Value minus last month's value."""
        return None if self.value is None or self.previous is None else self.value - self.previous

    @property
    def target_value(self) -> float | None:
        """The target as shown (``shown_target``): what the reader compares with."""
        return None if self.target is None else shown_target(self.kpi_id, self.target.value)

    @property
    def gap(self) -> float | None:
        """Compared value minus the target as shown (positive = ahead), so the line adds up."""
        if self.target is None or self.compared is None:
            return None
        return round(self.compared - self.target_value, 6)


@dataclass
class Review:
    """Everything the page and the reports show, computed once."""

    filters: Filters
    cards: list[Card]
    trends: pd.DataFrame  # TREND_COLUMNS, month as YYYY-MM, target NaN when none
    departments: pd.DataFrame  # observatoire.kpis.by_department
    note: notes.Note | None
    snapshot: snapshots.Snapshot | None
    sessions: pd.DataFrame = field(default_factory=pd.DataFrame)  # this month's, then last's
    comparison: pd.DataFrame | None = None
    departments_before: pd.DataFrame | None = None  # last month's table, for "what changed"

    @property
    def values(self) -> dict[str, Value]:
        """The month's value of every card (what « figer le mois » keeps)."""
        return {c.kpi_id: c.value for c in self.cards}

    @property
    def previous(self) -> Period:
        """Last month."""
        return self.filters.month.previous()


def decimals(value) -> int:
    """Decimals worth showing for a change or a target: none for whole numbers."""
    if value is None or float(value).is_integer():
        return 0
    return 1


def target_text(card: Card, month: Period) -> str:
    """French line setting the card against its target."""
    target = card.target
    if target is None:
        return texts.NO_TARGET
    shown = card.target_value
    values = {
        "target": formats.number(shown, decimals(shown)),
        "value": kpi_value(card.kpi_id, card.compared),
        "gap": formats.signed(card.gap, decimals(card.gap)),
    }
    if target.prorated:
        return texts.TARGET_YTD.format(date=formats.date(month.end), **values)
    if target.source == month.key:
        return texts.TARGET_MONTH.format(**values)
    return texts.TARGET_YEAR.format(year=target.source, **values)


def _monthly_pace(target: Target, month: Period) -> float:
    """A target per month, comparable with one month's value (a prorated one over the months)."""
    return target.value / month.start.month if target.prorated else target.value


def trends(con, month: Period, programme: str | None, department: str | None) -> pd.DataFrame:
    """12 months of TRENDS to ``month``, long format, with each month's target where one exists."""
    series = monthly_series(con, TRENDS, month, 12, programme, department)
    out = []
    for row in series.to_dict("records"):
        period = Period.month(*map(int, row["month"].split("-")))
        targets = target_details(con, period, programme, department)
        for kpi_id in TRENDS:
            target = targets.get(kpi_id)
            out.append(
                {
                    "month": row["month"],
                    "kpi_id": kpi_id,
                    "label": BY_ID[kpi_id].label,
                    "value": row[kpi_id],
                    "target": None
                    if target is None
                    else shown_target(kpi_id, _monthly_pace(target, period)),
                }
            )
    frame = pd.DataFrame(out, columns=TREND_COLUMNS)
    frame["target"] = frame["target"].astype(float)
    return frame


def cards(con, month: Period, programme: str | None, department: str | None) -> list[Card]:
    """The month's cards: CARDS and every KPI with a target this month."""
    targets = target_details(con, month, programme, department)
    ids = [k for k in BY_ID if k in CARDS or k in targets]
    now = compute_kpis(con, month, programme, only=ids, department=department)
    before = compute_kpis(con, month.previous(), programme, only=ids, department=department)
    prorated = [k for k, t in targets.items() if t.prorated]
    ytd = (
        compute_kpis(con, month.year_to_date(), programme, only=prorated, department=department)
        if prorated
        else {}
    )
    return [Card(k, now[k], before[k], targets.get(k), ytd[k] if k in ytd else now[k]) for k in ids]


def sessions(con, month: Period, programme: str | None, department: str | None) -> pd.DataFrame:
    """The sessions of the month and of the month before (column ``month``, YYYY-MM)."""
    frames = []
    for period in (month, month.previous()):
        frame = db.frame(
            con,
            "review_sessions",
            start=period.start,
            end=period.end,
            programme=programme or None,
            department=department or None,
        )
        frames.append(frame.assign(month=period.key))
    return pd.concat(frames, ignore_index=True)


def review(
    con,
    month: Period,
    programme: str | None = None,
    department: str | None = None,
    *,
    workspace: str = "",
    department_name: str | None = None,
) -> Review:
    """The whole review of ``month`` for the filters."""
    filters = Filters(workspace, month, programme, department, department_name)
    table, before = (by_department(con, m, programme) for m in (month, month.previous()))
    if department:
        table = table[table["department_code"] == department].reset_index(drop=True)
        before = before[before["department_code"] == department].reset_index(drop=True)
    built = Review(
        filters=filters,
        cards=cards(con, month, programme, department),
        trends=trends(con, month, programme, department),
        departments=table,
        departments_before=before,
        note=notes.read(con, month.key, programme),
        sessions=sessions(con, month, programme, department),
        snapshot=snapshots.read(con, month.key, programme, department),
    )
    if built.snapshot is not None:
        built.comparison = snapshots.compare(built.snapshot, built.values)
    return built


def generated_on(now: dt.datetime | None = None) -> str:
    """French date of a report's making."""
    return formats.date((now or dt.datetime.now()).date())
