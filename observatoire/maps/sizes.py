"""Measured GeoJSON payloads of the map layers (README "Tailles des couches")."""

from __future__ import annotations

import json

import duckdb

from observatoire.db import frame, rows

# Payload budgets: departments of France, commune layer of the heaviest department.
DEPARTMENTS_BUDGET = 600_000
COMMUNES_BUDGET = 1_500_000


def _feature(code: str, name: str, shape: str) -> str:
    """One compact GeoJSON feature around an already-serialised geometry."""
    props = json.dumps({"code": code, "name": name}, ensure_ascii=False, separators=(",", ":"))
    return '{"type":"Feature","geometry":' + shape + ',"properties":' + props + "}"


def feature_collection_bytes(shapes) -> int:
    """UTF-8 size of a compact FeatureCollection of (code, name, shape) rows."""
    features = ",".join(_feature(*row) for row in shapes)
    return len(('{"type":"FeatureCollection","features":[' + features + "]}").encode())


def layer_sizes(con: duckdb.DuckDBPyConnection) -> dict:
    """Sizes in bytes of the departments layer of France and of the heaviest commune layer."""
    departments = frame(con, "department_shapes", region=None)
    heaviest = rows(con, "layer_size_communes")[0]
    communes = frame(con, "commune_shapes", department=heaviest["code"])
    return {
        "departments": {
            "features": len(departments),
            "bytes": feature_collection_bytes(departments.itertuples(index=False)),
        },
        "communes": {
            "department": heaviest["code"],
            "name": heaviest["name"],
            "features": len(communes),
            "bytes": feature_collection_bytes(communes.itertuples(index=False)),
        },
    }


if __name__ == "__main__":
    from observatoire.db import connect_reference

    print(json.dumps(layer_sizes(connect_reference()), ensure_ascii=False, indent=2))
