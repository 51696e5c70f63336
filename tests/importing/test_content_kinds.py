"""Programme content sheets: meetings, resources, groups and members, tours,
evaluations, surveys, programme lines and actor roles, through the ordinary import."""

from __future__ import annotations

import datetime as dt

import pytest

from observatoire.importing import run_import

from .conftest import query, write_xlsx

D = dt.date
SHEETS = {
    "Acteurs": [
        ["Identifiant", "Nom", "Code INSEE", "Rôle", "Secteur", "Catégorie"],
        ["A1", "Muséum de Lille", "59350", "Expert", None, "CSTI"],
        ["A2", "Office de tourisme d'Amiens", "80021", "Partenaire", "tourisme", "tourisme"],
        ["A3", "Les Petits Débrouillards", "75056", "Initiative inspirante", None, "CSTI"],
    ],
    "Personnes": [["Identifiant", "Genre"], ["P1", "F"], ["P2", "H"]],
    "Sessions": [
        ["Identifiant", "Type", "Intitulé", "Date de début"],
        ["S1", "formation", "Inclusion", "12/03/2024"],
    ],
    "Programmes": [
        ["Programme", "Élément", "Intitulé", "Rang", "Date de début", "Date de fin"],
        ["SPTT", "programme", "Sciences pour toutes et tous", None, "01/01/2023", "31/12/2025"],
        ["SPTT", "Mission", "Former les professionnel·les", 1, None, None],
        ["SPTT", "missions", "Accompagner des expérimentations", 2, None, None],
        ["SPTT", "orientation", "Publics éloignés", 1, None, None],
        [None, "phase", "Phase sans programme", 1, None, None],  # 6: no programme
    ],
    "Rencontres": [
        ["Identifiant", "Type", "Date", "Structure", "En région", "Domaine", "Commune", "Dépt"],
        ["R1", "Expert", "10/02/2023", "Muséum de Lille", "oui", "CSTI", "Lille", "59"],
        ["R2", "initiative inspirante", "11/02/2023", "Les Petits Débrouillards", "non", "CSTI", None, None],
        ["R3", "Cadrage", "12/04/2023", None, None, None, None, None],
        ["R4", "Colloque", "12/04/2023", None, None, None, None, None],  # 5: unknown type
        ["R5", "pilotage", None, None, None, None, None, None],  # 6: no date
    ],
    "Ressources": [
        ["Identifiant", "Type", "Titre", "Date", "Structure", "Public", "Collection"],
        ["RS1", "Portrait", "Une chercheuse en biologie", "05/09/2017", "Muséum de Lille", 120, "Portraits"],
        ["RS2", "Émission de radio", "Stimuli n° 12", "21/12/2017", None, "beaucoup", "Stimuli"],
        ["RS3", "Catalogue", None, "01/10/2017", None, None, None],  # 4: no title
    ],
    "Groupes": [
        ["Identifiant", "Nom", "Type", "Date de début", "Listes de tâches"],
        ["G1", "Couvrir les zones rurales", "groupe de travail", "01/02/2018", 3],
        ["G2", "Consultation 1", "consultation", "01/03/2024", 4],
    ],
    "Membres": [
        ["Groupe", "Personne", "Acteur"],
        ["G1", "P1", None],  # 2
        ["G1", None, "A2"],  # 3: an actor of this file
        ["G2", "P2", None],  # 4
        ["G2", "P9", None],  # 5: not in the workspace
        ["G9", "P1", None],  # 6: unknown group
        ["G2", None, "A99"],  # 7: actor not in the workspace
        ["G2", None, None],  # 8: nobody
    ],
    "Tournées": [
        ["Tournée", "Nom de la tournée", "Étape", "Date de début", "Date de fin", "Commune", "Dépt", "Visiteurs"],
        ["T1", "Le Propulseur", "T1-01", "07/03/2016", "13/03/2016", "Albi", "81", "2 650"],
        ["T1", "Le Propulseur", "T1-02", "04/04/2016", "10/04/2016", "Rodez", "12", 1890],
        ["T1", "Le Propulseur", "T1-03", "09/05/2016", "15/05/2016", None, None, 1620],  # 4: no place
        ["T1", "Le Propulseur", "T1-04", "06/06/2016", "12/06/2016", "Nulle-Part", "09", 100],  # 5
    ],
    "Évaluations": [
        ["Type", "Personne", "Session", "Dimension", "Score avant", "Score après", "Satisfaction", "Date"],
        ["questionnaire", "P1", "S1", "Connaissance des publics", 3, 7, 9, None],  # 2
        ["questionnaire", "P2", "S1", "Connaissance des publics", 5, 4, 6, None],  # 3
        ["questionnaire", "P1", "S1", "Posture", "12", 8, None, None],  # 4: out of range
        ["questionnaire", "P7", "S1", "Posture", 3, 8, None, None],  # 5: unknown person
        ["entretien", "P1", "S8", None, None, None, None, None],  # 6: unknown session
        ["entretien", "P2", None, None, None, None, None, "15/04/2024"],  # 7
        ["entretien", "P2", None, "suivi", None, None, None, None],  # 8: undated, no session
        [None, "P1", "S1", None, None, None, None, None],  # 9: missing type
    ],
    "Enquêtes": [
        ["Identifiant", "Titre", "Date de début", "Répondants", "Public"],
        ["E1", "Questionnaire au recensement", "01/03/2018", 210, "acteurs du recensement"],
        ["E2", "Enquête SPTT", "15/01/2023", "114", "professionnel·les"],
    ],
}  # fmt: skip


@pytest.fixture
def imported(tmp_path, ws, reference_path, resolver):
    book = write_xlsx(tmp_path / "contenu.xlsx", SHEETS)
    report = run_import(book, ws, reference=reference_path, resolver=resolver)
    return ws, report


def _rejects(report, sheet):
    return {(r.row, r.column): r.reason for r in report.rejects if r.sheet == sheet}


def test_counts_per_kind(imported):
    _ws, report = imported
    t = report.tables
    assert t["acteurs"]["inserted"] == 3
    assert (t["programmes"]["inserted"], t["programmes"]["rejected"]) == (4, 1)
    assert (t["rencontres"]["inserted"], t["rencontres"]["rejected"]) == (3, 2)
    assert (t["ressources"]["inserted"], t["ressources"]["rejected"]) == (2, 1)
    assert (t["groupes"]["inserted"], t["membres"]["inserted"]) == (2, 3)
    assert t["membres"]["rejected"] == 4
    assert (t["tournees"]["inserted"], t["tournees"]["rejected"]) == (2, 2)
    assert (t["evaluations"]["inserted"], t["evaluations"]["rejected"]) == (3, 5)
    assert t["enquetes"]["inserted"] == 2


def test_missing_required_values_are_french_rejects(imported):
    _ws, report = imported
    assert _rejects(report, "Programmes")[(6, "programme")] == "Valeur obligatoire manquante."
    assert _rejects(report, "Rencontres")[(6, "date")] == "Valeur obligatoire manquante."
    assert _rejects(report, "Ressources")[(4, "titre")] == "Valeur obligatoire manquante."
    assert _rejects(report, "Évaluations")[(9, "type")] == "Valeur obligatoire manquante."
    assert "cadrage de l'évaluation" in _rejects(report, "Rencontres")[(5, "type")]


def test_unknown_person_session_and_out_of_range_score(imported):
    _ws, report = imported
    rejects = _rejects(report, "Évaluations")
    assert rejects[(4, "score_avant")] == (
        "Score « 12 » hors de l'échelle : attendu un nombre de 0 à 10."
    )
    assert rejects[(5, "personne")].startswith("Personne « P7 » inconnue")
    assert rejects[(6, "session")].startswith("Session « S8 » inconnue")
    assert rejects[(8, "date")] == "Indiquez la date de la réponse ou la session évaluée."


def test_group_members_must_be_in_the_workspace(imported):
    ws, report = imported
    rejects = _rejects(report, "Membres")
    assert rejects[(5, "personne")].startswith("« P9 » n'est ni une personne ni un acteur")
    assert rejects[(7, "acteur")].startswith("« A99 » n'est ni une personne ni un acteur")
    assert rejects[(6, "groupe")].startswith("Groupe « G9 » inconnu")
    assert (
        rejects[(8, "personne")]
        == "Indiquez la personne ou l'acteur (identifiant) membre du groupe."
    )
    members = query(ws, "SELECT group_id, person_id, actor_id FROM group_members ORDER BY 1, 2, 3")
    assert members == [("G1", "P1", None), ("G1", None, "A2"), ("G2", "P2", None)]


def test_tour_stop_without_place_is_rejected_and_stops_are_actions(imported):
    ws, report = imported
    rejects = _rejects(report, "Tournées")
    assert rejects[(4, "commune")].startswith("Lieu obligatoire pour une étape de tournée.")
    assert "Nulle-Part" in rejects[(5, "commune")] or "Nulle-Part" in str(rejects)
    stops = query(
        ws,
        "SELECT action_id, type, tour_id, tour_name, title, commune_code, participants "
        "FROM actions ORDER BY 1",
    )
    assert stops == [
        ("T1-01", "étape de tournée", "T1", "Le Propulseur", "Le Propulseur", "81004", 2650),
        ("T1-02", "étape de tournée", "T1", "Le Propulseur", "Le Propulseur", "12202", 1890),
    ]


def test_nothing_half_applies(imported):
    ws, _report = imported
    # The rejected score row did not import with its score dropped, nor anything else of it.
    assert query(ws, "SELECT count(*) FROM evaluations WHERE dimension = 'Posture'") == [(0,)]
    assert query(ws, "SELECT count(*) FROM actions WHERE action_id IN ('T1-03', 'T1-04')") == [(0,)]
    assert query(ws, "SELECT count(*) FROM meetings WHERE meeting_id IN ('R4', 'R5')") == [(0,)]


def test_values_are_stored_as_enumerations_and_links(imported):
    ws, report = imported
    assert query(ws, "SELECT actor_id, role, sector FROM actors ORDER BY 1") == [
        ("A1", "expert", None),
        ("A2", "partenaire", "tourisme"),
        ("A3", "initiative", None),
    ]
    assert query(ws, "SELECT meeting_id, type, actor_id, in_region FROM meetings ORDER BY 1") == [
        ("R1", "expert", "A1", True),
        ("R2", "initiative", "A3", False),
        ("R3", "cadrage_evaluation", None, None),
    ]
    assert query(ws, "SELECT element, count(*) FROM programme_items GROUP BY 1 ORDER BY 1") == [
        ("mission", 2),
        ("orientation", 1),
        ("programme", 1),
    ]
    assert query(ws, "SELECT resource_id, type, audience FROM resources ORDER BY 1") == [
        ("RS1", "portrait", 120),
        ("RS2", "emission_radio", None),  # "beaucoup" is not a number: a warning, row kept
    ]
    assert any(w.sheet == "Ressources" and w.row == 3 for w in report.warnings)


def test_reimport_changes_nothing(imported, tmp_path, reference_path, resolver):
    ws, _ = imported
    book = write_xlsx(tmp_path / "contenu2.xlsx", SHEETS)
    again = run_import(book, ws, reference=reference_path, resolver=resolver)
    for name, counts in again.tables.items():
        assert counts["inserted"] == counts["updated"] == 0, name
