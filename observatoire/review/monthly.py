"""The review's data for any period: cards against the comparison period and targets, trends,
departments."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from observatoire import db, formats
from observatoire.content import views as content_views
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
from observatoire.periods import Comparison, Kind
from observatoire.review import notes, snapshots
from observatoire.texts import review as texts
from observatoire.urlparams import department_label

# The committee's cards, in catalogue order; KPIs with a target for the period are added.
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
TREND_MONTHS = 12  # the trends' months at least: more when the period is longer
EVALUATION_IDS = ["evaluation_people_progressing_share", "evaluation_responses"]
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
    period: Period
    programme: str | None = None
    department: str | None = None
    department_name: str | None = None
    compare: str = Comparison.PREVIOUS.value

    @property
    def compared(self) -> Period:
        """The comparison period: the one before, of the same length, or a year earlier."""
        return self.period.compared(self.compare)

    @property
    def monthly(self) -> bool:
        """Whether the review is of one calendar month (what notes and frozen values keep)."""
        return self.period.kind == Kind.MONTH

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
            period=self.period.label,
            programme=self.programme_label,
            department=self.department_label,
        )


@dataclass(frozen=True)
class Card:
    """One KPI of the period: value, change against the comparison period, and target."""

    kpi_id: str
    value: Value
    previous: Value
    target: Target | None
    compared: Value  # the value set against the target: the period's, or the year to date's

    @property
    def label(self) -> str:
        """French label."""
        return BY_ID[self.kpi_id].label

    @property
    def change(self) -> Value:
        """Value minus the comparison period's value."""
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
    sessions: pd.DataFrame = field(default_factory=pd.DataFrame)  # the period's, then compared's
    comparison: pd.DataFrame | None = None
    departments_before: pd.DataFrame | None = None  # the comparison period's, for "what changed"
    # The evaluation's before/after means per dimension (content.views.progression), and the
    # share of respondents progressing with their number (KPIs), over the period.
    progression: pd.DataFrame = field(default_factory=pd.DataFrame)
    progressing_share: float | None = None
    respondents: int = 0

    @property
    def values(self) -> dict[str, Value]:
        """The period's value of every card (what « figer le mois » keeps)."""
        return {c.kpi_id: c.value for c in self.cards}

    @property
    def previous(self) -> Period:
        """The comparison period."""
        return self.filters.compared

    @property
    def previous_phrase(self) -> str:
        """The comparison period after « par rapport à »: ``octobre 2023``, ``la période de …``."""
        label = self.previous.label
        return (
            label if self.previous.kind != Kind.RANGE else texts.COMPARED_RANGE.format(dates=label)
        )


def decimals(value) -> int:
    """Decimals worth showing for a change or a target: none for whole numbers."""
    if value is None or float(value).is_integer():
        return 0
    return 1


def target_text(card: Card, period: Period) -> str:
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
        return texts.TARGET_YTD.format(date=formats.date(period.end), **values)
    if target.source == period.key:
        return texts.TARGET_MONTH.format(**values)
    return texts.TARGET_YEAR.format(year=target.source, **values)


def _monthly_pace(target: Target, month: Period) -> float:
    """A target per month, comparable with one month's value (a prorated one over the months)."""
    return target.value / month.start.month if target.prorated else target.value


def trend_months(period: Period) -> int:
    """How many months the trends show: the period's own when more than ``TREND_MONTHS``."""
    return max(TREND_MONTHS, len(period.months()))


def trends(con, period: Period, programme: str | None, department: str | None) -> pd.DataFrame:
    """TRENDS month by month to the period's end, long format, each month's target if any."""
    last = Period.month(period.end.year, period.end.month)
    series = monthly_series(con, TRENDS, last, trend_months(period), programme, department)
    out = []
    for row in series.to_dict("records"):
        month = Period.month(*map(int, row["month"].split("-")))
        targets = target_details(con, month, programme, department)
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
                    else shown_target(kpi_id, _monthly_pace(target, month)),
                }
            )
    frame = pd.DataFrame(out, columns=TREND_COLUMNS)
    frame["target"] = frame["target"].astype(float)
    return frame


def cards(
    con,
    period: Period,
    programme: str | None,
    department: str | None,
    compared: Period | None = None,
) -> list[Card]:
    """The period's cards: CARDS and every KPI with a target for it (a range has none)."""
    targets = target_details(con, period, programme, department)
    ids = [k for k in BY_ID if k in CARDS or k in targets]
    compared = compared or period.previous()
    now = compute_kpis(con, period, programme, only=ids, department=department)
    before = compute_kpis(con, compared, programme, only=ids, department=department)
    prorated = [k for k, t in targets.items() if t.prorated]
    ytd = (
        compute_kpis(con, period.year_to_date(), programme, only=prorated, department=department)
        if prorated
        else {}
    )
    return [Card(k, now[k], before[k], targets.get(k), ytd[k] if k in ytd else now[k]) for k in ids]


def sessions(
    con,
    period: Period,
    programme: str | None,
    department: str | None,
    compared: Period | None = None,
) -> pd.DataFrame:
    """The sessions of the period, then of the comparison one (``month``: the session's, YYYY-MM)."""
    frames = []
    for shown in (period, compared or period.previous()):
        frame = db.frame(
            con,
            "review_sessions",
            start=shown.start,
            end=shown.end,
            programme=programme or None,
            department=department or None,
        )
        months = pd.to_datetime(frame["start_date"]).dt.strftime("%Y-%m")
        frames.append(frame.assign(month=months.astype(object)))
    return pd.concat(frames, ignore_index=True)


def review(
    con,
    period: Period,
    programme: str | None = None,
    department: str | None = None,
    *,
    compare: Comparison | str = Comparison.PREVIOUS,
    workspace: str = "",
    department_name: str | None = None,
) -> Review:
    """The whole review of ``period`` (a month, a year, a range) for the filters.

    Notes and frozen values belong to a month: a longer period has neither.
    """
    filters = Filters(
        workspace, period, programme, department, department_name, Comparison(compare).value
    )
    compared = filters.compared
    table, before = (by_department(con, p, programme) for p in (period, compared))
    if department:
        table = table[table["department_code"] == department].reset_index(drop=True)
        before = before[before["department_code"] == department].reset_index(drop=True)
    monthly = filters.monthly
    built = Review(
        filters=filters,
        cards=cards(con, period, programme, department, compared),
        trends=trends(con, period, programme, department),
        departments=table,
        departments_before=before,
        note=notes.read(con, period.key, programme) if monthly else None,
        sessions=sessions(con, period, programme, department, compared),
        snapshot=snapshots.read(con, period.key, programme, department) if monthly else None,
    )
    built.progression = content_views.progression(con, period, programme, department=department)
    evaluated = compute_kpis(con, period, programme, EVALUATION_IDS, department)
    built.progressing_share = evaluated["evaluation_people_progressing_share"]
    built.respondents = int(evaluated["evaluation_responses"] or 0)
    if built.snapshot is not None:
        built.comparison = snapshots.compare(built.snapshot, built.values)
    return built


def generated_on(now: dt.datetime | None = None) -> str:
    """French date of a report's making."""
    return formats.date((now or dt.datetime.now()).date())
