"""``observatoire kpis``: JSON shape, French table, exit codes, run in-process."""

from __future__ import annotations

import json

import pytest

from observatoire.cli import main
from observatoire.kpis import KPI_IDS
from observatoire.workspace import connect

from .conftest import insert


def run(capsys, *argv):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    try:
        code = main(["kpis", *argv])
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_shape(capsys, small_path):
    con = connect(small_path, read_only=False)
    insert(
        con, "targets", [dict(kpi_id="training_sessions", period="2023", programme="", value=12.0)]
    )
    con.close()
    code, out, _ = run(capsys, "--month", "2023-11", "--db", str(small_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"period", "kpis", "targets"} <= set(data)
    assert data["period"] == {"start": "2023-11-01", "end": "2023-11-30", "label": "novembre 2023"}
    assert set(data["kpis"]) == KPI_IDS
    assert data["kpis"]["training_sessions"] == 2
    assert data["kpis"]["training_participants"] == 3
    assert data["targets"] == {"training_sessions": 11.0}


def test_year_and_programme(capsys, small_path):
    code, out, _ = run(
        capsys, "--year", "2023", "--programme", "SPTT", "--db", str(small_path), "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["period"]["label"] == "2023" and data["programme"] == "SPTT"
    assert data["kpis"]["actors_total"] == 3


def test_french_table(capsys, small_path):
    con = connect(small_path, read_only=False)
    insert(
        con, "targets", [dict(kpi_id="actions_total", period="2023", programme="", value=1200.0)]
    )
    con.close()
    code, out, _ = run(capsys, "--month", "2023-11", "--db", str(small_path))
    assert code == 0
    assert "Indicateurs — novembre 2023" in out
    assert "Participant·e·s aux formations" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("Actions "))
    # value 2, year to date 3, target 1 200 × 11 / 12 = 1 100 (prorated, marked)
    cells = [c for c in line.split(" ") if c]  # not split(): U+202F is whitespace to Python
    assert cells[1:] == ["2", "3", "1\u202f100", "*"]
    assert "objectif annuel proratisé" in out


def test_empty_workspace_prints_zeros(capsys, workspace_path):
    code, out, err = run(capsys, "--month", "2023-11", "--db", str(workspace_path), "--json")
    assert code == 0 and err == ""
    kpis = json.loads(out)["kpis"]
    assert kpis["training_sessions"] == 0 and kpis["actions_audience"] == 0


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--month", "2023-13"], "Mois « 2023-13 » invalide"),
        (["--year", "20x3"], "Année « 20x3 » invalide"),
        ([], "obligatoire"),
    ],
)
def test_malformed_period_exits_2_in_french(capsys, workspace_path, argv, message):
    code, out, err = run(capsys, *argv, "--db", str(workspace_path))
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_month_and_year_together_is_a_usage_error(capsys, workspace_path):
    code, _, err = run(capsys, "--month", "2023-11", "--year", "2023", "--db", str(workspace_path))
    assert code == 2 and "incompatible" in err


def test_missing_db_exits_2_in_french(capsys, tmp_path):
    code, _, err = run(capsys, "--year", "2023", "--db", str(tmp_path / "absent.duckdb"))
    assert code == 2 and "Espace de travail introuvable" in err


def test_default_db_from_environment(capsys, monkeypatch, small_path):
    monkeypatch.setenv("OBSERVATOIRE_WORKSPACE", str(small_path))
    code, out, _ = run(capsys, "--year", "2023", "--json")
    assert code == 0 and json.loads(out)["kpis"]["actors_new"] == 2


def test_unknown_target_kpi_is_warned_in_french(capsys, small_path):
    con = connect(small_path, read_only=False)
    insert(con, "targets", [dict(kpi_id="inconnu", period="2023", programme="", value=1.0)])
    con.close()
    code, out, err = run(capsys, "--year", "2023", "--db", str(small_path), "--json")
    assert code == 0 and "inconnu" not in json.loads(out)["targets"]
    assert "indicateur « inconnu » inconnu" in err


def test_catalogue_listing(capsys):
    code, out, _ = run(capsys, "--liste", "--json")
    assert code == 0 and {k["id"] for k in json.loads(out)} == KPI_IDS
