"""A territory's profile: a department, EPCI, commune or QPV of the workspace, in figures.

Population, density, FRR class, QPV, actors by circle and their distance, activities by month
over 24 months, audience, people trained from its structures, last activity, nearest actors.
A department is also compared with the average department of the workspace. Figures are raw:
small-count suppression and contacts belong to whoever shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from observatoire import db
from observatoire.coverage import DEFAULT_RADIUS_KM, inputs
from observatoire.coverage.aggregate import ratio
from observatoire.coverage.distances import haversine_km
from observatoire.kpis import Group, compute_kpis, group_ids
from observatoire.periods import Period

KINDS = ("department", "epci", "commune", "qpv")
MONTHS = 24
NEAREST = 5
FIRST_DAY = dt.date(1900, 1, 1)
COVERAGE_KPIS = group_ids(Group.COVERAGE)


class UnknownTerritory(ValueError):
    """The code is no department, EPCI, commune or QPV of the workspace territory."""


@dataclass
class Profile:
    """One territory's figures (see the module docstring)."""

    kind: str
    code: str
    name: str
    department_code: str
    population: int
    communes: pd.DataFrame  # the territory's communes (code, name, population, density, ...)
    qpv: pd.DataFrame  # its QPV: code, name, population
    circles: pd.DataFrame  # circle, actors_based, actors_within_radius, nearest_km
    months: pd.DataFrame  # month (Period), activities, audience: the last 24 months
    audience: int  # audience of the 24 months
    people_trained: int  # people trained in the 24 months from structures based there
    last_activity: dt.date | None
    nearest: pd.DataFrame  # the nearest actors: actor_id, name, type, circle, km[, contacts]
    radius_km: float
    period: Period  # the 24 months
    comparison: pd.DataFrame | None = None  # department: figure, this department, average
    kpis: dict | None = None  # department: the catalogue's coverage KPIs over the 24 months

    @property
    def density_level(self) -> int | None:
        """The commune's density level (communes only)."""
        if self.kind != "commune":
            return None
        return int(self.communes["density_level"].iloc[0])

    @property
    def rural_share(self) -> float | None:
        """Share of the inhabitants living in rural communes (density levels 5 to 7)."""
        c = self.communes
        total = c["population"].sum()
        return float(c.loc[c["rural"].astype(bool), "population"].sum() / total) if total else None

    @property
    def frr_classes(self) -> pd.Series:
        """Communes per FRR class."""
        return self.communes["frr_class"].value_counts()


def last_months(end: dt.date, count: int = MONTHS) -> Period:
    """The ``count`` whole months ending with ``end``'s month."""
    first = (pd.Timestamp(end).to_period("M") - (count - 1)).start_time.date()
    last = pd.Timestamp(end).to_period("M").end_time.date()
    return Period.between(first, last)


def kind_of(code: str, communes: pd.DataFrame, qpv: pd.DataFrame, departments) -> str:
    """Which kind of territory ``code`` is, or ``UnknownTerritory``."""
    if code in set(departments):
        return "department"
    if code in set(communes["code"]):
        return "commune"
    if code in set(communes["epci_code"].dropna()):
        return "epci"
    if code in set(qpv["code"]):
        return "qpv"
    raise UnknownTerritory(code)


def _by_month(events: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Activities and audience per month of ``period``, months without activity included."""
    months = period.months()
    keys = [m.start for m in months]
    if events.empty:
        counts = pd.DataFrame({"activities": 0, "audience": 0}, index=keys)
    else:
        start = pd.to_datetime(events["start_date"]).dt.to_period("M").dt.start_time.dt.date
        g = events.assign(_month=start).groupby("_month")
        counts = pd.DataFrame({"activities": g.size(), "audience": g["audience"].sum()})
        counts = counts.reindex(keys).fillna(0)
    return pd.DataFrame(
        {
            "month": months,
            "activities": counts["activities"].astype(int).to_numpy(),
            "audience": counts["audience"].astype(int).to_numpy(),
        }
    )


def _circles(actors: pd.DataFrame, based: set[str], lon, lat, radius_km: float) -> pd.DataFrame:
    """Per circle: actors based in the territory, within the radius of its point, the nearest."""
    km = haversine_km(lon, lat, actors["lon"].to_numpy(float), actors["lat"].to_numpy(float))
    a = actors.assign(_km=km, _circle=actors["circle"].fillna(0).astype(int))
    rows = []
    for circle in (1, 2, 3, 0):
        mine = a[a["_circle"] == circle]
        if circle == 0 and mine.empty:
            continue
        rows.append(
            {
                "circle": circle or None,
                "actors_based": int(mine["commune_code"].isin(based).sum()),
                "actors_within_radius": int((mine["_km"] <= radius_km).sum()),
                "nearest_km": float(mine["_km"].min()) if len(mine) else None,
            }
        )
    return pd.DataFrame(rows)


def _comparison(con, data, code: str, radius_km: float, period: Period) -> pd.DataFrame:
    """A department against the average department of the workspace (plain numbers)."""
    c = data.communes
    ev = data.events
    held = ev.groupby("commune_code")["audience"].agg(["size", "sum"])
    c = c.assign(
        _activities=c["code"].map(held["size"]).fillna(0),
        _audience=c["code"].map(held["sum"]).fillna(0),
        _actors=c["code"].map(data.actors["commune_code"].value_counts()).fillna(0),
    )
    c = c.assign(_rural_pop=c["population"] * c["rural"].astype(bool))
    g = c.groupby("department_code")
    population = g["population"].sum()
    t = pd.DataFrame(
        {
            "population": population,
            "actors_per_10k": ratio(g["_actors"].sum() * 10_000, population),
            "activities_per_100k": ratio(g["_activities"].sum() * 100_000, population),
            "audience_per_1000": ratio(g["_audience"].sum() * 1000, population),
            "rural_share": ratio(g["_rural_pop"].sum(), population),
        },
        index=population.index,
    )
    out = pd.DataFrame({"this": t.loc[code], "average": t.mean()})
    return out.rename_axis("figure").reset_index()


def load(
    con,
    code: str,
    radius_km: float = DEFAULT_RADIUS_KM,
    end: dt.date | None = None,
    contacts: bool = False,
) -> Profile:
    """The profile of ``code`` (ends with the workspace's latest activity unless ``end``).

    Raises ``UnknownTerritory`` and ``inputs.EmptyTerritory``.
    """
    end = end or inputs.reference_date(con)
    period = last_months(end)
    data = inputs.load(con, period=period, require_actors=False)
    departments = list(data.departments)
    all_qpv = db.frame(con, "coverage_qpv", departments=departments).drop(columns="geometry")
    communes = data.communes
    kind = kind_of(code, communes, all_qpv, departments)
    names = {}
    if kind == "department":
        mine = communes[communes["department_code"] == code]
        names = db.frame(con, "coverage_department_names", codes=[code])
    elif kind == "epci":
        mine = communes[communes["epci_code"] == code]
        names = db.frame(con, "coverage_epci_names", codes=[code])
    elif kind == "commune":
        mine = communes[communes["code"] == code]
    else:
        row = all_qpv[all_qpv["code"] == code].iloc[0]
        mine = communes[communes["code"].isin(list(row["commune_codes"]))]
    if kind == "qpv":
        qpv = all_qpv[all_qpv["code"] == code]
        name, population = str(qpv["name"].iloc[0]), int(qpv["population"].iloc[0])
        lon, lat = float(qpv["lon"].iloc[0]), float(qpv["lat"].iloc[0])
        department = str(qpv["department_code"].iloc[0])
    else:
        qpv = all_qpv[all_qpv["commune_codes"].map(lambda cs: bool(set(cs) & set(mine["code"])))]
        if kind == "commune":
            name = str(mine["name"].iloc[0])
        else:
            name = str(names["name"].iloc[0]) if len(names) else code
        population = int(mine["population"].sum())
        # The territory's point: its communes' reference points weighted by population.
        weights = mine["population"].clip(lower=1).to_numpy(float)
        lon = float(np.average(mine["lon"], weights=weights))
        lat = float(np.average(mine["lat"], weights=weights))
        department = str(mine["department_code"].iloc[0])
    based = set(mine["code"])
    ev = data.events[data.events["commune_code"].isin(based)]
    everything = inputs.activities(con, Period.between(FIRST_DAY, period.end))
    held = everything[everything["commune_code"].isin(based)]
    last = None if held.empty else inputs.as_date(held["start_date"].max())
    trained = db.scalar(
        con, "profile_people_trained", start=period.start, end=period.end, communes=list(based)
    )
    actors = db.frame(con, "map_actors", contacts=bool(contacts))
    actors = actors.dropna(subset=["lon", "lat"])
    km = haversine_km(lon, lat, actors["lon"].to_numpy(float), actors["lat"].to_numpy(float))
    nearest = actors.assign(km=km).nsmallest(NEAREST, "km").reset_index(drop=True)
    return Profile(
        kind=kind,
        code=code,
        name=name,
        department_code=department,
        population=population,
        communes=mine.reset_index(drop=True),
        qpv=qpv[["code", "name", "population"]].reset_index(drop=True),
        circles=_circles(actors, based, lon, lat, radius_km),
        months=_by_month(ev, period),
        audience=int(ev["audience"].sum()),
        people_trained=int(trained or 0),
        last_activity=last,
        nearest=nearest,
        radius_km=radius_km,
        period=period,
        comparison=_comparison(con, data, code, radius_km, period)
        if kind == "department"
        else None,
        kpis=compute_kpis(con, period, only=COVERAGE_KPIS, department=code)
        if kind == "department"
        else None,
    )
