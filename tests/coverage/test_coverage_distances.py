"""Great-circle distances through the KD-tree, checked against the haversine formula."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from coverage_helpers import brute_nearest_km, brute_uncovered, haversine
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from observatoire.coverage.aggregate import commune_table
from observatoire.coverage.distances import (
    EARTH_RADIUS_KM,
    PointIndex,
    chord_to_km,
    count_within_km,
    km_to_chord,
    nearest_km,
)
from observatoire.coverage.inputs import CoverageData

# Reference points (mairies) of the reference database, COG 2025.
TOULOUSE = (1.44305, 43.60405)
MONTAUBAN = (1.35264, 44.01612)
ALBI = (2.14654, 43.92714)


def test_toulouse_montauban_albi_by_hand():
    tm = haversine(*TOULOUSE, *MONTAUBAN)
    ta = haversine(*TOULOUSE, *ALBI)
    ma = haversine(*MONTAUBAN, *ALBI)
    # Hand check (flat-Earth estimate at this scale: 111.195 km per degree of latitude, times
    # cos(mean latitude) per degree of longitude): 46.39 km, 66.97 km and 64.30 km.
    assert math.isclose(tm, 46.39, abs_tol=0.05)
    assert math.isclose(ta, 66.97, abs_tol=0.05)
    assert math.isclose(ma, 64.30, abs_tol=0.05)
    got = nearest_km([MONTAUBAN[0], ALBI[0]], [MONTAUBAN[1], ALBI[1]], [TOULOUSE[0]], [TOULOUSE[1]])
    assert np.allclose(got, [tm, ta], atol=1e-6)
    # With Albi as a second source, Montauban's nearest is Toulouse (46.39 < 64.30).
    got = nearest_km([MONTAUBAN[0]], [MONTAUBAN[1]], [TOULOUSE[0], ALBI[0]], [TOULOUSE[1], ALBI[1]])
    assert math.isclose(got[0], tm, abs_tol=1e-6)


def test_counts_within_radius_by_hand():
    lon = [TOULOUSE[0], MONTAUBAN[0], ALBI[0]]
    lat = [TOULOUSE[1], MONTAUBAN[1], ALBI[1]]
    # From Montauban: itself (0 km), Toulouse 46.39 km, Albi 64.30 km.
    assert count_within_km([MONTAUBAN[0]], [MONTAUBAN[1]], lon, lat, 15).tolist() == [1]
    assert count_within_km([MONTAUBAN[0]], [MONTAUBAN[1]], lon, lat, 46.3).tolist() == [1]
    assert count_within_km([MONTAUBAN[0]], [MONTAUBAN[1]], lon, lat, 46.5).tolist() == [2]
    assert count_within_km([MONTAUBAN[0]], [MONTAUBAN[1]], lon, lat, 65).tolist() == [3]


def test_chord_conversion_round_trips():
    for km in (0.0, 0.3, 15.0, 1000.0, math.pi * EARTH_RADIUS_KM):
        assert math.isclose(float(chord_to_km(km_to_chord(km))), km, rel_tol=1e-9, abs_tol=1e-9)
    assert chord_to_km(np.inf) == np.inf


def test_empty_sources_are_infinitely_far():
    index = PointIndex([], [])
    d, idx = index.nearest([1.0], [45.0])
    assert d.tolist() == [np.inf] and idx.tolist() == [-1]
    assert index.count_within([1.0], [45.0], 15).tolist() == [0]


def test_within_lists_exactly_the_points_in_range():
    rng = np.random.default_rng(3)
    src_lon, src_lat = rng.uniform(0, 3, 300), rng.uniform(43, 45, 300)
    q_lon, q_lat = rng.uniform(0, 3, 40), rng.uniform(43, 45, 40)
    indptr, indices = PointIndex(src_lon, src_lat).within(q_lon, q_lat, 20)
    for i in range(40):
        expected = {
            j for j in range(300) if haversine(q_lon[i], q_lat[i], src_lon[j], src_lat[j]) <= 20
        }
        assert set(indices[indptr[i] : indptr[i + 1]].tolist()) == expected


points = st.tuples(
    st.floats(min_value=-180, max_value=180, allow_nan=False),
    st.floats(min_value=-89.9, max_value=89.9, allow_nan=False),
)
# Clustered points as well, since coverage lives at the scale of tens of kilometres.
near_france = st.tuples(
    st.floats(min_value=0.0, max_value=2.0), st.floats(min_value=43.0, max_value=44.5)
)


@settings(max_examples=150, deadline=None)
@given(
    communes=st.lists(st.one_of(points, near_france), min_size=1, max_size=40),
    actors=st.lists(st.one_of(points, near_france), min_size=1, max_size=40),
    radius=st.floats(min_value=0.5, max_value=300),
)
def test_uncovered_agrees_with_brute_force_haversine(communes, actors, radius):
    c = pd.DataFrame(
        {
            "code": [f"C{i}" for i in range(len(communes))],
            "lon": [p[0] for p in communes],
            "lat": [p[1] for p in communes],
            "population": 1,
            "rural": False,
        }
    )
    a = pd.DataFrame({"lon": [p[0] for p in actors], "lat": [p[1] for p in actors]})
    brute = brute_nearest_km(c["lon"], c["lat"], a["lon"], a["lat"])
    # Points exactly on the circle are a matter of rounding, not of correctness.
    assume(np.all(np.abs(brute - radius) > 1e-6))
    events = pd.DataFrame({"kind": [], "commune_code": [], "lon": [], "lat": []})
    data = CoverageData(end_date=None, departments=[], communes=c, actors=a, events=events)
    table = commune_table(data, radius, "presence")
    assert set(table.loc[table["uncovered"], "code"]) == brute_uncovered(c, a, radius)
    assert np.allclose(table["nearest_actor_km"], brute, atol=1e-6)
    assert ((table["actors_within_radius"] == 0) == table["uncovered"]).all()
