"""Commune, EPCI, department and QPV tables on a small territory with hand-checked values."""

from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import pandas as pd
import pytest
import shapely
from conftest import ALBI, CAYLUS, MOISSAC, MONTAUBAN, TOULOUSE
from coverage_helpers import haversine, insert
from pyproj import Geod, Transformer

from observatoire.coverage import inputs
from observatoire.coverage import qpv as qpv_reach
from observatoire.coverage.aggregate import commune_table, group_table, territory_table
from observatoire.coverage.inputs import CoverageData
from observatoire.workspace.territory import territory_departments


def _point(towns, code):
    return towns.at[code, "lon"], towns.at[code, "lat"]


def _events(rows):
    return pd.DataFrame(rows, columns=["kind", "commune_code", "lon", "lat"])


@pytest.fixture
def small(towns):
    """Five communes; actors at Toulouse and Albi; two actions (Caylus, Toulouse), one session."""
    actors = pd.DataFrame(
        [dict(zip(["lon", "lat"], _point(towns, c), strict=True)) for c in (TOULOUSE, ALBI)]
    )
    events = _events(
        [
            ("action", CAYLUS, *_point(towns, CAYLUS)),
            ("action", TOULOUSE, *_point(towns, TOULOUSE)),
            ("session", MOISSAC, *_point(towns, MOISSAC)),
        ]
    )
    communes = towns.reset_index(drop=True).copy()
    # Two synthetic groups: "E1" = Toulouse + Montauban, "E2" = Albi + Caylus + Moissac.
    communes["epci_code"] = communes["code"].map(
        lambda c: "E1" if c in (TOULOUSE, MONTAUBAN) else "E2"
    )
    communes["department_code"] = "D"
    return CoverageData(dt.date(2024, 12, 31), ["D"], communes, actors, events)


def test_commune_table_by_hand(small, towns):
    t = commune_table(small, radius_km=15, basis="presence").set_index("code")
    for code in t.index:
        lon, lat = _point(towns, code)
        expected = min(
            haversine(lon, lat, *_point(towns, TOULOUSE)), haversine(lon, lat, *_point(towns, ALBI))
        )
        assert math.isclose(t.at[code, "nearest_actor_km"], expected, abs_tol=1e-6)
    assert t.at[TOULOUSE, "nearest_actor_km"] == pytest.approx(0, abs=1e-6)
    assert t.at[MONTAUBAN, "nearest_actor_km"] == pytest.approx(46.39, abs=0.01)
    assert t["uncovered"].to_dict() == {
        ALBI: False,
        TOULOUSE: False,
        MONTAUBAN: True,
        CAYLUS: True,
        MOISSAC: True,
    }
    assert t["reached_12m"].to_dict() == {
        ALBI: False,
        TOULOUSE: True,
        MONTAUBAN: False,
        CAYLUS: True,
        MOISSAC: True,
    }
    assert t["actions_12m"].to_dict() == {ALBI: 0, TOULOUSE: 1, MONTAUBAN: 0, CAYLUS: 1, MOISSAC: 0}
    # Montauban sees Toulouse at 46.39 km: counted within 50 km, not within 40 km.
    assert commune_table(small, 50).set_index("code").at[MONTAUBAN, "actors_within_radius"] == 1
    assert commune_table(small, 40).set_index("code").at[MONTAUBAN, "actors_within_radius"] == 0
    assert not commune_table(small, 50, "presence").set_index("code").at[MONTAUBAN, "uncovered"]


def test_group_table_by_hand(small, towns):
    communes = commune_table(small, 15, "presence")
    g = group_table(small, communes, "epci", 15).set_index("code")
    pop = towns["population"]
    assert g.at["E1", "population"] == pop[TOULOUSE] + pop[MONTAUBAN]
    assert g.at["E1", "uncovered_population"] == pop[MONTAUBAN]
    assert g.at["E2", "uncovered_population"] == pop[CAYLUS] + pop[MOISSAC]
    # Caylus is the only rural commune (density level 7); E1's uncovered (Montauban) is urban.
    assert g.at["E1", "rural_share_uncovered"] == 0.0
    assert g.at["E2", "rural_share_uncovered"] == pytest.approx(
        pop[CAYLUS] / (pop[CAYLUS] + pop[MOISSAC])
    )
    # E2: its one action is in Caylus (rural): share of actions 1, share of rural population Caylus / E2.
    rural_share = pop[CAYLUS] / (pop[ALBI] + pop[CAYLUS] + pop[MOISSAC])
    assert g.at["E2", "rural_representation_index"] == pytest.approx(1 / rural_share)
    # E1: one action (Toulouse), no rural population: the index is undefined.
    assert math.isnan(g.at["E1", "rural_representation_index"])
    assert g.at["E2", "communes_reached_12m"] == 2
    # Actors within 15 km of some commune: Toulouse's actor for E1, Albi's for E2.
    assert g["actors_within_radius"].to_dict() == {"E1": 1, "E2": 1}
    weights = np.maximum(pop[[TOULOUSE, MONTAUBAN]].to_numpy(float), 1)
    dist = communes.set_index("code").loc[[TOULOUSE, MONTAUBAN], "nearest_actor_km"].to_numpy()
    assert g.at["E1", "nearest_actor_km"] == pytest.approx((weights * dist).sum() / weights.sum())
    d = group_table(small, communes, "department", 15).set_index("code")
    assert d.at["D", "population"] == pop.sum()
    assert d.at["D", "actors_within_radius"] == 2


def _workspace_fill(con):
    insert(
        con,
        "actors",
        [
            dict(actor_id="a1", commune_code=MONTAUBAN, lon=1.35264, lat=44.01612, circle=1),
            dict(
                actor_id="a3",
                commune_code=MOISSAC,
                lon=1.08487,
                lat=44.10481,
                circle=3,
                listed_on=dt.date(2025, 1, 1),
            ),
        ],
    )
    insert(
        con,
        "actions",
        [
            dict(
                action_id="in", start_date=dt.date(2024, 1, 1), commune_code=CAYLUS, programme="P"
            ),
            dict(
                action_id="end",
                start_date=dt.date(2024, 12, 31),
                commune_code=MOISSAC,
                programme="Q",
            ),
            dict(action_id="old", start_date=dt.date(2023, 12, 31), commune_code=MONTAUBAN),
            dict(action_id="late", start_date=dt.date(2025, 1, 1), commune_code=MONTAUBAN),
        ],
    )
    insert(
        con,
        "sessions",
        [
            dict(
                session_id="s1",
                start_date=dt.date(2024, 6, 1),
                commune_code="82087",
                format="presentiel",
            ),
            dict(
                session_id="web",
                start_date=dt.date(2024, 6, 1),
                commune_code="82033",
                format="distanciel",
            ),
        ],
    )


def test_territory_declared_or_from_actors(workspace):
    _workspace_fill(workspace)
    assert territory_departments(workspace) == ["82"]
    workspace.execute(
        "INSERT INTO workspace_info VALUES ('departments', $v)", {"v": json.dumps(["81", "82"])}
    )
    assert territory_departments(workspace) == ["81", "82"]
    workspace.execute("UPDATE workspace_info SET value = '[]' WHERE key = 'departments'")
    assert territory_departments(workspace) == ["82"]


def test_window_programme_and_remote_sessions(workspace):
    _workspace_fill(workspace)
    ev = inputs.events(workspace, "2024-12-31")
    # The window is 2024-01-01 .. 2024-12-31; remote sessions reach no place.
    assert sorted(ev["activity_id"]) == ["end", "in", "s1"]
    s1 = ev.set_index("activity_id").loc["s1"]
    assert (s1["lon"], s1["lat"]) == (1.24099, 44.12569)  # Lafrançaise's reference point
    assert sorted(inputs.events(workspace, "2024-12-31", "P")["activity_id"]) == ["in"]
    # the last day of the month of the latest activity (1 January 2025): whole months
    assert inputs.reference_date(workspace) == dt.date(2025, 1, 31)
    assert len(inputs.actors(workspace, None, "2024-12-31")) == 1
    assert len(inputs.actors(workspace, "1,2")) == 1


def test_load_refuses_a_workspace_without_actors(workspace):
    with pytest.raises(inputs.NoActors):
        inputs.load(workspace)


def test_territory_table_levels(workspace):
    _workspace_fill(workspace)
    data = inputs.load(workspace, end_date="2024-12-31")
    communes = territory_table(workspace, data, "commune", 15, basis="presence")
    assert len(communes) == 195  # Tarn-et-Garonne, COG 2025
    assert (communes["score"].diff().dropna() <= 0).all()
    assert communes.loc[communes["uncovered"] == False, "score"].eq(0).all()  # noqa: E712
    dep = territory_table(workspace, data, "department", 15, basis="presence")
    assert dep["code"].tolist() == ["82"] and dep["name"].tolist() == ["Tarn-et-Garonne"]
    assert (
        dep.at[0, "uncovered_population"] == communes.loc[communes["uncovered"], "population"].sum()
    )
    epci = territory_table(workspace, data, "epci", 15)
    assert epci["name"].notna().all()
    q = territory_table(workspace, data, "qpv", 15, basis="presence").set_index("code")
    assert set(q.index) == {"QN08201I", "QN08202M", "QN08203M", "QN08204M", "QN08205N"}
    # Actors sit at the mairies of Montauban and Moissac: every QPV is within 15 km.
    assert not q["uncovered"].any() and (q["score"] == 0).all()


def _offset_point(polygon, epsg: int, metres: float) -> tuple[float, float]:
    """A point ``metres`` east of the polygon's easternmost vertex (so exactly that far from it)."""
    fwd = Transformer.from_crs(4326, epsg, always_xy=True)
    back = Transformer.from_crs(epsg, 4326, always_xy=True)
    coords = shapely.get_coordinates(polygon)
    x, y = fwd.transform(coords[:, 0], coords[:, 1])
    i = int(np.argmax(x))
    return back.transform(x[i] + metres, y[i])


@pytest.mark.parametrize(("code", "epsg"), [("QN08201I", 2154), ("QN97401I", 32740)])
def test_qpv_reach_inside_near_and_far(ref, code, epsg):
    wkb = ref.execute("SELECT geometry FROM qpv WHERE code = $c", {"c": code}).fetchone()[0]
    polygon = qpv_reach.load_polygons([wkb])
    inside = shapely.point_on_surface(polygon[0])
    assert qpv_reach.reached(polygon, [inside.x], [inside.y]).tolist() == [True]
    near = _offset_point(polygon[0], epsg, 250)
    far = _offset_point(polygon[0], epsg, 350)
    # Independent check of the offsets on the WGS84 ellipsoid.
    vertex = shapely.get_coordinates(polygon[0])
    geod = Geod(ellps="WGS84")
    assert min(
        geod.inv([near[0]] * len(vertex), [near[1]] * len(vertex), vertex[:, 0], vertex[:, 1])[2]
    ) == pytest.approx(250, abs=1)
    assert qpv_reach.reached(polygon, [near[0]], [near[1]]).tolist() == [True]
    assert qpv_reach.reached(polygon, [far[0]], [far[1]]).tolist() == [False]
    assert qpv_reach.reached(polygon, [far[0]], [far[1]], distance_m=400).tolist() == [True]
    # A point on another continent never reaches it.
    assert qpv_reach.reached(polygon, [-70.0], [45.0]).tolist() == [False]
