"""The territory profile page against the query layer (``coverage.profile``) on the HdF demo."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import formats, profile
from observatoire.paths import ROOT, data_dir
from observatoire.texts import profile as texts
from observatoire.workspace import connect

HDF = "demo-hauts-de-france"


@pytest.fixture(scope="module")
def demos(reference_path):
    """The Hauts-de-France demo exists in data/ (built once if missing)."""
    from observatoire.demo.build import build_demo

    if not (data_dir() / f"{HDF}.duckdb").exists():
        build_demo("hauts-de-france", reference=reference_path)


def run(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "territoire.py"), default_timeout=120)
    at.query_params.update(espace=HDF, **params)
    return at.run()


def logic(code: str) -> profile.Profile:
    con = connect(data_dir() / f"{HDF}.duckdb", read_only=True)
    try:
        return profile.load(con, code, contacts=True)
    finally:
        con.close()


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_commune_profile_matches_the_query_layer(demos):
    at = run(code="80021")  # Amiens
    assert not at.exception and not at.error
    p = logic("80021")
    shown = metrics(at)
    assert shown[texts.POPULATION] == formats.number(p.population)
    assert shown[texts.AUDIENCE] == formats.number(p.audience)
    assert shown[texts.TRAINED] == formats.number(p.people_trained)
    assert shown[texts.DENSITY] == str(p.density_level)
    page = " ".join(m.value for m in at.markdown)
    assert "Amiens (80021)" in page
    assert formats.date(p.last_activity) in page
    # 24 months, one row each, the same counts as the query layer.
    months = at.dataframe[1].value
    assert len(months) == 24
    assert list(months["Activités"]) == [str(v) for v in p.months["activities"]]
    nearest = at.dataframe[2].value
    assert "Courriel" in nearest.columns  # local mode: admin sees contacts


def test_department_profile_compares_with_the_average(demos):
    at = run(code="80")
    assert not at.exception and not at.error
    p = logic("80")
    table = at.dataframe[-1].value
    assert list(table["Indicateur"])[0] == "Habitants"
    assert table["Ce département"].iloc[0] == formats.number(p.population)
    average = p.comparison.set_index("figure").loc["population", "average"]
    assert table["Moyenne"].iloc[0] == formats.number(average, 0)


def test_unknown_code_says_so(demos):
    at = run(code="99999")
    assert not at.exception
    assert any("99999" in w.value for w in at.warning)
