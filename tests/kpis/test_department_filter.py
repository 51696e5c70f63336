"""The department filter of the KPI catalogue: hand-checked on the small workspace."""

from __future__ import annotations

from observatoire import db
from observatoire.activities import actions, common, experiments, trainings
from observatoire.kpis import KPIS, Period, compute_kpis, compute_targets, monthly_series
from observatoire.kpis.catalogue import COVERAGE_QUERY

FLOWS = ("training_sessions", "training_days", "training_attendances", "actions_total")


def test_every_catalogue_query_takes_the_department():
    for query in {k.query for k in KPIS} - {COVERAGE_QUERY}:
        _, declared = db.load_query(query)
        assert "department" in declared, query


def test_department_62_in_november_2023(small):
    values = compute_kpis(small, "2023-11", department="62")
    # s2 and s3 are in Arras (62); ac1 (Arras, 25) and ac2 (Oye-Plage, 37) are in 62.
    assert (values["training_sessions"], values["training_days"]) == (2, 2.0)
    assert (values["training_attendances"], values["training_participants"]) == (4, 3)
    assert (values["actions_total"], values["actions_audience"]) == (2, 62)
    # a1 listed in January and a2 on 5 November, both in Arras
    assert (values["actors_total"], values["actors_new"]) == (2, 1)
    assert values["departments_with_actor"] == 1
    # s6 is a regroupement in Lens (62) with p2 and p4
    assert (values["regroupement_sessions"], values["regroupement_participants"]) == (1, 2)


def test_department_80_in_2023(small):
    values = compute_kpis(small, "2023", department="80")
    assert (values["training_sessions"], values["training_days"]) == (1, 2.0)  # s1 in Amiens
    assert values["training_participants"] == 3
    assert values["actions_total"] == 1  # ac3 in Amiens
    assert values["actors_total"] == 2  # a3 (no date) and a5 (2022); a4 listed in 2024


def test_departments_add_up_to_the_whole(small):
    whole = compute_kpis(small, "2023", only=FLOWS)
    parts = [compute_kpis(small, "2023", only=FLOWS, department=d) for d in ("62", "80")]
    for kpi_id in FLOWS:
        assert sum(p[kpi_id] for p in parts) == whole[kpi_id], kpi_id


def test_empty_department_means_every_department(small):
    assert compute_kpis(small, "2023", department="") == compute_kpis(small, "2023")


def test_unknown_department_counts_nothing(small):
    values = compute_kpis(small, "2023", only=FLOWS, department="2A")
    assert all(values[k] == 0 for k in FLOWS)


def test_targets_belong_to_the_whole_network(small):
    assert compute_targets(small, "2023-11", department="62") == {}


def test_monthly_series_follows_the_department(small):
    series = monthly_series(small, ["training_sessions"], "2023-11", 3, department="80")
    assert list(series["training_sessions"]) == [1, 0, 0]  # s1 in September, in Amiens


def test_activity_rows_follow_the_department(small):
    period = Period.year(2023)
    assert len(trainings.sessions(small, period, department="62")) == 2
    assert len(trainings.participants(small, period, department="80")) == 3
    assert len(actions.rows(small, period, department="62")) == 2
    assert len(experiments.rows(small, period, department="62")) == 0  # experiments unplaced


def test_department_choices_and_latest_month(small):
    # the territory (59, 62, 80) even when Nord holds no record
    assert common.departments(small) == {"59": "Nord", "62": "Pas-de-Calais", "80": "Somme"}
    assert common.default_month(small, today=Period.month(2024, 3).end).key == "2023-11"
    # s5 (May 2024) and ac4 (June 2024) come later than 2024-03 and are ignored until then
    assert common.default_month(small, today=Period.month(2024, 12).end).key == "2024-06"


def test_coverage_kpis_narrow_to_the_department(small):
    values = compute_kpis(small, "2023-11", department="62")
    # Arras (s2, s3, ac1), Lens (s6) and rural Oye-Plage (ac2); Amiens (80) drops out.
    assert (values["communes_reached"], values["rural_communes_reached"]) == (3, 1)
    assert compute_kpis(small, "2023-11")["communes_reached"] == 4
