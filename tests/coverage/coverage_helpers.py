"""Helpers of the coverage tests: workspace inserts and brute-force references.

The brute-force functions share no code with ``observatoire.coverage``: plain haversine over all
pairs (chunked numpy) and exhaustive search, so that they can check the KD-tree and the greedy
planner, including on the Occitanie demo once it exists.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd

R_EARTH_KM = 6371.0088

# Values for the NOT NULL columns a test does not care about.
DEFAULTS = {
    "actors": {"approximate": False, "import_id": 1},
    "actions": {"import_id": 1, "title": "essai"},
    "sessions": {"type": "atelier", "title": "essai", "import_id": 1},
}


def insert(con, table: str, rows: list[dict]) -> None:
    """Insert rows (dicts of some columns) into a workspace table with ``from_df``."""
    columns = con.table(table).columns
    full = []
    for r in rows:
        r = {**DEFAULTS.get(table, {}), **r}
        if table == "actors":
            r.setdefault("name", r["actor_id"])
            r.setdefault("name_key", r["name"].lower())
            r.setdefault("department_code", r["commune_code"][:2])
        full.append({c: r.get(c) for c in columns})
    con.from_df(pd.DataFrame(full, columns=columns).astype(object)).insert_into(table)


def haversine(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle km between two points, by the haversine formula, in plain math."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R_EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def brute_nearest_km(
    target_lon, target_lat, source_lon, source_lat, chunk: int = 512
) -> np.ndarray:
    """Nearest-source great-circle km for every target, over all pairs (no spatial index)."""
    tl, tp = np.radians(np.asarray(target_lon, float)), np.radians(np.asarray(target_lat, float))
    sl, sp = np.radians(np.asarray(source_lon, float)), np.radians(np.asarray(source_lat, float))
    out = np.full(len(tl), np.inf)
    if len(sl) == 0:
        return out
    for start in range(0, len(tl), chunk):
        a, b = tl[start : start + chunk, None], tp[start : start + chunk, None]
        h = np.sin((sp - b) / 2) ** 2 + np.cos(b) * np.cos(sp) * np.sin((sl - a) / 2) ** 2
        out[start : start + chunk] = (2 * R_EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))).min(
            axis=1
        )
    return out


def brute_uncovered(communes: pd.DataFrame, actors: pd.DataFrame, radius_km: float) -> set[str]:
    """Codes of the communes with no actor within ``radius_km`` (all pairs, haversine)."""
    d = brute_nearest_km(communes["lon"], communes["lat"], actors["lon"], actors["lat"])
    return set(communes.loc[d > radius_km, "code"])


def brute_max_coverage(sets: list[set[int]], values: list[float], k: int) -> float:
    """The best total value of at most ``k`` sets, by exhaustive search."""
    best = 0.0
    for r in range(1, min(k, len(sets)) + 1):
        for combo in itertools.combinations(range(len(sets)), r):
            covered = set().union(*(sets[i] for i in combo))
            best = max(best, sum(values[e] for e in covered))
    return best


def plain_greedy(sets: list[set[int]], values: list[float], k: int) -> list[tuple[int, float]]:
    """Textbook greedy (re-evaluate every set each step; ties to the lowest index)."""
    covered: set[int] = set()
    chosen = []
    for _ in range(k):
        gains = [sum(values[e] for e in s - covered) for s in sets]
        best = max(range(len(sets)), key=lambda i: (gains[i], -i)) if sets else None
        if best is None or gains[best] <= 0:
            break
        chosen.append((best, gains[best]))
        covered |= sets[best]
    return chosen


def to_csr(sets: list[set[int]]) -> tuple[np.ndarray, np.ndarray]:
    """CSR arrays (indptr, indices) of a list of sets."""
    lengths = [len(s) for s in sets]
    indptr = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    indices = np.array([e for s in sets for e in sorted(s)], dtype=np.int64)
    return indptr, indices
