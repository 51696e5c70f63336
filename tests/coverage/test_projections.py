"""The closed-form projections against PROJ (pyproj), and against published coordinates."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Transformer

from observatoire.coverage.projections import LAMBERT_93, project

# (EPSG, longitude range, latitude range): metropolitan France, then the DROM's UTM zones.
AREAS = [
    (LAMBERT_93, (-6.0, 10.0), (41.0, 52.0)),
    (32620, (-64.0, -60.0), (14.0, 18.5)),  # Guadeloupe, Martinique
    (32622, (-55.0, -51.0), (2.0, 6.0)),  # Guyane
    (32740, (54.0, 56.5), (-21.5, -20.5)),  # La Réunion
    (32738, (44.5, 46.0), (-13.5, -12.0)),  # Mayotte
]


@pytest.mark.parametrize(("epsg", "lons", "lats"), AREAS)
def test_same_metres_as_proj_within_a_millimetre(epsg, lons, lats):
    rng = np.random.default_rng(epsg)
    lon, lat = rng.uniform(*lons, 5_000), rng.uniform(*lats, 5_000)
    expected = Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, lat)
    x, y = project(lon, lat, epsg)
    assert np.abs(x - expected[0]).max() < 1e-3
    assert np.abs(y - expected[1]).max() < 1e-3


def test_lambert_93_origin_and_a_utm_central_meridian():
    # Lambert-93's natural origin (3° E, 46°30' N) is its false origin: 700 000 m, 6 600 000 m.
    x, y = project([3.0], [46.5], LAMBERT_93)
    assert x[0] == pytest.approx(700_000.0, abs=1e-6)
    assert y[0] == pytest.approx(6_600_000.0, abs=1e-6)
    # On a zone's central meridian at the equator, UTM gives its false easting and northing.
    x, y = project([-57.0], [0.0], 32621)
    assert (x[0], y[0]) == pytest.approx((500_000.0, 0.0), abs=1e-6)
    x, y = project([57.0], [0.0], 32740)
    assert (x[0], y[0]) == pytest.approx((500_000.0, 10_000_000.0), abs=1e-6)


def test_other_projections_are_refused():
    with pytest.raises(ValueError, match="EPSG:3857"):
        project([0.0], [0.0], 3857)
