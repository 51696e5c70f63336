"""Which shape of a map holds a clicked point (a marker drawn on top may take the click)."""

from __future__ import annotations

from shapely.geometry import Point, shape


def area_at(features: dict, lat: float | None, lon: float | None) -> str | None:
    """The ``code`` of the first feature whose geometry holds the point, else ``None``."""
    if lat is None or lon is None:
        return None
    point = Point(float(lon), float(lat))
    for feature in features.get("features", []):
        geometry = feature.get("geometry")
        if geometry and shape(geometry).covers(point):
            return feature["properties"]["code"]
    return None
