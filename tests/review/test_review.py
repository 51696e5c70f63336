"""The monthly review's logic on a copy of the Hauts-de-France demo: figures, notes, frozen months."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from observatoire.importing import run_import
from observatoire.kpis import compute_kpis
from observatoire.periods import parse_month
from observatoire.review import monthly, notes, snapshots, store
from observatoire.workspace import connect
from observatoire.workspace.safe_write import backups_dir

NOV = parse_month("2023-11")


def read(path, fn, *args, **kwargs):
    """Call ``fn(con, ...)`` on a fresh read-only connection, closed right after."""
    con = connect(path, read_only=True)
    try:
        return fn(con, *args, **kwargs)
    finally:
        con.close()


def test_november_2023_sessions_and_change_against_october(hdf_copy):
    # Seed (SPTT 2023 review): EP2 on 9 Nov in Arras, EV on 23 Nov in Amiens; FI3 on 12 Oct.
    review = read(hdf_copy, monthly.review, NOV)
    sessions = review.sessions
    november = sessions[sessions["month"] == "2023-11"]
    assert list(november["session_id"]) == ["SPTT-2023-EP2", "SPTT-2023-EV"]
    assert list(november["commune"]) == ["Arras", "Amiens"]
    assert [d.date() for d in november["start_date"]] == [
        dt.date(2023, 11, 9),
        dt.date(2023, 11, 23),
    ]
    october = sessions[sessions["month"] == "2023-10"]
    assert list(october["session_id"]) == ["SPTT-2023-FI3"]
    card = next(c for c in review.cards if c.kpi_id == "training_sessions")
    assert (card.value, card.previous, card.change) == (2, 1, 1)
    # The 2023-11 target row of the demo (2 sessions) applies as the month's own target.
    assert card.target.value == 2 and card.target.source == "2023-11" and card.gap == 0


def test_cards_equal_the_catalogue(hdf_copy):
    review = read(hdf_copy, monthly.review, NOV, "SPTT", "62")
    ids = [c.kpi_id for c in review.cards]
    now = read(hdf_copy, compute_kpis, NOV, "SPTT", only=ids, department="62")
    before = read(hdf_copy, compute_kpis, "2023-10", "SPTT", only=ids, department="62")
    assert review.values == now
    assert {c.kpi_id: c.previous for c in review.cards} == before
    # Arras (62) hosted EP2 in November and FI3 in October.
    assert now["training_sessions"] == 1 and before["training_sessions"] == 1
    assert all(c.target is None for c in review.cards)  # targets are network-wide
    assert list(review.departments["department_code"]) == ["62"]


def test_prorated_target_compares_the_year_to_date(hdf_copy):
    review = read(hdf_copy, monthly.review, NOV)
    days = next(c for c in review.cards if c.kpi_id == "training_days")
    # Yearly target 9 days, November = 11/12 of it; 9 days were held by the end of November.
    assert days.target.prorated and days.target.value == pytest.approx(9 * 11 / 12)
    assert days.compared == read(hdf_copy, compute_kpis, "2023-01-01..2023-11-30")["training_days"]
    assert days.compared == 9
    # The gap is taken from the target as shown (8,3), so the line adds up: 9 − 8,3 = +0,7.
    assert (
        monthly.target_text(days, NOV) == "Objectif cumulé au 30/11/2023 : 8,3 · réalisé : 9 (+0,7)"
    )


@pytest.mark.parametrize(
    "kpi_id, value, shown",
    [
        ("training_sessions", 1.25, 1),
        ("training_participants", 17.5, 18),  # halves round up, not to the even neighbour
        ("training_participants", 16.5, 17),
        ("training_days", 8.25, 8.3),
        ("training_days", 3.666666666666667, 3.7),
    ],
)
def test_targets_are_shown_whole_where_the_unit_is(kpi_id, value, shown):
    assert monthly.shown_target(kpi_id, value) == shown


def test_trends_carry_the_monthly_target(hdf_copy):
    trends = read(hdf_copy, monthly.review, NOV).trends
    sessions = trends[trends["kpi_id"] == "training_sessions"].set_index("month")
    assert len(sessions) == 12 and sessions.index[-1] == "2023-11"
    assert sessions.loc["2023-11", "target"] == 2  # its own monthly row
    # yearly 5 = 0.42 a month, shown as a whole number of sessions, as on every view
    assert sessions.loc["2023-05", "target"] == 0
    people = trends[trends["kpi_id"] == "training_participants"].set_index("month")
    assert people.loc["2023-05", "target"] == 4  # yearly 45 = 3.75 a month
    assert sessions.loc["2023-05", "value"] == 1  # SPTT-2023-FI2, 25 May


def test_old_workspace_reads_without_review_tables(tmp_path, reference_path):
    path = tmp_path / "ancien.duckdb"
    con = connect(path, read_only=False)
    con.execute("DROP TABLE monthly_notes; DROP TABLE kpi_snapshots")
    con.close()
    assert read(path, notes.read, "2023-11") is None
    assert read(path, snapshots.read, "2023-11", None, None) is None
    assert read(path, snapshots.listing).empty
    # The first write creates them on the staged copy.
    notes.save(path, "2023-11", None, "Premier texte", "claire")
    assert read(path, notes.read, "2023-11").text == "Premier texte"


def test_notes_round_trip_through_a_safe_write(hdf_copy):
    before = duckdb.connect(str(hdf_copy), read_only=True)
    stamp = dt.datetime(2023, 12, 4, 10, 30)
    backup = notes.save(
        hdf_copy, "2023-11", "SPTT", "Deux formations, à Arras et Amiens.", "claire", stamp
    )
    # Never in place: a reader opened before the write still sees the old file.
    assert before.execute("SELECT count(*) FROM monthly_notes").fetchone()[0] == 0
    before.close()
    assert backup is not None and backup.exists() and backup.parent == backups_dir(hdf_copy)
    note = read(hdf_copy, notes.read, "2023-11", "SPTT")
    assert (note.text, note.author, note.updated_at) == (
        "Deux formations, à Arras et Amiens.",
        "claire",
        stamp,
    )
    assert read(hdf_copy, notes.read, "2023-11") is None  # another programme's note
    notes.save(hdf_copy, "2023-11", "SPTT", "Texte corrigé", "camille")
    assert read(hdf_copy, notes.read, "2023-11", "SPTT").text == "Texte corrigé"
    assert len(list(backups_dir(hdf_copy).glob("*.duckdb"))) == 2


def test_note_too_long_is_refused(hdf_copy):
    with pytest.raises(ValueError):
        notes.save(hdf_copy, "2023-11", None, "x" * (notes.MAX_LENGTH + 1), "claire")


def test_frozen_month_survives_a_reimport_and_the_comparison_shows_it(hdf_copy, tmp_path):
    review = read(hdf_copy, monthly.review, NOV)
    assert review.snapshot is None
    stamp = dt.datetime(2023, 12, 4, 11, 0)
    backup = snapshots.freeze(hdf_copy, "2023-11", None, None, review.values, "claire", stamp)
    assert backup.exists()

    # A later import adds a November training in Lille.
    csv = tmp_path / "sessions.csv"
    csv.write_text(
        "identifiant;type;intitule;date_debut;commune;departement;programme\n"
        "SPTT-2023-LIL;formation;Session ajoutée;16/11/2023;Lille;59;SPTT\n",
        encoding="utf-8",
    )
    report = run_import(csv, hdf_copy, kind="sessions")
    assert not report.error and report.tables["sessions"]["inserted"] == 1

    again = read(hdf_copy, monthly.review, NOV)
    assert again.values["training_sessions"] == 3  # current value moved
    assert again.snapshot.values["training_sessions"] == 2  # the frozen review did not
    assert again.snapshot.frozen_by == "claire" and again.snapshot.frozen_at == stamp
    table = again.comparison.set_index("kpi_id")
    assert table.loc["training_sessions", "difference"] == 1
    assert bool(table.loc["training_sessions", "changed"])
    assert table["changed"].sum() == 1  # nothing else moved
    listing = read(hdf_copy, snapshots.listing)
    assert listing.to_dict("records")[0] | {"frozen_at": None} == {
        "month": "2023-11",
        "programme": "",
        "department": "",
        "kpis": len(review.values),
        "frozen_at": None,
        "frozen_by": "claire",
    }


def test_freezing_again_replaces_and_departments_are_separate(hdf_copy):
    snapshots.freeze(hdf_copy, "2023-11", None, None, {"training_sessions": 2}, "claire")
    snapshots.freeze(hdf_copy, "2023-11", None, "80", {"training_sessions": 1}, "claire")
    snapshots.freeze(hdf_copy, "2023-11", None, None, {"training_sessions": 5}, "camille")
    whole = read(hdf_copy, snapshots.read, "2023-11", None, None)
    somme = read(hdf_copy, snapshots.read, "2023-11", None, "80")
    assert whole.values == {"training_sessions": 5} and whole.frozen_by == "camille"
    assert somme.values == {"training_sessions": 1}
    with pytest.raises(KeyError):
        snapshots.freeze(hdf_copy, "2023-11", None, None, {"not_a_kpi": 1}, "claire")


def test_old_snapshot_table_is_migrated_on_first_write(workspace_path):
    con = duckdb.connect(str(workspace_path))
    con.execute("DROP TABLE kpi_snapshots")
    con.execute(
        "CREATE TABLE kpi_snapshots (month VARCHAR NOT NULL, programme VARCHAR NOT NULL DEFAULT '',"
        " kpi_id VARCHAR NOT NULL, value DOUBLE, frozen_at TIMESTAMP NOT NULL,"
        " PRIMARY KEY (month, programme, kpi_id))"
    )
    con.execute(
        "INSERT INTO kpi_snapshots VALUES ('2023-10', '', 'actions_total', 4, TIMESTAMP '2023-11-02 09:00')"
    )
    con.execute("ALTER TABLE monthly_notes DROP COLUMN IF EXISTS author")
    con.close()
    assert not read(workspace_path, store.readable, store.SNAPSHOTS)
    assert read(workspace_path, snapshots.read, "2023-10", None, None) is None

    snapshots.freeze(workspace_path, "2023-11", None, "59", {"actions_total": 1}, "claire")
    assert read(workspace_path, store.readable, store.SNAPSHOTS)
    assert read(workspace_path, store.readable, store.NOTES)
    old = read(workspace_path, snapshots.read, "2023-10", None, None)
    assert old.values == {"actions_total": 4} and old.frozen_by is None
    assert read(workspace_path, snapshots.read, "2023-11", None, "59").values == {
        "actions_total": 1
    }
