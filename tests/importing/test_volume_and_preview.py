"""100,000 rows in one file, and the preview the import page shows before committing."""

from __future__ import annotations

import pytest

from observatoire.importing import preview, run_import

from .conftest import query, write_csv, write_xlsx
from .test_census import FORMULAS, SHEETS

COMMUNES = ["31555", "34172", "81004", "32013", "09122", "46042", "12202", "65440", "66136"]


@pytest.mark.slow
def test_hundred_thousand_rows(tmp_path, ws, resolver):
    rows = [["Identifiant", "Nom de la structure", "Code INSEE", "Cercle", "Courriel"]]
    for i in range(100_000):
        rows.append(
            [f"A{i:06d}", f"Structure n°{i}", COMMUNES[i % 9], str(i % 3 + 1), f"s{i}@exemple.fr"]
        )
    rows[5001][2] = "99999"  # unknown INSEE code: rejected (row 5002)
    rows[70001][3] = "7"  # circle 7: warning (row 70002)
    rows[90001][0] = "A000010"  # duplicate of row 12: later row wins (row 90002)
    file = write_csv(tmp_path / "acteurs.csv", rows, encoding="cp1252")
    report = run_import(file, ws, resolver=resolver)
    assert report.tables["acteurs"] == {
        "inserted": 99_998, "updated": 0, "unchanged": 0, "rejected": 1, "warnings": 2
    }  # fmt: skip
    assert [(r.row, r.column) for r in report.rejects] == [(5002, "code_insee")]
    assert [(w.row, w.column) for w in report.warnings] == [(70002, "cercle"), (90002, None)]
    assert query(ws, "SELECT count(*), count(DISTINCT commune_code) FROM actors") == [(99_998, 9)]
    assert query(ws, "SELECT name FROM actors WHERE actor_id = 'A000010'") == [
        ("Structure n°90000",)
    ]
    again = run_import(file, ws, resolver=resolver)
    assert again.tables["acteurs"]["unchanged"] == 99_998 and not again.written


def test_preview_of_a_workbook(tmp_path):
    path = write_xlsx(tmp_path / "recensement.xlsx", SHEETS, FORMULAS)
    assert [(p.sheet, p.kind) for p in preview(path)] == [
        ("Structures CSTI", None),
        ("Loisirs - Médiathèques", None),
    ]
    first, second = preview(path, kind="acteurs", limit=3)
    assert (first.kind, second.kind) == ("acteurs", "acteurs")
    assert first.mapping == {
        "Département": "departement", "Type de structure": "type_structure",
        "Nom de la structure": "nom", "Ville": "commune", "CP": "code_postal",
        "Courriel": "email", "Cercle": "cercle", "Téléphone": "telephone", "Remarques": None,
    }  # fmt: skip
    assert first.missing == [] and first.total_rows == 14
    assert [n for n, _ in first.rows] == [2, 3, 5]
    assert second.mapping["Latitude"] == "latitude"


def test_preview_of_a_csv_names_missing_columns(tmp_path):
    path = write_csv(tmp_path / "sessions.csv", [["Identifiant", "Type"], ["S1", "formation"]])
    (only,) = preview(path)
    assert only.kind == "sessions"
    assert only.missing == ["intitule", "date_debut"]
    assert only.rows == [(2, ["S1", "formation"])]
