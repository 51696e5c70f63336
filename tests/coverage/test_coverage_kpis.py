"""coverage_kpis on a Tarn-et-Garonne workspace, against independent computations."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import numpy as np
import pytest
import shapely
from conftest import CAYLUS, MOISSAC, MONTAUBAN, TOULOUSE
from coverage_helpers import brute_nearest_km, insert

from observatoire.coverage.kpis import KPI_IDS, coverage_kpis

END = dt.date(2024, 12, 31)


@pytest.fixture
def filled(workspace, ref):
    """Actors at Montauban (listed 2020) and Caylus (listed after the period); a few events."""
    sarlac = shapely.from_wkb(
        bytes(ref.execute("SELECT geometry FROM qpv WHERE code = 'QN08204M'").fetchone()[0])
    ).point_on_surface()
    workspace.execute(
        "INSERT INTO workspace_info VALUES ('departments', $v)", {"v": json.dumps(["82"])}
    )
    insert(
        workspace,
        "actors",
        [
            dict(
                actor_id="a1",
                commune_code=MONTAUBAN,
                lon=1.35264,
                lat=44.01612,
                listed_on=dt.date(2020, 1, 1),
            ),
            dict(
                actor_id="late",
                commune_code=CAYLUS,
                lon=1.76946,
                lat=44.2359,
                listed_on=dt.date(2025, 6, 1),
            ),
        ],
    )
    insert(
        workspace,
        "actions",
        [
            dict(
                action_id="caylus",
                start_date=dt.date(2024, 3, 1),
                commune_code=CAYLUS,
                programme="P",
            ),
            dict(action_id="moissac", start_date=END, commune_code=MOISSAC, programme="Q"),
            dict(
                action_id="sarlac",
                start_date=dt.date(2024, 5, 1),
                commune_code=MOISSAC,
                lon=sarlac.x,
                lat=sarlac.y,
            ),
            dict(action_id="toulouse", start_date=dt.date(2024, 5, 1), commune_code=TOULOUSE),
            dict(action_id="old", start_date=dt.date(2023, 12, 31), commune_code="82033"),
        ],
    )
    insert(
        workspace,
        "sessions",
        [
            dict(session_id="s1", start_date=dt.date(2024, 6, 1), commune_code="82087"),
            dict(
                session_id="web",
                start_date=dt.date(2024, 6, 1),
                commune_code="82033",
                format="distanciel",
            ),
        ],
    )
    return workspace


def _expected_qpv(ref, lon, lat):
    """QPV of Tarn-et-Garonne within 300 m of a point, with geopandas in Lambert-93."""
    q = ref.execute("SELECT code, geometry FROM qpv WHERE department_code = '82'").df()
    shapes = gpd.GeoSeries(shapely.from_wkb([bytes(b) for b in q["geometry"]]), crs=4326).to_crs(
        2154
    )
    pts = gpd.GeoSeries(shapely.points(lon, lat), crs=4326).to_crs(2154)
    return {
        code
        for code, shape in zip(q["code"], shapes, strict=True)
        if pts.distance(shape).min() <= 300
    }


def test_coverage_kpis_by_independent_computation(filled, ref):
    kpis = coverage_kpis(filled, END)
    assert tuple(kpis) == KPI_IDS
    # Caylus (action, rural), Moissac (actions), Lafrançaise (session, rural); Toulouse is outside.
    assert kpis["communes_reached"] == 3
    assert kpis["rural_communes_reached"] == 2
    communes = ref.execute(
        "SELECT code, population, rural, lon, lat FROM communes WHERE department_code = '82'"
    ).df()
    moissac = communes.set_index("code").loc[MOISSAC]
    lafrancaise = communes.set_index("code").loc["82087"]
    qpv = _expected_qpv(
        ref,
        [
            1.35264,
            moissac["lon"],
            lafrancaise["lon"],
            filled.execute("SELECT lon FROM actions WHERE action_id='sarlac'").fetchone()[0],
        ],
        [
            44.01612,
            moissac["lat"],
            lafrancaise["lat"],
            filled.execute("SELECT lat FROM actions WHERE action_id='sarlac'").fetchone()[0],
        ],
    )
    assert "QN08204M" in qpv and len(qpv) >= 2
    assert kpis["qpv_reached"] == len(qpv)
    d = brute_nearest_km(communes["lon"], communes["lat"], [1.35264], [44.01612])
    pop = communes["population"].to_numpy(float)
    assert kpis["population_within_15km_share"] == pytest.approx(pop[d <= 15].sum() / pop.sum())
    rural_share = pop[communes["rural"].to_numpy()].sum() / pop.sum()
    # Four activities in the territory's window: three actions, one of them (Caylus) in a rural
    # commune, and the in-person session of rural Lafrançaise (the remote one does not count).
    assert kpis["rural_representation_index"] == pytest.approx((2 / 4) / rural_share)


def test_programme_filters_events_not_actors(filled):
    kpis = coverage_kpis(filled, "2024-12-31", programme="Q")
    assert kpis["communes_reached"] == 1 and kpis["rural_communes_reached"] == 0
    assert kpis["rural_representation_index"] == 0
    assert (
        kpis["population_within_15km_share"]
        == coverage_kpis(filled, END)["population_within_15km_share"]
    )


def test_undefined_values_are_none(filled):
    kpis = coverage_kpis(filled, dt.date(2010, 1, 31))
    assert kpis["communes_reached"] == 0
    # No action in the window: the representation index is undefined; no actor listed yet either.
    assert kpis["rural_representation_index"] is None
    assert kpis["population_within_15km_share"] == 0
    assert all(v is None or np.isfinite(v) for v in kpis.values())
