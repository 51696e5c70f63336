"""A workspace that declares no department: its table, map and KPIs cover the same territory."""

from __future__ import annotations

import pytest

from observatoire.importing import run_import
from observatoire.kpis import by_department, compute_kpis
from observatoire.maps.figures import department_table, load_model
from observatoire.workspace import connect
from observatoire.workspace.info import read_info, update_info
from observatoire.workspace.territory import territory_departments

from .conftest import write_csv

TARGETS = [["Indicateur", "Période", "Valeur"], ["actions_total", "2024", "12"]]
ACTORS = [["Nom de la structure", "Code INSEE"], ["Muséum de Toulouse", "31555"]]
# One action in Montauban (Tarn-et-Garonne), where the network has no actor.
ACTIONS = [
    ["Identifiant", "Titre", "Date", "Code INSEE", "Participants"],
    ["A1", "Nuit des étoiles", "2024-06-01", "82121", "40"],
]


@pytest.fixture
def undeclared(tmp_path, ws, resolver):
    """A new workspace made by the importer from targets first (no department), then records."""
    for name, rows, kind in (
        ("objectifs.csv", TARGETS, "objectifs"),
        ("acteurs.csv", ACTORS, "acteurs"),
        ("actions.csv", ACTIONS, "actions"),
    ):
        report = run_import(write_csv(tmp_path / name, rows), ws, kind=kind, resolver=resolver)
        assert not report.rejects, report.rejects
    assert read_info(ws)["departments"] == []  # the first import found no department to declare
    con = connect(ws)
    yield con
    con.close()


def test_table_map_and_kpis_cover_the_same_departments(undeclared):
    territory = territory_departments(undeclared)
    assert territory == ["31", "82"]  # the actor's department and the action's

    table = by_department(undeclared, "2024-06")
    assert table["department_code"].tolist() == territory
    assert table.set_index("department_code").loc["82", "actions"] == 1

    model = load_model(undeclared)
    assert model.departments == territory
    assert department_table(model)["code"].tolist() == territory

    kpis = compute_kpis(undeclared, "2024-06")
    assert kpis["departments_with_actor"] == 1  # Haute-Garonne only: 82 has an action, no actor
    # Montauban counts as reached only because 82 belongs to the territory.
    assert kpis["communes_reached"] == 1
    assert kpis["actions_total"] == 1


def test_declared_departments_win(undeclared, ws, resolver):
    undeclared.close()
    update_info(ws, departments=["Tarn-et-Garonne"], resolver=resolver)
    con = connect(ws)
    try:
        assert territory_departments(con) == ["82"]
        assert by_department(con, "2024-06")["department_code"].tolist() == ["31", "82"]
        assert load_model(con).departments == ["82"]
    finally:
        con.close()
