"""zones_blanches: the page's ranking and plan equal the coverage CLI's; exports; roles; map data."""

from __future__ import annotations

import html
import io
import json
import re

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from observatoire import db, formats, users
from observatoire.cli import main
from observatoire.coverage import tables
from observatoire.directory import export
from observatoire.maps.planner_map import planner_map
from observatoire.paths import ROOT, data_dir
from observatoire.periods import parse_period

PAGE = str(ROOT / "pages" / "zones_blanches.py")
TIMEOUT = 60
OCC, HDF = "demo-occitanie", "demo-hauts-de-france"


def cli_json(capsys, *argv) -> dict:
    """Run the real CLI in-process and parse its JSON output."""
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def run(login=None, role=None, **params) -> AppTest:
    """Run the page once (local mode unless a login is given)."""
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    if login:
        at.session_state["login"] = login
        at.session_state["role"] = role
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


@pytest.fixture
def accounts(tmp_path, monkeypatch, reference_path):
    """Configured accounts, so that roles apply (no local mode)."""
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("camille", "comite", "mot-de-passe-comite")


def ws(name: str) -> str:
    return str(data_dir() / f"{name}.duckdb")


def test_occitanie_15_km_lists_the_cli_communes_in_order(capsys, reference_path):
    cli = cli_json(capsys, "coverage", "--db", ws(OCC), "--radius-km", "15")
    at = run(espace=OCC)
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert table["Code"].tolist() == [t["code"] for t in cli["territories"]]
    assert len(table) == 4446
    assert (table["Non touché"] == "oui").sum() == sum(t["uncovered"] for t in cli["territories"])
    assert table["Score"].tolist()[:3] == [
        f"{t['score']:.1f}".replace(".", ",") for t in cli["territories"][:3]
    ]


def test_basis_and_period_in_the_url_give_the_cli_ranking(capsys, reference_path):
    cli = cli_json(
        capsys, "coverage", "--db", ws(OCC), "--basis", "presence", "--period", "2016..2017",
        "--level", "department",
    )  # fmt: skip
    at = run(espace=OCC, base="presence", periode="2016..2017", echelle="department")
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert table["Code"].tolist() == [t["code"] for t in cli["territories"]]
    assert "Population non couverte" in table.columns
    shown = " ".join(m.value for m in at.markdown)
    assert f"période {parse_period('2016..2017').label}" in shown
    assert at.query_params["base"] == "presence"
    kept = parse_period(at.query_params["periode"])
    assert (kept.start.isoformat(), kept.end.isoformat()) == ("2016-01-01", "2017-12-31")
    # A period the page cannot read falls back to the default one, with a French notice.
    default = cli_json(capsys, "coverage", "--db", ws(OCC))["period"]
    bad = run(espace=OCC, periode="2016-13")
    assert any("2016-13" in w.value for w in bad.warning)
    fallback = parse_period(bad.query_params["periode"])
    assert (fallback.start.isoformat(), fallback.end.isoformat()) == (
        default["start"],
        default["end"],
    )


@pytest.mark.parametrize(
    ("params", "argv"),
    [
        (
            {"echelle": "epci", "rayon": "10", "rural": "1"},
            ["--level", "epci", "--radius-km", "10", "--rural-only"],
        ),
        (
            {"echelle": "department", "cercles": "1,2"},
            ["--level", "department", "--circles", "1,2"],
        ),
        ({"echelle": "qpv", "rayon": "5"}, ["--level", "qpv", "--radius-km", "5"]),
        (
            {"qpv": "1", "rayon": "8", "cercles": "1"},
            ["--qpv-only", "--radius-km", "8", "--circles", "1"],
        ),
    ],
)
def test_other_parameters_equal_the_cli(capsys, reference_path, params, argv):
    cli = cli_json(capsys, "coverage", "--db", ws(OCC), *argv)
    at = run(espace=OCC, **params)
    assert not at.exception and not at.error and not at.warning
    codes = at.dataframe[0].value["Code"].tolist() if at.dataframe else []
    assert codes == [t["code"] for t in cli["territories"]]


def test_export_table_equals_cli_records(capsys, occ_connection):
    cli = cli_json(capsys, "coverage", "--db", ws(OCC), "--level", "epci")
    rank = tables.ranking(occ_connection, "epci", 15.0)
    table = tables.export_table(rank)
    assert table["Code"].tolist() == [t["code"] for t in cli["territories"]]
    assert table["Score (0 à 100)"].round(3).tolist() == [t["score"] for t in cli["territories"]]
    assert table["Population non touchée (habitants)"].tolist() == [
        t["uncovered"] for t in cli["territories"]
    ]
    # The rural share is a percentage in the spreadsheet (a fraction in the JSON).
    shares = table["Part rurale des non touchés (%)"]
    assert [None if pd.isna(v) else v for v in shares] == [
        None if t["rural"] is None else round(t["rural"] * 100, 1) for t in cli["territories"]
    ]
    assert shares.notna().sum() > 50


def test_ranking_export_gives_units_and_department_names(occ_connection):
    names = db.frame(occ_connection, "coverage_department_names", codes=["09", "12", "31", "48"])
    names = dict(zip(names["code"], names["name"], strict=True))
    assert names["09"] == "Ariège" and names["48"] == "Lozère"
    departments = tables.department_names(occ_connection, ["09", "12", "31", "48"])
    assert departments == names
    rank = tables.ranking(occ_connection, "commune", 15.0)
    table = tables.export_table(rank, tables.department_names(occ_connection, ["12"]))
    assert list(table.columns[:6]) == [
        "Code",
        "Nom",
        "Code du département",
        "Département",
        "Population (habitants)",
        "Acteur le plus proche (km)",
    ]
    assert "Activité la plus proche (km)" in table.columns
    assert "Public dans le rayon (personnes)" in table.columns
    # Brommat (12036), first of the ranking, is in Aveyron; its distances are in km.
    first = table.iloc[0]
    assert (first["Code"], first["Code du département"], first["Département"]) == (
        "12036",
        "12",
        "Aveyron",
    )
    row = rank.table.iloc[0]
    assert first["Acteur le plus proche (km)"] == round(row["nearest_actor_km"], 3)
    assert first["Population (habitants)"] == row["population"]
    text = export.csv_bytes(table.head(2)).decode("utf-8-sig").splitlines()
    assert text[0].startswith("Code;Nom;Code du département;Département;Population (habitants);")
    assert text[1].startswith("12036;Brommat;12;Aveyron;628;")
    # A department row needs no department column: its name is the row's own.
    departments_rank = tables.ranking(occ_connection, "department", 15.0)
    by_department = tables.export_table(departments_rank)
    assert "Département" not in by_department.columns
    assert by_department.loc[by_department["Code"] == "48", "Nom"].item() == "Lozère"
    # EPCI rows are listed under the department of most of their communes.
    epci = tables.export_table(
        tables.ranking(occ_connection, "epci", 15.0),
        tables.department_names(occ_connection, ["09", "12", "48"]),
    )
    assert epci.loc[epci["Nom"] == "CC de la Haute Ariège", "Département"].item() == "Ariège"


@pytest.fixture(scope="module")
def occ_connection(reference_path):
    from observatoire.workspace import connect

    con = connect(data_dir() / f"{OCC}.duckdb", read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize(
    ("params", "argv"),
    [
        ({"etapes": "5"}, ["--stops", "5"]),
        (
            {"etapes": "12", "rayon": "10", "candidates": "actors", "cercles": "1"},
            ["--stops", "12", "--radius-km", "10", "--candidates", "actors", "--circles", "1"],
        ),
        (
            {"etapes": "4", "cercles": "1,2", "rayon": "20"},
            ["--stops", "4", "--circles", "1,2", "--radius-km", "20"],
        ),
    ],
)
def test_planner_table_equals_cli_plan(capsys, reference_path, params, argv):
    cli = cli_json(capsys, "plan", "--db", ws(OCC), *argv)
    assert len(cli["stops"]) >= 4
    at = run(espace=OCC, **params)
    assert not at.exception and not at.error
    table = at.dataframe[1].value
    assert table["Code INSEE"].tolist() == [s["code"] for s in cli["stops"]]
    assert table["Étape"].tolist() == [s["rank"] for s in cli["stops"]]
    gains = [int(re.sub(r"\D", "", g)) for g in table["Habitants nouvellement touchés"]]
    assert gains == [s["population"] for s in cli["stops"]]
    assert (
        gains == sorted(gains, reverse=True) or cli["rural_weight"] != 1
    )  # weighted gains decrease
    weighted = [s["gain"] for s in cli["stops"]]
    assert weighted == sorted(weighted, reverse=True)


def test_planner_targets_the_population_not_reached(capsys, reference_path):
    cli = cli_json(capsys, "plan", "--db", ws(OCC), "--candidates", "actors", "--radius-km", "10")
    at = run(espace=OCC, candidates="actors", rayon="10")
    assert not at.exception and not at.error
    shown = " ".join(m.value for m in at.markdown)
    # The page and the CLI plan the same stops for the inhabitants no activity reached.
    total = formats.number(cli["uncovered_population"])
    assert f"sur {total} non touchés (période {cli['period']['label']})" in shown


def test_planner_on_hauts_de_france_equals_cli(capsys, reference_path):
    cli = cli_json(capsys, "plan", "--db", ws(HDF), "--stops", "6")
    at = run(espace=HDF, etapes="6")
    assert not at.exception and not at.error
    assert at.dataframe[1].value["Code INSEE"].tolist() == [s["code"] for s in cli["stops"]]


def test_plan_export_holds_the_cli_numbers(capsys, occ_connection):
    cli = cli_json(capsys, "plan", "--db", ws(OCC), "--stops", "5")
    result, _ = tables.tour(occ_connection, 5, 15.0)
    names = tables.department_names(occ_connection, [s["department_code"] for s in cli["stops"]])
    table = tables.plan_export(result, names)
    assert table["Habitants touchés (cumul)"].tolist() == [
        s["cumulative_population"] for s in cli["stops"]
    ]
    assert table["Gain pondéré (habitants pondérés)"].tolist() == [s["gain"] for s in cli["stops"]]
    assert table["Code du département"].tolist() == [s["department_code"] for s in cli["stops"]]
    expected = db.frame(
        occ_connection,
        "coverage_department_names",
        codes=[s["department_code"] for s in cli["stops"]],
    ).set_index("code")["name"]
    assert table["Département"].tolist() == [expected[s["department_code"]] for s in cli["stops"]]
    sheet = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(table, "Itinéraire"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Étape", "Code INSEE", "Commune", "Code du département", "Département")
    assert [r[1] for r in rows[1:]] == [s["code"] for s in cli["stops"]]


def test_exports_escape_formulas(occ_connection):
    rank = tables.ranking(occ_connection, "commune", 15.0)
    table = tables.export_table(rank).head(3).copy()
    table.loc[0, "Nom"] = '=HYPERLINK("http://exemple.invalid","clic")'
    table.loc[1, "Nom"] = "@SUM(A1)"
    text = export.csv_bytes(table).decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and "'@SUM(A1)" in text
    assert not any(
        cell.startswith(("=", "+", "-", "@"))
        for line in text.splitlines()
        for cell in line.split(";")
    )
    sheet = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(table, "Zones blanches"))).active
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert sheet["B2"].value.startswith("'=HYPERLINK")


def test_score_formula_is_explained_in_french(reference_path):
    at = run(espace=OCC)
    shown = " ".join(m.value for m in at.markdown)
    assert "score = 100 × (wP·P + wR·R + wF·F + wQ·Q + wD·D)" in shown
    assert "log10(1 + 100\u202f000)" in shown or "log10(1 + 100 000)" in shown


def test_bad_url_values_give_notices_and_defaults(reference_path):
    at = run(espace=OCC, echelle="canton", rayon="abc", cercles="4", rural="peut-être", etapes="0")
    assert not at.exception and not at.error
    notices = " ".join(w.value for w in at.warning)
    assert "Échelle « canton » inconnue" in notices
    assert "Rayon « abc » invalide" in notices
    assert "Cercles « 4 » invalides" in notices
    assert "Valeur « peut-être » invalide" in notices
    assert "Nombre d'étapes « 0 » invalide" in notices
    assert len(at.dataframe[0].value) == 4446  # defaults: commune level, 15 km


def test_comite_may_open_public_may_not(accounts):
    at = run("camille", "comite", espace=HDF)
    assert not at.exception and not at.error
    assert at.dataframe
    public = run(espace=HDF)
    assert any("Cette page est réservée aux rôles" in e.value for e in public.error)
    assert not public.dataframe


def test_planner_map_is_offline_and_shows_every_stop(occ_connection):
    from observatoire.maps.planner_map import outlines
    from observatoire.workspace.territory import territory_departments

    result, communes = tables.tour(occ_connection, 5, 15.0)
    features = outlines(occ_connection, territory_departments(occ_connection))
    assert len(features) == 13
    m = planner_map(
        result,
        communes,
        features,
        stop_color="#D55E00",
        uncovered_color="#57606a",
        outline="#4d4d4d",
        background="#eef1f4",
    )
    page = m.get_root().render()
    assert not re.findall(r"(?:src|href)=\"https?://", page)
    assert "/app/static/vendor/leaflet/leaflet.js" in page
    for stop in result.stops:
        assert html.escape(f"Étape {stop.rank} : {stop.name} ({stop.code})") in page
    # Uncovered communes are the points of one GeoJSON layer, each with its tooltip label.
    assert page.count('"label":') == int(communes["uncovered"].sum())
    assert len(page) < 1_500_000


def test_page_explains_its_words_and_never_names_a_command(reference_path):
    at = run(espace=HDF, echelle="epci")
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    # The score comes right after the name and the profile link: visible without scrolling.
    assert list(table.columns[:4]) == ["Profil", "Nom", "Score", "Population"]
    assert table.columns[-1] == "Tournée"
    assert "Part rurale des non touchés" in table.columns
    shown = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "Classement des territoires non touchés" in " ".join(h.value for h in at.subheader)
    assert "« FRR socle » est le zonage de base" in shown and "Cercle\u00a0?" in shown
    assert "grille de densité" in shown
    # The planner says whom it targets: the inhabitants not reached in the period.
    period = at.query_params["periode"]
    assert "vise les habitants qu'aucune activité n'a touchés pendant la période" in shown
    assert f"période {parse_period(period).label}, en priorité ceux des communes rurales" in shown
    assert "observatoire " not in shown and "--" not in shown
    labels = [o for o in at.selectbox[0].options]
    assert "EPCI" in labels and "QPV" in labels and "Epci" not in labels
