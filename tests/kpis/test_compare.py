"""KPIs side by side: programmes of one workspace, several workspaces (hand-checked values)."""

from __future__ import annotations

import json

from observatoire.cli import main
from observatoire.kpis.compare import by_programme, by_workspace


def test_programmes_side_by_side(small):
    ids = ["training_sessions", "training_participants", "actions_total", "regroupement_sessions"]
    table = by_programme(small, "2023", ids)
    assert list(table) == ["PTR", "SPTT", ""]
    assert table["SPTT"] == {
        "training_sessions": 3,  # s1, s2, s3
        "training_participants": 4,  # p1, p2, p3, p4
        "actions_total": 2,  # ac1, ac2
        "regroupement_sessions": 0,
    }
    assert table["PTR"] == {
        "training_sessions": 0,
        "training_participants": 0,
        "actions_total": 1,  # ac3
        "regroupement_sessions": 1,  # s6
    }
    assert table[""]["actions_total"] == 3


def test_workspaces_side_by_side(small_path, tmp_path, capsys):
    import shutil

    other = tmp_path / "autre.duckdb"
    shutil.copy(small_path, other)
    table = by_workspace([small_path, other], "2023-11", ["training_sessions"])
    assert table == {small_path.stem: {"training_sessions": 2}, "autre": {"training_sessions": 2}}
    code = main(
        [
            "kpis",
            "--from",
            "2023",
            "--to",
            "2024",
            "--espaces",
            str(small_path),
            str(other),
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["period"]["start"] == "2023-01-01"
    # s1, s2, s3 (2023) and s5 (2024): 4 sessions over the two years in each file
    assert out["workspaces"]["autre"]["training_sessions"] == 4


def test_cli_by_programme(small_path, capsys):
    code = main(["kpis", "--year", "2023", "--par-programme", "--db", str(small_path)])
    out = capsys.readouterr().out
    assert code == 0
    header = out.splitlines()[1]
    assert header.split()[1:] == ["PTR", "SPTT", "tous", "les", "programmes"]
    line = next(x for x in out.splitlines() if x.strip().startswith("Sessions de formation"))
    assert line.split()[-3:] == ["0", "3", "3"]
