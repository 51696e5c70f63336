"""The coverage KPIs of DESIGN §6, at the end of a period, over the 12 months before it.

``coverage_kpis`` is what the KPI catalogue calls. Definitions, all over the workspace territory
(see ``inputs.territory_departments``) and the window ``(end_date − 12 months, end_date]``:

- ``communes_reached``: territory communes holding an action or an in-person session;
- ``rural_communes_reached``: those that are rural (density levels 5–7);
- ``qpv_reached``: territory QPV with an actor (listed by ``end_date``) or an action of the window
  inside the polygon or within 300 m of it;
- ``population_within_15km_share``: share of the territory population living in communes whose
  reference point is within 15 great-circle km of an actor listed by ``end_date``;
- ``rural_representation_index``: share of the window's actions held in rural communes ÷ share of
  the territory population living in rural communes (1 = proportional).

``programme`` restricts actions and sessions (never actors); ``department`` narrows the territory
to one department. Counts are ints, shares floats, and a value that cannot be defined (no action,
no rural population, no population) is None.
"""

from __future__ import annotations

import numpy as np

from observatoire import db
from observatoire.coverage import inputs
from observatoire.coverage import qpv as qpv_reach
from observatoire.coverage.aggregate import ratio
from observatoire.coverage.distances import nearest_km

KPI_IDS = (
    "communes_reached",
    "rural_communes_reached",
    "qpv_reached",
    "population_within_15km_share",
    "rural_representation_index",
)
KPI_RADIUS_KM = 15.0


def _number(value) -> float | None:
    """A finite float, or None."""
    value = float(value)
    return value if np.isfinite(value) else None


def coverage_kpis(
    con, end_date, programme: str | None = None, department: str | None = None
) -> dict[str, float | None]:
    """The five coverage KPIs for the 12 months ending on ``end_date``, over one department or all."""
    end = inputs.as_date(end_date)
    # One department narrows the territory; actors beyond its border still cover its communes.
    departments = [department] if department else inputs.territory_departments(con)
    communes = inputs.communes(con, departments)
    actors = inputs.actors(con, None, end)
    events = inputs.events(con, end, programme)

    rural = communes["rural"].astype(bool).to_numpy()
    pop = communes["population"].fillna(0).to_numpy(dtype=float)
    reached = inputs.isin(communes["code"], events["commune_code"])

    polygons_frame = db.frame(con, "coverage_qpv", departments=departments)
    polygons = qpv_reach.load_polygons(polygons_frame["geometry"])
    actions = events[events["kind"] == "action"]
    points_lon = np.concatenate([actors["lon"].to_numpy(float), actions["lon"].to_numpy(float)])
    points_lat = np.concatenate([actors["lat"].to_numpy(float), actions["lat"].to_numpy(float)])

    distance = nearest_km(communes["lon"], communes["lat"], actors["lon"], actors["lat"])
    rural_actions = inputs.isin(actions["commune_code"], communes.loc[rural, "code"]).sum()
    territory_actions = inputs.isin(actions["commune_code"], communes["code"]).sum()
    action_share = ratio(rural_actions, territory_actions)
    population_share = ratio(pop[rural].sum(), pop.sum())
    return {
        "communes_reached": int(reached.sum()),
        "rural_communes_reached": int((reached & rural).sum()),
        "qpv_reached": int(qpv_reach.reached(polygons, points_lon, points_lat).sum()),
        "population_within_15km_share": _number(
            ratio(pop[distance <= KPI_RADIUS_KM].sum(), pop.sum())
        ),
        "rural_representation_index": _number(ratio(action_share, population_share)),
    }
