"""Directory search, filters, paging, role columns, near-a-place and exports, on real DuckDB."""

from __future__ import annotations

import io
import math

import openpyxl
import pytest

from observatoire.directory import export, search
from observatoire.directory.search import Filters


def sql_count(con, where: str, params=()) -> int:
    """An independent count over the workspace actors joined to the reference communes."""
    return con.execute(
        "SELECT count(*) FROM actors a LEFT JOIN ref.communes c ON c.code = a.commune_code "
        f"WHERE {where}",
        list(params),
    ).fetchone()[0]


def hand_haversine(lon1, lat1, lon2, lat2, radius=6371.0088) -> float:
    """Haversine written out by hand (IUGG mean Earth radius), independent of the package."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(h))


def test_no_filter_counts_every_actor(occitanie, hauts_de_france):
    assert search.search(occitanie, Filters()).total == sql_count(occitanie, "TRUE") == 1436
    assert search.search(hauts_de_france, Filters()).total == 83  # 40 + 29 experts + 14


def test_search_text_ignores_case_and_accents(occitanie):
    expected = sql_count(occitanie, "strip_accents(lower(a.name)) LIKE '%musee%'")
    assert expected > 0
    for text in ("musee", "MUSÉE", " Musée "):
        assert search.search(occitanie, Filters(text=text)).total == expected


@pytest.mark.parametrize(
    ("filters", "where", "params"),
    [
        (Filters(circle=1), "a.circle = 1", ()),
        (Filters(circle=3, rural=True), "a.circle = 3 AND c.rural", ()),
        (
            Filters(department="31", category="CSTI"),
            "a.department_code = '31' AND a.category = 'CSTI'",
            (),
        ),
        (Filters(qpv=True), "a.qpv_code IS NOT NULL", ()),
        (Filters(qpv=False, rural=False), "a.qpv_code IS NULL AND NOT c.rural", ()),
        (Filters(structure_type="Médiathèque"), "a.structure_type = ?", ("Médiathèque",)),
        (Filters(commune="Toulouse"), "a.commune_code = '31555'", ()),
        (Filters(commune="31555"), "a.commune_code = '31555'", ()),
    ],
)
def test_filters_match_an_independent_query(occitanie, filters, where, params):
    expected = sql_count(occitanie, where, params)
    assert expected > 0
    result = search.search(occitanie, filters, limit=None)
    assert result.total == len(result.rows) == expected


def test_qpv_actors_of_the_demo(occitanie):
    assert search.search(occitanie, Filters(qpv=True)).total == 55


def test_commune_name_folds_saint(occitanie):
    # "St Gaudens" is how users type Saint-Gaudens (31483).
    expected = sql_count(occitanie, "a.commune_code = '31483'")
    assert search.search(occitanie, Filters(commune="St Gaudens")).total == expected > 0


def test_paging_keeps_the_total_and_splits_rows(occitanie):
    one = search.search(occitanie, Filters(), limit=search.PAGE_SIZE)
    two = search.search(occitanie, Filters(), limit=search.PAGE_SIZE, offset=search.PAGE_SIZE)
    assert one.total == two.total == 1436
    assert len(one.rows) == len(two.rows) == search.PAGE_SIZE
    assert not set(one.rows["actor_id"]) & set(two.rows["actor_id"])
    last = search.search(occitanie, Filters(), limit=search.PAGE_SIZE, offset=1400)
    assert len(last.rows) == 36 and last.total == 1436
    past = search.search(occitanie, Filters(), limit=search.PAGE_SIZE, offset=5000)
    assert past.rows.empty and past.total == 1436
    assert "lignes 1\u202f401 à 1\u202f436" in search.count_sentence(last)


def test_comite_sees_no_contacts_coordination_does(hauts_de_france):
    rows = search.search(hauts_de_france, Filters()).rows
    comite = search.display_table(rows, "comite")
    coordination = search.display_table(rows, "coordination")
    for hidden in ("Courriel", "Téléphone", "Site web", "Adresse"):
        assert hidden not in comite.columns
        assert hidden in coordination.columns
    assert "Courriel" in search.display_table(rows, "admin").columns
    assert coordination["Courriel"].replace("", None).notna().sum() == 40  # experts have none
    assert list(comite["Nom"]) == list(coordination["Nom"])


def test_near_a_place_hand_computed_distance(hand, ref):
    toulouse, montpellier = (
        ref.execute("SELECT lon, lat FROM communes WHERE code = ?", [code]).fetchone()
        for code in ("31555", "34172")
    )
    expected = hand_haversine(*montpellier, *toulouse)
    assert 190 < expected < 200  # Toulouse–Montpellier as the crow flies, about 196 km
    [place] = search.communes_named(hand, "34172")
    assert place["name"] == "Montpellier"
    near = search.near(hand, place, 200)
    assert list(near["actor_id"]) == ["H2", "H1", "H3"]  # distance, then name ("=" < "@")
    assert near["distance_km"].iloc[0] == pytest.approx(0.0)
    assert near["distance_km"].iloc[1:].tolist() == pytest.approx([expected, expected], abs=1e-9)
    assert search.near(hand, place, 190)["actor_id"].tolist() == ["H2"]


def test_near_a_place_equals_brute_force(occitanie):
    [place] = search.communes_named(occitanie, "Figeac")
    near = search.near(occitanie, place, 25)
    points = occitanie.execute("SELECT actor_id, lon, lat FROM actors").fetchall()
    brute = {
        a for a, lon, lat in points if hand_haversine(place["lon"], place["lat"], lon, lat) <= 25
    }
    assert set(near["actor_id"]) == brute and len(brute) > 10
    assert near["distance_km"].is_monotonic_increasing
    filtered = search.near(occitanie, place, 25, Filters(circle=1))
    assert set(filtered["actor_id"]) == set(near.loc[near["circle"] == 1, "actor_id"])


def test_homonyms_and_unknown_places(occitanie):
    homonyms = search.communes_named(occitanie, "saint martin")
    assert [p["department_code"] for p in homonyms] == ["32", "54", "65", "67"]
    assert search.place_label(homonyms[0]) == "Saint-Martin (32, 32389)"
    assert search.communes_named(occitanie, "") == []
    assert search.communes_named(occitanie, "zzz") == []


def test_exports_escape_formulas_and_honour_the_role(hand):
    rows = search.search(hand, Filters(), limit=None).rows
    table = search.export_table(rows, "coordination")
    text = export.csv_bytes(table).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Nom;Courriel;Téléphone;Site web")
    assert "'=HYPERLINK(" in text and "\n=HYPERLINK" not in text and ";=" not in text
    assert "'@Atelier des curieux" in text and "'+tiers" in text
    assert "contact@exemple.fr" in text
    sheet = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes(table, "Acteurs"))).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://exemple.invalid","clic")' in values
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    comite = export.csv_bytes(search.export_table(rows, "comite")).decode("utf-8-sig")
    assert "@exemple.fr" not in comite and "Courriel" not in comite


def test_empty_cells_stay_empty_on_screen(hand):
    """H3 has no QPV, phone, website or address: blank cells, never "None" or "nan"."""
    rows = search.search(hand, Filters()).rows
    table = search.display_table(rows, "coordination")
    atelier = table[table["Nom"] == "@Atelier des curieux"].iloc[0]
    for column in ("QPV", "Téléphone", "Site web", "Adresse", "Courriel"):
        assert atelier[column] == "", column
    assert not table.isin(["None", "nan", "NaN", "<NA>"]).any().any()
    assert table.notna().all().all()


def test_contacts_come_right_after_the_name(hand):
    """The coordination reads name then contacts without scrolling; the committee sees none."""
    rows = search.search(hand, Filters()).rows
    columns = list(search.display_table(rows, "coordination").columns)
    assert columns[:6] == ["Nom", "Courriel", "Téléphone", "Site web", "Adresse", "Code postal"]
    near = search.display_table(rows.assign(distance_km=1.0), "admin", distance=True)
    assert list(near.columns)[:3] == ["Distance (km)", "Nom", "Courriel"]
    assert list(search.display_table(rows, "comite").columns)[:2] == ["Nom", "Type"]


def test_export_note_has_no_technical_detail():
    """The sentence under the table speaks of rows, not of formula escaping."""
    note = search.export_note(12)
    assert "12" in note and "=" not in note and "@" not in note
