"""The reseaux page through AppTest: the two demos side by side, read-only, table and map."""

from __future__ import annotations

import base64
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import theme, users
from observatoire.kpis import KPIS, compute_kpis, kpi_value
from observatoire.paths import ROOT, data_dir
from observatoire.workspace import connect
from tests.apptest import open_page

PAGE = str(ROOT / "pages" / "reseaux.py")
TIMEOUT = 120
HDF, OCC = "demo-hauts-de-france", "demo-occitanie"


@pytest.fixture
def site(tmp_path, monkeypatch, reference_path, hdf_source):
    """Both demos copied into a data folder, and a committee account."""
    from observatoire.demo.build import build_demo

    occ = data_dir() / f"{OCC}.duckdb"
    if not occ.exists():
        build_demo("occitanie", reference=reference_path)
    for source in (hdf_source, occ):
        shutil.copyfile(source, tmp_path / source.name)
    monkeypatch.setenv("OBSERVATOIRE_DATA", str(tmp_path))
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_path))
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("camille", "comite", "mot-de-passe-comite")
    return tmp_path


def open_as(login: str | None, password: str = "", **params) -> AppTest:
    """Run the page with URL parameters, signed in as ``login`` (None = signed out)."""
    return open_page(PAGE, {"espace": HDF, **params}, login, password, TIMEOUT)


def values(path, period: str) -> dict:
    con = connect(path, read_only=True)
    try:
        return compute_kpis(con, period, only=[k.id for k in KPIS])
    finally:
        con.close()


def html(at: AppTest) -> str:
    """Every st.html block of the page, the SVG of its data: images decoded, as one text."""
    bodies = [str(e.proto.body) for e in at.get("html")]
    images = [
        base64.b64decode(m).decode()
        for b in bodies
        for m in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", b)
    ]
    return " ".join(bodies + images)


def test_committee_sees_both_networks_side_by_side(site):
    at = open_as("camille", "mot-de-passe-comite", periode="2018")
    assert not at.error and not at.warning
    table = at.dataframe[0].value
    assert list(table.columns)[0] == "Indicateur" and len(table.columns) == 3
    hdf, occ = values(site / f"{HDF}.duckdb", "2018"), values(site / f"{OCC}.duckdb", "2018")
    hdf_column = next(c for c in table.columns[1:] if "Hauts-de-France" in c)
    occ_column = next(c for c in table.columns[1:] if "Occitanie" in c)
    assert list(table["Indicateur"]) == [k.label for k in KPIS]
    assert list(table[hdf_column]) == [kpi_value(k.id, hdf[k.id]) for k in KPIS]
    assert list(table[occ_column]) == [kpi_value(k.id, occ[k.id]) for k in KPIS]
    assert occ["actions_total"] > 0  # the Occitanie demo acts in 2018: the comparison says so
    # One map: Somme (80) in the first network's colour, Hérault (34) in the second's.
    shown = html(at)
    assert "<svg" in shown
    first, second = theme.CATEGORICAL[:2]
    assert f'fill="{first}"' in shown and f'fill="{second}"' in shown
    assert "Somme (80)" in shown and "Hérault (34)" in shown
    assert at.query_params["reseaux"] == f"{HDF},{OCC}"


def test_one_network_chosen_in_the_url(site):
    at = open_as("camille", "mot-de-passe-comite", periode="2023", reseaux=OCC)
    assert not at.error and not at.warning
    assert len(at.dataframe[0].value.columns) == 2
    assert "Somme (80)" not in html(at)


def test_signed_out_visitor_is_refused(site):
    at = open_as(None, periode="2018")
    assert "réservée" in " ".join(e.value for e in at.error)
    assert not at.dataframe


def test_twenty_files_two_of_each_name_get_a_column_each(site):
    # Ten copies of each demo: the same network name twice is told apart by the file's name.
    for source in (f"{HDF}.duckdb", f"{OCC}.duckdb"):
        for n in range(2, 11):
            shutil.copyfile(site / source, site / source.replace(".duckdb", f"-{n:02d}.duckdb"))
    paths = sorted(site.glob("*.duckdb"))
    assert len(paths) == 20
    at = open_as("camille", "mot-de-passe-comite", periode="2016..2024")
    assert not at.error and not at.warning
    table = at.dataframe[0].value
    assert len(table.columns) == 21
    for path in paths:
        column = next(c for c in table.columns[1:] if c.endswith(f"({path.stem})"))
        own = values(path, "2016..2024")
        assert list(table[column]) == [kpi_value(k.id, own[k.id]) for k in KPIS], path.stem
    assert at.query_params["reseaux"] == ",".join(p.stem for p in paths)
