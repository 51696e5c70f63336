"""A purpose-built workspace full of small counts, imported through the real importer.

Department 31 has 9 trainees and 10 actors, department 81 has 3 trainees (women volunteers)
and 3 actors, Ariège (09) has nothing. January 2024 has the 9 trainees of 31 (programme A),
February the 3 of 81 (programme B): the figures of the issue "masked small counts come back by
subtraction" (12 in 2024, 9 in 31, so 3 in 81).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from observatoire import db
from observatoire.demo.workbook import Workbook
from observatoire.workspace import connect

NAME = "Essai petits effectifs"
DEPARTMENTS = ["09", "31", "81"]
PROGRAMMES = ["PROG-A", "PROG-B"]
FILE = "essai-petits-effectifs.duckdb"

# (commune, department, circle, how many)
ACTORS = [
    ("Toulouse", "31", 1, 8),
    ("Toulouse", "31", 2, 1),
    ("Muret", "31", 3, 1),
    ("Albi", "81", 1, 2),
    ("Castres", "81", 3, 1),
]
# Person id -> (gender, status, department)
PEOPLE = {
    **{f"P{i:02d}": ("F", "salarié", "31") for i in range(1, 7)},
    "P07": ("H", "salarié", "31"),
    "P08": ("H", "bénévole", "31"),
    "P09": ("H", "bénévole", "31"),
    **{f"P{i:02d}": ("F", "bénévole", "81") for i in range(10, 13)},
}
# (id, type, format, day, commune, department, programme, attendees)
SESSIONS = [
    (
        "F1",
        "formation",
        "présentiel",
        date(2024, 1, 15),
        "Toulouse",
        "31",
        "PROG-A",
        [f"P{i:02d}" for i in range(1, 10)],
    ),  # fmt: skip
    (
        "F2",
        "formation",
        "présentiel",
        date(2024, 2, 12),
        "Albi",
        "81",
        "PROG-B",
        ["P10", "P11", "P12"],
    ),  # fmt: skip
    (
        "W1",
        "webinaire",
        "distanciel",
        date(2024, 1, 20),
        None,
        None,
        "PROG-A",
        [f"P{i:02d}" for i in range(1, 7)],
    ),  # fmt: skip
    (
        "R1",
        "regroupement",
        "présentiel",
        date(2024, 2, 20),
        "Albi",
        "81",
        "PROG-B",
        ["P11", "P12"],
    ),  # fmt: skip
]
# (id, day, commune, department, programme, participants, publics)
ACTIONS = [
    *(
        (f"A{i}", date(2024, 1, 5 + i), "Toulouse", "31", "PROG-A", n, "familles")
        for i, n in enumerate([23, 17, 40, 8, 12, 30, 9], 1)
    ),
    ("A8", date(2024, 2, 3), "Albi", "81", "PROG-B", 3, "scolaires"),
    ("A9", date(2024, 2, 9), "Castres", "81", "PROG-B", 6, "familles"),
]
# (id, status, department, commune, programme)
EXPERIMENTS = [
    *((f"E{i}", "en cours", "31", "Toulouse", "PROG-A") for i in range(1, 6)),
    ("E6", "terminée", "31", "Muret", "PROG-A"),
    ("E7", "en préparation", "81", "Albi", "PROG-B"),
    ("E8", "en préparation", "81", "Castres", "PROG-B"),
]


def workbooks() -> list[Workbook]:
    """The files a coordinator would import."""
    actors = []
    for commune, dep, circle, n in ACTORS:
        for _ in range(n):
            i = len(actors) + 1
            actors.append(
                {
                    "identifiant": f"ACT{i:02d}",
                    "nom": f"Structure {i}",
                    "type_structure": "association",
                    "cercle": circle,
                    "categorie": "CSTI",
                    "commune": commune,
                    "departement": dep,
                    "date_recensement": date(2023, 1, 16),
                    "programme": "PROG-A",
                }
            )
    people = [
        {"identifiant": p, "genre": g, "statut": s, "structure": "Structure 1", "departement": d}
        for p, (g, s, d) in PEOPLE.items()
    ]
    sessions, attendance = [], []
    for ident, kind, fmt, day, commune, dep, programme, who in SESSIONS:
        sessions.append(
            {
                "identifiant": ident,
                "type": kind,
                "intitule": f"Session {ident}",
                "format": fmt,
                "date_debut": day,
                "date_fin": day,
                "jours": 1,
                "commune": commune,
                "departement": dep,
                "programme": programme,
            }
        )
        attendance += [{"session": ident, "personne": p} for p in who]
    actions = [
        {
            "identifiant": ident,
            "type": "atelier",
            "titre": f"Action {ident}",
            "date_debut": day,
            "commune": commune,
            "departement": dep,
            "participants": n,
            "publics": publics,
            "programme": programme,
        }
        for ident, day, commune, dep, programme, n, publics in ACTIONS
    ]
    experiments = [
        {
            "identifiant": ident,
            "titre": f"Expérimentation {ident}",
            "structure": "Structure 1",
            "theme": "médiation",
            "statut": status,
            "date_debut": date(2024, 1, 10),
            "commune": commune,
            "departement": dep,
            "programme": programme,
        }
        for ident, status, dep, commune, programme in EXPERIMENTS
    ]
    return [
        Workbook("structures.xlsx", {"Acteurs": actors}),
        Workbook(
            "suivi-2024.xlsx",
            {
                "Personnes": people,
                "Sessions": sessions,
                "Participations": attendance,
                "Expérimentations": experiments,
                "Actions": actions,
            },
        ),
    ]


def build(folder: Path, reference: Path) -> Path:
    """Create the workspace in ``folder`` and import its workbooks; return its path."""
    from observatoire.importing import run_import

    path = Path(folder) / FILE
    con = connect(path, read_only=False, reference=reference)
    try:
        info = {
            "name": NAME,
            "departments": json.dumps(DEPARTMENTS),
            "programmes": json.dumps(PROGRAMMES),
        }
        for key, value in info.items():
            db.execute(con, "set_workspace_info", key=key, value=value)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    for book in workbooks():
        report = run_import(book.write(Path(folder)), path, reference=reference)
        assert not getattr(report, "errors", None), report
    return path
