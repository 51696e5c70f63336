"""Ranges over several years on a workspace built by the real importer, checked by hand.

The file (below) holds four people and five sessions over 2023 and 2024:

- Anne attends the March 2023 training and the May 2024 training (two different years);
- Bruno attends the March 2023 training and the November 2023 training;
- Chloé attends the May 2024 training and the June 2024 webinar;
- Driss attends only the June 2024 webinar.

Over 2023..2024, the people trained are Anne, Bruno and Chloé: 3 distinct, while the two years
taken apart give 2 (2023: Anne, Bruno) + 2 (2024: Anne, Chloé) = 4. Their structures: Anne and
Bruno work at "Centre social Nord", Chloé at "Musée Sud": 2 structures over the range, 1 + 2 = 3
year by year.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook

from observatoire.cli import main
from observatoire.importing import load_resolver, run_import
from observatoire.kpis import compute_kpis, parse_period
from observatoire.workspace import connect

D = dt.date

SHEETS = {
    "Personnes": [
        ["identifiant", "genre", "statut", "structure", "departement"],
        ["ANNE", "F", "salariée", "Centre social Nord", "59"],
        ["BRUNO", "H", "bénévole", "Centre social Nord", "59"],
        ["CHLOE", "F", "salariée", "Musée Sud", "80"],
        ["DRISS", "H", "salarié", "Musée Sud", "80"],
    ],
    "Sessions": [
        ["identifiant", "type", "intitule", "date_debut", "jours", "commune", "departement"],
        ["F1", "formation", "Formation mars 2023", D(2023, 3, 14), 2, "Lille", "59"],
        ["F2", "formation", "Formation novembre 2023", D(2023, 11, 7), 1, "Lille", "59"],
        ["F3", "formation", "Formation mai 2024", D(2024, 5, 21), 1, "Amiens", "80"],
        ["W1", "webinaire", "Webinaire juin 2024", D(2024, 6, 11), None, None, None],
    ],
    "Participations": [
        ["session", "personne"],
        ["F1", "ANNE"],
        ["F1", "BRUNO"],
        ["F2", "BRUNO"],
        ["F3", "ANNE"],
        ["F3", "CHLOE"],
        ["W1", "CHLOE"],
        ["W1", "DRISS"],
    ],
    "Actions": [
        ["identifiant", "titre", "date_debut", "commune", "departement", "participants"],
        ["A1", "Débat", D(2022, 12, 31), "Lille", "59", 40],
        ["A2", "Exposition", D(2023, 1, 1), "Lille", "59", 100],
        ["A3", "Atelier", D(2024, 12, 31), "Amiens", "80", 15],
    ],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory, reference_path):
    """The workspace file after importing the workbook above with the real importer."""
    folder = tmp_path_factory.mktemp("ranges")
    book = Workbook()
    book.remove(book.active)
    for name, rows in SHEETS.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    source = folder / "suivi.xlsx"
    book.save(source)
    workspace = folder / "reseau.duckdb"
    report = run_import(source, workspace, resolver=load_resolver(reference_path))
    assert report.error is None
    return workspace


@pytest.fixture
def con(built):
    """A read-only connection to the built workspace."""
    c = connect(built, read_only=True)
    yield c
    c.close()


IDS = [
    "training_sessions",
    "training_days",
    "training_attendances",
    "training_participants",
    "training_participants_women",
    "training_structures",
    "webinar_participants",
    "sessions_participants",
    "sessions_participants_new",
    "actions_total",
    "actions_audience",
]


def test_two_years_count_each_person_once(con):
    both = compute_kpis(con, "2023..2024", only=IDS)
    y2023 = compute_kpis(con, "2023", only=IDS)
    y2024 = compute_kpis(con, "2024", only=IDS)
    assert both == {
        "training_sessions": 3,
        "training_days": 4.0,
        "training_attendances": 5,
        "training_participants": 3,  # Anne, Bruno, Chloé
        "training_participants_women": 2,  # Anne, Chloé
        "training_structures": 2,  # Centre social Nord, Musée Sud
        "webinar_participants": 2,
        "sessions_participants": 4,
        "sessions_participants_new": 4,
        "actions_total": 2,  # A1 (31/12/2022) is outside, A3 (31/12/2024) inside
        "actions_audience": 115,
    }
    # The same figures year by year do not add up to the range for distinct counts.
    assert y2023["training_participants"] + y2024["training_participants"] == 4
    assert y2023["training_structures"] + y2024["training_structures"] == 3
    # ...but flows do.
    assert y2023["training_attendances"] + y2024["training_attendances"] == 5
    assert y2023["actions_audience"] + y2024["actions_audience"] == 115
    # Anne came in 2023: in 2024 only Chloé and Driss are new.
    assert y2024["sessions_participants_new"] == 2


def test_range_of_days_and_its_comparisons(con):
    period = parse_period("2023-11-01..2024-05-31")  # F2 and F3: Bruno, Anne, Chloé
    values = compute_kpis(con, period, only=["training_participants", "training_sessions"])
    assert values == {"training_participants": 3, "training_sessions": 2}
    before = period.previous()  # 7 whole months before: April to October 2023
    assert (before.start, before.end) == (D(2023, 4, 1), D(2023, 10, 31))
    assert compute_kpis(con, before, only=["training_sessions"]) == {"training_sessions": 0}
    year_before = period.year_before()  # 2022-11-01..2023-05-31: F1 and action A1
    values = compute_kpis(con, year_before, only=["training_participants", "actions_total"])
    assert values == {"training_participants": 2, "actions_total": 2}


def run(capsys, *argv):
    """The CLI in-process: (exit code, stdout, stderr)."""
    try:
        code = main(["kpis", *argv])
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_from_to(capsys, built):
    code, out, err = run(
        capsys, "--from", "2023", "--to", "2024-12-31", "--db", str(built), "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["period"] == {
        "start": "2023-01-01",
        "end": "2024-12-31",
        "label": "de janvier 2023 à décembre 2024",
    }
    assert data["kpis"]["training_participants"] == 3
    assert data["kpis"]["actions_total"] == 2


def test_cli_month_bounds_and_comparison(capsys, built):
    code, out, _ = run(
        capsys,
        "--from",
        "2024-05",
        "--to",
        "2024-06",
        "--compare",
        "annee-precedente",
        "--department",
        "80",
        "--db",
        str(built),
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["department"] == "80"
    assert (data["period"]["start"], data["period"]["end"]) == ("2024-05-01", "2024-06-30")
    assert data["kpis"]["training_participants"] == 2  # F3 in Amiens: Anne, Chloé
    assert data["comparison"]["period"]["start"] == "2023-05-01"
    assert data["comparison"]["kpis"]["training_participants"] == 0


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--from", "2023-01-01"], "--from et --to vont ensemble"),
        (["--from", "2024", "--to", "2023"], "précède le début"),
        (["--from", "0999-05", "--to", "2023"], "entre 1900 et 2100"),
        (["--from", "2023-02-30", "--to", "2023-12"], "Date « 2023-02-30 » invalide"),
        (["--periode", "la semaine prochaine"], "Période « la semaine prochaine » invalide"),
    ],
)
def test_cli_bad_ranges_exit_2_in_french(capsys, built, argv, message):
    code, out, err = run(capsys, *argv, "--db", str(built))
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_cli_programme_to_date(capsys, built):
    code, out, _ = run(capsys, "--periode", "programme-a-ce-jour", "--db", str(built), "--json")
    data = json.loads(out)
    assert code == 0 and data["period"]["start"] == "2022-12-31"  # action A1, the first record
    assert data["period"]["label"].startswith("Programme à ce jour (du 31/12/2022 au ")
    assert data["kpis"]["actions_total"] == 3
