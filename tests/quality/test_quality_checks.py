"""Data-quality checks on a tmp workspace with hand-made rows: every count can be checked by eye."""

from __future__ import annotations

import duckdb
import pytest

from observatoire import quality
from observatoire.workspace import connect

# (actor_id, name, circle, approximate, commune_code) — Arras 62041, Lille 59350, Calais 62193.
ACTORS = [
    ("A1", "Fablab d'Arras", 1, True, "62041"),
    ("A2", "Musée de Lille", None, False, "59350"),
    ("A3", "Médiathèque de Calais", None, True, "62193"),
    ("A4", "Université de Lille", 2, False, "59350"),
]
# (person_id, gender, status)
PEOPLE = [("P1", "F", "salarie"), ("P2", None, "benevole"), ("P3", "H", None), ("P4", None, None)]
# (session_id, format, commune_code)
SESSIONS = [
    ("S1", "presentiel", "62041"),
    ("S2", "presentiel", None),  # flagged
    ("S3", "distanciel", None),  # remote: needs no place
    ("S4", None, None),  # flagged: format unknown
]


@pytest.fixture
def con(workspace_path):
    """The tmp workspace filled with the rows above, read-only with the reference attached."""
    w = duckdb.connect(str(workspace_path))
    for actor_id, name, circle, approximate, commune in ACTORS:
        w.execute(
            "INSERT INTO actors (actor_id, name, name_key, circle, commune_code, department_code,"
            " lon, lat, approximate, import_id) VALUES (?, ?, lower(?), ?, ?, left(?, 2), 2.7, 50.3, ?, 1)",
            [actor_id, name, name, circle, commune, commune, approximate],
        )
    for person_id, gender, status in PEOPLE:
        w.execute(
            "INSERT INTO people (person_id, gender, status, import_id) VALUES (?, ?, ?, 1)",
            [person_id, gender, status],
        )
    for session_id, fmt, commune in SESSIONS:
        w.execute(
            "INSERT INTO sessions (session_id, type, title, format, start_date, commune_code,"
            " import_id) VALUES (?, 'formation', 'Essai ' || ?, ?, DATE '2025-03-04', ?, 1)",
            [session_id, session_id, fmt, commune],
        )
    w.close()
    c = connect(workspace_path, read_only=True)
    yield c
    c.close()


def test_counts_by_hand(con):
    assert quality.counts(con) == {
        "actors_approximate": 2,  # A1, A3
        "actors_without_circle": 2,  # A2, A3
        "people_incomplete": 3,  # P2, P3, P4
        "sessions_without_place": 2,  # S2, S4 (S3 is remote)
    }


def test_lists_name_the_records_with_french_columns(con):
    approx = quality.listing(con, "actors_approximate")
    assert list(approx["Identifiant"]) == ["A1", "A3"]  # both in 62: by commune name
    assert list(approx["Commune"]) == ["Arras", "Calais"]
    no_circle = quality.listing(con, "actors_without_circle")
    assert list(no_circle["Nom"]) == ["Musée de Lille", "Médiathèque de Calais"]
    people = quality.listing(con, "people_incomplete")
    assert list(people["Identifiant"]) == ["P2", "P3", "P4"]
    assert list(people["Genre"]) == ["manquant", "H", "manquant"]
    assert list(people["Statut"]) == ["bénévole", "manquant", "manquant"]
    sessions = quality.listing(con, "sessions_without_place")
    assert list(sessions["Identifiant"]) == ["S2", "S4"]
    assert list(sessions["Date de début"]) == ["04/03/2025", "04/03/2025"]
    assert list(sessions["Format"]) == ["présentiel", "manquant"]


def test_limit_caps_the_list_not_the_count(con):
    assert len(quality.listing(con, "people_incomplete", limit=1)) == 1
    checks = quality.report(con, "coordination", limit=1)
    assert {c.id: c.count for c in checks}["people_incomplete"] == 3


def test_committee_sees_people_counts_but_not_the_list(con):
    by_role = {role: {c.id: c for c in quality.report(con, role)} for role in ("comite", "admin")}
    assert by_role["comite"]["people_incomplete"].count == 3
    assert by_role["comite"]["people_incomplete"].rows is None
    assert len(by_role["admin"]["people_incomplete"].rows) == 3
    assert len(by_role["comite"]["actors_without_circle"].rows) == 2


def test_empty_workspace_flags_nothing(workspace_path):
    c = connect(workspace_path, read_only=True)
    try:
        assert set(quality.counts(c).values()) == {0}
        assert all(check.rows is None for check in quality.report(c, "admin"))
    finally:
        c.close()


def test_unknown_check_is_a_programming_error(con):
    with pytest.raises(ValueError):
        quality.listing(con, "actors; DROP TABLE actors")
