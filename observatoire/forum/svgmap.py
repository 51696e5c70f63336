"""A static SVG map for the forum: department outlines and one disc per commune, no tiles.

Inline SVG needs no script, no tile and no network, so it shows on a projector offline.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from observatoire import theme

WIDTH = 1000
MARGIN = 12
MIN_RADIUS = 4.5


@dataclass(frozen=True)
class Disc:
    """One commune's count: where, how many, and whether the count is hidden (small)."""

    lon: float
    lat: float
    count: int
    small: bool


class Projection:
    """Equirectangular, scaled at the territory's mid latitude, fitted into ``WIDTH``."""

    def __init__(self, points: Iterable[tuple[float, float]]):
        lons, lats = zip(*points, strict=True)
        self.west, self.east = min(lons), max(lons)
        self.south, self.north = min(lats), max(lats)
        self.kx = math.cos(math.radians((self.south + self.north) / 2))
        span = max((self.east - self.west) * self.kx, self.north - self.south, 1e-9)
        self.scale = (WIDTH - 2 * MARGIN) / span
        self.height = round((self.north - self.south) * self.scale + 2 * MARGIN)
        self.width = round((self.east - self.west) * self.kx * self.scale + 2 * MARGIN)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = MARGIN + (lon - self.west) * self.kx * self.scale
        y = MARGIN + (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)


def _rings(geometry: dict) -> Iterator[list]:
    """The linear rings of a GeoJSON Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def _path(geometry: dict, project: Projection) -> str:
    """The SVG path data of a polygon geometry."""
    parts = []
    for ring in _rings(geometry):
        points = [project(lon, lat) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x} {y}" for x, y in points) + "Z")
    return "".join(parts)


def radius(count: int, largest: int) -> float:
    """Disc radius, area proportional to the count; the largest disc is 5 % of the width."""
    top = WIDTH * 0.05
    return max(MIN_RADIUS, top * math.sqrt(count / max(largest, 1)))


def svg_map(shapes: list[str], discs: list[Disc], colour: str, label: str) -> str:
    """The SVG of department outlines (GeoJSON texts) with the discs of one layer."""
    # A hidden (small) count is a hollow ring of the smallest size, so its size tells nothing.
    geometries = [json.loads(s) for s in shapes if s]
    outline = [p for g in geometries for ring in _rings(g) for p in ring]
    if not outline:
        outline = [(d.lon, d.lat) for d in discs] or [(0.0, 0.0)]
    project = Projection(outline)
    largest = max((d.count for d in discs if not d.small), default=1)
    body = [
        f'<path d="{_path(g, project)}" fill="{theme.MAP_BACKGROUND}" '
        f'stroke="{theme.MAP_OUTLINE}" stroke-width="1.5"/>'
        for g in geometries
    ]
    # Largest first, so that small discs stay visible on top.
    for disc in sorted(discs, key=lambda d: (not d.small, d.count), reverse=True):
        x, y = project(disc.lon, disc.lat)
        if disc.small:
            body.append(
                f'<circle cx="{x}" cy="{y}" r="{MIN_RADIUS}" fill="none" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        else:
            r = round(radius(disc.count, largest), 1)
            body.append(
                f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colour}" fill-opacity="0.6" '
                f'stroke="#ffffff" stroke-width="0.8"/>'
            )
    title = html.escape(label)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {project.width} {project.height}" '
        f'role="img" aria-label="{title}" preserveAspectRatio="xMidYMid meet">'
        f"<title>{title}</title>{''.join(body)}</svg>"
    )
