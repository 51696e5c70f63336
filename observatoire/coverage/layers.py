"""Reach layers of the map as plain data: communes and QPV reached or not, audience per 1,000.

One period, one radius, one basis. A commune is *reached* when an activity of the period took
place within R km of its reference point (``present``: an actor within R km; ``uncovered``
follows the basis). Activities *held* in a commune are those filed under its code, wherever
their own coordinates put them; ``audience_per_1000`` is their audience per 1,000 inhabitants.
A QPV is reached, as in the KPI ``qpv_reached``, when an activity took place inside it or within
300 m (``reached_within_radius``: within R km of its reference point). Figures are raw:
small-count suppression belongs to whoever shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from observatoire import db
from observatoire.coverage import DEFAULT_BASIS, DEFAULT_RADIUS_KM, inputs
from observatoire.coverage.aggregate import commune_table, qpv_table, ratio
from observatoire.periods import Period

COMMUNE_COLUMNS = (
    "code",
    "name",
    "department_code",
    "population",
    "rural",
    "lon",
    "lat",
    "reached",
    "present",
    "uncovered",
    "nearest_activity_km",
    "activities_within_radius",
    "audience_within_radius",
    "activities_held",
    "audience_held",
    "audience_per_1000",
)
QPV_COLUMNS = (
    "code",
    "name",
    "department_code",
    "population",
    "lon",
    "lat",
    "reached",
    "reached_within_radius",
    "uncovered",
    "nearest_activity_km",
)


@dataclass
class ReachLayers:
    """The reach of one period on the map: per commune, per QPV and per department."""

    period: Period
    radius_km: float
    basis: str
    communes: pd.DataFrame  # COMMUNE_COLUMNS, in code order
    qpv: pd.DataFrame  # QPV_COLUMNS, in code order
    departments: pd.DataFrame  # code, name, population, communes, communes_reached, ...


def _held(communes: pd.DataFrame, events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Count and audience of the activities filed under each commune's code."""
    audience = events["audience"] if "audience" in events else pd.Series(0, index=events.index)
    grouped = pd.DataFrame({"code": events["commune_code"], "audience": audience.fillna(0)})
    sums = grouped.groupby("code")["audience"].agg(["size", "sum"])
    held = sums.reindex(communes["code"]).fillna(0)
    return held["size"].to_numpy(dtype=np.int64), held["sum"].to_numpy(dtype=np.int64)


def department_rows(communes: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Per department of the commune layer: communes and inhabitants reached, audience per 1,000."""
    c = communes.assign(
        _reached_pop=communes["population"] * communes["reached"],
        _reached=communes["reached"].astype(int),
    )
    g = c.groupby("department_code", sort=True)
    t = pd.DataFrame(
        {
            "population": g["population"].sum().astype(int),
            "communes": g.size(),
            "communes_reached": g["_reached"].sum().astype(int),
            "population_reached": g["_reached_pop"].sum().astype(int),
            "activities_held": g["activities_held"].sum().astype(int),
            "audience_held": g["audience_held"].sum().astype(int),
        }
    )
    t["population_reached_share"] = ratio(t["population_reached"], t["population"])
    t["audience_per_1000"] = ratio(t["audience_held"] * 1000, t["population"])
    t.index.name = "code"
    t = t.reset_index()
    t.insert(1, "name", t["code"].map(names))
    return t


def reach_layers(
    con,
    period: Period | None = None,
    radius_km: float = DEFAULT_RADIUS_KM,
    basis: str = DEFAULT_BASIS,
    circles=None,
) -> ReachLayers:
    """The reach layers of a workspace's territory (default period: the last 12 months of activity).

    Raises ``EmptyTerritory``, and ``NoActors`` on the presence basis only.
    """
    data = inputs.load(con, circles=circles, period=period, require_actors=basis == "presence")
    c = commune_table(data, radius_km, basis)
    c["activities_held"], c["audience_held"] = _held(c, data.events)
    c["audience_per_1000"] = ratio(c["audience_held"] * 1000, c["population"])
    q = qpv_table(con, data, c, radius_km, basis=basis)
    q = q.rename(columns={"reached": "reached_within_radius", "reached_12m": "reached"})
    names = db.frame(con, "coverage_department_names", codes=list(data.departments))
    departments = department_rows(c, dict(zip(names["code"], names["name"], strict=True)))
    return ReachLayers(
        period=data.period,
        radius_km=radius_km,
        basis=basis,
        communes=c[list(COMMUNE_COLUMNS)].sort_values("code").reset_index(drop=True),
        qpv=q[list(QPV_COLUMNS)].sort_values("code").reset_index(drop=True),
        departments=departments,
    )
