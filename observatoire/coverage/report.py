"""Coverage results as plain records (JSON, CSV) and French text tables for the CLI."""

from __future__ import annotations

import csv
import io
import math

import pandas as pd

from observatoire import formats
from observatoire.coverage.planner import Plan
from observatoire.texts import coverage as texts

FIELDS = (
    "code",
    "name",
    "population",
    "nearest_actor_km",
    "actors_within_radius",
    "nearest_activity_km",
    "activities_within_radius",
    "audience_within_radius",
    "reached_12m",
    "uncovered",
    "rural",
    "frr_class",
    "qpv_count",
    "score",
)
# For EPCI and departments the commune-level yes/no fields become aggregates.
AGGREGATE_SOURCES = {
    "reached_12m": "communes_reached_12m",
    "uncovered": "uncovered_population",
    "rural": "rural_share_uncovered",
}
_FORMULA_START = ("=", "+", "-", "@")


def _plain(value):
    """A JSON-ready scalar: numpy types unwrapped, NaN and infinities as None."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return round(value, 3) if math.isfinite(value) else None
    return value


def is_aggregate(level: str) -> bool:
    """Whether a level's rows sum up several communes."""
    return level in ("epci", "department")


def filter_table(table: pd.DataFrame, level: str, rural_only: bool, qpv_only: bool) -> pd.DataFrame:
    """Keep rural territories and/or territories with a QPV.

    For EPCI and departments "rural" means most of the uncovered population is rural.
    """
    keep = pd.Series(True, index=table.index)
    if rural_only:
        rural = table["rural_share_uncovered"] >= 0.5 if is_aggregate(level) else table["rural"]
        keep &= rural.fillna(False).astype(bool)
    if qpv_only:
        keep &= table["qpv_count"] > 0
    return table[keep]


def records(table: pd.DataFrame, level: str) -> list[dict]:
    """The territories as dicts holding exactly FIELDS, in table order."""
    aggregate = is_aggregate(level)
    columns = []
    # Column by column: a national table has 35,000 rows, and row dicts cost a second.
    for field in FIELDS:
        source = AGGREGATE_SOURCES.get(field, field) if aggregate else field
        values = table[source].tolist() if source in table.columns else [None] * len(table)
        if field in ("reached_12m", "uncovered", "rural") and not aggregate:
            columns.append([bool(_plain(v)) for v in values])
        else:
            columns.append([_plain(v) for v in values])
    return [dict(zip(FIELDS, row, strict=True)) for row in zip(*columns, strict=True)]


def period_dict(period) -> dict:
    """A period as JSON: ``{"start", "end", "label"}`` (ISO dates, French label)."""
    return {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label}


def document(table: pd.DataFrame, level: str, radius_km: float, basis: str, period) -> dict:
    """The ``coverage --json`` document."""
    return {
        "basis": basis,
        "period": period_dict(period),
        "radius_km": radius_km,
        "level": level,
        "territories": records(table, level),
    }


def _cell(value) -> str:
    """A CSV cell, with a quote before anything a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(table: pd.DataFrame, level: str) -> str:
    """The territories as CSV (comma separated, dot decimals, header = FIELDS)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for item in records(table, level):
        writer.writerow(_cell(item[f]) for f in FIELDS)
    return buffer.getvalue()


def column_labels(level: str, basis: str) -> dict[str, str]:
    """French column labels of a level and basis (aggregate levels rename a few fields)."""
    labels = dict(texts.COLUMNS)
    labels["uncovered"] = texts.UNCOVERED_LABELS[basis]
    if is_aggregate(level):
        labels.update(texts.AGGREGATE_COLUMNS)
        labels["uncovered"] = texts.AGGREGATE_UNCOVERED_LABELS[basis]
        labels["rural"] = texts.AGGREGATE_RURAL_LABELS[basis]
    return labels


def _text_value(field: str, value, level: str) -> str:
    """One cell of the French text table."""
    if value is None:
        return formats.number(None)
    if field in ("nearest_actor_km", "nearest_activity_km"):
        return formats.km(value)
    if field == "score":
        return formats.number(value, 1)
    if is_aggregate(level) and field == "rural":
        return formats.percent(value)
    if isinstance(value, bool):
        return texts.YES if value else texts.NO
    if isinstance(value, int | float):
        return formats.number(value)
    return str(value)


def to_text(table: pd.DataFrame, level: str, radius_km: float, basis: str, period) -> str:
    """A French text table of the territories."""
    items = records(table, level)
    title = texts.COVERAGE_TITLE.format(
        radius=formats.number(radius_km, 0 if float(radius_km).is_integer() else 1),
        basis=texts.BASIS_LABELS[basis],
        level=texts.LEVEL_LABELS[level],
        period=period.label,
        count=formats.number(len(items)),
    )
    if not items:
        return f"{title}\n{texts.NO_TERRITORY}"
    labels = column_labels(level, basis)
    rows = [[labels[f] for f in FIELDS]]
    rows += [[_text_value(f, item[f], level) for f in FIELDS] for item in items]
    widths = [max(len(r[i]) for r in rows) for i in range(len(FIELDS))]
    numeric = {
        "population",
        "nearest_actor_km",
        "actors_within_radius",
        "nearest_activity_km",
        "activities_within_radius",
        "audience_within_radius",
        "qpv_count",
        "score",
    }
    lines = []
    for r in rows:
        cells = [
            c.rjust(w) if f in numeric else c.ljust(w)
            for f, c, w in zip(FIELDS, r, widths, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join([title, *lines])


def plan_text(result: Plan, requested: int) -> str:
    """The planner's stops in French."""
    radius = formats.number(result.radius_km, 0 if float(result.radius_km).is_integer() else 1)
    words = texts.SCORE_BASIS_FR[result.basis]
    period = result.period["label"] if result.period else ""
    if result.uncovered_population == 0 and not result.stops:
        return texts.PLAN_NOTHING.format(radius=radius, people=words["people"])
    lines = [
        texts.PLAN_TITLE.format(
            count=len(result.stops),
            radius=radius,
            candidates=texts.CANDIDATE_LABELS[result.candidates],
            rural_weight=f"{result.rural_weight:g}".replace(".", ","),
            qpv_weight=f"{result.qpv_weight:g}".replace(".", ","),
        )
    ]
    for s in result.stops:
        lines.append(
            texts.PLAN_STOP.format(
                rank=s.rank,
                name=s.name,
                code=s.code,
                department_code=s.department_code,
                population=formats.number(s.population),
                communes=formats.number(s.communes),
                gained=words["gained"],
                gain=formats.number(s.gain),
                cumulative=formats.number(s.cumulative_population),
                share=formats.percent(s.cumulative_share, 1),
            )
        )
    if len(result.stops) < requested:
        lines.append(texts.PLAN_STOPPED_EARLY.format(count=len(result.stops)))
    lines.append(
        texts.PLAN_TOTAL.format(
            covered=formats.number(result.newly_covered_population),
            gained=words["gained"],
            uncovered=formats.number(result.uncovered_population),
            people=words["people"],
            period=period,
            share=formats.percent(result.share, 1),
        )
    )
    return "\n".join(lines)


# The page zones_blanches shows the same French cells as the text table.
text_value = _text_value
