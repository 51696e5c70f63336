"""Which QPV an actor or an action reaches: inside the polygon or within a distance (300 m).

Distances to polygons are measured in a metric projection, never in degrees:

- metropolitan France and Corsica (QPV centroid within lon −6..10°, lat 41..52°): Lambert-93
  (EPSG:2154), whose scale error stays under 0.1 % there (300 m ± 0.3 m);
- anywhere else (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte, and any overseas QPV):
  the WGS84 UTM zone of the QPV's centroid (EPSG:326xx north, 327xx south), whose scale error
  within a DROM is under 0.1 % too.

Each projection group only receives the points inside its QPVs' bounding box widened by
``MARGIN_DEG`` (0.1°, at least 3 km at these latitudes, far more than any reach distance), so a
point is never projected into a zone it does not belong to; points farther away cannot reach
any QPV of the group anyway.
"""

from __future__ import annotations

import numpy as np
import shapely

from observatoire.coverage.projections import LAMBERT_93, project

DEFAULT_DISTANCE_M = 300.0
METROPOLE_BOX = (-6.0, 41.0, 10.0, 52.0)  # lon_min, lat_min, lon_max, lat_max
MARGIN_DEG = 0.1


def utm_epsg(lon: float, lat: float) -> int:
    """The EPSG code of the WGS84 UTM zone containing a point."""
    zone = int(np.floor((lon + 180.0) / 6.0)) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def projection_of(lon: float, lat: float) -> int:
    """The metric projection (EPSG) used around a point: Lambert-93 in metropolitan France, else UTM.

    0 for a point without coordinates (the centroid of an empty geometry).
    """
    if not (np.isfinite(lon) and np.isfinite(lat)):
        return 0
    x0, y0, x1, y1 = METROPOLE_BOX
    return LAMBERT_93 if x0 <= lon <= x1 and y0 <= lat <= y1 else utm_epsg(lon, lat)


def _project(geoms: np.ndarray, epsg: int) -> np.ndarray:
    def forward(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(project(coords[:, 0], coords[:, 1], epsg))

    return shapely.transform(geoms, forward)


def load_polygons(wkb) -> np.ndarray:
    """Shapely geometries from WKB values (bytes or DuckDB bytearrays), repaired when invalid."""
    geoms = shapely.from_wkb([bytes(b) for b in wkb])
    bad = ~shapely.is_valid(geoms)
    if bad.any():
        geoms[bad] = shapely.make_valid(geoms[bad])
    return geoms


class QpvIndex:
    """Polygons grouped by metric projection; each group is projected and indexed once, on need.

    Build it once for a set of polygons and ask ``reached`` many times (several point sets, or
    several reruns of a page): projecting the 1,609 QPV outlines is most of the work.
    """

    def __init__(self, polygons):
        self.polygons = np.asarray(polygons, dtype=object)
        self.groups: list[tuple[int, np.ndarray, tuple[float, float, float, float]]] = []
        self._trees: dict[int, shapely.STRtree] = {}
        if len(self.polygons) == 0:
            return
        centroids = shapely.centroid(self.polygons)
        epsgs = np.array(
            [
                projection_of(x, y)
                for x, y in zip(shapely.get_x(centroids), shapely.get_y(centroids), strict=True)
            ]
        )
        for epsg in np.unique(epsgs[epsgs > 0]):
            members = np.flatnonzero(epsgs == epsg)
            bounds = tuple(float(b) for b in shapely.total_bounds(self.polygons[members]))
            self.groups.append((int(epsg), members, bounds))

    def _tree(self, epsg: int, members: np.ndarray) -> shapely.STRtree:
        tree = self._trees.get(epsg)
        if tree is None:
            # Two threads may both build it; the result is the same, the last one is kept.
            tree = self._trees[epsg] = shapely.STRtree(_project(self.polygons[members], epsg))
        return tree

    def reached(self, lon, lat, distance_m: float = DEFAULT_DISTANCE_M) -> np.ndarray:
        """A boolean per polygon: at least one point lies inside it or within ``distance_m`` m."""
        lon = np.asarray(lon, dtype=float)
        lat = np.asarray(lat, dtype=float)
        hit = np.zeros(len(self.polygons), dtype=bool)
        if len(self.polygons) == 0 or len(lon) == 0:
            return hit
        ok = ~(np.isnan(lon) | np.isnan(lat))
        # Actors and actions often share a point (a commune's reference point): test each once.
        # (One complex number per point: np.unique(axis=0) sorts row views and is ten times slower.)
        unique = np.unique(lon[ok] + 1j * lat[ok])
        lon, lat = unique.real, unique.imag
        for epsg, members, (x0, y0, x1, y1) in self.groups:
            near = (
                (lon >= x0 - MARGIN_DEG)
                & (lon <= x1 + MARGIN_DEG)
                & (lat >= y0 - MARGIN_DEG)
                & (lat <= y1 + MARGIN_DEG)
            )
            if not near.any():
                continue
            # Projecting raw coordinates is much cheaper than transforming point geometries.
            x, y = project(lon[near], lat[near], epsg)
            points = shapely.points(x, y)
            _, found = self._tree(epsg, members).query(
                points, predicate="dwithin", distance=float(distance_m)
            )
            hit[members[np.unique(found)]] = True
        return hit


def reached(polygons: np.ndarray, lon, lat, distance_m: float = DEFAULT_DISTANCE_M) -> np.ndarray:
    """A boolean per polygon: at least one point lies inside it or within ``distance_m`` metres."""
    return QpvIndex(polygons).reached(lon, lat, distance_m)
