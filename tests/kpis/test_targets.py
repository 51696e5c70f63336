"""Targets: month and year, proration of yearly targets, programmes, checks."""

from __future__ import annotations

import pytest

from observatoire.kpis import check_targets, compute_targets, target_details

from .conftest import insert

TARGETS = [
    ("training_sessions", "2023", "", 12.0),  # cumulative: prorated for a month
    ("actors_total", "2023", "", 1400.0),  # a stock: the yearly value holds all year
    ("actions_total", "2023", "", 60.0),
    ("actions_total", "2023-11", "", 5.0),  # an exact monthly target wins
    ("training_sessions", "2023", "SPTT", 6.0),
    ("communes_reached", "2023", "", 40.0),  # rolling 12 months: not prorated
]


@pytest.fixture
def with_targets(small):
    insert(
        small,
        "targets",
        [dict(kpi_id=k, period=p, programme=pr, value=v) for k, p, pr, v in TARGETS],
    )
    return small


def test_year_takes_yearly_targets(with_targets):
    assert compute_targets(with_targets, "2023") == {
        "actions_total": 60.0,
        "actors_total": 1400.0,
        "communes_reached": 40.0,
        "training_sessions": 12.0,
    }


def test_month_prorates_cumulative_yearly_targets_only(with_targets):
    targets = compute_targets(with_targets, "2023-11")
    assert targets["training_sessions"] == pytest.approx(11.0)  # 12 × 11 / 12
    assert targets["actors_total"] == 1400.0
    assert targets["communes_reached"] == 40.0
    assert targets["actions_total"] == 5.0
    assert compute_targets(with_targets, "2023-10")["actions_total"] == pytest.approx(50.0)
    assert compute_targets(with_targets, "2023-01")["training_sessions"] == pytest.approx(1.0)


def test_details_say_which_targets_are_prorated(with_targets):
    details = target_details(with_targets, "2023-11")
    assert details["training_sessions"].prorated and details["training_sessions"].source == "2023"
    assert not details["actors_total"].prorated
    assert not details["actions_total"].prorated and details["actions_total"].source == "2023-11"


def test_programme_targets(with_targets):
    assert compute_targets(with_targets, "2023-11", "SPTT") == {"training_sessions": 5.5}
    assert compute_targets(with_targets, "2023", "PTR") == {}


def test_no_target_for_other_years_or_ranges(with_targets):
    assert compute_targets(with_targets, "2024-03") == {}
    assert compute_targets(with_targets, "2023-01-01..2023-06-30") == {}


def test_check_targets_names_unknown_ids_and_bad_periods_in_french(with_targets):
    assert check_targets(with_targets) == []
    insert(
        with_targets,
        "targets",
        [
            dict(kpi_id="formations_total", period="2023", programme="", value=3.0),
            dict(kpi_id="actions_total", period="2023-13", programme="", value=1.0),
        ],
    )
    problems = check_targets(with_targets)
    assert len(problems) == 2
    assert "indicateur « formations_total » inconnu" in problems[1]
    assert "période « 2023-13 » invalide" in problems[0]
    # The unknown one is ignored, not an error.
    assert "formations_total" not in compute_targets(with_targets, "2023")
