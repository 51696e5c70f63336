"""A small hand-checked workspace for the KPI tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from observatoire.workspace import connect

D = dt.date
ARRAS, AMIENS, LENS, OYE_PLAGE = "62041", "80021", "62498", "62645"  # Oye-Plage is rural


def insert(con, table: str, records: list[dict]) -> None:
    """Append rows to a workspace table; columns not given are NULL, import_id defaults to 1."""
    columns = con.table(table).columns
    rows = [{"import_id": 1, **r} for r in records]
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)
    con.from_df(frame.astype(object)).insert_into(table)


def actor(actor_id, circle, commune, dept, listed_on, programme):
    """An actor row placed at a commune."""
    return dict(
        actor_id=actor_id,
        name=actor_id.upper(),
        name_key=actor_id,
        circle=circle,
        commune_code=commune,
        department_code=dept,
        lon=2.5,
        lat=50.0,
        approximate=True,
        listed_on=listed_on,
        programme=programme,
    )


def session(session_id, kind, start, days, commune, dept, programme):
    """A session row."""
    return dict(
        session_id=session_id,
        type=kind,
        title=session_id,
        start_date=start,
        days=days,
        commune_code=commune,
        department_code=dept,
        programme=programme,
    )


ACTORS = [
    actor("a1", 1, ARRAS, "62", D(2023, 1, 15), "SPTT"),
    actor("a2", 2, ARRAS, "62", D(2023, 11, 5), "SPTT"),
    actor("a3", 3, AMIENS, "80", None, "SPTT"),
    actor("a4", 1, AMIENS, "80", D(2024, 2, 1), "PTR"),
    actor("a5", None, AMIENS, "80", D(2022, 6, 30), None),
]
PEOPLE = [
    dict(person_id="p1", gender="F", status="salarie", actor_id="a1", department_code="62"),
    dict(
        person_id="p2",
        gender="H",
        status="benevole",
        structure="Centre Social  Les Tilleuls",
        department_code="80",
    ),
    dict(
        person_id="p3",
        gender="F",
        status="salarie",
        structure="centre social les tilleuls",
        department_code="80",
    ),
    dict(person_id="p4", gender="X", status="autre", actor_id="a2", department_code="62"),
    dict(person_id="p5", gender="H", status="salarie"),
]
SESSIONS = [
    session("s1", "formation", D(2023, 9, 12), 2, AMIENS, "80", "SPTT"),
    session("s2", "formation", D(2023, 11, 9), 1, ARRAS, "62", "SPTT"),
    session("s3", "formation", D(2023, 11, 23), 1, ARRAS, "62", "SPTT"),
    session("s4", "webinaire", D(2023, 11, 15), None, None, None, "SPTT"),
    session("s5", "formation", D(2024, 5, 14), 1, AMIENS, "80", "PTR"),
    session("s6", "regroupement", D(2023, 11, 20), 1, LENS, "62", "PTR"),
]
ATTENDANCES = {
    "s1": ["p1", "p2", "p3"],
    "s2": ["p1", "p4"],
    "s3": ["p1", "p2"],
    "s4": ["p1", "p5", "p3"],
    "s5": ["p5"],
    "s6": ["p2", "p4"],
}
EXPERIMENTS = [
    ("e1", "en_cours", D(2023, 10, 1), "SPTT"),
    ("e2", "terminee", D(2023, 3, 1), "SPTT"),
    ("e3", "idee", None, "SPTT"),
    ("e4", "en_cours", None, "PTR"),
    ("e5", "en_preparation", D(2024, 1, 15), "SPTT"),
    ("e6", "abandonnee", D(2023, 2, 1), "SPTT"),
]
ACTIONS = [
    ("ac1", "atelier", D(2023, 11, 4), ARRAS, "62", 25, "SPTT"),
    ("ac2", "debat", D(2023, 11, 18), OYE_PLAGE, "62", 37, "SPTT"),
    ("ac3", "exposition", D(2023, 6, 1), AMIENS, "80", None, "PTR"),
    ("ac4", "forum", D(2024, 6, 1), AMIENS, "80", 150, "PTR"),
]


def fill(con) -> None:
    """Insert the small workspace described above."""
    insert(con, "actors", ACTORS)
    insert(con, "people", PEOPLE)
    insert(con, "sessions", SESSIONS)
    insert(
        con,
        "attendances",
        [dict(session_id=s, person_id=p) for s, people in ATTENDANCES.items() for p in people],
    )
    insert(
        con,
        "experiments",
        [
            dict(experiment_id=i, title=i, status=st, start_date=d, programme=pr)
            for i, st, d, pr in EXPERIMENTS
        ],
    )
    insert(
        con,
        "actions",
        [
            dict(
                action_id=i,
                type=t,
                title=i,
                start_date=d,
                commune_code=c,
                department_code=dep,
                participants=n,
                programme=pr,
            )
            for i, t, d, c, dep, n, pr in ACTIONS
        ],
    )
    insert(con, "workspace_info", [dict(key="departments", value='["59", "62", "80"]')])


@pytest.fixture
def small_path(workspace_path):
    """The path of a workspace holding the small data set."""
    con = connect(workspace_path, read_only=False)
    fill(con)
    con.close()
    return workspace_path


@pytest.fixture
def small(small_path):
    """A writable connection to the small workspace."""
    con = connect(small_path, read_only=False)
    yield con
    con.close()


@pytest.fixture
def empty(workspace_path):
    """A writable connection to an empty workspace."""
    con = connect(workspace_path, read_only=False)
    yield con
    con.close()
