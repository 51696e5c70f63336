"""``observatoire coverage`` and ``observatoire plan``: outputs and French errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys

import pytest
from conftest import CAYLUS, MONTAUBAN
from coverage_helpers import insert

from observatoire.cli import main
from observatoire.periods import Period
from observatoire.workspace import connect

FIELDS = [
    "code",
    "name",
    "population",
    "nearest_actor_km",
    "actors_within_radius",
    "nearest_activity_km",
    "activities_within_radius",
    "audience_within_radius",
    "reached_12m",
    "uncovered",
    "rural",
    "frr_class",
    "qpv_count",
    "score",
]


@pytest.fixture
def db_file(workspace_path):
    """A Tarn-et-Garonne workspace file: one circle-1 actor in Montauban, a 2017 action in Caylus."""
    con = connect(workspace_path, read_only=False)
    insert(
        con,
        "actors",
        [dict(actor_id="a1", commune_code=MONTAUBAN, lon=1.35264, lat=44.01612, circle=1)],
    )
    insert(con, "actions", [dict(action_id="x", start_date="2017-05-01", commune_code=CAYLUS)])
    con.close()
    return str(workspace_path)


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("level", ["commune", "epci", "department", "qpv"])
def test_json_fields_exactly_and_sorted_by_score(capsys, db_file, level):
    code, out, _ = run(
        capsys, "coverage", "--db", db_file, "--level", level, "--radius-km", "15", "--json"
    )
    assert code == 0
    doc = json.loads(out)
    assert list(doc) == ["basis", "period", "radius_km", "level", "territories"]
    assert doc["radius_km"] == 15 and doc["level"] == level and doc["basis"] == "activite"
    # The default period: the 12 whole months ending with the latest activity's (May 2017).
    period = Period(dt.date(2016, 6, 1), dt.date(2017, 5, 31))
    assert doc["period"] == {"start": "2016-06-01", "end": "2017-05-31", "label": period.label}
    assert doc["territories"]
    for item in doc["territories"]:
        assert list(item) == FIELDS
    scores = [t["score"] for t in doc["territories"]]
    assert scores == sorted(scores, reverse=True)


def test_commune_level_values(capsys, db_file):
    _, out, _ = run(capsys, "coverage", "--db", db_file, "--json", "--basis", "presence")
    items = {t["code"]: t for t in json.loads(out)["territories"]}
    assert len(items) == 195
    m = items[MONTAUBAN]
    assert m["nearest_actor_km"] == 0 and m["uncovered"] is False and m["score"] == 0
    # The reference date defaults to the latest action (2017): Caylus counts as reached.
    assert items[CAYLUS]["reached_12m"] is True and items[CAYLUS]["rural"] is True
    _, out, _ = run(capsys, "coverage", "--db", db_file, "--json", "--date", "2019-01-01")
    assert {t["code"]: t for t in json.loads(out)["territories"]}[CAYLUS]["reached_12m"] is False


def test_filters_and_top(capsys, db_file):
    _, out, _ = run(
        capsys,
        "coverage",
        "--db",
        db_file,
        "--json",
        "--rural-only",
        "--top",
        "5",
        "--basis",
        "presence",
    )
    items = json.loads(out)["territories"]
    assert len(items) == 5 and all(t["rural"] for t in items)
    _, out, _ = run(capsys, "coverage", "--db", db_file, "--json", "--qpv-only")
    assert {t["code"] for t in json.loads(out)["territories"]} == {"82121", "82112"}


def test_csv_and_french_text(capsys, db_file):
    _, out, _ = run(capsys, "coverage", "--db", db_file, "--csv", "--top", "3")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == FIELDS and len(rows) == 4
    _, out, _ = run(capsys, "coverage", "--db", db_file, "--level", "department")
    assert "Tarn-et-Garonne" in out and "Population non touchée" in out and "km" in out
    _, out, _ = run(
        capsys, "coverage", "--db", db_file, "--level", "department", "--basis", "presence"
    )
    assert "Population non couverte" in out and "présence" in out


def test_plan_json_and_text(capsys, db_file):
    code, out, _ = run(
        capsys,
        "plan",
        "--db",
        db_file,
        "--stops",
        "4",
        "--radius-km",
        "15",
        "--json",
        "--basis",
        "presence",
    )
    assert code == 0
    doc = json.loads(out)
    gains = [s["gain"] for s in doc["stops"]]
    assert len(gains) == 4 and gains == sorted(gains, reverse=True)
    assert doc["newly_covered_population"] == doc["stops"][-1]["cumulative_population"]
    assert 0 < doc["share"] <= 1
    _, out, _ = run(
        capsys,
        "plan",
        "--db",
        db_file,
        "--stops",
        "2",
        "--rural-weight",
        "3",
        "--qpv-weight",
        "1",
        "--basis",
        "presence",
    )
    assert "habitants nouvellement couverts" in out
    _, out, _ = run(capsys, "plan", "--db", db_file, "--stops", "2")
    assert "habitants nouvellement touchés" in out
    _, out, _ = run(
        capsys, "plan", "--db", db_file, "--candidates", "actors", "--json", "--basis", "presence"
    )
    # The only actor's commune covers nothing new: the plan stops early.
    assert json.loads(out)["stops"] == []


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["coverage", "--radius-km", "-5"], 2, "rayon"),
        (["coverage", "--radius-km", "0"], 2, "rayon"),
        (["coverage", "--level", "pays"], 2, "Échelle inconnue"),
        (["coverage", "--top", "0"], 2, "--top"),
        (["coverage", "--circles", "4"], 2, "Cercles invalides"),
        (["coverage", "--date", "31/12/2024"], 2, "Date invalide"),
        (["coverage", "--circles", "2", "--basis", "presence"], 1, "aucun acteur des cercles 2"),
        (["coverage", "--basis", "acteurs"], 2, "Base inconnue"),
        (["coverage", "--period", "2017-13"], 2, "invalide"),
        (["coverage", "--from", "2017-06", "--to", "2017-01"], 2, "précède"),
        (["coverage", "--period", "2017", "--to", "2017-06"], 2, "une seule façon"),
        (["plan", "--stops", "0"], 2, "étapes"),
        (["plan", "--rural-weight", "-1"], 2, "poids"),
        (["plan", "--candidates", "toutes"], 2, "Candidates inconnues"),
    ],
)
def test_bad_parameters_give_french_messages(capsys, db_file, args, code, words):
    got, out, err = run(capsys, *args, "--db", db_file)
    assert got == code and out == "" and words in err


def test_missing_file_and_empty_workspace(capsys, tmp_path, workspace_path):
    code, _, err = run(capsys, "coverage", "--db", str(tmp_path / "absent.duckdb"))
    assert code == 1 and "introuvable" in err
    code, _, err = run(capsys, "plan", "--db", str(workspace_path), "--basis", "presence")
    assert code == 1 and "aucun acteur" in err
    code, _, err = run(capsys, "plan", "--db", str(workspace_path))
    assert code == 1 and "territoire est vide" in err
    code, _, err = run(capsys, "coverage", "--db", str(tmp_path))
    assert code == 1


def test_no_traceback_from_the_command_line(tmp_path, workspace_path):
    for args in (
        ["coverage", "--db", str(workspace_path)],
        ["coverage", "--db", str(workspace_path), "--radius-km", "-1"],
        ["plan", "--db", str(workspace_path), "--stops", "0"],
        ["coverage", "--db", str(workspace_path), "--radius-km", "abc"],
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "observatoire", *args], capture_output=True, text=True
        )
        assert proc.returncode in (1, 2) and "Traceback" not in proc.stderr and proc.stderr.strip()
