"""Change over time: the same coverage figures for two periods, and the territories gained and lost.

A commune (or QPV) is *gained* when the earlier period left it uncovered and the later one does
not, *lost* the other way round; ``status`` also says ``kept`` (covered both times) and
``never`` (neither). EPCI and departments have no yes/no reach: their rows compare the
population left uncovered. The basis is the same for both periods (reach by default).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from observatoire import formats
from observatoire.coverage import DEFAULT_BASIS, DEFAULT_RADIUS_KM, inputs, report
from observatoire.coverage.aggregate import territory_table
from observatoire.periods import Period
from observatoire.texts import coverage as texts

STATUSES = ("gained", "lost", "kept", "never")
# Columns compared side by side (suffixed _before and _after).
COMPARED = (
    "uncovered",
    "nearest_activity_km",
    "activities_within_radius",
    "audience_within_radius",
    "score",
)
KEYS = ("code", "name", "population", "rural", "frr_class", "qpv_count")


@dataclass
class Change:
    """Two periods' coverage of one level, side by side."""

    before: Period
    after: Period
    level: str
    radius_km: float
    basis: str
    table: pd.DataFrame  # KEYS, COMPARED x (_before, _after), status (commune and QPV levels)


def _status(before: pd.Series, after: pd.Series) -> np.ndarray:
    """gained / lost / kept / never from two ``uncovered`` flags."""
    before, after = before.astype(bool).to_numpy(), after.astype(bool).to_numpy()
    return np.select(
        [before & ~after, ~before & after, ~before & ~after], ["gained", "lost", "kept"], "never"
    )


def compare(
    con,
    before: Period,
    after: Period,
    level: str = "commune",
    radius_km: float = DEFAULT_RADIUS_KM,
    basis: str = DEFAULT_BASIS,
    circles=None,
) -> Change:
    """Coverage of ``level`` over two periods; territories in code order.

    Raises ``NoActors`` (presence basis only) or ``EmptyTerritory``, like ``views.ranking``.
    """
    require = basis == "presence"
    first = inputs.load(con, circles=circles, period=before, require_actors=require)
    # The territory and the actors do not depend on the period: only the activities are reread.
    second = inputs.CoverageData(
        end_date=after.end,
        departments=first.departments,
        communes=first.communes,
        actors=first.actors,
        events=inputs.activities(con, after),
        circles=first.circles,
        period=after,
    )
    tables = [
        territory_table(con, data, level, radius_km, basis=basis).set_index("code")
        for data in (first, second)
    ]
    keys = [k for k in KEYS if k != "code" and k in tables[1]]
    out = tables[1][keys].copy()
    aggregate = report.is_aggregate(level)
    for column in COMPARED:
        # EPCI and departments: "uncovered" is the uncovered population, as in the CLI.
        source = report.AGGREGATE_SOURCES.get(column, column) if aggregate else column
        out[f"{column}_before"] = tables[0][source].reindex(out.index)
        out[f"{column}_after"] = tables[1][source]
    if not aggregate:
        out["status"] = _status(out["uncovered_before"], out["uncovered_after"])
    out = out.rename_axis("code").reset_index().sort_values("code", kind="stable")
    return Change(before, after, level, radius_km, basis, out.reset_index(drop=True))


def gained_lost(change: Change) -> pd.DataFrame:
    """The territories gained or lost (commune and QPV levels), largest population first."""
    if "status" not in change.table:
        raise ValueError(change.level)
    t = change.table[change.table["status"].isin(("gained", "lost"))]
    return t.sort_values(["status", "population", "code"], ascending=[True, False, True])


def counts(change: Change) -> dict:
    """Plain figures of a change: territories and inhabitants per status, or uncovered totals."""
    t = change.table
    if "status" not in t:
        return {
            "uncovered_population_before": int(t["uncovered_before"].sum()),
            "uncovered_population_after": int(t["uncovered_after"].sum()),
        }
    out = {}
    for status in STATUSES:
        rows = t[t["status"] == status]
        out[status] = {"territories": len(rows), "population": int(rows["population"].sum())}
    return out


def summary(change: Change) -> str:
    """One French sentence: territories and inhabitants gained and lost between the periods."""
    figures = counts(change)
    if "gained" not in figures:
        return texts.CHANGE_AGGREGATE_SUMMARY.format(
            people=texts.SCORE_BASIS_FR[change.basis]["people"],
            before=formats.number(figures["uncovered_population_before"]),
            after=formats.number(figures["uncovered_population_after"]),
            first=change.before.label,
            second=change.after.label,
        )
    return texts.CHANGE_SUMMARY.format(
        level=texts.LEVEL_PLURALS[change.level],
        first=change.before.label,
        second=change.after.label,
        gained_word=texts.CHANGE_WORDS[change.level][0],
        lost_word=texts.CHANGE_WORDS[change.level][1],
        gained=formats.number(figures["gained"]["territories"]),
        gained_population=formats.number(figures["gained"]["population"]),
        lost=formats.number(figures["lost"]["territories"]),
        lost_population=formats.number(figures["lost"]["population"]),
    )


def export_table(change: Change) -> pd.DataFrame:
    """Gained and lost territories (every EPCI or department), French headers, raw numbers."""
    table = change.table if "status" not in change.table else gained_lost(change)
    columns = [c for c in (*KEYS, "status") if c in table] + [
        f"{c}_{when}" for c in COMPARED for when in ("before", "after")
    ]
    frame = table[columns].copy()
    if "status" in frame:
        frame["status"] = frame["status"].map(texts.CHANGE_STATUS)
    if not report.is_aggregate(change.level):
        for flag in ("rural", "uncovered_before", "uncovered_after"):
            frame[flag] = frame[flag].astype(bool).map({True: texts.YES, False: texts.NO})
    labels = report.column_labels(change.level, change.basis)
    labels["status"] = texts.CHANGE_STATUS_COLUMN
    for c in COMPARED:
        for when, period in (("before", change.before), ("after", change.after)):
            labels[f"{c}_{when}"] = f"{labels[c]} ({period.label})"
    return frame.rename(columns=labels).reset_index(drop=True)
