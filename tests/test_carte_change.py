"""The map page's "then and now" section against ``change.compare`` on the Occitanie demo."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import formats
from observatoire.coverage import change
from observatoire.paths import ROOT, data_dir
from observatoire.periods import parse_period
from observatoire.workspace import connect

OCC = "demo-occitanie"


@pytest.fixture(scope="module")
def demos(reference_path):
    """The Occitanie demo exists in data/ (built once if missing)."""
    from observatoire.demo.build import build_demo

    if not (data_dir() / f"{OCC}.duckdb").exists():
        build_demo("occitanie", reference=reference_path)


def test_gained_and_lost_communes_match_the_model(demos):
    at = AppTest.from_file(str(ROOT / "pages" / "carte.py"), default_timeout=180)
    at.query_params.update(espace=OCC, periode="2017", avant="2016")
    at.run()
    assert not at.exception and not at.error
    assert at.query_params["avant"] == "2016"
    con = connect(data_dir() / f"{OCC}.duckdb", read_only=True)
    try:
        result = change.compare(con, parse_period("2016"), parse_period("2017"))
    finally:
        con.close()
    figures = change.counts(result)
    sentence = change.summary(result)
    assert sentence in [m.value for m in at.markdown]
    assert formats.number(figures["gained"]["territories"]) in sentence
    table = at.dataframe[0].value
    assert len(table) == figures["gained"]["territories"] + figures["lost"]["territories"]
    # The Propulseur tour of 2017 reached communes the year 2016 had not.
    assert figures["gained"]["territories"] > 0


def test_the_comparison_is_computed_on_demand_and_kept_in_the_link(demos):
    at = AppTest.from_file(str(ROOT / "pages" / "carte.py"), default_timeout=180)
    at.query_params.update(espace=OCC, periode="2017")
    at.run()
    assert not at.exception and not at.error
    assert "avant" not in at.query_params
    assert not at.dataframe  # no table of gained and lost communes yet
    assert at.toggle[0].label == "Comparer avec une période antérieure"
    at.toggle[0].set_value(True).run()
    assert not at.exception and not at.error
    assert at.query_params["avant"] == "2016"  # the year before the map's period
    assert at.dataframe
    at.toggle[0].set_value(False).run()
    assert "avant" not in at.query_params
