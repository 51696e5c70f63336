"""The Occitanie census: actors listed by department, structure type, town, e-mail and circle."""

from __future__ import annotations

import datetime as dt

import pytest

from observatoire.importing import run_import

from .conftest import query, sha, write_csv, write_xlsx

HEADER = ["Département", "Type de structure", "Nom de la structure", "Ville", "CP", "Courriel",
          "Cercle", "Téléphone", "Remarques"]  # fmt: skip
CENSUS = [
    HEADER,
    ["Haute-Garonne", "Musée", "Muséum de Toulouse", "Toulouse", 31000, "contact@museum.toulouse.fr", 1, "05 67 73 84 84", "membre du consortium"],  # 2
    ["31", "Association", "Les Petits Débrouillards Occitanie", "TOULOUSE", "31000", "occitanie@lespetitsdebrouillards.org", "Cercle 1", "", ""],  # 3
    [None, None, None, None, None, None, None, None, None],  # 4: blank, skipped
    ["Ariège", "Bibliothèque", "Médiathèque de Foix", "Foix", "09000", "mediatheque@foix", 3, "", ""],  # 5
    ["Gers", "Association", "Ciel d'Auch", "Auch", "32000", "ciel@auch.fr", 7, "", ""],  # 6
    ["Tarn", "Université", "INU Champollion", "Albi", None, "contact@univ-jfc.fr", 2, "", ""],  # 7
    ["Haute-Garonne", "Laboratoire", "Labo des sciences", "St Jean", "31240", "", 2, "", ""],  # 8
    ["Haute-Garonne", "Association", "Sciences en Comminges", None, "31800", "", 1, "", ""],  # 9
    ["Hérault", "Association", "Planète Sciences", "Montpelier", None, "", 1, "", ""],  # 10
    [None, "Association", "Club Montaut", "Montaut", None, "", 3, "", ""],  # 11
    ["Tarn", "Musée", "Centre national et musée Jean Jaurès", "Castres", None, "", 3, "", ""],  # 12
    ["31", "Musée", "  MUSÉUM  de toulouse ", "Toulouse", "31000", "accueil@museum.toulouse.fr", 1, "", ""],  # 13
    ["Hérault", "CCSTI", None, "Montpellier", "34000", "", 1, "", ""],  # 14
    ["Pyrénées-Orientales", "Association", "Astro Perpignan", "Perpignan", "66000", "", 3, "appeler", ""],  # 15
    ["Aveyron", "Musée", "Musée de Millau", None, None, "", 3, "", ""],  # 16: town by formula
]  # fmt: skip
FORMULAS = {("Structures CSTI", "D16"): ('UPPER("millau")', "MILLAU")}
LEISURE = [
    ["Nom", "Commune", "Code postal", "Dépt", "Mail", "Code INSEE", "Latitude", "Longitude", "Cercle"],
    ["Médiathèque José Cabanis", "Toulouse", "31200", "31", "cabanis@toulouse.fr", None, "43,6108", "1,4499", 3],  # 2
    ["ALSH Les Minimes", None, None, None, None, "31555", None, None, 3],  # 3
    ["Centre social du quartier", None, None, None, None, None, None, None, 3],  # 4
    ["Médiathèque de Muret", None, None, None, None, None, 43.46516, 1.32763, 3],  # 5: in a QPV
    ["Ludothèque de Foix", None, None, None, None, 9122, None, None, 3],  # 6
    ["Point nul", None, None, None, None, None, 0, 0, 3],  # 7
]  # fmt: skip
SHEETS = {"Structures CSTI": CENSUS, "Loisirs - Médiathèques": LEISURE}

EXPECTED_COMMUNES = {
    "Muséum de Toulouse": ("31555", True),  # name as written by the later duplicate row
    "Les Petits Débrouillards Occitanie": ("31555", True),
    "Médiathèque de Foix": ("09122", True),
    "Ciel d'Auch": ("32013", True),
    "INU Champollion": ("81004", True),
    "Labo des sciences": ("31488", True),  # postal code 31240 is shared with L'Union
    "Centre national et musée Jean Jaurès": ("81065", True),
    "Astro Perpignan": ("66136", True),
    "Musée de Millau": ("12145", True),
    "Médiathèque José Cabanis": ("31555", False),
    "ALSH Les Minimes": ("31555", True),
    "Médiathèque de Muret": ("31395", False),
    "Ludothèque de Foix": ("09122", True),
}


@pytest.fixture
def census(tmp_path):
    return write_xlsx(tmp_path / "recensement_occitanie.xlsx", SHEETS, FORMULAS)


def test_without_kind_no_sheet_is_known(census, ws, resolver):
    report = run_import(census, ws, resolver=resolver)
    assert report.exit_code == 1
    assert "Aucune feuille reconnue" in report.error
    assert "« Structures CSTI », « Loisirs - Médiathèques »" in report.error
    assert "acteurs, personnes, sessions, participations, experimentations, actions, objectifs" in (
        report.error
    )
    assert not ws.exists()


def test_census_import(census, ws, resolver):
    report = run_import(census, ws, kind="acteurs", resolver=resolver)
    assert report.exit_code == 0 and report.written and report.created
    assert report.tables == {
        "acteurs": {"inserted": 13, "updated": 0, "unchanged": 0, "rejected": 6, "warnings": 5}
    }
    rejects = [(i.sheet, i.row, i.column, i.value) for i in report.rejects]
    assert rejects == [
        ("Structures CSTI", 9, "code_postal", "31800 / Haute-Garonne"),
        ("Structures CSTI", 10, "commune", "Montpelier / Hérault"),
        ("Structures CSTI", 11, "commune", "Montaut"),
        ("Structures CSTI", 14, "nom", ""),
        ("Loisirs - Médiathèques", 4, "commune", ""),
        ("Loisirs - Médiathèques", 7, "latitude", "0 / 0"),
    ]
    reasons = [i.reason for i in report.rejects]
    assert reasons[0].startswith("Le code postal 31800 est partagé par 21 communes")
    assert "Candidates : Aspret-Sarrat (31, 31021)" in reasons[0]
    assert "Vouliez-vous dire : Montpellier (34, 34172)" in reasons[1]
    assert reasons[2].startswith("Commune « Montaut » ambiguë : 7 communes")
    assert "Montaut (09, 09199)" in reasons[2]
    assert reasons[3] == "Valeur obligatoire manquante."
    assert reasons[4].startswith("Lieu obligatoire pour un acteur.")
    assert "ne tombent dans aucune commune" in reasons[5]

    warnings = [(i.row, i.column, i.value) for i in report.warnings]
    assert warnings == [
        (1, "Remarques", ""),
        (5, "email", "mediatheque@foix"),
        (6, "cercle", "7"),
        (13, None, ""),
        (15, "telephone", "appeler"),
    ]
    dup = report.warnings[3].reason
    assert "ligne 2" in dup and "même nom et même commune" in dup

    actors = {
        name: (commune, approximate)
        for name, commune, approximate in query(
            ws, "SELECT name, commune_code, approximate FROM actors"
        )
    }
    assert actors == {("MUSÉUM  de toulouse" if k == "Muséum de Toulouse" else k): v
                      for k, v in EXPECTED_COMMUNES.items()}  # fmt: skip
    (museum,) = query(ws, "SELECT email, circle FROM actors WHERE commune_code = '31555' "
                          "AND name_key = 'museum de toulouse'")  # fmt: skip
    assert museum == ("accueil@museum.toulouse.fr", 1)  # the later row won
    assert query(ws, "SELECT circle, email FROM actors WHERE name = 'Ciel d''Auch'") == [
        (None, "ciel@auch.fr")
    ]
    assert query(ws, "SELECT qpv_code, lon, lat FROM actors WHERE commune_code = '31395'") == [
        ("QN03101M", 1.32763, 43.46516)
    ]
    # Placed by the commune only: the commune's reference point.
    assert query(ws, "SELECT lon, lat FROM actors WHERE name = 'ALSH Les Minimes'") == [
        (1.44305, 43.60405)
    ]
    info = dict(query(ws, "SELECT key, value FROM workspace_info"))
    assert info["departments"] == '["09", "12", "31", "32", "66", "81"]'
    assert info["name"] == "reseau" and info["demo"] == "0"
    logged = query(ws, 'SELECT severity, sheet, "row", reason FROM import_rejects ORDER BY 1, 2, 3')
    assert len(logged) == 11
    assert ("rejet", "Structures CSTI", 14, "Valeur obligatoire manquante.") in logged


def test_second_import_is_all_unchanged_and_keeps_the_bytes(census, ws, resolver):
    run_import(census, ws, kind="acteurs", resolver=resolver)
    before = sha(ws)
    again = run_import(census, ws, kind="acteurs", resolver=resolver)
    assert again.tables["acteurs"] == {
        "inserted": 0, "updated": 0, "unchanged": 13, "rejected": 6, "warnings": 5
    }  # fmt: skip
    assert not again.written
    assert sha(ws) == before


def test_later_file_updates_and_never_deletes(census, tmp_path, ws, resolver):
    run_import(census, ws, kind="acteurs", resolver=resolver)
    later = write_csv(
        tmp_path / "acteurs.csv",
        [
            ["Nom de la structure", "Ville", "Dépt", "Cercle"],
            ["Muséum de Toulouse", "Toulouse", "31", "2"],  # same identity, new circle
            ["Quai des Savoirs", "Toulouse", "31", "1"],  # new
            ["INU Champollion", "Albi", "81", "2"],  # unchanged
        ],
        encoding="cp1252",
    )
    report = run_import(later, ws, resolver=resolver)
    assert report.tables["acteurs"] == {
        "inserted": 1, "updated": 1, "unchanged": 1, "rejected": 0, "warnings": 0
    }  # fmt: skip
    assert query(ws, "SELECT count(*) FROM actors") == [(14,)]
    # Columns absent from the later file keep their values.
    assert query(ws, "SELECT circle, email FROM actors WHERE name_key = 'museum de toulouse'") == [
        (2, "accueil@museum.toulouse.fr")
    ]
    assert len(list((ws.parent / "backups").glob("reseau-*.duckdb"))) == 1


def test_dry_run_reports_and_writes_nothing(census, ws, resolver):
    report = run_import(census, ws, kind="acteurs", dry_run=True, resolver=resolver)
    assert report.tables["acteurs"]["inserted"] == 13 and not report.written
    assert not ws.exists()
    run_import(census, ws, kind="acteurs", resolver=resolver)
    before = sha(ws)
    report = run_import(census, ws, kind="acteurs", dry_run=True, resolver=resolver)
    assert report.tables["acteurs"]["unchanged"] == 13
    assert sha(ws) == before


def test_strict_refuses_the_whole_file(census, ws, resolver):
    report = run_import(census, ws, kind="acteurs", strict=True, resolver=resolver)
    assert report.refused and report.exit_code == 1
    assert "6 ligne(s) rejetée(s)" in report.error
    assert not ws.exists()


def test_csv_census_in_both_encodings(tmp_path, ws, resolver):
    rows = [[("" if c is None else c) for c in r] for r in CENSUS[:8]]
    rows[6][3] = "Albi"
    one = write_csv(tmp_path / "cp1252.csv", rows, encoding="cp1252", delimiter=";")
    two = write_csv(tmp_path / "bom.csv", rows, encoding="utf-8-sig", delimiter=",")
    first = run_import(one, ws, kind="acteurs", resolver=resolver)
    assert first.tables["acteurs"]["inserted"] == 6
    second = run_import(two, ws, kind="Acteurs", resolver=resolver)
    # Same content, other encoding and delimiter: the same records.
    assert second.tables["acteurs"] == {
        "inserted": 0, "updated": 0, "unchanged": 6, "rejected": 0, "warnings": 3
    }  # fmt: skip
    names = {n for (n,) in query(ws, "SELECT name FROM actors")}
    assert "Médiathèque de Foix" in names and "Les Petits Débrouillards Occitanie" in names


def test_date_cells_serials_and_strings_agree(tmp_path, ws, resolver):
    rows = [
        ["nom", "code_insee", "date_recensement"],
        ["A", "31555", dt.date(2018, 3, 15)],
        ["B", "31555", 43174],
        ["C", "31555", "15/03/2018"],
        ["D", "31555", "2018-03-15"],
        ["E", "31555", "31/02/2018"],
    ]
    report = run_import(write_xlsx(tmp_path / "a.xlsx", {"acteurs": rows}), ws, resolver=resolver)
    assert report.tables["acteurs"]["inserted"] == 5
    assert [(w.row, w.column) for w in report.warnings] == [(6, "date_recensement")]
    assert "31/02/2018" in report.warnings[0].reason and "impossible" in report.warnings[0].reason
    dates = query(ws, "SELECT name, listed_on FROM actors ORDER BY name")
    assert dates == [(n, dt.date(2018, 3, 15)) for n in "ABCD"] + [("E", None)]
