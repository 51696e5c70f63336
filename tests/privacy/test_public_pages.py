"""Pages seen by the public (AppTest): catalogue figures rounded to 5, small counts as "< 5"."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import formats, users
from observatoire.kpis import BY_ID, compute_kpis
from observatoire.paths import ROOT, data_dir
from observatoire.workspace import connect

HDF = "demo-hauts-de-france"
SMALL = "<\u00a05"


@pytest.fixture
def public(tmp_path, monkeypatch, reference_path):
    """An account exists, nobody signs in: the visitor is public."""
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("claire", "coordination", "mot-de-passe-solide")


@pytest.fixture(scope="module")
def hdf(reference_path):
    con = connect(data_dir() / f"{HDF}.duckdb", read_only=True)
    yield con
    con.close()


def run(stem: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=60)
    at.query_params["espace"] = HDF
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def cards(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_formations_2024_for_the_public(public, hdf):
    at = run("formations", periode="2024")
    assert not at.exception and not at.error
    ids = ["training_sessions", "training_participants", "training_participants_volunteers"]
    values = compute_kpis(hdf, "2024", only=[*ids, "training_participants_employees"])
    # Seeds: two training sessions in 2024, 33 people of whom 3 volunteers and 30 employees.
    assert values == {
        "training_sessions": 2,
        "training_participants": 33,
        "training_participants_volunteers": 3,
        "training_participants_employees": 30,
    }
    shown = cards(at)
    assert shown[BY_ID["training_sessions"].label] == SMALL
    # 33 is nearer 35 than 30; 30 stays 30: 35 − 30 = 5 gives no small count back.
    assert shown[BY_ID["training_participants"].label] == "35"
    assert shown[BY_ID["training_participants_volunteers"].label] == SMALL
    assert shown[BY_ID["training_participants_employees"].label] == "30"
    assert any("Effectifs arrondis à 5 près" in c.value for c in at.caption)
    status = next(d.value for d in at.dataframe if "Statut" in d.value.columns)
    assert sorted(status["Personnes"]) == sorted([SMALL, "30"])


def test_same_page_for_coordination_shows_exact_figures(hdf, reference_path, tmp_path, monkeypatch):
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("claire", "coordination", "mot-de-passe-solide")
    at = AppTest.from_file(str(ROOT / "pages" / "formations.py"), default_timeout=60)
    at.query_params["espace"] = HDF
    at.query_params["periode"] = "2024"
    at.session_state["login"] = "claire"
    at.session_state["role"] = "coordination"
    at.run()
    values = compute_kpis(hdf, "2024", only=["training_sessions"])
    assert cards(at)[BY_ID["training_sessions"].label] == formats.number(
        values["training_sessions"]
    )


def test_actions_department_table_for_the_public(public, hdf):
    at = run("actions", periode="2024")
    assert not at.exception and not at.error
    table = at.dataframe[-1].value
    counts = table.drop(columns=table.columns[0]).astype(str).to_numpy().ravel()
    assert not {"1", "2", "3", "4"} & set(counts)
    assert SMALL in set(counts)


def test_accueil_changes_hide_what_would_reveal(public):
    at = run("accueil", periode="2024-07")
    assert not at.exception and not at.error
    changes = next(d.value for d in at.dataframe if "Évolution" in d.value.columns)
    assert (changes["Période"] == SMALL).any()  # July 2024 has 1 training session
    for _, row in changes.iterrows():
        if SMALL in (row["Période"], row["Précédente"]):
            assert row["Évolution"] == "s", row.to_dict()
        elif row["Période"] not in ("0", "–"):
            # A change between two published numbers is itself a multiple of 5.
            digits = row["Évolution"].lstrip("+\u2212").replace("\u202f", "")
            assert int(digits) % 5 == 0, row.to_dict()


def test_experiments_cards_do_not_give_back_a_hidden_status(public, hdf):
    at = run("experimentations", periode="2024")
    assert not at.exception and not at.error
    ids = ["experiments_total", "experiments_active", "experiments_planned"]
    values = compute_kpis(hdf, "2024", only=ids)
    # Seed: 24 experiments in 2024, some still being specified: 20 started (en cours), 4 planned.
    assert values == {"experiments_total": 20, "experiments_active": 20, "experiments_planned": 4}
    shown = cards(at)
    # Published as 20, 20 and "< 5": no difference of two of them is between 1 and 4.
    assert shown[BY_ID["experiments_total"].label] == "20"
    assert shown[BY_ID["experiments_active"].label] == "20"
    assert shown[BY_ID["experiments_planned"].label] == SMALL
    status = next(d.value for d in at.dataframe if "Statut" in d.value.columns)
    assert sorted(status["Expérimentations"]) == ["20"]
