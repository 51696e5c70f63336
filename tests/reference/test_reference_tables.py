"""The reference database holds the official COG 2025 counts (SOURCES.md, INSEE, DGCL, ANCT)."""

import duckdb
import numpy as np
import pytest
import shapely

OCCITANIE = ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82")
HAUTS_DE_FRANCE = ("02", "59", "60", "62", "80")


def one(ref, sql, params=None):
    return ref.execute(sql, params or {}).fetchone()


def test_communes_and_departments(ref):
    assert one(ref, "SELECT count(*) FROM communes") == (34_875,)
    assert one(ref, "SELECT count(*) FROM departments") == (101,)
    assert one(ref, "SELECT count(DISTINCT department_code) FROM communes") == (101,)


@pytest.mark.parametrize(
    ("region", "departments", "communes", "rural"),
    [("76", 13, 4_446, 4_052), ("32", 5, 3_782, 3_141)],
)
def test_region_counts(ref, region, departments, communes, rural):
    got = one(
        ref,
        "SELECT count(DISTINCT department_code), count(*), count(*) FILTER (WHERE rural) "
        "FROM communes WHERE region_code = $r",
        {"r": region},
    )
    assert got == (departments, communes, rural)


def test_rural_is_density_5_to_7(ref):
    assert one(ref, "SELECT count(*) FROM communes WHERE rural <> (density_level >= 5)") == (0,)
    assert one(ref, "SELECT count(*) FROM communes WHERE rural") == (30_596,)


def test_qpv_counts(ref):
    assert one(ref, "SELECT count(*) FROM qpv") == (1_609,)
    for deps, expected in ((OCCITANIE, 108), (HAUTS_DE_FRANCE, 204)):
        got = one(
            ref,
            "SELECT count(*) FROM qpv WHERE list_contains($d, department_code)",
            {"d": list(deps)},
        )
        assert got == (expected,)


def test_frr_classes(ref):
    got = dict(
        ref.execute(
            "SELECT frr_class, count(*) FROM communes WHERE region_code = '76' GROUP BY 1"
        ).fetchall()
    )
    assert got["Non classée"] == 930
    assert got["FRR socle"] == 2_787
    assert got["FRR+"] == 555
    assert one(ref, "SELECT count(*) FROM communes WHERE frr_class = 'FRR+'") == (4_456,)


def test_toulouse_population_and_point(ref):
    assert one(ref, "SELECT name, population FROM communes WHERE code = '31555'") == (
        "Toulouse",
        514_819,
    )


def test_every_reference_point_lies_inside_its_commune(ref):
    rows = ref.execute("SELECT geometry, lon, lat FROM communes").fetchall()
    polygons = shapely.from_wkb([bytes(r[0]) for r in rows])
    points = shapely.points([r[1] for r in rows], [r[2] for r in rows])
    inside = shapely.contains(polygons, points)
    assert int(np.count_nonzero(inside)) == 34_875


def test_coordinates_are_rounded_to_five_decimals(ref):
    lon, lat = one(ref, "SELECT lon, lat FROM communes WHERE code = '31555'")
    assert round(lon, 5) == lon and round(lat, 5) == lat
    shape = one(ref, "SELECT shape FROM departments WHERE code = '31'")[0]
    import re

    assert not re.search(r"\d\.\d{6,}", shape)


def test_qpv_geometries_are_valid(ref):
    rows = ref.execute("SELECT geometry FROM qpv").fetchall()
    assert all(shapely.is_valid(shapely.from_wkb([bytes(r[0]) for r in rows])))


def test_qpv_count_per_commune_matches_qpv_lists(ref):
    assert one(ref, "SELECT sum(qpv_count) FROM communes") == one(
        ref,
        "SELECT count(*) FROM (SELECT unnest(commune_codes) c FROM qpv) "
        "WHERE c IN (SELECT code FROM communes)",
    )


def test_layer_sizes_within_budget(ref):
    # GeoJSON FeatureCollection bytes: geometry text plus a small properties object each.
    france = one(ref, "SELECT sum(length(shape) + 80) FROM departments")[0]
    assert france <= 600_000
    largest = one(
        ref,
        "SELECT max(b) FROM (SELECT sum(length(shape) + 80) b FROM communes GROUP BY department_code)",
    )[0]
    assert largest <= 1_500_000


def test_sources_table_lists_editions(ref):
    editions = dict(ref.execute("SELECT dataset, edition FROM sources").fetchall())
    assert "QPV 2024" in editions["Quartiers prioritaires (QPV)"]
    assert "10 juillet 2025" in editions["France Ruralités Revitalisation (FRR)"]
    assert all(
        one(ref, "SELECT count(*) FROM sources WHERE licence IS NULL OR publisher IS NULL") == (0,)
        for _ in [0]
    )


@pytest.mark.slow
def test_build_is_idempotent(tmp_path, reference_path):
    from observatoire.reference.build import build

    out = tmp_path / "again.duckdb"
    build(out)
    digest = (
        "SELECT md5(string_agg(code || lon || lat || shape || population::VARCHAR, ',' "
        "ORDER BY code)) FROM {db}.communes"
    )
    con = duckdb.connect()
    con.execute("ATTACH $a AS a (READ_ONLY)", {"a": str(reference_path)})
    con.execute("ATTACH $b AS b (READ_ONLY)", {"b": str(out)})
    assert (
        con.execute(digest.format(db="a")).fetchone()
        == con.execute(digest.format(db="b")).fetchone()
    )
