"""The greedy tour planner against brute force, and its reported totals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from coverage_helpers import brute_max_coverage, haversine, plain_greedy, to_csr
from hypothesis import given, settings
from hypothesis import strategies as st

from observatoire.coverage.planner import commune_values, greedy_max_coverage, plan

instances = st.integers(min_value=1, max_value=10).flatmap(
    lambda n: st.tuples(
        st.lists(st.sets(st.integers(0, n - 1), max_size=n), min_size=1, max_size=7),
        # Integer values keep float sums exact, so ties are real ties.
        st.lists(st.integers(0, 1000).map(float), min_size=n, max_size=n),
        st.integers(1, 4),
    )
)


@settings(max_examples=300, deadline=None)
@given(instances)
def test_greedy_within_bound_of_optimum_and_gains_never_increase(instance):
    sets, values, k = instance
    indptr, indices = to_csr(sets)
    chosen = greedy_max_coverage(indptr, indices, np.array(values), k)
    gains = [g for _, g in chosen]
    assert all(a >= b for a, b in zip(gains, gains[1:], strict=False))
    covered = set().union(*(sets[i] for i, _ in chosen)) if chosen else set()
    assert sum(gains) == pytest.approx(sum(values[e] for e in covered))
    assert sum(gains) >= (1 - 1 / math.e) * brute_max_coverage(sets, values, k) - 1e-9
    # Lazy evaluation picks exactly what the textbook greedy picks.
    assert chosen == plain_greedy(sets, values, k)


def test_greedy_stops_when_nothing_is_left():
    indptr, indices = to_csr([{0, 1}, {1}, set()])
    assert greedy_max_coverage(indptr, indices, np.array([5.0, 3.0]), 3) == [(0, 8.0)]


def _grid():
    """Communes on a line of latitude 44°N every ~8 km; populations and flags chosen by hand."""
    n = 12
    return pd.DataFrame(
        {
            "code": [f"{i:05d}" for i in range(n)],
            "name": [f"C{i}" for i in range(n)],
            "department_code": "82",
            "lon": [1.0 + 0.1 * i for i in range(n)],
            "lat": 44.0,
            "population": [100, 2000, 50, 50, 3000, 10, 10, 10, 400, 400, 5, 5],
            "rural": [True, False, True, True, False, True, True, True, False, False, True, True],
            "qpv_count": [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            "uncovered": [True] * 10 + [False, False],
        }
    )


def test_plan_totals_and_order_on_a_hand_made_line():
    communes = _grid()
    step = haversine(1.0, 44.0, 1.1, 44.0)  # about 8.0 km
    assert step == pytest.approx(8.0, abs=0.05)
    result = plan(communes, stops=3, radius_km=10, rural_weight=2, qpv_weight=3)
    # Radius 10 km: a host covers itself and its two neighbours.
    values = commune_values(communes, 2, 3)
    assert values[1] == 2000 * 3 and values[0] == 100 * 2
    gains = [s.gain for s in result.stops]
    assert gains == sorted(gains, reverse=True)
    # First stop: commune 1 covers 0, 1, 2 -> 200 + 6000 + 100 = 6300 beats commune 3/4/5 (100 + 3000 + 20).
    assert result.stops[0].code == "00001" and result.stops[0].gain == 6300
    assert result.stops[0].population == 2150 and result.stops[0].communes == 3
    uncovered_pop = communes.loc[communes["uncovered"], "population"].sum()
    assert result.uncovered_population == uncovered_pop
    assert result.newly_covered_population == sum(s.population for s in result.stops)
    assert result.share == pytest.approx(result.newly_covered_population / uncovered_pop)
    assert result.stops[-1].cumulative_population == result.newly_covered_population


def test_plan_with_restricted_candidates_and_nothing_uncovered():
    communes = _grid()
    result = plan(communes, stops=5, radius_km=10, candidates=communes[communes["code"] == "00009"])
    assert [s.code for s in result.stops] == ["00009"]
    covered = communes.assign(uncovered=False)
    empty = plan(covered, stops=3, radius_km=10)
    assert empty.stops == [] and empty.share == 0.0 and empty.uncovered_population == 0


@pytest.mark.parametrize("bad", [dict(stops=0), dict(radius_km=-1), dict(rural_weight=-1)])
def test_plan_rejects_bad_parameters(bad):
    args = dict(stops=3, radius_km=10) | bad
    with pytest.raises(ValueError):
        plan(_grid(), **args)
