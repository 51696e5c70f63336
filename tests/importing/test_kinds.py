"""A training-programme workbook (SPTT-like): people, sessions, participations, experiments,
actions and targets, with links to actors and references across sheets and imports."""

from __future__ import annotations

import datetime as dt

import pytest

from observatoire.importing import run_import

from .conftest import query, write_ods, write_xlsx

D = dt.date
SHEETS = {
    "Acteurs": [
        ["Identifiant", "Nom", "Code INSEE", "Cercle"],
        ["A1", "Muséum de Lille", "59350", 1],
        ["A2", "Ombelliscience", "80021", 1],
    ],
    "Participants": [
        ["ID", "Sexe", "Statut", "Structure d'appartenance", "Département", "Catégorie"],
        ["P01", "Femme", "Salariée", "muséum de lille", "Nord", "Musée"],  # 2: linked to A1
        ["P02", "H", "bénévole", "Association inconnue", "62", "Association"],  # 3
        ["P03", "f", "salarié·e", "", "Pas-de-Calais", ""],  # 4
        ["P04", "?", "stagiaire", "Ombelliscience", "Picardie", ""],  # 5: 3 warnings
        [None, "F", "salariée", "", "59", ""],  # 6: no identifiant
        ["P01", "F", "Salariée", "Muséum de Lille", "59", "Musée"],  # 7: duplicate of 2
    ],
    "Sessions": [
        ["Identifiant", "Type", "Intitulé", "Format", "Date de début", "Date de fin", "Nombre de jours", "Ville", "Dépt"],
        ["S1", "Formation", "Inclusion et médiation", "Présentiel", "12/03/2024", "13/03/2024", "2", "Amiens", "80"],  # 2
        ["S2", "Webinaire", "Publics éloignés", "Distanciel", D(2024, 4, 2), None, "0,5", None, None],  # 3
        ["S3", "Formation", "Évaluer", "présentiel", "31/02/2024", None, 1, "Arras", "62"],  # 4: bad date
        ["S4", "Colloque", "Hors liste", None, "05/05/2024", None, 1, None, None],  # 5: bad type
        ["S5", "Regroupement", "Bilan", None, 45444, "01/01/2024", "1,5", "Lens", "Pas-de-Calais"],  # 6
    ],
    "Émargements": [
        ["Session", "Participant"],
        ["S1", "P01"],  # 2
        ["S1", "P02"],  # 3
        ["S2", "P01"],  # 4
        ["S3", "P01"],  # 5: S3 was rejected
        ["S9", "P01"],  # 6: unknown session
        ["S1", "P99"],  # 7: unknown person
        ["S1", "P01"],  # 8: duplicate of 2
    ],
    "Expérimentations": [
        ["Identifiant", "Titre", "Structure", "Statut", "Date de début", "Personnes touchées", "Commune", "Code postal"],
        ["E1", "Sciences au marché", "Ombelliscience", "En cours", "01/09/2023", "1 200", "Amiens", "80000"],
        ["E2", "Café des sciences", "Inconnue", "terminée", None, "beaucoup", None, None],
        ["E3", "Labo mobile", None, "en pause", None, None, "Saint-Paul", None],  # ambiguous place
    ],
    "Actions": [
        ["Identifiant", "Type", "Titre", "Date", "Commune", "Dépt", "Latitude", "Longitude", "Participants", "Structure"],
        ["AC1", "Exposition", "Lumières", "2024-06-01", "Lille", "59", None, None, "350", "Muséum de Lille"],
        ["AC2", "Atelier", "Robots", "15/06/2024", None, None, 50.6292, 3.0573, "1 234", None],
        ["AC3", "Forum", "Sans date", None, "Lille", "59", None, None, 10, None],  # no date
    ],
    "Objectifs": [
        ["Indicateur", "Période", "Valeur", "Programme"],
        ["training_sessions", "2024", 6, "SPTT"],
        ["training_participants", "2024-03", "49", None],
        ["indicateur_inconnu", "2024", 1, None],
        ["training_days", "T1", 9, None],
    ],
}  # fmt: skip


@pytest.fixture
def workbook(tmp_path):
    return write_xlsx(tmp_path / "sptt.xlsx", SHEETS)


def test_programme_workbook(workbook, ws, resolver):
    report = run_import(workbook, ws, resolver=resolver)
    t = report.tables
    assert t["acteurs"] == {
        "inserted": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "warnings": 0,
    }
    assert t["personnes"] == {
        "inserted": 4,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "warnings": 4,
    }
    assert t["sessions"] == {
        "inserted": 3,
        "updated": 0,
        "unchanged": 0,
        "rejected": 2,
        "warnings": 1,
    }
    assert t["participations"] == {
        "inserted": 3,
        "updated": 0,
        "unchanged": 0,
        "rejected": 3,
        "warnings": 1,
    }
    assert t["experimentations"] == {
        "inserted": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "warnings": 1,
    }
    assert t["actions"] == {
        "inserted": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "warnings": 0,
    }
    rejects = {(i.sheet, i.row): (i.column, i.reason) for i in report.rejects}
    assert rejects[("Participants", 6)] == ("identifiant", "Valeur obligatoire manquante.")
    assert rejects[("Sessions", 4)][0] == "date_debut"
    assert "31/02/2024" in rejects[("Sessions", 4)][1]
    assert rejects[("Sessions", 5)][0] == "type"
    assert "formation, webinaire" in rejects[("Sessions", 5)][1]
    assert rejects[("Émargements", 5)] == (
        "session", "Session « S3 » inconnue : ni dans ce fichier ni dans l'espace de travail."
    )  # fmt: skip
    assert rejects[("Émargements", 6)][0] == "session"
    assert rejects[("Émargements", 7)] == (
        "personne", "Personne « P99 » inconnue : ni dans ce fichier ni dans l'espace de travail."
    )  # fmt: skip
    assert rejects[("Expérimentations", 4)][0] == "commune"
    assert "Saint-Paul" in rejects[("Expérimentations", 4)][1]
    assert rejects[("Actions", 4)] == ("date_debut", "Valeur obligatoire manquante.")
    assert rejects[("Objectifs", 4)][0] == "indicateur"
    assert rejects[("Objectifs", 5)][0] == "periode"
    assert t["objectifs"]["inserted"] == 2 and t["objectifs"]["rejected"] == 2

    people = query(ws, "SELECT person_id, gender, status, structure, actor_id, department_code "
                       "FROM people ORDER BY 1")  # fmt: skip
    assert people == [
        ("P01", "F", "salarie", "Muséum de Lille", "A1", "59"),  # the later row won
        ("P02", "H", "benevole", "Association inconnue", None, "62"),
        ("P03", "F", "salarie", None, None, "62"),
        ("P04", None, None, "Ombelliscience", "A2", None),
    ]
    sessions = query(ws, "SELECT session_id, type, format, start_date, end_date, days, "
                         "commune_code, department_code FROM sessions ORDER BY 1")  # fmt: skip
    assert sessions == [
        ("S1", "formation", "presentiel", D(2024, 3, 12), D(2024, 3, 13), 2.0, "80021", "80"),
        ("S2", "webinaire", "distanciel", D(2024, 4, 2), None, 0.5, None, None),
        ("S5", "regroupement", None, D(2024, 6, 1), None, 1.5, "62498", "62"),
    ]
    assert query(ws, "SELECT * EXCLUDE (import_id) FROM attendances ORDER BY 1, 2") == [
        ("S1", "P01"), ("S1", "P02"), ("S2", "P01")
    ]  # fmt: skip
    experiments = query(ws, "SELECT experiment_id, status, actor_id, people_reached, commune_code "
                            "FROM experiments ORDER BY 1")  # fmt: skip
    assert experiments == [
        ("E1", "en_cours", "A2", 1200, "80021"),
        ("E2", "terminee", None, None, None),
    ]
    actions = query(ws, "SELECT action_id, commune_code, approximate, participants, actor_id "
                        "FROM actions ORDER BY 1")  # fmt: skip
    assert actions == [("AC1", "59350", True, 350, "A1"), ("AC2", "59350", False, 1234, None)]
    targets = query(ws, "SELECT kpi_id, period, programme, value FROM targets ORDER BY 1")
    assert targets == [
        ("training_participants", "2024-03", "", 49.0),
        ("training_sessions", "2024", "SPTT", 6.0),
    ]
    info = dict(query(ws, "SELECT key, value FROM workspace_info"))
    assert info["departments"] == '["59", "62", "80"]'
    assert info["programmes"] == '["SPTT"]'


def test_participations_reference_the_workspace(workbook, tmp_path, ws, resolver):
    run_import(workbook, ws, resolver=resolver)
    later = write_xlsx(
        tmp_path / "suite.xlsx",
        {"Participations": [["session", "personne"], ["S2", "P02"], ["S2", "P01"], ["S7", "P02"]]},
    )
    report = run_import(later, ws, resolver=resolver)
    assert report.tables["participations"] == {
        "inserted": 1, "updated": 0, "unchanged": 1, "rejected": 1, "warnings": 0
    }  # fmt: skip
    assert query(ws, "SELECT count(*) FROM attendances") == [(4,)]


def test_ods_workbook_gives_the_same_result(tmp_path, ws, resolver):
    sheets = {k: SHEETS[k] for k in ("Acteurs", "Participants", "Sessions", "Émargements")}
    path = write_ods(tmp_path / "sptt.ods", sheets)
    report = run_import(path, ws, resolver=resolver)
    assert report.tables["sessions"]["inserted"] == 3
    assert report.tables["participations"]["inserted"] == 3
    assert query(ws, "SELECT start_date FROM sessions WHERE session_id = 'S2'") == [
        (D(2024, 4, 2),)
    ]


def test_other_sheets_and_unknown_columns_are_warnings(tmp_path, ws, resolver):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "Notes": [["Ceci est un commentaire"]],
            "Feuil2": [],
            "Personnes": [["identifiant", "Âge", "genre", "Genre"], ["P1", 40, "F", "H"]],
        },
    )
    report = run_import(path, ws, resolver=resolver)
    found = [(w.sheet, w.row, w.column, w.reason.split(" :")[0]) for w in report.warnings]
    assert found == [
        ("Notes", None, None, "Feuille ignorée"),
        ("Personnes", 1, "Âge", "Colonne non reconnue, ignorée."),
        ("Personnes", 1, "Genre", "Colonne en double (déjà lue sous « genre »)"),
    ]
    assert query(ws, "SELECT person_id, gender FROM people") == [("P1", "F")]


def test_missing_required_column_rejects_the_sheet(tmp_path, ws, resolver):
    path = write_xlsx(
        tmp_path / "a.xlsx", {"Sessions": [["identifiant", "type"], ["S1", "formation"]]}
    )
    report = run_import(path, ws, resolver=resolver)
    assert report.tables["sessions"]["rejected"] == 1
    assert [(r.row, r.column) for r in report.rejects] == [(1, "intitule"), (1, "date_debut")]
    assert "absente" in report.rejects[0].reason
    assert not ws.exists()


def test_header_only_file_changes_nothing(tmp_path, ws, resolver):
    path = write_xlsx(tmp_path / "a.xlsx", {"Acteurs": [["nom", "commune"]]})
    report = run_import(path, ws, resolver=resolver)
    assert report.exit_code == 0
    assert report.tables["acteurs"] == {
        "inserted": 0, "updated": 0, "unchanged": 0, "rejected": 0, "warnings": 1
    }  # fmt: skip
    assert "aucune ligne" in report.warnings[0].reason
    assert not ws.exists()
