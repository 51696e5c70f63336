"""The acteurs page through AppTest: roles, URL filters, counts and tables equal the logic layer."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import formats, users
from observatoire.directory import search
from observatoire.directory.search import Filters
from observatoire.paths import ROOT, data_dir

PAGE = str(ROOT / "pages" / "acteurs.py")
TIMEOUT = 60
OCC, HDF = "demo-occitanie", "demo-hauts-de-france"


@pytest.fixture
def accounts(tmp_path, monkeypatch, reference_path):
    """Configured accounts, so that roles apply (no local mode)."""
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("camille", "comite", "mot-de-passe-comite")
    users.add("claire", "coordination", "mot-de-passe-coordination")


@pytest.fixture(scope="module")
def occ(reference_path):
    """The page's own cached connection to the Occitanie demo."""
    from observatoire.ui import connections

    return connections.workspace(data_dir() / f"{OCC}.duckdb")


@pytest.fixture(scope="module")
def hdf(reference_path):
    """The page's own cached connection to the Hauts-de-France demo."""
    from observatoire.ui import connections

    return connections.workspace(data_dir() / f"{HDF}.duckdb")


def run(login: str | None = None, role: str | None = None, **params) -> AppTest:
    """Run the page once, signed in as ``login`` with ``role`` (or in local mode when None)."""
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    if login:
        at.session_state["login"] = login
        at.session_state["role"] = role
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def markdown(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_public_is_refused(accounts):
    at = run(espace=OCC)
    assert not at.exception
    assert any("Cette page est réservée aux rôles" in e.value for e in at.error)
    assert not at.dataframe


def test_comite_sees_names_without_contacts(accounts, hdf):
    at = run("camille", "comite", espace=HDF)
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert len(table) == search.search(hdf, Filters()).total == 83  # 40 + 29 experts + 14
    assert "Nom" in table.columns
    assert not {"Courriel", "Téléphone", "Site web", "Adresse"} & set(table.columns)
    assert any("réservées aux rôles coordination" in c.value for c in at.caption)


def test_coordination_sees_contacts(accounts, hdf):
    at = run("claire", "coordination", espace=HDF)
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    expected = search.display_table(search.search(hdf, Filters()).rows, "coordination")
    assert list(table["Courriel"]) == list(expected["Courriel"])
    assert table["Courriel"].notna().all()
    assert len(at.get("download_button")) == 2


def test_search_and_filters_from_the_url(occ):
    at = run(espace=OCC, recherche="musée", rural="oui", cercle="2")
    assert not at.exception and not at.error
    result = search.search(occ, Filters(text="musée", rural=True, circle=2))
    assert result.total > 0
    assert len(at.dataframe[0].value) == result.total
    assert search.count_sentence(result) in markdown(at)
    assert at.text_input(key="url_recherche").value == "musée"
    assert at.query_params["cercle"] == "2"


def test_search_box_goes_to_the_url(occ):
    at = run(espace=OCC)
    at.text_input(key="url_recherche").input("science animation").run()
    assert not at.exception
    assert at.query_params["recherche"] == "science animation"
    expected = search.search(occ, Filters(text="science animation")).rows["name"].tolist()
    assert expected == ["Science Animation", "Science Animation (bureau de Montpellier)"]
    assert at.dataframe[0].value["Nom"].tolist() == expected


def test_bad_values_give_french_notices_and_defaults(occ):
    at = run(espace=OCC, cercle="7", departement="999", page="abc", rayon="-3")
    assert not at.exception and not at.error
    notices = " ".join(w.value for w in at.warning)
    assert "Cercle : valeur « 7 » inconnue" in notices
    assert "Département « 999 » hors du territoire" in notices
    assert "Page « abc » invalide" in notices
    assert "Rayon « -3 » invalide" in notices
    assert f"{formats.number(1436)} acteur(s) correspondent" in markdown(at)


def test_national_scale_shows_one_page_and_counts_all(occ):
    at = run(espace=OCC, page="8")
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    page = search.search(occ, Filters(), offset=7 * search.PAGE_SIZE)
    assert len(table) == 36 and table["Nom"].tolist() == page.rows["name"].tolist()
    assert "lignes 1\u202f401 à 1\u202f436" in markdown(at)


def test_near_a_place(occ):
    at = run(espace=OCC, pres_de="Figeac", rayon="20")
    assert not at.exception and not at.error
    [place] = search.communes_named(occ, "Figeac")
    nearby = search.near(occ, place, 20)
    assert search.near_sentence(nearby, place, 20) in markdown(at)
    table = at.dataframe[1].value
    assert table["Nom"].tolist() == nearby["name"].tolist()
    assert table["Distance (km)"].tolist() == [formats.number(d, 1) for d in nearby["distance_km"]]


def test_near_an_unknown_place(occ):
    at = run(espace=OCC, pres_de="Nullepart-sur-Mer")
    assert not at.exception
    assert any("Aucune commune ne correspond" in w.value for w in at.warning)


@pytest.mark.parametrize("espace", [OCC, HDF])
def test_coordination_table_has_contacts_first_and_no_none(accounts, espace):
    """What the page shows: name then contacts, blank cells for what is missing, no technical note."""
    at = run("claire", "coordination", espace=espace)
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert list(table.columns)[:4] == ["Nom", "Courriel", "Téléphone", "Site web"]
    assert table.notna().all().all()
    assert not table.isin(["None", "nan"]).any().any()
    assert (table["QPV"] == "").any()  # most actors are outside a QPV: blank, not "None"
    assert not any("apostrophe" in c.value or "= + - @" in c.value for c in at.caption)
