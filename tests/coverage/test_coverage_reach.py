"""Reach (basis ``activite``) recomputed independently on a hand-built Tarn-et-Garonne workspace.

The expected figures use only the reference communes and QPV, the list of activities written
below and a plain-math haversine: no code of ``observatoire.coverage``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys

import pytest
from conftest import CAYLUS, MOISSAC, MONTAUBAN, TOULOUSE
from coverage_helpers import haversine, insert

from observatoire.cli import main
from observatoire.coverage import inputs, tables
from observatoire.periods import Period
from observatoire.workspace import connect

LAFRANCAISE, CASTELSARRASIN = "82087", "82033"
START, END = dt.date(2024, 3, 1), dt.date(2024, 8, 31)
RADIUS = 15.0
# A point given by its coordinates: 6 km north-east of Caylus, far from Montauban (its commune).
COORDS = (1.83, 44.27)


@pytest.fixture
def reach_db(workspace_path, ref):
    """Actors at Montauban; activities in and around the period 2024-03-01..2024-08-31."""
    con = connect(workspace_path, read_only=False)
    con.execute("INSERT INTO workspace_info VALUES ('departments', $v)", {"v": json.dumps(["82"])})
    insert(
        con,
        "actors",
        [dict(actor_id="a1", commune_code=MONTAUBAN, lon=1.35264, lat=44.01612, circle=1)],
    )
    insert(
        con,
        "actions",
        [
            # First day of the period, placed by its commune: in.
            dict(action_id="first", start_date=START, commune_code=CAYLUS, participants=40),
            # The day before: out.
            dict(action_id="before", start_date=START - dt.timedelta(days=1), commune_code=MOISSAC),
            # Given by coordinates: counted at its point, not at Montauban's mairie.
            dict(
                action_id="coords",
                start_date=dt.date(2024, 4, 2),
                commune_code=MONTAUBAN,
                lon=COORDS[0],
                lat=COORDS[1],
                participants=10,
            ),
            # Outside the territory (Toulouse) but it still reaches its neighbours within R.
            dict(action_id="toulouse", start_date=dt.date(2024, 5, 5), commune_code=TOULOUSE),
        ],
    )
    insert(
        con,
        "sessions",
        [
            # Last day of the period, in person, three attendances: in.
            dict(
                session_id="last",
                start_date=END,
                commune_code=MOISSAC,
                format="presentiel",
            ),
            # The day after: out.
            dict(
                session_id="after",
                start_date=END + dt.timedelta(days=1),
                commune_code=CASTELSARRASIN,
                format="presentiel",
            ),
            # Remote: reaches no place.
            dict(
                session_id="remote",
                start_date=dt.date(2024, 5, 1),
                commune_code=MONTAUBAN,
                format="distanciel",
            ),
        ],
    )
    con.executemany(
        "INSERT INTO attendances VALUES (?, ?, 1)",
        [("last", "p1"), ("last", "p2"), ("last", "p3"), ("remote", "p1"), ("after", "p2")],
    )
    insert(
        con,
        "experiments",
        [
            dict(
                experiment_id="exp",
                title="essai",
                import_id=1,
                start_date=dt.date(2024, 6, 15),
                commune_code=LAFRANCAISE,
            ),
            # Not dated: it cannot belong to a period.
            dict(experiment_id="undated", title="essai", import_id=1, commune_code=CASTELSARRASIN),
        ],
    )
    con.close()
    return str(workspace_path)


def _expected_points(ref) -> list[tuple[str, float, float, int]]:
    """The activities of the period by hand: (id, lon, lat, audience)."""
    towns = {
        r[0]: (r[1], r[2])
        for r in ref.execute(
            "SELECT code, lon, lat FROM communes WHERE list_contains($c, code)",
            {"c": [CAYLUS, MOISSAC, TOULOUSE, LAFRANCAISE]},
        ).fetchall()
    }
    return [
        ("first", *towns[CAYLUS], 40),
        ("coords", *COORDS, 10),
        ("toulouse", *towns[TOULOUSE], 0),
        ("last", *towns[MOISSAC], 3),
        ("exp", *towns[LAFRANCAISE], 0),
    ]


def _expected_row(lon, lat, points) -> dict:
    """Nearest km, count and audience within RADIUS of one reference point, by haversine."""
    d = {p[0]: haversine(lon, lat, p[1], p[2]) for p in points}
    near = [p for p in points if d[p[0]] <= RADIUS]
    return {
        "nearest_activity_km": min(d.values()),
        "ids": {p[0] for p in near},
        "activities_within_radius": len(near),
        "audience_within_radius": sum(p[3] for p in near),
    }


def _run_json(capsys, *args) -> dict:
    code = main(["coverage", *args, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def _communes(ref):
    return ref.execute(
        "SELECT code, epci_code, population, lon, lat FROM communes WHERE department_code = '82'"
    ).df()


def test_period_activities_by_hand(reach_db, ref):
    con = connect(reach_db)
    got = inputs.activities(con, Period(START, END))
    con.close()
    expected = {p[0]: p for p in _expected_points(ref)}
    assert sorted(got["activity_id"]) == sorted(expected)
    for row in got.itertuples():
        assert (row.lon, row.lat, row.audience) == pytest.approx(expected[row.activity_id][1:])
    assert set(got.loc[got["kind"] == "experiment", "activity_id"]) == {"exp"}


def test_commune_level_against_haversine(capsys, reach_db, ref):
    doc = _run_json(capsys, "--db", reach_db, "--from", "2024-03-01", "--to", "2024-08-31")
    assert doc["basis"] == "activite" and doc["radius_km"] == RADIUS
    assert doc["period"]["start"] == "2024-03-01" and doc["period"]["end"] == "2024-08-31"
    items = {t["code"]: t for t in doc["territories"]}
    communes = _communes(ref)
    assert len(items) == len(communes) == 195
    points = _expected_points(ref)
    for c in communes.itertuples():
        want = _expected_row(c.lon, c.lat, points)
        got = items[c.code]
        assert got["nearest_activity_km"] == pytest.approx(want["nearest_activity_km"], abs=1e-3)
        assert got["activities_within_radius"] == want["activities_within_radius"]
        assert got["audience_within_radius"] == want["audience_within_radius"]
        assert got["uncovered"] is (want["activities_within_radius"] == 0)
    # Caylus: its own action (40) and the one placed by coordinates (10), 6 km away.
    assert items[CAYLUS]["activities_within_radius"] == 2
    assert items[CAYLUS]["audience_within_radius"] == 50
    # Montauban: the action filed under Montauban is placed by its coordinates, ~45 km away, the
    # remote session does not count: Montauban is not reached, although an actor sits there.
    assert items[MONTAUBAN]["uncovered"] is True
    assert items[MONTAUBAN]["nearest_actor_km"] == 0
    # Moissac: the session of the last day, with its three attendances.
    assert items[MOISSAC]["audience_within_radius"] == 3
    assert items[MOISSAC]["reached_12m"] is True


def test_boundaries_each_day_in_or_out(capsys, reach_db):
    # A period of one day holds only what starts that day.
    first = _run_json(capsys, "--db", reach_db, "--period", "2024-03-01..2024-03-01")
    caylus = {t["code"]: t for t in first["territories"]}[CAYLUS]
    assert caylus["activities_within_radius"] == 1 and caylus["audience_within_radius"] == 40
    before = _run_json(capsys, "--db", reach_db, "--period", "2024-02-29..2024-02-29")
    moissac = {t["code"]: t for t in before["territories"]}[MOISSAC]
    assert moissac["activities_within_radius"] == 1  # the action of the day before
    after = _run_json(capsys, "--db", reach_db, "--from", "2024-09-01", "--to", "2024-09-01")
    castel = {t["code"]: t for t in after["territories"]}[CASTELSARRASIN]
    assert castel["activities_within_radius"] == 1 and castel["audience_within_radius"] == 1
    empty = _run_json(capsys, "--db", reach_db, "--period", "2024-09-02..2024-12-31")
    assert all(t["uncovered"] and t["nearest_activity_km"] is None for t in empty["territories"])


def test_remote_session_reaches_nothing(capsys, reach_db):
    # The only activity of May 1st is the remote session at Montauban.
    doc = _run_json(capsys, "--db", reach_db, "--period", "2024-05-01..2024-05-01")
    assert all(t["activities_within_radius"] == 0 for t in doc["territories"])


def test_aggregate_levels_against_haversine(capsys, reach_db, ref):
    communes = _communes(ref)
    points = _expected_points(ref)
    rows = {c.code: _expected_row(c.lon, c.lat, points) for c in communes.itertuples()}
    communes["unreached"] = [rows[c]["activities_within_radius"] == 0 for c in communes["code"]]
    communes["nearest"] = [rows[c]["nearest_activity_km"] for c in communes["code"]]
    audience = {p[0]: p[3] for p in points}
    for level, key in (("department", None), ("epci", "epci_code")):
        doc = _run_json(capsys, "--db", reach_db, "--period", "2024-03..2024-08", "--level", level)
        items = {t["code"]: t for t in doc["territories"]}
        groups = communes.groupby(key) if key else [("82", communes)]
        for code, g in groups:
            ids = set().union(*(rows[c]["ids"] for c in g["code"]))
            weight = g["population"].clip(lower=1)
            got = items[code]
            assert got["uncovered"] == g.loc[g["unreached"], "population"].sum()
            assert got["activities_within_radius"] == len(ids)
            assert got["audience_within_radius"] == sum(audience[i] for i in ids)
            mean = (weight * g["nearest"]).sum() / weight.sum()
            assert got["nearest_activity_km"] == pytest.approx(mean, abs=1e-3)


def test_qpv_level_from_their_reference_points(capsys, reach_db, ref):
    doc = _run_json(capsys, "--db", reach_db, "--level", "qpv", "--period", "2024-03..2024-08")
    items = {t["code"]: t for t in doc["territories"]}
    points = _expected_points(ref)
    qpv = ref.execute("SELECT code, lon, lat FROM qpv WHERE department_code = '82'").fetchall()
    assert set(items) == {q[0] for q in qpv}
    for code, lon, lat in qpv:
        want = _expected_row(lon, lat, points)
        assert items[code]["activities_within_radius"] == want["activities_within_radius"]
        assert items[code]["uncovered"] is (want["activities_within_radius"] == 0)
    # Moissac's QPV are reached by the session of the last day; of Montauban's, the one 14.9 km
    # from the Lafrançaise experiment is reached, the one 16.9 km away is not.
    assert not items["QN08203M"]["uncovered"] and not items["QN08201I"]["uncovered"]
    assert items["QN08202M"]["uncovered"]


def test_presence_basis_keeps_the_actor_rule(capsys, reach_db):
    doc = _run_json(capsys, "--db", reach_db, "--basis", "presence", "--period", "2024")
    assert doc["basis"] == "presence"
    for t in doc["territories"]:
        assert t["uncovered"] is (t["nearest_actor_km"] > RADIUS)


def test_score_ranks_the_population_not_reached(capsys, reach_db):
    doc = _run_json(capsys, "--db", reach_db, "--period", "2024-03..2024-08")
    items = doc["territories"]
    assert all(t["score"] == 0 for t in items if not t["uncovered"])
    assert all(t["score"] > 0 for t in items if t["uncovered"])
    # Montauban, the largest commune not reached, comes before every commune reached.
    codes = [t["code"] for t in items]
    assert codes.index(MONTAUBAN) < codes.index(CAYLUS)


def test_default_period_ends_at_the_latest_activity(capsys, reach_db):
    doc = _run_json(capsys, "--db", reach_db)
    # The latest activity is the session of 2024-09-01 (the undated experiment has no date):
    # the default period is the 12 whole months ending with September 2024.
    assert doc["period"]["end"] == "2024-09-30" and doc["period"]["start"] == "2023-10-01"
    # --to alone: the 12 months ending that day.
    doc = _run_json(capsys, "--db", reach_db, "--to", "2024-08-31")
    assert doc["period"]["start"] == "2023-09-01"


def test_plan_targets_the_unreached_population(reach_db):
    con = connect(reach_db)
    result, communes = tables.tour(con, 3, RADIUS, period=Period(START, END))
    con.close()
    unreached = communes.loc[communes["uncovered"], "population"].sum()
    assert result.basis == "activite" and result.uncovered_population == unreached
    assert result.period["start"] == "2024-03-01"
    # The first stop newly reaches the unreached inhabitants within R of its reference point.
    first = result.stops[0]
    host = communes.set_index("code").loc[first.code]
    open_ = communes[communes["uncovered"]]
    near = [
        haversine(host["lon"], host["lat"], lon, lat) <= RADIUS
        for lon, lat in zip(open_["lon"], open_["lat"], strict=True)
    ]
    assert first.population == open_.loc[near, "population"].sum()
    assert result.newly_covered_population <= unreached


def test_cli_json_end_to_end_in_a_subprocess(reach_db):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "observatoire",
            "coverage",
            "--db",
            reach_db,
            "--basis",
            "activite",
            "--from",
            "2024-03-01",
            "--to",
            "2024-08-31",
            "--radius-km",
            "10",
            "--level",
            "commune",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    doc = json.loads(proc.stdout)
    assert list(doc)[:3] == ["basis", "period", "radius_km"]
    assert doc["period"]["label"] == Period(START, END).label
    caylus = {t["code"]: t for t in doc["territories"]}[CAYLUS]
    # The coordinates point lies within 10 km of Caylus: both activities still count.
    d = haversine(1.76946, 44.2359, *COORDS)
    assert d < 10 and caylus["activities_within_radius"] == 2
    assert math.isclose(caylus["nearest_activity_km"], 0, abs_tol=1e-3)


def test_two_periods_gained_and_lost_by_haversine(reach_db, ref):
    from observatoire.coverage import change

    con = connect(reach_db)
    # March 1st holds only the Caylus action; August 31st only the Moissac session.
    march, august = Period(START, START), Period(END, END)
    result = change.compare(con, march, august)
    by_level = change.compare(con, march, august, level="department")
    con.close()
    towns = {p[0]: p for p in _expected_points(ref)}
    communes = _communes(ref)
    near_caylus = {
        c.code for c in communes.itertuples() if haversine(c.lon, c.lat, *towns["first"][1:3]) <= 15
    }
    near_moissac = {
        c.code for c in communes.itertuples() if haversine(c.lon, c.lat, *towns["last"][1:3]) <= 15
    }
    t = result.table.set_index("code")
    assert set(t.index[t["status"] == "gained"]) == near_moissac - near_caylus
    assert set(t.index[t["status"] == "lost"]) == near_caylus - near_moissac
    assert set(t.index[t["status"] == "kept"]) == near_caylus & near_moissac
    lost = change.gained_lost(result)
    assert set(lost["code"]) == near_caylus ^ near_moissac
    figures = change.counts(result)
    pop = communes.set_index("code")["population"]
    assert figures["gained"]["population"] == pop[list(near_moissac - near_caylus)].sum()
    # Departments compare the population left unreached.
    dep = change.counts(by_level)
    assert dep["uncovered_population_before"] == pop.sum() - pop[list(near_caylus)].sum()
    assert dep["uncovered_population_after"] == pop.sum() - pop[list(near_moissac)].sum()


def test_map_layers_reached_communes_qpv_and_audience_per_1000(reach_db, ref):
    import geopandas as gpd
    import shapely

    from observatoire.coverage.layers import reach_layers

    con = connect(reach_db)
    layers = reach_layers(con, Period(START, END))
    con.close()
    communes = _communes(ref).set_index("code")
    points = _expected_points(ref)
    c = layers.communes.set_index("code")
    assert len(c) == 195
    for code, row in communes.iterrows():
        want = _expected_row(row["lon"], row["lat"], points)["activities_within_radius"] > 0
        assert c.at[code, "reached"] == want and c.at[code, "uncovered"] == (not want)
    # Held in the commune: by the code the activity is filed under (the coordinates action is
    # filed under Montauban), audience per 1,000 inhabitants.
    assert c.at[CAYLUS, "audience_held"] == 40
    assert c.at[CAYLUS, "audience_per_1000"] == pytest.approx(
        40_000 / communes.at[CAYLUS, "population"]
    )
    assert c.at[MONTAUBAN, "activities_held"] == 1 and c.at[MONTAUBAN, "audience_held"] == 10
    assert c.at[MOISSAC, "audience_held"] == 3
    d = layers.departments.set_index("code")
    assert d.at["82", "name"] == "Tarn-et-Garonne"
    assert d.at["82", "audience_held"] == 53  # Toulouse's action is outside the territory
    assert d.at["82", "audience_per_1000"] == pytest.approx(53_000 / communes["population"].sum())
    assert d.at["82", "communes_reached"] == int(c["reached"].sum())
    # QPV reached: an activity inside or within 300 m, measured with geopandas in Lambert-93.
    q = ref.execute("SELECT code, geometry FROM qpv WHERE department_code = '82'").df()
    shapes = gpd.GeoSeries(shapely.from_wkb([bytes(b) for b in q["geometry"]]), crs=4326).to_crs(
        2154
    )
    pts = gpd.GeoSeries(
        shapely.points([p[1] for p in points], [p[2] for p in points]), crs=4326
    ).to_crs(2154)
    expected = {
        code
        for code, shape in zip(q["code"], shapes, strict=True)
        if pts.distance(shape).min() <= 300
    }
    assert expected == {"QN08203M"}  # by the session at Moissac's mairie
    assert set(layers.qpv.loc[layers.qpv["reached"], "code"]) == expected


def test_two_periods_french_table_and_sentence(reach_db):
    from observatoire.coverage import change

    con = connect(reach_db)
    result = change.compare(con, Period(START, START), Period(END, END))
    con.close()
    table = change.export_table(result)
    figures = change.counts(result)
    assert len(table) == figures["gained"]["territories"] + figures["lost"]["territories"]
    assert set(table["Évolution"]) == {"gagné", "perdu"}
    label = Period(START, START).label
    assert f"Non touché ({label})" in table.columns
    text = change.summary(result)
    assert text.startswith(f"Entre la période {label} et la période {Period(END, END).label} :")
    assert f"{figures['gained']['territories']} communes gagnées" in text
