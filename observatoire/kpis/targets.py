"""Targets from the workspace's ``targets`` table, matched to a period, and their checks."""

from __future__ import annotations

from dataclasses import dataclass

from observatoire import db
from observatoire.kpis.catalogue import BY_ID
from observatoire.periods import (
    Kind,
    Period,
    PeriodError,
    as_period,
    parse_month,
    parse_year,
)
from observatoire.texts import kpis as texts


@dataclass(frozen=True)
class Target:
    """A target value for one KPI and period, and where it comes from."""

    value: float
    source: str  # the targets.period it was read from: YYYY or YYYY-MM
    prorated: bool  # a yearly target scaled to the year to date (compare with the YTD value)


def target_details(
    con, period: Period | str, programme: str | None = None, department: str | None = None
) -> dict[str, Target]:
    """The targets that apply to ``period``, by KPI id, with their origin.

    A year takes its yearly target. A month takes its own monthly target when there is one;
    otherwise the year's target: for a cumulative KPI (a flow such as sessions or actions)
    prorated to the months elapsed, value × month number / 12 (November = 11/12), which is a
    year-to-date target; for a stock (actors listed, experiments started, coverage) the yearly
    value itself. A date range has no target. With a programme, only the targets set for that
    programme apply; without, only the targets set for every programme (programme '').
    Targets are set for the whole network: one department alone has none.
    """
    period = as_period(period)
    if period.kind == Kind.RANGE or department:
        return {}
    month = period.key if period.kind == Kind.MONTH else None
    found = db.rows(
        con, "kpi_targets", year=f"{period.start.year}", month=month, programme=programme or ""
    )
    out: dict[str, Target] = {}
    for row in found:
        kpi = BY_ID.get(row["kpi_id"])
        if kpi is None:
            continue  # reported by check_targets
        if row["period"] == month:
            out[kpi.id] = Target(row["value"], row["period"], False)
        elif kpi.id not in out:  # the monthly row, when present, wins over the yearly one
            prorate = month is not None and kpi.cumulative
            value = row["value"] * period.start.month / 12 if prorate else row["value"]
            out[kpi.id] = Target(value, row["period"], prorate)
    return out


def compute_targets(
    con, period: Period | str, programme: str | None = None, department: str | None = None
) -> dict[str, float]:
    """The target values that apply to ``period`` (see ``target_details``), by KPI id."""
    return {k: t.value for k, t in target_details(con, period, programme, department).items()}


def _period_ok(text: str) -> bool:
    """Whether a targets.period reads as YYYY or YYYY-MM."""
    try:
        (parse_month if "-" in text else parse_year)(text)
    except PeriodError:
        return False
    return len(text) in (4, 7)


def check_targets(con) -> list[str]:
    """French problems with the targets table: unknown KPI ids, unreadable periods."""
    problems = []
    for row in db.rows(con, "kpi_targets_all"):
        if row["kpi_id"] not in BY_ID:
            problems.append(
                texts.UNKNOWN_TARGET_KPI.format(kpi=row["kpi_id"], period=row["period"])
            )
        elif not _period_ok(row["period"]):
            problems.append(texts.BAD_TARGET_PERIOD.format(kpi=row["kpi_id"], period=row["period"]))
    return problems
