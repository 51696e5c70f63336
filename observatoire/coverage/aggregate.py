"""Coverage tables: per commune of the territory, then per EPCI, department and QPV.

Two bases, both measured from a territory's reference point at radius R (15 km by
default, great-circle km): *presence*, an actor lies within R; *reach* (``activite``), an activity
of the period (see queries/period_activities.sql) took place within R. A territory is
*uncovered* when the chosen basis fails. Aggregates (EPCI, department) report population,
uncovered population, the rural share among the uncovered and the rural representation index of
The KPI catalogue's definition: share of the window's actions held in rural communes ÷ share of the population living
in rural communes (1 = proportional, below 1 = rural communes under-served). EPCI are cut to the
territory's communes; the few communes without an EPCI are left out of the EPCI level.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from observatoire import db
from observatoire.coverage import BASES, DEFAULT_BASIS, DEFAULT_RADIUS_KM, LEVELS
from observatoire.coverage import qpv as qpv_reach
from observatoire.coverage.distances import PointIndex
from observatoire.coverage.inputs import CoverageData
from observatoire.coverage.score import (
    DEFAULT_WEIGHTS,
    DISTANCE_COLUMNS,
    Weights,
    components,
    score,
)

_GROUP_KEYS = {"epci": "epci_code", "department": "department_code"}
_NAME_QUERIES = {"epci": "coverage_epci_names", "department": "coverage_department_names"}


def ratio(num, den):
    """num / den as floats, NaN where the denominator is zero."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, np.nan)


def _audience(events: pd.DataFrame) -> np.ndarray:
    """Each activity's audience (0 when the frame has no audience column)."""
    if "audience" not in events:
        return np.zeros(len(events))
    return events["audience"].fillna(0).to_numpy(dtype=float)


def _shared_points(lon, lat, weights: dict[str, np.ndarray]) -> tuple[np.ndarray, dict]:
    """Distinct (lon, lat) points with the sums of each weight and their multiplicity."""
    frame = pd.DataFrame({"lon": lon, "lat": lat, "_n": 1.0, **weights})
    # Many points share a commune's reference point: index each once, weighted.
    sums = frame.groupby(["lon", "lat"], sort=False).sum()
    points = sums.index.to_frame(index=False).to_numpy(dtype=float).reshape(-1, 2)
    return points, {k: sums[k].to_numpy() for k in sums.columns}


def point_figures(
    lon, lat, px, py, weights: dict[str, np.ndarray], radius_km: float
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Per query point: km to the nearest (px, py) (inf if none), weight sums within the radius."""
    n = len(np.asarray(lon))
    points, sums = _shared_points(px, py, weights)
    if len(points) == 0 or n == 0:
        return np.full(n, np.inf), {k: np.zeros(n) for k in sums}
    index = PointIndex(points[:, 0], points[:, 1])
    nearest = index.nearest(lon, lat)[0]
    query, found = index.pairs(lon, lat, radius_km)
    return nearest, {k: np.bincount(query, weights=v[found], minlength=n) for k, v in sums.items()}


def reach_columns(
    lon, lat, events: pd.DataFrame, radius_km: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest activity km (inf when none), activities and audience within ``radius_km``."""
    nearest, within = point_figures(
        lon,
        lat,
        events["lon"].to_numpy(dtype=float),
        events["lat"].to_numpy(dtype=float),
        {"_audience": _audience(events)},
        radius_km,
    )
    return (
        nearest,
        within["_n"].round().astype(np.int64),
        within["_audience"].round().astype(np.int64),
    )


def uncovered_flags(table: pd.DataFrame, radius_km: float, basis: str) -> pd.Series:
    """``uncovered`` under a basis: no actor (presence) or no activity (activite) within R."""
    if basis not in BASES:
        raise ValueError(basis)
    return table[DISTANCE_COLUMNS[basis]] > radius_km


def commune_table(
    data: CoverageData, radius_km: float = DEFAULT_RADIUS_KM, basis: str = DEFAULT_BASIS
) -> pd.DataFrame:
    """One row per territory commune: distances, counts, reach of the period and ``uncovered``.

    ``present`` / ``reached``: an actor / an activity of the period within R of the reference
    point; ``uncovered`` is the negation of the basis's flag. ``reached_12m`` keeps its older
    meaning: an activity of the period held in the commune itself.
    """
    c = data.communes.copy()
    lon, lat = c["lon"].to_numpy(), c["lat"].to_numpy()
    a = data.actors
    nearest, within = point_figures(
        lon, lat, a["lon"].to_numpy(dtype=float), a["lat"].to_numpy(dtype=float), {}, radius_km
    )
    c["nearest_actor_km"] = nearest
    c["actors_within_radius"] = within["_n"].round().astype(np.int64)
    ev = data.events
    nearest, count, audience = reach_columns(lon, lat, ev, radius_km)
    c["nearest_activity_km"] = nearest
    c["nearest_event_km"] = nearest
    c["activities_within_radius"] = count
    c["audience_within_radius"] = audience
    c["events_12m"] = c["code"].map(ev["commune_code"].value_counts()).fillna(0).astype(int)
    actions = ev.loc[ev["kind"] == "action", "commune_code"].value_counts()
    c["actions_12m"] = c["code"].map(actions).fillna(0).astype(int)
    c["reached_12m"] = c["events_12m"] > 0
    c["present"] = c["nearest_actor_km"] <= radius_km
    c["reached"] = c["nearest_activity_km"] <= radius_km
    c["uncovered"] = uncovered_flags(c, radius_km, basis)
    c["rural"] = c["rural"].astype(bool)
    return c


def _near_groups(
    lon, lat, weights: dict[str, np.ndarray], communes: pd.DataFrame, key: str, radius_km: float
) -> pd.DataFrame:
    """Per group, the sums of the weights of the distinct points within R of one of its communes."""
    points, sums = _shared_points(lon, lat, weights)
    group_ids, groups = pd.factorize(communes[key], sort=True)
    out = pd.DataFrame({k: np.zeros(len(groups)) for k in sums}, index=groups)
    if len(points) == 0 or len(communes) == 0:
        return out
    commune_pos, point_pos = PointIndex(points[:, 0], points[:, 1]).pairs(
        communes["lon"].to_numpy(), communes["lat"].to_numpy(), radius_km
    )
    unique_pairs = np.unique(group_ids[commune_pos] * len(points) + point_pos)
    for k, v in sums.items():
        out[k] = np.bincount(
            unique_pairs // len(points),
            weights=v[unique_pairs % len(points)],
            minlength=len(groups),
        )
    return out


def _actors_near_groups(
    data: CoverageData, communes: pd.DataFrame, key: str, radius_km: float
) -> pd.Series:
    """Distinct actors within ``radius_km`` of at least one commune of each group."""
    a = data.actors
    near = _near_groups(
        a["lon"].to_numpy(dtype=float), a["lat"].to_numpy(dtype=float), {}, communes, key, radius_km
    )
    return near["_n"].round().astype(np.int64)


def _mode(communes: pd.DataFrame, key: str, column: str) -> pd.Series:
    """Each group's most frequent value of ``column`` (ties broken alphabetically)."""
    counts = communes.groupby([key, column]).size().rename("n").reset_index()
    counts = counts.sort_values([key, "n", column], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates(key).set_index(key)[column]


def group_table(
    data: CoverageData, communes: pd.DataFrame, level: str, radius_km: float = DEFAULT_RADIUS_KM
) -> pd.DataFrame:
    """EPCI or department rows aggregated from :func:`commune_table`."""
    key = _GROUP_KEYS[level]
    c = communes[communes[key].notna()].copy()
    pop = c["population"].astype(float)
    weight = np.maximum(pop, 1.0)
    c["_unc_pop"] = pop * c["uncovered"]
    c["_rural_pop"] = pop * c["rural"]
    c["_rural_unc_pop"] = c["_unc_pop"] * c["rural"]
    c["_w"] = weight
    c["_wd"] = weight * c["nearest_actor_km"]
    c["_rural_actions"] = c["actions_12m"] * c["rural"]
    c["_wa"] = weight * c["nearest_activity_km"]
    g = c.groupby(key, sort=True)
    t = pd.DataFrame(
        {
            "population": g["population"].sum().astype(int),
            "communes": g.size(),
            "uncovered_communes": g["uncovered"].sum().astype(int),
            "uncovered_population": g["_unc_pop"].sum().round().astype(int),
            "rural_population": g["_rural_pop"].sum().round().astype(int),
            "rural_uncovered_population": g["_rural_unc_pop"].sum().round().astype(int),
            "nearest_actor_km": g["_wd"].sum() / g["_w"].sum(),
            "max_nearest_actor_km": g["nearest_actor_km"].max(),
            "nearest_activity_km": g["_wa"].sum() / g["_w"].sum(),
            "communes_reached_12m": g["reached_12m"].sum().astype(int),
            "actions_12m": g["actions_12m"].sum().astype(int),
            "rural_actions_12m": g["_rural_actions"].sum().astype(int),
            "qpv_count": g["qpv_count"].sum().astype(int),
            "frr_class": _mode(c, key, "frr_class"),
        }
    )
    # An EPCI may straddle two departments: it is listed under the one of most of its communes.
    t["department_code"] = _mode(c, key, "department_code") if level == "epci" else t.index
    t["rural_share_uncovered"] = ratio(t["rural_uncovered_population"], t["uncovered_population"])
    t["rural_population_share"] = ratio(t["rural_population"], t["population"])
    t["rural_action_share"] = ratio(t["rural_actions_12m"], t["actions_12m"])
    t["rural_representation_index"] = ratio(t["rural_action_share"], t["rural_population_share"])
    t["actors_within_radius"] = (
        _actors_near_groups(data, c, key, radius_km).reindex(t.index).fillna(0).astype(int)
    )
    ev = data.events
    near = _near_groups(
        ev["lon"].to_numpy(dtype=float),
        ev["lat"].to_numpy(dtype=float),
        {"_audience": _audience(ev)},
        c,
        key,
        radius_km,
    ).reindex(t.index)
    t["activities_within_radius"] = near["_n"].fillna(0).round().astype(int)
    t["audience_within_radius"] = near["_audience"].fillna(0).round().astype(int)
    t.index.name = "code"
    t = t.reset_index()
    t["rural"] = t["rural_share_uncovered"]
    return t


def qpv_table(
    con,
    data: CoverageData,
    communes: pd.DataFrame,
    radius_km: float = DEFAULT_RADIUS_KM,
    distance_m: float = qpv_reach.DEFAULT_DISTANCE_M,
    basis: str = DEFAULT_BASIS,
) -> pd.DataFrame:
    """One row per QPV of the territory: distances from its reference point, reach within ``distance_m``."""
    q = db.frame(con, "coverage_qpv", departments=list(data.departments))
    # One index for both point sets: the outlines are projected once.
    polygons = qpv_reach.QpvIndex(qpv_reach.load_polygons(q["geometry"]))
    q = q.drop(columns="geometry")
    lon, lat = q["lon"].to_numpy(dtype=float), q["lat"].to_numpy(dtype=float)
    actors = PointIndex(data.actors["lon"].to_numpy(), data.actors["lat"].to_numpy())
    q["nearest_actor_km"] = actors.nearest(lon, lat)[0]
    q["actors_within_radius"] = actors.count_within(lon, lat, radius_km)
    ev = data.events
    nearest, count, audience = reach_columns(lon, lat, ev, radius_km)
    q["nearest_activity_km"] = nearest
    q["activities_within_radius"] = count
    q["audience_within_radius"] = audience
    q["present"] = q["nearest_actor_km"] <= radius_km
    q["reached"] = q["nearest_activity_km"] <= radius_km
    q["uncovered"] = uncovered_flags(q, radius_km, basis)
    q["reached_12m"] = polygons.reached(ev["lon"], ev["lat"], distance_m)
    q["actor_within_distance"] = polygons.reached(
        data.actors["lon"], data.actors["lat"], distance_m
    )
    # A QPV takes the rurality of its most urban commune and the FRR class of its first one.
    info = communes.set_index("code")[["density_level", "frr_class", "rural"]]
    first = q["commune_codes"].map(lambda codes: next((x for x in codes if x in info.index), None))
    q["density_level"] = q["commune_codes"].map(
        lambda codes: min(
            (info.at[x, "density_level"] for x in codes if x in info.index), default=1
        )
    )
    q["rural"] = q["density_level"] >= 5
    q["frr_class"] = first.map(info["frr_class"]).fillna("Non classée")
    q["qpv_count"] = 1
    q["commune_codes"] = q["commune_codes"].map(list)
    return q


def territory_table(
    con,
    data: CoverageData,
    level: str = "commune",
    radius_km: float = DEFAULT_RADIUS_KM,
    weights: Weights = DEFAULT_WEIGHTS,
    basis: str = DEFAULT_BASIS,
) -> pd.DataFrame:
    """The coverage table of one level with its priority score, highest score first."""
    if level not in LEVELS:
        raise ValueError(level)
    communes = commune_table(data, radius_km, basis)
    distance = DISTANCE_COLUMNS[basis]
    if level == "commune":
        table = communes
        parts = components(table, None, weights, distance)
    elif level == "qpv":
        table = qpv_table(con, data, communes, radius_km, basis=basis)
        parts = components(table, None, weights, distance)
    else:
        table = group_table(data, communes, level, radius_km)
        parts = components(
            communes[communes[_GROUP_KEYS[level]].notna()], _GROUP_KEYS[level], weights, distance
        )
        parts = parts.reindex(table["code"]).set_axis(table.index)
        names = db.frame(con, _NAME_QUERIES[level], codes=table["code"].tolist())
        table["name"] = table["code"].map(names.set_index("code")["name"])
    table = table.join(parts.drop(columns="uncovered_population").add_prefix("score_"))
    table["score"] = score(parts, weights)
    return table.sort_values(["score", "code"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
