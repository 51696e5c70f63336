"""Figures of the coverage map: per commune and per department of a workspace territory at radius R.

Distances and counts come from ``observatoire.coverage`` (the same functions as the CLI
``observatoire coverage``), so a commune's nearest-actor distance on the map is the CLI's.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from observatoire import db, formats
from observatoire.coverage import DEFAULT_RADIUS_KM
from observatoire.coverage import inputs as coverage_inputs
from observatoire.coverage.aggregate import commune_table, qpv_table, ratio
from observatoire.coverage.distances import PointIndex
from observatoire.coverage.layers import _held as held_activities
from observatoire.periods import Period
from observatoire.privacy import roles
from observatoire.privacy.suppression import public_label, suppress_table
from observatoire.texts import maps as texts
from observatoire.workspace.territory import territory_departments

# Counts that the public sees only above the suppression threshold.
COUNTS = ("actors", "actions_12m", "sessions_12m")


@dataclass(frozen=True)
class MapIndicator:
    """One indicator of the coverage map: URL id, column of the tables, display kind."""

    id: str
    column: str
    kind: str  # "count", "rate" (2 decimals) or "share"
    masked_by: str | None = None  # the count whose suppression hides this value

    @property
    def label(self) -> str:
        """French label."""
        return texts.COVERAGE_INDICATORS[self.id]

    def help(self, radius_km: float, end_date: dt.date, period: Period | None = None) -> str:
        """French definition, with the radius, the window's end and the period."""
        return texts.COVERAGE_INDICATOR_HELP[self.id].format(
            radius=radius_label(radius_km),
            date=formats.date(end_date),
            period=period.label if period is not None else formats.date(end_date),
        )

    def format(self, value, decimals: int | None = None) -> str:
        """A value in French notation (``decimals`` overrides the kind's default)."""
        if self.kind == "share":
            return formats.percent(value, 1 if decimals is None else decimals)
        if self.kind == "rate":
            # Two decimals: a network has a few actors per 10,000 people, often less than one.
            return formats.number(value, 2 if decimals is None else decimals)
        return formats.number(value, decimals or 0)


INDICATORS = {
    i.id: i
    for i in (
        MapIndicator("acteurs", "actors_per_10k", "rate", masked_by="actors"),
        MapIndicator("actions", "actions_12m", "count", masked_by="actions_12m"),
        MapIndicator("non_couverte", "uncovered_population", "count"),
        MapIndicator("couverture", "covered_share", "share"),
        MapIndicator("audience", "audience_per_1000", "rate"),
        MapIndicator("population", "population", "count"),
    )
}
DEFAULT_INDICATOR = "acteurs"


def radius_label(radius_km: float) -> str:
    """``15 km``, ``12,5 km``."""
    return formats.km(radius_km, 0 if float(radius_km).is_integer() else 1)


def distance_label(km) -> str:
    """A nearest-actor distance as the CLI prints it (``12,3 km``), a dash when there is none."""
    return formats.km(km) if km is not None and math.isfinite(km) else formats.number(None)


@dataclass
class CoverageModel:
    """The territory's communes with their coverage figures, the actors, the names."""

    radius_km: float
    end_date: dt.date
    departments: list[str]
    department_names: dict[str, str]
    communes: pd.DataFrame  # one row per territory commune, indexed by code
    actors: pd.DataFrame  # every actor point: id, name, type, circle, commune, lon, lat[, contacts]
    no_actors: bool
    period: Period | None = None  # the activities' period (the default: last 12 months)
    basis: str = "presence"  # what "covered" means: an actor (presence) or an activity near
    qpv_reached: frozenset = frozenset()  # QPV codes with an activity of the period in or near


def _no_actors_data(con, period: Period | None = None) -> coverage_inputs.CoverageData:
    """Coverage inputs of a workspace without actors: every commune is uncovered."""
    period = period or coverage_inputs.default_period(con)
    end = period.end
    departments = territory_departments(con)
    table = coverage_inputs.communes(con, departments)
    if table.empty:
        raise coverage_inputs.EmptyTerritory(departments)
    empty = pd.DataFrame(
        {"actor_id": [], "circle": [], "commune_code": [], "lon": [], "lat": []}
    ).astype({"lon": float, "lat": float})
    return coverage_inputs.CoverageData(
        end_date=end,
        departments=departments,
        communes=table,
        actors=empty,
        events=coverage_inputs.activities(con, period),
        period=period,
    )


def load_model(
    con,
    radius_km: float = DEFAULT_RADIUS_KM,
    contacts: bool = False,
    basis: str = "presence",
    period: Period | None = None,
) -> CoverageModel:
    """Load and measure a workspace's territory at ``radius_km`` over ``period`` (default: the
    last 12 months of activity); contacts only when allowed."""
    no_actors = False
    try:
        data = coverage_inputs.load(con, period=period)
    except coverage_inputs.NoActors:
        data, no_actors = _no_actors_data(con, period), True
    c = commune_table(data, radius_km, basis)
    c["activities_held"], c["audience_held"] = held_activities(c, data.events)
    c["audience_per_1000"] = ratio(c["audience_held"] * 1000, c["population"])
    q = qpv_table(con, data, c, radius_km, basis=basis)
    actors = db.frame(con, "map_actors", contacts=bool(contacts))
    points = PointIndex(data.actors["lon"].to_numpy(), data.actors["lat"].to_numpy())
    _, nearest = points.nearest(c["lon"].to_numpy(), c["lat"].to_numpy())
    ids = data.actors["actor_id"].to_numpy()
    c["nearest_actor_id"] = [ids[i] if i >= 0 else None for i in nearest]
    c["actors"] = c["code"].map(actors["commune_code"].value_counts()).fillna(0).astype(int)
    ev = data.events
    sessions = ev.loc[ev["kind"] == "session", "commune_code"].value_counts()
    c["sessions_12m"] = c["code"].map(sessions).fillna(0).astype(int)
    c["uncovered_population"] = np.where(c["uncovered"], c["population"], 0).astype(int)
    c["covered_share"] = (~c["uncovered"]).astype(float)
    c["actors_per_10k"] = ratio(c["actors"] * 10_000, c["population"])
    names = db.frame(con, "coverage_department_names", codes=list(data.departments))
    return CoverageModel(
        radius_km=radius_km,
        end_date=data.end_date,
        departments=list(data.departments),
        department_names=dict(zip(names["code"], names["name"], strict=True)),
        communes=c.set_index("code", drop=False).rename_axis(None),
        actors=actors,
        no_actors=no_actors,
        period=data.period,
        basis=basis,
        qpv_reached=frozenset(q.loc[q["reached_12m"].astype(bool), "code"]),
    )


def department_table(model: CoverageModel) -> pd.DataFrame:
    """One row per department of the territory, in code order, with every map indicator."""
    c = model.communes
    g = c.groupby("department_code", sort=True)
    t = pd.DataFrame(
        {
            "population": g["population"].sum().astype(int),
            "communes": g.size(),
            "covered_communes": g["covered_share"].sum().astype(int),
            "actors": g["actors"].sum().astype(int),
            "actions_12m": g["actions_12m"].sum().astype(int),
            "sessions_12m": g["sessions_12m"].sum().astype(int),
            "uncovered_population": g["uncovered_population"].sum().astype(int),
            "audience_held": g["audience_held"].sum().astype(int),
            "reached_communes": g["reached"].sum().astype(int),
        }
    )
    t["covered_share"] = t["covered_communes"] / t["communes"]
    t["audience_per_1000"] = ratio(t["audience_held"] * 1000, t["population"])
    t["actors_per_10k"] = ratio(t["actors"] * 10_000, t["population"])
    t.index.name = "code"
    t = t.reset_index()
    t.insert(1, "name", t["code"].map(model.department_names))
    return t


def commune_rows(model: CoverageModel, department: str) -> pd.DataFrame:
    """The communes of one department of the territory, in code order."""
    c = model.communes
    return c[c["department_code"] == department].reset_index(drop=True)


@dataclass(frozen=True)
class Masked:
    """A table's counts as one role sees them, indexed by code: computed once per view."""

    labels: pd.DataFrame  # str per count column
    mask: pd.DataFrame  # bool per count column: hidden ("< 5" or "s")
    values: pd.DataFrame  # the numbers shown (rounded for the public), NaN where hidden

    def label(self, code: str, column: str) -> str:
        """The text shown for one row's count."""
        return str(self.labels.at[code, column])


def mask_counts(table: pd.DataFrame, role, extra: tuple[str, ...] = ()) -> Masked:
    """The counts of a table (``COUNTS`` and ``extra``) as ``role`` sees them, by code.

    Each count's label depends on that count only (rounded to k, ``< 5`` or 0), so a commune's
    figure reads the same in the territory's popups, the department's table and the panel.
    """
    enabled = roles.suppresses_small_counts(role)
    counts = table[[*COUNTS, *extra]].astype(int).set_axis(table["code"].to_numpy())
    cut = suppress_table(counts, row_totals=False, col_totals=False, enabled=enabled)
    return Masked(labels=cut.labels(with_totals=False), mask=cut.mask, values=cut.published())


def indicator_values(
    table: pd.DataFrame, indicator: MapIndicator, masked: Masked
) -> tuple[pd.Series, pd.Series]:
    """(values, French labels) of one indicator over a table, from the counts as shown."""
    # A rate of a rounded count: the exact count would come back from the population.
    values = table[indicator.column].astype(float)
    if indicator.masked_by is not None:
        shown = masked.values[indicator.masked_by].to_numpy()
        if indicator.kind == "count":
            values = pd.Series(shown, index=table.index)
        else:
            values = pd.Series(
                ratio(shown * 10_000, table["population"].to_numpy()), index=table.index
            )
    labels = values.map(indicator.format)
    if indicator.masked_by is not None:
        hidden = masked.mask[indicator.masked_by].to_numpy()
        values = values.mask(hidden)
        if indicator.kind == "count":
            labels = labels.where(~hidden, masked.labels[indicator.masked_by].to_numpy())
        else:
            labels = labels.where(~hidden, texts.MASKED_SHARE)
    return values, labels


def actor_label(actor: dict, role) -> str:
    """An actor's name, or a neutral mention when the role may not see it."""
    circle = None if pd.isna(actor.get("circle")) else int(actor["circle"])
    if roles.can_see_actor_names(role, circle):
        return str(actor["name"])
    return texts.HIDDEN_NAME


def panel_rows(
    model: CoverageModel, code: str, role, masked: Masked | None = None
) -> list[tuple[str, str]]:
    """The commune panel: (French label, French value) rows; counts as the view's tables show them.

    ``masked``: the opened view's counts (``MapView.counts``), so the panel repeats its table.
    """
    row = model.communes.loc[code]

    def count(column: str) -> str:
        if masked is not None and code in masked.labels.index:
            return masked.label(code, column)
        return public_label(int(row[column]), enabled=roles.suppresses_small_counts(role))

    nearest = texts.NO_ACTOR
    if row["nearest_actor_id"] is not None:
        actor = model.actors.set_index("actor_id").loc[row["nearest_actor_id"]].to_dict()
        nearest = actor_label(actor, role)
    radius = radius_label(model.radius_km)
    return [
        (texts.PANEL["population"], formats.number(row["population"])),
        (
            texts.PANEL["density_level"],
            texts.DENSITY_LEVELS.get(int(row["density_level"]), str(row["density_level"])),
        ),
        (texts.PANEL["frr_class"], str(row["frr_class"])),
        (texts.PANEL["qpv_count"], formats.number(row["qpv_count"])),
        (texts.PANEL["nearest_actor"], nearest),
        (texts.PANEL["nearest_actor_km"], distance_label(row["nearest_actor_km"])),
        (
            texts.PANEL["actors_within_radius"].format(radius=radius),
            count("actors_within_radius"),
        ),
        (texts.PANEL["actions_12m"], count("actions_12m")),
    ]
