"""Build ``data/reference.duckdb`` from the compact sources committed in ``data/reference/``.

Tables and columns are fixed: external checks read them. Geometry is kept twice: ``geometry``
(WKB, for spatial tests in Python) and ``shape`` (GeoJSON text, ready for maps). Departments are dissolved from
communes and simplified as a coverage, so neighbours keep shared borders.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

from observatoire.normalize import place_key
from observatoire.paths import REFERENCE_SOURCES_DIR, reference_db

# Coverage simplification of the dissolved departments (degrees): keeps France under 600 KB.
DEPARTMENT_TOLERANCE = 0.008
_LONG_DECIMALS = re.compile(r"(-?\d+\.\d{5})\d+")


def geojson(geoms: np.ndarray) -> list[str]:
    """GeoJSON geometry texts with coordinates cut to 5 decimals."""
    return [_LONG_DECIMALS.sub(r"\1", s) for s in shapely.to_geojson(geoms)]


def reference_points(polygons: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """The mairie where it lies inside the polygon, else a point on the polygon's surface."""
    points = shapely.points(np.round(lon, 5), np.round(lat, 5))
    known = ~np.isnan(lon)
    inside = np.zeros(len(polygons), bool)
    inside[known] = shapely.contains(polygons[known], points[known])
    fallback = shapely.point_on_surface(polygons[~inside])
    rounded = shapely.points(
        np.round(shapely.get_x(fallback), 5), np.round(shapely.get_y(fallback), 5)
    )
    # Rounding may push a point of a thin sliver outside: keep the unrounded one then.
    ok = shapely.contains(polygons[~inside], rounded)
    points[~inside] = np.where(ok, rounded, fallback)
    return points


def _areas_km2(polygons: np.ndarray) -> np.ndarray:
    geod = Geod(ellps="WGS84")
    return np.array([abs(geod.geometry_area_perimeter(g)[0]) / 1e6 for g in polygons])


def _communes(src: Path, qpv: pd.DataFrame) -> pd.DataFrame:
    df = pd.read_parquet(src / "communes.parquet")
    polygons = shapely.from_wkb(df["geometry"].values)
    points = reference_points(
        polygons, df["mairie_lon"].astype(float).values, df["mairie_lat"].astype(float).values
    )
    counts = qpv["commune_codes"].str.split(";").explode().value_counts()
    df["lon"] = shapely.get_x(points)
    df["lat"] = shapely.get_y(points)
    df["point_source"] = np.where(
        np.isclose(df["lon"], df["mairie_lon"].astype(float).round(5)), "mairie", "surface"
    )
    df["area_km2"] = _areas_km2(polygons).round(3)
    df["rural"] = df["density_level"] >= 5
    df["qpv_count"] = df["code"].map(counts).fillna(0).astype(int)
    df["name_key"] = df["name"].map(place_key)
    df["shape"] = geojson(polygons)
    df["population"] = df["population"].astype("Int64")
    return df.drop(columns=["mairie_lon", "mairie_lat"])


def _departments(src: Path, communes: pd.DataFrame) -> pd.DataFrame:
    deps = pd.read_csv(src / "departments.csv", dtype=str)
    polys = shapely.from_wkb(communes["geometry"].values)
    dissolved = {
        code: shapely.union_all(polys[idx], grid_size=1e-5)
        for code, idx in communes.groupby("department_code").indices.items()
    }
    deps["geometry"] = shapely.to_wkb(
        shapely.set_precision(np.array([dissolved[c] for c in deps["code"]]), 1e-5)
    )
    simple = shapely.coverage_simplify(
        shapely.from_wkb(deps["geometry"].values), DEPARTMENT_TOLERANCE
    )
    deps["shape"] = geojson(shapely.set_precision(simple, 1e-5))
    deps["name_key"] = deps["name"].map(place_key)
    return deps


def _qpv(src: Path) -> pd.DataFrame:
    df = pd.read_parquet(src / "qpv.parquet")
    df["shape"] = geojson(shapely.from_wkb(df["geometry"].values))
    return df


def _postal_codes(communes: pd.DataFrame) -> pd.DataFrame:
    pc = communes[["code", "postal_codes"]].assign(
        postal_code=communes["postal_codes"].fillna("").str.split(";")
    )
    pc = pc.explode("postal_code")
    pc = pc[pc["postal_code"].str.len() == 5]
    return pc.rename(columns={"code": "commune_code"})[["postal_code", "commune_code"]]


SCHEMA = """
CREATE TABLE regions (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL);
CREATE TABLE departments (
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, region_code VARCHAR NOT NULL,
    name_key VARCHAR, geometry BLOB, shape VARCHAR);
CREATE TABLE epci (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR,
    population INTEGER);
CREATE TABLE communes (
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, department_code VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL, epci_code VARCHAR, population INTEGER, area_km2 DOUBLE,
    density_level TINYINT NOT NULL CHECK (density_level BETWEEN 1 AND 7), rural BOOLEAN NOT NULL,
    frr_class VARCHAR NOT NULL, qpv_count INTEGER NOT NULL, lon DOUBLE NOT NULL,
    lat DOUBLE NOT NULL, point_source VARCHAR, rurality_type VARCHAR, centrality VARCHAR,
    postal_codes VARCHAR, name_key VARCHAR NOT NULL, geometry BLOB NOT NULL,
    shape VARCHAR NOT NULL);
CREATE TABLE qpv (
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, department_code VARCHAR NOT NULL,
    commune_codes VARCHAR[] NOT NULL, population INTEGER, lon DOUBLE, lat DOUBLE,
    area_ha DOUBLE, geometry BLOB NOT NULL, shape VARCHAR NOT NULL);
CREATE TABLE postal_codes (postal_code VARCHAR NOT NULL, commune_code VARCHAR NOT NULL,
    PRIMARY KEY (postal_code, commune_code));
CREATE TABLE commune_aliases (alias_code VARCHAR NOT NULL, alias_name VARCHAR,
    alias_key VARCHAR, commune_code VARCHAR NOT NULL, kind VARCHAR NOT NULL);
CREATE TABLE sources (dataset VARCHAR PRIMARY KEY, edition VARCHAR NOT NULL,
    publisher VARCHAR NOT NULL, licence VARCHAR NOT NULL, origin VARCHAR, file VARCHAR);
CREATE TABLE build_info (key VARCHAR PRIMARY KEY, value VARCHAR);
"""


def build(out: Path | None = None, src: Path = REFERENCE_SOURCES_DIR) -> dict:
    """Write the reference database atomically and return a summary of what it holds."""
    started = time.perf_counter()
    out = Path(out or reference_db())
    out.parent.mkdir(parents=True, exist_ok=True)
    qpv = _qpv(src)
    communes = _communes(src, qpv)
    departments = _departments(src, communes)
    aliases = pd.read_csv(src / "commune_aliases.csv", dtype=str)
    aliases["alias_key"] = aliases["alias_name"].map(lambda n: place_key(n) if n == n else None)
    tables = {
        "regions": pd.read_csv(src / "regions.csv", dtype=str),
        "departments": departments,
        "epci": pd.read_csv(src / "epci.csv", dtype={"code": str}),
        "communes": communes,
        "qpv": qpv.assign(commune_codes=qpv["commune_codes"].str.split(";")),
        "postal_codes": _postal_codes(communes),
        "commune_aliases": aliases,
        "sources": pd.read_csv(src / "sources.csv", dtype=str),
    }
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        con.execute(SCHEMA)
        for name, df in tables.items():
            con.from_df(df[con.table(name).columns]).insert_into(name)
        con.execute(
            "INSERT INTO build_info VALUES ('built_at', $at)",
            {"at": time.strftime("%Y-%m-%dT%H:%M:%S")},
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, out)
    return {
        "path": str(out),
        "communes": len(communes),
        "qpv": len(qpv),
        "seconds": time.perf_counter() - started,
    }
