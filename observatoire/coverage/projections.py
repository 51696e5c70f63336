"""The two metric projections QPV distances are measured in, as closed formulas over numpy arrays.

- Lambert-93 (EPSG:2154): Lambert conformal conic with two standard parallels on GRS80
  (Snyder, *Map Projections: A Working Manual*, 1987, eq. 15-1 to 15-10).
- UTM (EPSG:326xx north, 327xx south): transverse Mercator on WGS84 by Krüger's series in the
  third flattening, to its sixth order (Karney, *Transverse Mercator with an accuracy of a few
  nanometers*, J. Geodesy 85, 2011, eq. 35-36), the algorithm PROJ uses.

WGS84 coordinates go in unchanged: PROJ's own transformation from WGS84 to RGF93 is the identity.
Written here rather than called through pyproj because loading pyproj and its database costs
about 0.1 s, a tenth of the ``observatoire kpis`` budget; tests hold both within a millimetre.
"""

from __future__ import annotations

import numpy as np

LAMBERT_93 = 2154
GRS80 = (6378137.0, 1 / 298.257222101)
WGS84 = (6378137.0, 1 / 298.257223563)


def _isometric_t(phi: np.ndarray, e: float) -> np.ndarray:
    """Snyder's t: tan(pi/4 - phi/2) over the ellipsoid's correction (eq. 15-9)."""
    s = e * np.sin(phi)
    return np.tan(np.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (e / 2)


def _lambert_93(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, f = GRS80
    e = np.sqrt(f * (2 - f))
    phi1, phi2, phi0 = np.radians([49.0, 44.0, 46.5])
    lam0, x0, y0 = np.radians(3.0), 700_000.0, 6_600_000.0

    def m(phi):
        return np.cos(phi) / np.sqrt(1 - (e * np.sin(phi)) ** 2)

    t1, t2 = _isometric_t(phi1, e), _isometric_t(phi2, e)
    n = (np.log(m(phi1)) - np.log(m(phi2))) / (np.log(t1) - np.log(t2))
    big_f = m(phi1) / (n * t1**n)
    rho0 = a * big_f * _isometric_t(phi0, e) ** n
    rho = a * big_f * _isometric_t(np.radians(lat), e) ** n
    theta = n * (np.radians(lon) - lam0)
    return x0 + rho * np.sin(theta), y0 + rho0 - rho * np.cos(theta)


def _krueger_alpha(n: float) -> list[float]:
    """The series coefficients alpha_1..alpha_6 of the forward projection (Karney eq. 35)."""
    return [
        n / 2 - 2 * n**2 / 3 + 5 * n**3 / 16 + 41 * n**4 / 180 - 127 * n**5 / 288
        + 7891 * n**6 / 37800,
        13 * n**2 / 48 - 3 * n**3 / 5 + 557 * n**4 / 1440 + 281 * n**5 / 630
        - 1983433 * n**6 / 1935360,
        61 * n**3 / 240 - 103 * n**4 / 140 + 15061 * n**5 / 26880 + 167603 * n**6 / 181440,
        49561 * n**4 / 161280 - 179 * n**5 / 168 + 6601661 * n**6 / 7257600,
        34729 * n**5 / 80640 - 3418889 * n**6 / 1995840,
        212378941 * n**6 / 319334400,
    ]  # fmt: skip


def _utm(lon: np.ndarray, lat: np.ndarray, zone: int, south: bool) -> tuple[np.ndarray, np.ndarray]:
    a, f = WGS84
    e = np.sqrt(f * (2 - f))
    n = f / (2 - f)
    k0 = 0.9996
    big_a = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64 + n**6 / 256)
    phi = np.radians(lat)
    lam = np.radians(lon) - np.radians(6.0 * zone - 183.0)
    # Conformal latitude through its tangent, then the spherical transverse Mercator.
    tau = np.tan(phi)
    sigma = np.sinh(e * np.arctanh(e * tau / np.sqrt(1 + tau**2)))
    tau_c = tau * np.sqrt(1 + sigma**2) - sigma * np.sqrt(1 + tau**2)
    xi_p = np.arctan2(tau_c, np.cos(lam))
    eta_p = np.arcsinh(np.sin(lam) / np.sqrt(tau_c**2 + np.cos(lam) ** 2))
    xi, eta = xi_p.copy(), eta_p.copy()
    for j, alpha in enumerate(_krueger_alpha(n), start=1):
        xi += alpha * np.sin(2 * j * xi_p) * np.cosh(2 * j * eta_p)
        eta += alpha * np.cos(2 * j * xi_p) * np.sinh(2 * j * eta_p)
    return 500_000.0 + k0 * big_a * eta, (10_000_000.0 if south else 0.0) + k0 * big_a * xi


def project(lon, lat, epsg: int) -> tuple[np.ndarray, np.ndarray]:
    """Metres east and north of WGS84 ``lon``/``lat`` (degrees) in Lambert-93 or a UTM zone."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    if epsg == LAMBERT_93:
        return _lambert_93(lon, lat)
    if 32601 <= epsg <= 32660 or 32701 <= epsg <= 32760:
        return _utm(lon, lat, epsg % 100, south=epsg > 32700)
    raise ValueError(f"EPSG:{epsg} is neither Lambert-93 nor a WGS84 UTM zone")
