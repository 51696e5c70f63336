"""KPI values on the small hand-checked workspace of conftest.py."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from observatoire.coverage.inputs import last_12_months
from observatoire.coverage.kpis import coverage_kpis
from observatoire.kpis import KPIS, Period, by_department, compute_kpis, monthly_series
from observatoire.kpis.catalogue import COVERAGE_IDS

NOVEMBER_2023 = {
    # actors a1, a2 (listed 5 Nov), a3 (no date), a5; a4 is listed in 2024
    "actors_total": 4,
    "actors_new": 1,
    "actors_circle_1": 1,
    "actors_circle_2": 1,
    "actors_circle_3": 1,
    "departments_with_actor": 2,
    # trainings s2 and s3 (1 day each): p1+p4, p1+p2
    "training_sessions": 2,
    "training_days": 2,
    "training_attendances": 4,
    "training_participants": 3,
    "training_participants_women": 1,
    "training_participants_men": 1,
    "training_participants_volunteers": 1,
    "training_participants_employees": 1,
    "training_structures": 3,  # a1, a2, "centre social les tilleuls"
    # webinar s4: p1, p5, p3
    "webinar_sessions": 1,
    "webinar_attendances": 3,
    "webinar_participants": 3,
    # s2, s3, s4, s6; p4 and p5 come for the first time
    "sessions_total": 4,
    "sessions_participants": 5,
    "sessions_participants_new": 2,
    "regroupement_sessions": 1,
    "regroupement_participants": 2,
    "atelier_sessions": 0,
    # e1 (Oct), e2 (Mar), e4 (undated, en cours), e6 (abandoned, Feb)
    "experiments_total": 4,
    "experiments_active": 2,
    "experiments_completed": 1,
    # ac1 (25) and ac2 (37)
    "actions_total": 2,
    "actions_audience": 62,
    # Dec 2022 - Nov 2023: Arras, Oye-Plage (rural), Amiens, Lens
    "communes_reached": 4,
    "rural_communes_reached": 1,
}

YEAR_2023 = {
    "actors_total": 4,
    "actors_new": 2,
    "training_sessions": 3,
    "training_days": 4,
    "training_attendances": 7,
    "training_participants": 4,
    "training_participants_women": 2,
    "training_participants_men": 1,
    "training_participants_volunteers": 1,
    "training_participants_employees": 2,
    "training_structures": 3,  # p2 and p3 share one structure written two ways
    "webinar_sessions": 1,
    "sessions_total": 5,
    "sessions_participants_new": 5,
    "experiments_total": 4,
    "actions_total": 3,
    "actions_audience": 62,  # ac3 has no participant count
}


def _subset(values: dict, expected: dict) -> dict:
    return {k: values[k] for k in expected}


def test_month(small):
    assert _subset(compute_kpis(small, "2023-11"), NOVEMBER_2023) == NOVEMBER_2023


def test_year(small):
    assert _subset(compute_kpis(small, Period.year(2023)), YEAR_2023) == YEAR_2023


def test_types_counts_are_int_and_days_float(small):
    values = compute_kpis(small, "2023")
    assert type(values["training_sessions"]) is int
    assert type(values["actions_audience"]) is int
    assert type(values["training_days"]) is float


def test_stocks_earlier_in_the_year(small):
    values = compute_kpis(small, "2023-02")
    # a1 (Jan), a3 (no date), a5 (2022); e4 undated en cours and e6 started on 1 Feb
    assert (values["actors_total"], values["actors_circle_2"]) == (3, 0)
    assert (values["experiments_total"], values["experiments_active"]) == (2, 1)
    assert values["experiments_completed"] == 0  # e2 is finished now but started in March


def test_programme_filter(small):
    sptt = compute_kpis(small, "2023", "SPTT")
    assert sptt["actors_total"] == 3  # a5 has no programme, a4 is PTR
    assert sptt["training_sessions"] == 3
    assert sptt["experiments_total"] == 3  # e1, e2, e6
    assert (sptt["actions_total"], sptt["actions_audience"]) == (2, 62)
    assert sptt["regroupement_sessions"] == 0
    ptr = compute_kpis(small, "2023-11", "PTR")
    assert (ptr["training_sessions"], ptr["regroupement_participants"]) == (0, 2)
    assert ptr["experiments_total"] == 1  # e4, undated but en cours
    assert ptr["sessions_participants_new"] == 2  # p2 and p4 are new to PTR sessions
    assert compute_kpis(small, "2023", "") == compute_kpis(small, "2023")


def test_range_period(small):
    values = compute_kpis(small, "2023-09-01..2023-11-10")
    assert (values["training_sessions"], values["training_participants"]) == (2, 4)
    assert values["actions_total"] == 1


@pytest.mark.parametrize("period", ["2023-12", "1999", "2030-01-01..2030-01-31"])
def test_empty_period_gives_zeros(small, period):
    values = compute_kpis(small, period)
    flows = ["training_sessions", "training_days", "webinar_attendances", "actions_audience"]
    assert all(values[k] == 0 for k in flows)


def test_empty_workspace_gives_zeros_and_none_only_for_undefined_ratios(empty):
    values = compute_kpis(empty, "2023-11")
    for kpi in KPIS:
        if kpi.id in COVERAGE_IDS and kpi.unit in ("%", "indice"):
            assert values[kpi.id] in (None, 0)
        elif kpi.id != "qpv_reached":
            assert values[kpi.id] == 0, kpi.id
    assert values["qpv_reached"] in (None, 0)


def test_only_some_kpis(small):
    assert compute_kpis(small, "2023-11", only=["actions_total", "actors_new"]) == {
        "actors_new": 1,
        "actions_total": 2,
    }
    with pytest.raises(KeyError):
        compute_kpis(small, "2023-11", only=["nope"])


def test_monthly_series(small):
    frame = monthly_series(small, ["training_sessions", "actions_total"], "2023-11")
    assert list(frame.columns) == ["month", "training_sessions", "actions_total"]
    assert len(frame) == 12 and frame["month"].iloc[0] == "2022-12"
    by_month = frame.set_index("month")
    assert by_month.loc["2023-09", "training_sessions"] == 1
    assert by_month.loc["2023-11", "training_sessions"] == 2
    assert by_month.loc["2023-06", "actions_total"] == 1
    assert by_month["training_sessions"].sum() == 3


def test_by_department(small):
    table = by_department(small, "2023")
    rows = table.set_index("department_code").to_dict("index")
    assert list(table.columns) == [
        "department_code",
        "department_name",
        "actors",
        "training_sessions",
        "training_participants",
        "actions",
        "actions_audience",
    ]
    assert rows["59"] == dict(
        department_name="Nord",
        actors=0,
        training_sessions=0,
        training_participants=0,
        actions=0,
        actions_audience=0,
    )
    assert rows["62"] == dict(
        department_name="Pas-de-Calais",
        actors=2,
        training_sessions=2,
        training_participants=2,  # p1 and p4
        actions=2,
        actions_audience=62,
    )
    assert rows["80"]["actors"] == 2 and rows["80"]["training_participants"] == 2
    totals = compute_kpis(small, "2023")
    assert table["training_sessions"].sum() == totals["training_sessions"]
    assert table["actions"].sum() == totals["actions_total"]


def test_by_department_keeps_unknown_departments(small):
    small.execute("UPDATE people SET department_code = NULL WHERE person_id = 'p1'")
    table = by_department(small, "2023-11")
    last = table.iloc[-1]
    assert pd.isna(last["department_code"]) and last["department_name"] == "Non renseigné"
    assert last["training_participants"] == 1


def test_coverage_window_is_the_12_months_before_the_end():
    assert last_12_months(dt.date(2023, 11, 30)).start == dt.date(2022, 12, 1)
    assert last_12_months(dt.date(2024, 2, 29)).start == dt.date(2023, 3, 1)
    assert last_12_months(dt.date(2023, 12, 31)) == Period.year(2023)


def test_coverage_kpis_of_a_month_measure_the_12_months_ending_with_it(small):
    values = compute_kpis(small, "2023-11", "SPTT", only=COVERAGE_IDS)
    direct = coverage_kpis(small, dt.date(2023, 11, 30), programme="SPTT")
    assert values == {k: direct[k] for k in COVERAGE_IDS}


def test_coverage_kpis_of_a_year_or_range_measure_the_period_itself(small):
    from observatoire.coverage.kpis import coverage_kpis

    year = compute_kpis(small, "2023", only=COVERAGE_IDS)
    assert year == coverage_kpis(small, Period.year(2023))
    # A range that ends in November 2023 but starts in October counts fewer activities than the
    # 12 months ending then: the range is measured as it is.
    short = compute_kpis(small, "2023-10-01..2023-11-30", only=COVERAGE_IDS)
    rolling = compute_kpis(small, "2023-11", only=COVERAGE_IDS)
    assert short["communes_reached"] <= rolling["communes_reached"]
