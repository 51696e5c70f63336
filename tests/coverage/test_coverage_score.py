"""The priority score: formula by hand, weights as parameters, French explanation."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from observatoire.coverage.score import (
    DEFAULT_WEIGHTS,
    FRR_LEVELS,
    Weights,
    components,
    formula_text,
    score,
)
from observatoire.texts.coverage import SCORE_FORMULA_FR

COMMUNES = pd.DataFrame(
    {
        "code": ["a", "b", "c"],
        "group": ["G", "G", "H"],
        "population": [831, 2000, 50_000],
        "density_level": [7, 4, 2],
        "frr_class": ["FRR+", "FRR socle", "Non classée"],
        "qpv_count": [0, 1, 3],
        "nearest_actor_km": [114.9, 20.0, 3.0],
        "uncovered": [True, True, False],
    }
)


def test_single_commune_by_hand():
    s = score(components(COMMUNES)).tolist()
    p = math.log10(832) / math.log10(100_001)
    # a: P, rurality 1, FRR+ 1, no QPV, distance capped at 1 (114.9 km > 50 km).
    assert s[0] == pytest.approx(round(100 * (0.40 * p + 0.20 + 0.15 + 0 + 0.15), 2))
    p_b = math.log10(2001) / math.log10(100_001)
    expected_b = 0.40 * p_b + 0.20 * 0.5 + 0.15 * 0.75 + 0.10 + 0.15 * 20 / 50
    assert s[1] == pytest.approx(round(100 * expected_b, 2))
    # A covered commune scores 0 whatever its other traits.
    assert s[2] == 0


def test_group_components_are_population_weighted_over_the_uncovered():
    parts = components(COMMUNES, "group")
    g = parts.loc["G"]
    assert g["uncovered_population"] == 2831
    assert g["rurality"] == pytest.approx((831 * 1 + 2000 * 0.5) / 2831)
    assert g["frr"] == pytest.approx((831 * 1 + 2000 * 0.75) / 2831)
    assert g["qpv"] == 1
    assert g["distance"] == pytest.approx(min(1, (831 * 114.9 + 2000 * 20) / 2831 / 50))
    assert score(parts).loc["H"] == 0


def test_weights_are_parameters():
    only_population = Weights(population=1, rurality=0, frr=0, qpv=0, distance=0)
    s = score(components(COMMUNES, weights=only_population), only_population)
    assert s[0] == pytest.approx(round(100 * math.log10(832) / math.log10(100_001), 2))
    only_distance = Weights(
        population=0, rurality=0, frr=0, qpv=0, distance=2, distance_reference_km=200
    )
    s = score(components(COMMUNES, weights=only_distance), only_distance)
    assert s[0] == pytest.approx(round(100 * 114.9 / 200, 2))
    with pytest.raises(ValueError):
        score(components(COMMUNES), Weights(0, 0, 0, 0, 0))


def test_formula_is_exposed_in_french():
    text = formula_text()
    assert "score = 100" in text and "0,4" in text and "100\u202f000" in text and "50 km" in text
    assert set(DEFAULT_WEIGHTS.as_dict()) >= {"population", "rurality", "frr", "qpv", "distance"}
    assert "{population}" in SCORE_FORMULA_FR
    assert FRR_LEVELS["FRR+"] == 1 and FRR_LEVELS["Non classée"] == 0
