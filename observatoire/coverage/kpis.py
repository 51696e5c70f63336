"""The coverage KPIs of the catalogue over a period of activities.

``coverage_kpis`` is what the KPI catalogue calls, over ``kpi_period`` (a month's KPIs measure
the 12 months ending with it). Definitions, all over the workspace
territory (``workspace.territory``) and the activities of the period (actions,
in-person sessions and experiments, queries/period_activities.sql):

- ``communes_reached``: territory communes holding an activity;
- ``rural_communes_reached``: those that are rural (density levels 5–7);
- ``qpv_reached``: territory QPV with an actor (listed by the period's end) or an activity inside
  the polygon or within 300 m of it;
- ``population_within_15km_share``: share of the territory population living in communes whose
  reference point is within 15 great-circle km of an actor listed by the period's end;
- ``rural_representation_index``: share of the activities held in rural communes ÷ share of the
  territory population living in rural communes (1 = proportional).

``programme`` restricts actions and sessions (never actors); ``department`` narrows the territory
to one department. Counts are ints, shares floats, and a value that cannot be defined (no action,
no rural population, no population) is None.

DuckDB does the counting and the 15 km search (queries/coverage_kpi_counts.sql, the same
unit-sphere chords as ``distances``), so this module needs neither pandas nor scipy: the
``observatoire kpis`` command stays within its 1 s budget on the national workspace.
"""

from __future__ import annotations

import hashlib
import math

from observatoire import db
from observatoire.coverage import inputs
from observatoire.coverage.distances import km_to_chord
from observatoire.periods import Kind, Period
from observatoire.workspace.territory import territory_departments

KPI_IDS = (
    "communes_reached",
    "rural_communes_reached",
    "qpv_reached",
    "population_within_15km_share",
    "rural_representation_index",
)
KPI_RADIUS_KM = 15.0


def _share(num, den) -> float | None:
    """num / den as a finite float, None when the denominator is not positive."""
    if den is None or den <= 0 or num is None:
        return None
    value = float(num) / float(den)
    return value if math.isfinite(value) else None


def _qpv_reached(con, cur, departments: list[str], end) -> int:
    """Territory QPV with a point (actor or activity on ``cur``) inside or within 300 m."""
    polygons_wkb = [r["geometry"] for r in db.rows(con, "coverage_qpv", departments=departments)]
    if not polygons_wkb:
        return 0
    points = db.execute_on(cur, "coverage_kpi_points", end=end).fetchnumpy()
    if len(points["lon"]) == 0:
        return 0
    return int(_qpv_index(polygons_wkb).reached(points["lon"], points["lat"]).sum())


_INDEXES: dict[str, object] = {}  # WKB digest -> QpvIndex: reruns skip the projection
_MAX_INDEXES = 8


def _qpv_index(polygons_wkb: list):
    """The projected QPV index of these outlines, built once per process and content."""
    # shapely and pyproj only load when there is a polygon and a point to test.
    from observatoire.coverage import qpv as qpv_reach

    blobs = [bytes(b) for b in polygons_wkb]
    digest = hashlib.sha256(b"".join(len(b).to_bytes(8, "little") + b for b in blobs)).hexdigest()
    index = _INDEXES.get(digest)
    if index is None:
        index = qpv_reach.QpvIndex(qpv_reach.load_polygons(blobs))
        if len(_INDEXES) >= _MAX_INDEXES:
            _INDEXES.pop(next(iter(_INDEXES)), None)
        _INDEXES[digest] = index
    return index


def kpi_period(period: Period) -> Period:
    """The activities the coverage KPIs count: a month's are the 12 months ending with it.

    One month is too short to say which communes a network reaches, and the committee compares
    a rolling 12 months from one month to the next; a year or a range is measured as it is.
    """
    return inputs.last_12_months(period.end) if period.kind == Kind.MONTH else period


def coverage_kpis(
    con, period, programme: str | None = None, department: str | None = None
) -> dict[str, float | None]:
    """The five coverage KPIs over ``period`` (a date: the 12 months ending on it), one department or all."""
    if not isinstance(period, Period):
        period = inputs.last_12_months(period)
    end = period.end
    # One department narrows the territory; actors beyond its border still cover its communes.
    departments = [department] if department else territory_departments(con)
    cur = inputs.activity_cursor(con, period, programme)
    try:
        counts = db.execute_on(
            cur,
            "coverage_kpi_counts",
            departments=departments,
            end=end,
            chord=km_to_chord(KPI_RADIUS_KM),
        )
        names = [d[0] for d in counts.description]
        counts = dict(zip(names, counts.fetchone(), strict=True))
        qpv = _qpv_reached(con, cur, departments, end)
    finally:
        cur.close()
    activity_share = _share(counts["rural_activities"], counts["territory_activities"])
    population_share = _share(counts["rural_population"], counts["population"])
    return {
        "communes_reached": int(counts["communes_reached"]),
        "rural_communes_reached": int(counts["rural_communes_reached"]),
        "qpv_reached": qpv,
        "population_within_15km_share": _share(counts["covered_population"], counts["population"]),
        "rural_representation_index": _share(activity_share, population_share),
    }
