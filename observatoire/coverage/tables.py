"""The ranking of uncovered territories and the tour plan, as French tables.

``observatoire coverage`` and ``observatoire plan`` call ``ranking`` and ``tour`` too, so that the
``zones_blanches`` page and the command line list the same territories in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from observatoire import db, formats
from observatoire.coverage import (
    DEFAULT_BASIS,
    DEFAULT_QPV_WEIGHT,
    DEFAULT_RURAL_WEIGHT,
    inputs,
    report,
)
from observatoire.coverage.aggregate import commune_table, territory_table
from observatoire.coverage.inputs import EmptyTerritory, NoActors
from observatoire.coverage.planner import Plan, plan
from observatoire.periods import Period
from observatoire.texts import coverage as texts


@dataclass
class Ranking:
    """The ranked territories of one level and what they were computed from."""

    table: pd.DataFrame  # territory_table rows kept by the filters, highest score first
    level: str
    radius_km: float
    end_date: object
    territories: int  # before the rural / QPV filters
    uncovered: int  # rows with uncovered communes (commune, QPV) or population (EPCI, dept)
    basis: str = DEFAULT_BASIS
    period: Period | None = None


def explain(exc: Exception, circles=None) -> str:
    """The French message of a coverage data problem (no actor, empty territory)."""
    if isinstance(exc, NoActors):
        if circles:
            return texts.NO_ACTORS_IN_CIRCLES.format(circles=", ".join(map(str, circles)))
        return texts.NO_ACTORS
    if isinstance(exc, EmptyTerritory):
        if not exc.args or not exc.args[0]:
            return texts.NO_TERRITORY_AT_ALL
        return texts.EMPTY_TERRITORY.format(departments=", ".join(map(str, exc.args[0])))
    raise exc


def ranking(
    con,
    level: str,
    radius_km: float,
    circles=None,
    rural_only: bool = False,
    qpv_only: bool = False,
    end_date=None,
    basis: str = DEFAULT_BASIS,
    period: Period | None = None,
) -> Ranking:
    """``observatoire coverage``: the territory table of a level, filtered as the CLI filters it.

    The period is ``period``, else the 12 months ending on ``end_date``, else the default one.
    Raises ``NoActors`` (presence basis only) or ``EmptyTerritory`` (see :func:`explain`).
    """
    data = inputs.load(
        con,
        end_date=end_date,
        circles=circles,
        period=period,
        require_actors=basis == "presence",
    )
    table = territory_table(con, data, level, radius_km, basis=basis)
    kept = report.filter_table(table, level, rural_only, qpv_only).reset_index(drop=True)
    if report.is_aggregate(level):
        uncovered = int((kept["uncovered_population"] > 0).sum())
    else:
        uncovered = int(kept["uncovered"].astype(bool).sum())
    return Ranking(kept, level, radius_km, data.end_date, len(table), uncovered, basis, data.period)


def tour(
    con,
    stops: int,
    radius_km: float,
    circles=None,
    candidates: str = "communes",
    rural_weight: float = DEFAULT_RURAL_WEIGHT,
    qpv_weight: float = DEFAULT_QPV_WEIGHT,
    end_date=None,
    basis: str = DEFAULT_BASIS,
    period: Period | None = None,
) -> tuple[Plan, pd.DataFrame]:
    """``observatoire plan``: the proposed stops, and the commune table they were chosen from.

    The stops target the population not reached in the period (``activite``) or with no actor
    within R km (``presence``), rural and QPV inhabitants weighted up.
    """
    data = inputs.load(
        con,
        end_date=end_date,
        circles=circles,
        period=period,
        require_actors=basis == "presence" or candidates == "actors",
    )
    communes = commune_table(data, radius_km, basis)
    hosts = None
    if candidates == "actors":
        # Any actor's commune may host a stop, whatever the circles that define coverage.
        hosts = communes[inputs.isin(communes["code"], inputs.actors(con)["commune_code"])]
    result = plan(
        communes,
        stops,
        radius_km,
        candidates=hosts,
        rural_weight=rural_weight,
        qpv_weight=qpv_weight,
        candidate_kind=candidates,
    )
    result.basis = basis
    result.period = report.period_dict(data.period)
    return result, communes


def planner_intro(basis: str = DEFAULT_BASIS, period: Period | None = None) -> str:
    """The French explanation of the planner: whom it targets, with the CLI's default weights."""
    target = texts.PLANNER_INTRO[basis].format(
        period=period.label if period else "",
        rural_weight=f"{DEFAULT_RURAL_WEIGHT:g}".replace(".", ","),
        qpv_weight=f"{DEFAULT_QPV_WEIGHT:g}".replace(".", ","),
    )
    return f"{target} {texts.PLANNER_METHOD}"


def department_names(con, codes) -> dict[str, str]:
    """French names of departments by code (``coverage_department_names``)."""
    names = db.frame(con, "coverage_department_names", codes=sorted({str(c) for c in codes}))
    return dict(zip(names["code"], names["name"], strict=True))


def _with_departments(frame: pd.DataFrame, codes, names: dict[str, str], at: int) -> pd.DataFrame:
    """``frame`` with the department's code and name inserted at column ``at``."""
    codes = [None if c is None or c != c else str(c) for c in codes]
    frame.insert(at, texts.DEPARTMENT_CODE_COLUMN, codes)
    frame.insert(at + 1, texts.DEPARTMENT_NAME_COLUMN, [names.get(c, c) for c in codes])
    return frame


def planner_map_caption(result: Plan) -> str:
    """The French caption of the planner map (radius, which communes the grey dots are)."""
    return texts.PLANNER_MAP_CAPTION.format(
        radius=radius_label(result.radius_km),
        state=texts.SCORE_BASIS_FR[result.basis]["communes"],
    )


def _labels(rank: Ranking) -> dict[str, str]:
    """French column labels of a ranking (its level and basis)."""
    return report.column_labels(rank.level, rank.basis)


def export_labels(level: str, basis: str) -> dict[str, str]:
    """Spreadsheet headers of a ranking: the screen's labels with their units."""
    labels = report.column_labels(level, basis)
    units = dict(texts.EXPORT_UNITS)
    if report.is_aggregate(level):
        units.update(texts.AGGREGATE_EXPORT_UNITS)
    return {field: labels[field] + units.get(field, "") for field in report.FIELDS}


def export_table(rank: Ranking, departments: dict[str, str] | None = None) -> pd.DataFrame:
    """The ranking for a spreadsheet: the CLI's fields, headers with units, raw numbers.

    Below the department level each row also gives its department's code and name
    (``departments``: names by code, see :func:`department_names`).
    """
    records = report.records(rank.table, rank.level)
    frame = pd.DataFrame(records, columns=list(report.FIELDS))
    if report.is_aggregate(rank.level):
        frame["rural"] = (frame["rural"] * 100).round(1)
    else:
        for flag in ("reached_12m", "uncovered", "rural"):
            frame[flag] = frame[flag].map({True: texts.YES, False: texts.NO})
    frame = frame.rename(columns=export_labels(rank.level, rank.basis))
    if rank.level != "department":
        _with_departments(frame, rank.table["department_code"], departments or {}, 2)
    return frame


def display_table(rank: Ranking) -> pd.DataFrame:
    """The ranking for the screen: the CLI's French text cells, column by column."""
    records = report.records(rank.table, rank.level)
    columns = {}
    for field in report.FIELDS:
        # Yes/no, classes and small counts repeat down a column: each is formatted once.
        done: dict = {}
        column = []
        for item in records:
            value = item[field]
            key = (type(value), value)  # True == 1 == 1.0, but "oui" is not "1"
            text = done.get(key)
            if text is None:
                text = done[key] = report.text_value(field, value, rank.level)
            column.append(text)
        columns[field] = column
    return pd.DataFrame(columns, columns=list(report.FIELDS)).rename(columns=_labels(rank))


def summary(rank: Ranking) -> str:
    """One French sentence: how many territories are listed and how many are uncovered."""
    return texts.RANKING_SUMMARY.format(
        count=formats.number(len(rank.table)),
        total=formats.number(rank.territories),
        level=texts.LEVEL_PLURALS[rank.level],
        uncovered=formats.number(rank.uncovered),
        not_what=texts.SCORE_BASIS_FR[rank.basis]["people"],
        radius=radius_label(rank.radius_km),
        period=rank.period.label if rank.period else formats.date(rank.end_date),
    )


def radius_label(radius_km: float) -> str:
    """``15`` or ``12,5``: a radius as the CLI writes it."""
    return formats.number(radius_km, 0 if float(radius_km).is_integer() else 1)


def plan_frame(result: Plan) -> pd.DataFrame:
    """The stops with their marginal gains, plain values (CLI ``plan --json`` fields)."""
    columns = [
        "rank",
        "code",
        "name",
        "department_code",
        "population",
        "communes",
        "gain",
        "cumulative_population",
        "cumulative_share",
    ]
    return pd.DataFrame([vars(s) for s in result.stops], columns=columns)


def plan_labels(result: Plan) -> dict[str, str]:
    """French headers of the itinerary: "touchés" for reach, "couverts" for presence."""
    return texts.PLAN_REACH_COLUMNS if result.basis == "activite" else texts.PLAN_COLUMNS


def plan_export(result: Plan, departments: dict[str, str] | None = None) -> pd.DataFrame:
    """The itinerary for a spreadsheet: headers with units, department names, raw numbers."""
    frame = plan_frame(result)
    frame["cumulative_share"] = (frame["cumulative_share"] * 100).round(2)
    codes = frame.pop("department_code")
    frame = frame.rename(columns={**plan_labels(result), "gain": texts.PLAN_EXPORT_GAIN})
    return _with_departments(frame, codes, departments or {}, 3)


def plan_display(result: Plan) -> pd.DataFrame:
    """The itinerary for the screen, French number formats."""
    frame = plan_frame(result)
    for column in ("population", "communes", "gain", "cumulative_population"):
        frame[column] = frame[column].map(formats.number)
    frame["cumulative_share"] = frame["cumulative_share"].map(lambda s: formats.percent(s, 1))
    return frame.rename(columns=plan_labels(result))


def plan_summary(result: Plan, requested: int) -> str:
    """The CLI's closing lines: the total covered and, if so, why fewer stops were found."""
    lines = report.plan_text(result, requested).splitlines()
    if len(lines) == 1:  # nothing uncovered: the one line says so
        return lines[0]
    return "\n\n".join(line for line in lines[1:] if not line.startswith(" "))
