"""The coverage map's data and HTML on the demo workspaces (AppTest cannot render the map)."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys

import duckdb
import pytest

from observatoire import formats, theme
from observatoire.maps.coverage_map import (
    DEFAULT_BUDGET,
    DEPARTMENT_BUDGET,
    MapStyle,
    coverage_map,
    department_view,
    map_html,
    territory_view,
)
from observatoire.maps.figures import department_table, load_model, panel_rows
from observatoire.maps.hit import area_at
from observatoire.paths import data_dir
from observatoire.workspace import connect

STYLE = MapStyle(
    theme.SEQUENTIAL, theme.NO_DATA, theme.MAP_BACKGROUND, theme.MAP_OUTLINE, theme.MAP_HIGHLIGHT
)
URL = re.compile(r"https?://[^\s\"'<>)]+", re.I)
HDF, OCC, NATIONAL = "demo-hauts-de-france", "demo-occitanie", "demo-national"

# Great-circle distance in SQL (same sphere as observatoire.coverage), written independently.
NEAREST_SQL = """
WITH pairs AS (
    SELECT c.code, c.department_code, coalesce(c.population, 0) AS population,
           2 * 6371.0088 * asin(sqrt(
               pow(sin(radians(a.lat - c.lat) / 2), 2)
               + cos(radians(c.lat)) * cos(radians(a.lat))
               * pow(sin(radians(a.lon - c.lon) / 2), 2))) AS km
    FROM ref.communes c, actors a
    WHERE list_contains($departments, c.department_code)
)
SELECT code, department_code, any_value(population) AS population, min(km) AS km
FROM pairs GROUP BY code, department_code
"""


def _workspace(name: str, reference_path):
    path = data_dir() / f"{name}.duckdb"
    if not path.exists():
        if name == NATIONAL:
            pytest.skip("national demo not built (observatoire demo --workspace national)")
        from observatoire.demo.build import build_demo

        build_demo(name.removeprefix("demo-"), reference=reference_path)
    return connect(path, read_only=True)


@pytest.fixture(scope="module")
def hdf(reference_path):
    con = _workspace(HDF, reference_path)
    yield con, load_model(con, 15.0, contacts=True)
    con.close()


@pytest.fixture(scope="module")
def occ(reference_path):
    con = _workspace(OCC, reference_path)
    yield con, load_model(con, 15.0, contacts=True)
    con.close()


@pytest.fixture(scope="module")
def national(reference_path):
    con = _workspace(NATIONAL, reference_path)
    yield con, load_model(con, 15.0, contacts=True)
    con.close()


def html_of(view) -> str:
    """The standalone HTML of a view's map."""
    return map_html(coverage_map(view, STYLE))


def titles_of(view) -> list[str]:
    """The bold titles of every popup of a view (actor names, commune names)."""
    found = []
    for layer in view.points.values():
        for point in layer["points"]:
            if point[4]:
                found += re.findall(r"<b>(.*?)</b>", html.unescape(point[4]))
    return found


def test_department_values_equal_an_independent_query(hdf):
    con, model = hdf
    t = department_table(model).set_index("code")
    assert list(t.index) == ["02", "59", "60", "62", "80"]
    deps = model.departments
    sql = """
        SELECT c.department_code AS code, sum(coalesce(c.population, 0)) AS population,
               count(*) AS communes,
               (SELECT count(*) FROM actors a JOIN ref.communes x ON x.code = a.commune_code
                WHERE x.department_code = c.department_code) AS actors,
               (SELECT count(*) FROM actions a JOIN ref.communes x ON x.code = a.commune_code
                WHERE x.department_code = c.department_code
                  AND a.start_date > $end - INTERVAL 12 MONTH AND a.start_date <= $end) AS actions
        FROM ref.communes c WHERE list_contains($departments, c.department_code)
        GROUP BY 1 ORDER BY 1
    """
    expected = con.execute(sql, {"departments": deps, "end": model.end_date}).df()
    expected = expected.set_index("code")
    for column in ("population", "communes", "actors", "actions"):
        mine = "actions_12m" if column == "actions" else column
        assert t[mine].tolist() == expected[column].astype(int).tolist(), column
    assert t.loc["62", "communes"] == 887  # COG 2025: communes of Pas-de-Calais
    nearest = con.execute(NEAREST_SQL, {"departments": deps}).df()
    nearest["uncovered"] = nearest["km"] > 15.0
    by_dep = nearest.groupby("department_code")
    uncovered = (
        (nearest["population"] * nearest["uncovered"]).groupby(nearest["department_code"]).sum()
    )
    covered_share = 1 - by_dep["uncovered"].mean()
    for code in deps:
        assert t.loc[code, "uncovered_population"] == int(uncovered[code]), code
        assert t.loc[code, "covered_share"] == pytest.approx(covered_share[code]), code
        per_10k = t.loc[code, "actors"] * 10_000 / t.loc[code, "population"]
        assert t.loc[code, "actors_per_10k"] == pytest.approx(per_10k)


def test_choropleth_features_carry_the_table_labels(hdf):
    con, model = hdf
    view = territory_view(con, model, "couverture", "admin")
    labels = {f["properties"]["code"]: f["properties"]["label"] for f in view.features["features"]}
    t = department_table(model).set_index("code")
    assert labels == {c: formats.percent(t.loc[c, "covered_share"], 1) for c in t.index}
    page = html_of(view)
    assert "Classement : seuils naturels de Jenks" in page
    assert "Part des communes couvertes" in page


def test_a_click_on_a_marker_opens_the_shape_under_it(hdf):
    """Town halls (their published coordinates) fall in their own department and commune."""
    con, model = hdf
    view = territory_view(con, model, "couverture", "admin")
    assert area_at(view.features, 50.2910, 2.7775) == "62"  # Arras
    assert area_at(view.features, 49.8941, 2.2958) == "80"  # Amiens
    assert area_at(view.features, 50.6366, 3.0635) == "59"  # Lille
    assert area_at(view.features, 50.5, 1.0) is None  # the Channel
    assert area_at(view.features, None, None) is None
    communes = department_view(con, model, "62", "couverture", "admin")
    assert area_at(communes.features, 50.7264, 1.6147) == "62160"  # Boulogne-sur-Mer


def test_panel_distance_is_the_cli_distance(hdf):
    con, model = hdf
    out = subprocess.run(
        [sys.executable, "-m", "observatoire", "coverage", "--json", "--db"]
        + [str(data_dir() / f"{HDF}.duckdb")],
        capture_output=True,
        text=True,
        check=True,
    )
    cli = {t["code"]: t for t in json.loads(out.stdout)["territories"]}
    # Ablainzevelle (62002), a rural FRR commune 16 km from the nearest actor (checked by hand
    # with the haversine SQL above: its only neighbours within 20 km are Arras's actors).
    rows = dict(panel_rows(model, "62002", "admin"))
    assert rows["Distance à l'acteur le plus proche"] == formats.km(
        cli["62002"]["nearest_actor_km"]
    )
    assert rows["Distance à l'acteur le plus proche"] == "16,1\u00a0km"
    assert rows["Acteurs à 15\u00a0km au plus"] == "0"
    assert rows["Classement FRR"] == "FRR socle"
    assert rows["Population"] == formats.number(cli["62002"]["population"])
    nearest = con.execute(NEAREST_SQL, {"departments": ["62"]}).df().set_index("code")
    assert nearest.loc["62002", "km"] == pytest.approx(16.104, abs=5e-4)
    arras = dict(panel_rows(model, "62041", "admin"))
    assert arras["Distance à l'acteur le plus proche"] == "0,0\u00a0km"
    assert arras["Acteurs à 15\u00a0km au plus"] == str(cli["62041"]["actors_within_radius"])


def _contacts(con) -> list[str]:
    rows = con.execute(
        "SELECT email, phone FROM actors WHERE email IS NOT NULL OR phone IS NOT NULL"
    ).fetchall()
    return [v for row in rows for v in row if v]


@pytest.mark.parametrize("name", [HDF, OCC])
def test_public_map_has_no_contacts_and_no_circle_3_names(name, request, reference_path):
    con = _workspace(name, reference_path)
    model = load_model(con, 15.0, contacts=False)
    contacts = _contacts(con)
    assert contacts, "the demo has contacts to hide"
    hidden = {
        r[0]
        for r in con.execute("SELECT name FROM actors WHERE coalesce(circle, 3) = 3").fetchall()
    }
    views = [territory_view(con, model, "acteurs", "public")]
    views += [department_view(con, model, d, "acteurs", "public") for d in model.departments[:3]]
    for view in views:
        page = html_of(view)
        for value in contacts:
            assert value not in page
        assert "@" not in re.sub(r"@(media|font-face|import|keyframes)", "", page)
        titles = {t for t in titles_of(view)}
        assert not titles & hidden
    comite = department_view(con, model, model.departments[0], "acteurs", "comite")
    assert set(titles_of(comite)) & hidden  # the committee sees them: the check can fail


def test_coordination_popups_carry_contacts(hdf, reference_path):
    con, model = hdf
    email = con.execute(
        "SELECT email FROM actors WHERE email IS NOT NULL AND department_code = '59' LIMIT 1"
    ).fetchone()[0]
    assert email in html_of(department_view(con, model, "59", "acteurs", "coordination"))
    assert email not in html_of(department_view(con, model, "59", "acteurs", "comite"))


def test_public_popups_suppress_small_counts(occ):
    con, model = occ
    view = territory_view(con, model, "actions", "public")
    counts = []
    for layer in ("actors", "actions"):
        for point in view.points[layer]["points"]:
            text = html.unescape(point[4])
            counts += re.findall(r"([^ >]+) (?:acteur|action)\(s\)", text)
    assert "<\u00a05" in counts
    for label in counts:
        assert label in ("<\u00a05", "s") or int(label.replace("\u202f", "")) >= 5, label
    shown = view.table.set_index("code")
    assert shown["label"].str.fullmatch(r"<\u00a05|s|\d[\d\u202f]*").all()


def test_no_url_leaves_the_app(hdf):
    con, model = hdf
    for view in (
        territory_view(con, model, "acteurs", "admin"),
        department_view(con, model, "62", "acteurs", "admin"),
    ):
        assert URL.findall(html_of(view)) == []


@pytest.mark.parametrize("name", [HDF, OCC])
def test_default_view_payload_within_budget(name, reference_path):
    con = _workspace(name, reference_path)
    model = load_model(con, 15.0, contacts=True)
    for role in ("public", "admin"):
        size = len(html_of(territory_view(con, model, "acteurs", role)).encode())
        assert size <= DEFAULT_BUDGET, (name, role, size)


def test_haute_garonne_communes_within_budget(occ):
    con, model = occ
    view = department_view(con, model, "31", "acteurs", "admin")
    assert len(view.features["features"]) == 586  # COG 2025 communes of Haute-Garonne
    assert len(html_of(view).encode()) <= DEPARTMENT_BUDGET


def test_national_payloads_within_budget(national):
    con, model = national
    size = len(html_of(territory_view(con, model, "acteurs", "admin")).encode())
    assert size <= DEFAULT_BUDGET, size
    # The densest departments: Nord has the most actors, Pas-de-Calais the most communes.
    densest = con.execute(
        "SELECT department_code FROM actors GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    most_communes = con.execute(
        "SELECT department_code FROM ref.communes GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    assert (densest, most_communes) == ("59", "62")
    for code in (densest, most_communes):
        view = department_view(con, model, code, "acteurs", "coordination")
        size = len(html_of(view).encode())
        assert size <= DEPARTMENT_BUDGET, (code, size)


def test_a_workspace_without_actors_is_all_uncovered(workspace_path):
    con = duckdb.connect(str(workspace_path))
    con.execute("INSERT INTO workspace_info VALUES ('departments', '[\"48\"]')")
    con.close()
    con = connect(workspace_path, read_only=True)
    model = load_model(con, 15.0)
    assert model.no_actors
    t = department_table(model)
    assert t["covered_share"].tolist() == [0.0]
    assert t["uncovered_population"].tolist() == t["population"].tolist()
    rows = dict(panel_rows(model, "48095", "public"))  # Mende
    assert rows["Acteur le plus proche"] == "aucun acteur"
    assert rows["Distance à l'acteur le plus proche"] == formats.number(None)


def test_imported_text_cannot_template_the_page():
    # branca re-parses every rendered script as a Jinja template: braces must not survive.
    import folium

    from observatoire.maps.coverage_map import _popup
    from observatoire.maps.layers import PointLayer

    m = folium.Map(tiles=None)
    group = folium.FeatureGroup().add_to(m)
    popup = _popup("{{ 7*7 }}", ["{% if true %}oui{% endif %}", "<script>"])
    PointLayer([[45.0, 3.0, 5, 0, popup]], ["#000000"]).add_to(group)
    page = m.get_root().render()
    assert "\\u0026#123;\\u0026#123; 7*7 \\u0026#125;\\u0026#125;" in page  # shown as typed
    assert "% if true %" in page  # kept as text: the {% if %} never ran
    assert html.unescape(popup).count("<script>") == 1  # the imported one, escaped in the popup
    assert "&lt;script&gt;" in popup


def test_legend_classes_never_read_alike(hdf):
    from observatoire.maps.coverage_map import legend_rows

    con, model = hdf
    view = territory_view(con, model, "acteurs", "admin")
    labels = [label for _, label in legend_rows(view, theme.SEQUENTIAL, theme.NO_DATA)]
    assert len(labels) == len(set(labels)) == 5, labels
    assert all("," in label and "." not in label for label in labels)  # French decimals


def test_configured_tiles_are_the_only_url(hdf, monkeypatch):
    from observatoire import config

    tile_url = "https://tiles.example.org/{z}/{x}/{y}.png"
    monkeypatch.setenv("OBSERVATOIRE_TILES", tile_url)
    con, model = hdf
    style = MapStyle(**{**STYLE.__dict__, "tiles": config.tiles()})
    page = map_html(coverage_map(territory_view(con, model, "acteurs", "admin"), style))
    assert set(URL.findall(page)) == {tile_url}


def test_popups_never_show_missing_values_as_nan(hdf):
    con, model = hdf
    missing = con.execute(
        "SELECT count(*) FROM actors WHERE department_code = '59' AND (email IS NULL OR phone IS NULL)"
    ).fetchone()[0]
    assert missing  # actors without contacts are there: the check can fail
    view = department_view(con, model, "59", "acteurs", "coordination")
    popups = [
        html.unescape(p[4]) for layer in view.points.values() for p in layer["points"] if p[4]
    ]
    assert any("Courriel : " in p for p in popups)
    for popup in popups:
        assert not re.search(r"\b(nan|None|NaN|<NA>)\b", popup), popup


def test_actor_popup_lines_skip_every_kind_of_missing_value():
    import pandas as pd

    from observatoire.maps.coverage_map import _actor_points

    actors = pd.DataFrame(
        {
            "name": ["Muséum", "Quai des Savoirs", "Cap Sciences"],
            "structure_type": [float("nan"), None, "Musée"],
            "circle": [1, 2, None],
            "email": [float("nan"), "  ", "contact@cap.fr"],
            "phone": [None, pd.NA, "05 56 01 07 07"],
            "lat": [43.6, 43.6, 44.8],
            "lon": [1.4, 1.4, -0.6],
        }
    )
    first, second, third = (html.unescape(p[4]) for p in _actor_points(actors, "coordination"))
    assert first == "<b>Muséum</b><br>Type non renseigné<br>Cercle 1"
    assert "Courriel" not in second and "Téléphone" not in second
    assert "Courriel : contact@cap.fr<br>Téléphone : 05 56 01 07 07" in third
