"""On the Occitanie demo, uncovered communes at 15 km equal an independent brute-force computation."""

from __future__ import annotations

import json

import numpy as np
import pytest
from coverage_helpers import brute_nearest_km, brute_uncovered

from observatoire.coverage import inputs
from observatoire.coverage.aggregate import commune_table
from observatoire.coverage.kpis import coverage_kpis
from observatoire.paths import data_dir
from observatoire.workspace import connect


@pytest.fixture(scope="module")
def occitanie(tmp_path_factory, reference_path):
    """The Occitanie demo workspace: the built one in data/, else built in a temporary folder."""
    path = data_dir() / "demo-occitanie.duckdb"
    if not path.exists():
        build = pytest.importorskip("observatoire.demo.build")
        out = tmp_path_factory.mktemp("demo")
        build.build_demo("occitanie", out_dir=out, reference=reference_path)
        path = out / "demo-occitanie.duckdb"
    con = connect(path, reference=reference_path)
    yield con
    con.close()


def _brute_inputs(con):
    """Territory communes and actor points read with plain SQL, not through the package queries."""
    departments = json.loads(
        con.execute("SELECT value FROM workspace_info WHERE key = 'departments'").fetchone()[0]
    )
    communes = con.execute(
        "SELECT code, population, lon, lat FROM ref.communes WHERE list_contains($d, department_code)",
        {"d": departments},
    ).df()
    actors = con.execute("SELECT lon, lat FROM actors").df()
    return communes, actors


def test_uncovered_communes_equal_brute_force(occitanie):
    communes, actors = _brute_inputs(occitanie)
    assert len(communes) == 4446 and len(actors) > 1400
    table = commune_table(inputs.load(occitanie), 15.0, "presence")
    assert set(table.loc[table["uncovered"], "code"]) == brute_uncovered(communes, actors, 15.0)


def test_population_within_15km_share_equals_brute_force(occitanie):
    communes, _ = _brute_inputs(occitanie)
    end = inputs.reference_date(occitanie)
    actors = occitanie.execute(
        "SELECT lon, lat FROM actors WHERE listed_on IS NULL OR listed_on <= $e", {"e": end}
    ).df()
    d = brute_nearest_km(communes["lon"], communes["lat"], actors["lon"], actors["lat"])
    pop = communes["population"].to_numpy(float)
    share = pop[d <= 15].sum() / pop.sum()
    assert np.isfinite(share) and share > 0
    assert coverage_kpis(occitanie, end)["population_within_15km_share"] == pytest.approx(share)


def test_reach_tells_the_propulseur_story(occitanie):
    from observatoire.coverage.layers import reach_layers
    from observatoire.periods import parse_period

    # 2016: the Propulseur's week-long stops (and the Toulouse forum) are the only activities.
    stops = occitanie.execute(
        "SELECT count(*) FROM actions WHERE year(start_date) = 2016 AND type = 'étape de tournée'"
    ).fetchone()[0]
    others = occitanie.execute(
        "SELECT count(*) FROM actions WHERE year(start_date) = 2016 AND type <> 'étape de tournée'"
    ).fetchone()[0]
    assert (stops, others) == (8, 1)
    year = reach_layers(occitanie, parse_period("2016"))
    c = year.communes
    # The tour brought activity within 15 km of hundreds of rural communes...
    assert int((c["reached"] & c["rural"]).sum()) > 300
    d = year.departments.set_index("code")
    # ...while the departments it did not stop in, rural Lozère among them, were reached nowhere.
    assert d.at["48", "communes_reached"] == 0
    # Over 2016–2017, Lozère remains the department whose inhabitants are the least reached.
    both = reach_layers(occitanie, parse_period("2016..2017")).departments
    assert both.sort_values("population_reached_share")["code"].iloc[0] == "48"


def test_hdf_trainings_and_actions_reach_rural_communes(reference_path):
    from coverage_helpers import haversine

    from observatoire.coverage.layers import reach_layers
    from observatoire.periods import parse_period

    path = data_dir() / "demo-hauts-de-france.duckdb"
    if not path.exists():
        pytest.skip("demo-hauts-de-france.duckdb not built")
    con = connect(path, reference=reference_path)
    layers = reach_layers(con, parse_period("2023"))
    longueil = con.execute(
        "SELECT lon, lat FROM ref.communes WHERE name = 'Longueil-Annel'"
    ).fetchone()
    con.close()
    c = layers.communes
    rural = c[c["reached"] & c["rural"]]
    # The 2023 trainings (Amiens, Lille, Arras) and the workshops of Longueil-Annel reach rural
    # communes within 15 km, although none of them was held in a rural commune.
    assert len(rural) > 100 and rural["activities_held"].sum() == 0
    # In the Oise, only the two workshops of Longueil-Annel took place: every rural commune
    # reached there lies within 15 km of it.
    oise = rural[rural["department_code"] == "60"]
    assert len(oise) > 10
    points = zip(oise["lon"], oise["lat"], strict=True)
    assert all(haversine(lon, lat, *longueil) <= 15 for lon, lat in points)
