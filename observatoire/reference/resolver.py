"""Resolve a spreadsheet's place columns to exactly one COG 2025 commune.

Order: INSEE code (current or former); commune name with a postal code or a department;
a postal code alone when it names one commune; coordinates inside a commune polygon.
Names compare without case, accents, hyphens or apostrophes, with ``St``/``Ste`` expanded.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import shapely

from observatoire import db
from observatoire.normalize import place_key
from observatoire.texts import reference as texts

MAX_CANDIDATES = 5
# Generalised commune outlines can miss a coastal or border point by a few hundred metres.
POINT_TOLERANCE_DEG = 0.01


@dataclass(frozen=True)
class Candidate:
    """A commune offered to the user when a place is ambiguous or unknown."""

    code: str
    name: str
    department_code: str

    def label(self) -> str:
        """``Saint-Martin (32, 32398)``."""
        return f"{self.name} ({self.department_code}, {self.code})"


@dataclass(frozen=True)
class Place:
    """A resolved place: one commune, its reference point or the given point, and its QPV."""

    commune_code: str
    commune_name: str
    department_code: str
    lon: float
    lat: float
    approximate: bool
    qpv_code: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Unresolved:
    """Why a place could not be resolved, in French, with up to 5 candidates."""

    reason: str
    candidates: list[Candidate] = field(default_factory=list)


def _clean(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        if np.isnan(value):
            return None
        value = int(value) if value.is_integer() else value
    text = str(value).strip()
    return text or None


def _with_candidates(reason: str, cands: list[Candidate], suggest: bool = False) -> Unresolved:
    cands = cands[:MAX_CANDIDATES]
    if cands:
        template = texts.SUGGESTIONS if suggest else texts.CANDIDATES
        reason = f"{reason} {template.format(items=', '.join(c.label() for c in cands))}"
    return Unresolved(reason, cands)


class Resolver:
    """In-memory place resolver over the reference database; build once, call many times."""

    def __init__(self, reference: Path | None = None):
        self._reference = reference
        con = db.connect_reference(reference)
        try:
            communes = db.frame(con, "resolver_communes")
            self._aliases = db.rows(con, "resolver_aliases")
            self._postal = db.rows(con, "resolver_postal_codes")
            self._departments = db.rows(con, "resolver_departments")
        finally:
            con.close()
        self._communes = communes.set_index("code", drop=False).to_dict("index")
        self._by_key: dict[str, list[str]] = defaultdict(list)
        for code, key in zip(communes["code"], communes["name_key"], strict=True):
            self._by_key[key].append(code)
        self._by_alias_code = {a["alias_code"]: a for a in self._aliases}
        self._by_alias_key: dict[str, list[str]] = defaultdict(list)
        for a in self._aliases:
            if a["alias_key"]:
                self._by_alias_key[a["alias_key"]].append(a["commune_code"])
        self._by_postal: dict[str, list[str]] = defaultdict(list)
        for p in self._postal:
            self._by_postal[p["postal_code"]].append(p["commune_code"])
        self._dep_codes = {d["code"] for d in self._departments}
        self._dep_by_key = {d["name_key"]: d["code"] for d in self._departments}
        self.resolve = lru_cache(maxsize=200_000)(self._resolve)

    # -- departments -------------------------------------------------------------------------

    def department_code(self, value) -> str | None:
        """``'31'``, ``'2a'``, ``'7'``, ``'Haute-Garonne'`` or ``'Haute-Garonne (31)'`` -> code."""
        text = _clean(value)
        if text is None:
            return None
        inner = re.search(r"\((\w{1,3})\)\s*$", text)
        if inner:
            text = inner.group(1)
        code = text.upper()
        if code.isdigit() and len(code) == 1:
            code = "0" + code
        if code in self._dep_codes:
            return code
        return self._dep_by_key.get(place_key(text))

    # -- helpers -----------------------------------------------------------------------------

    def _candidate(self, code: str) -> Candidate:
        c = self._communes[code]
        return Candidate(code, c["name"], c["department_code"])

    def _candidates(self, codes) -> list[Candidate]:
        unique = sorted(set(codes), key=lambda c: (self._communes[c]["department_code"], c))
        return [self._candidate(c) for c in unique]

    def _place(self, code: str, lon=None, lat=None, note=None) -> Place:
        c = self._communes[code]
        if lon is None:
            return Place(
                code, c["name"], c["department_code"], c["lon"], c["lat"], True, None, note
            )
        return Place(
            code, c["name"], c["department_code"], lon, lat, False, self.qpv_at(lon, lat), note
        )

    def _codes_named(self, key: str) -> list[str]:
        return self._by_key.get(key, []) or self._by_alias_key.get(key, [])

    def _suggest(self, key: str, department: str | None) -> list[Candidate]:
        pool = {
            k: codes
            for k, codes in self._by_key.items()
            if department is None
            or any(self._communes[c]["department_code"] == department for c in codes)
        }
        close = difflib.get_close_matches(key, pool, n=MAX_CANDIDATES, cutoff=0.75)
        codes = [c for k in close for c in pool[k]]
        if department:
            codes = [c for c in codes if self._communes[c]["department_code"] == department]
        return [self._candidate(c) for c in codes][:MAX_CANDIDATES]

    # -- spatial -----------------------------------------------------------------------------

    def _tree(self, query: str) -> tuple[shapely.STRtree, list[str]]:
        # Outlines load only when a point is first given: most files have none.
        con = db.connect_reference(self._reference)
        try:
            shapes = db.rows(con, query)
        finally:
            con.close()
        geoms = shapely.from_wkb([bytes(r["geometry"]) for r in shapes])
        return shapely.STRtree(geoms), [r["code"] for r in shapes]

    @cached_property
    def _commune_tree(self) -> tuple[shapely.STRtree, list[str]]:
        return self._tree("resolver_shapes")

    @cached_property
    def _qpv_tree(self) -> tuple[shapely.STRtree, list[str]]:
        return self._tree("resolver_qpv")

    def commune_at(self, lon: float, lat: float) -> str | None:
        """The commune whose outline holds the point (nearest outline within ~1 km otherwise)."""
        tree, codes = self._commune_tree
        point = shapely.Point(lon, lat)
        hits = tree.query(point, predicate="intersects")
        if len(hits):
            return codes[int(hits[0])]
        near = tree.query_nearest(point, max_distance=POINT_TOLERANCE_DEG)
        return codes[int(near[0])] if len(near) else None

    def qpv_at(self, lon: float, lat: float) -> str | None:
        """The QPV 2024 whose polygon holds the point, if any."""
        tree, codes = self._qpv_tree
        hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
        return codes[int(hits[0])] if len(hits) else None

    # -- resolution --------------------------------------------------------------------------

    def _resolve(
        self, insee=None, commune=None, postal_code=None, department=None, lon=None, lat=None
    ):
        insee, commune = _clean(insee), _clean(commune)
        postal_code, department = _clean(postal_code), _clean(department)
        point = _point(lon, lat)
        if isinstance(point, Unresolved):
            return point
        dep = None
        if department is not None:
            dep = self.department_code(department)
            if dep is None:
                return Unresolved(texts.UNKNOWN_DEPARTMENT.format(value=department))
        if postal_code is not None and postal_code.isdigit() and len(postal_code) == 4:
            postal_code = "0" + postal_code  # Excel drops the leading zero of 01000
        plon, plat = point or (None, None)
        if insee is not None:
            return self._by_insee(insee, dep, plon, plat)
        if commune is not None:
            return self._by_name(commune, postal_code, dep, plon, plat)
        if postal_code is not None:
            return self._by_postal_code(postal_code, plon, plat)
        if point is not None:
            code = self.commune_at(*point)
            if code is None:
                return Unresolved(texts.POINT_OUTSIDE.format(lon=plon, lat=plat))
            return self._place(code, plon, plat)
        return Unresolved(texts.NO_PLACE)

    def _by_insee(self, insee: str, dep, lon, lat):
        code = insee.zfill(5) if insee.isdigit() else insee.upper()
        note = None
        if code not in self._communes:
            alias = self._by_alias_code.get(code)
            if alias is None:
                return Unresolved(texts.UNKNOWN_INSEE.format(code=insee))
            current = alias["commune_code"]
            note = texts.FORMER_CODE.format(
                code=code, name=self._communes[current]["name"], current=current
            )
            code = current
        found = self._communes[code]
        if dep and found["department_code"] != dep:
            return Unresolved(
                texts.INSEE_MISMATCH.format(code=code, name=found["name"], department=dep),
                [self._candidate(code)],
            )
        return self._place(code, lon, lat, note)

    def _by_name(self, name: str, postal_code, dep, lon, lat):
        key = place_key(name)
        codes = self._codes_named(key)
        where = ""
        if postal_code is not None:
            in_pc = self._by_postal.get(postal_code, [])
            if not in_pc:
                return Unresolved(texts.UNKNOWN_POSTAL_CODE.format(code=postal_code))
            matched = [c for c in codes if c in in_pc]
            if len(set(matched)) == 1:
                return self._place(matched[0], lon, lat)
            if not matched and len(set(codes)) == 1 and dep is None:
                # Postal codes cross department lines rarely; a unique name still wins.
                return self._place(codes[0], lon, lat)
            where = texts.WITH_POSTAL_CODE.format(code=postal_code)
            if not matched:
                return _with_candidates(
                    texts.COMMUNE_NOT_IN_POSTAL_CODE.format(name=name, code=postal_code),
                    self._candidates(in_pc),
                )
            codes = matched
        if dep is not None:
            codes = [c for c in codes if self._communes[c]["department_code"] == dep]
            where = texts.IN_DEPARTMENT.format(department=dep)
        unique = sorted(set(codes))
        if len(unique) == 1:
            return self._place(unique[0], lon, lat)
        if unique:
            return _with_candidates(
                texts.AMBIGUOUS_COMMUNE.format(name=name, count=len(unique), where=where),
                self._candidates(unique),
            )
        return _with_candidates(
            texts.UNKNOWN_COMMUNE.format(name=name, where=where), self._suggest(key, dep), True
        )

    def _by_postal_code(self, postal_code: str, lon, lat):
        codes = sorted(set(self._by_postal.get(postal_code, [])))
        if len(codes) == 1:
            return self._place(codes[0], lon, lat)
        if not codes:
            return Unresolved(texts.UNKNOWN_POSTAL_CODE.format(code=postal_code))
        return _with_candidates(
            texts.AMBIGUOUS_POSTAL_CODE.format(code=postal_code, count=len(codes)),
            self._candidates(codes),
        )


def _point(lon, lat):
    """(lon, lat) floats, None when absent, or Unresolved when not a plausible WGS84 point."""
    lon, lat = _clean(lon), _clean(lat)
    if lon is None and lat is None:
        return None
    try:
        x = float(str(lon).replace(",", "."))
        y = float(str(lat).replace(",", "."))
    except ValueError:
        return Unresolved(texts.BAD_COORDINATES.format(lon=lon, lat=lat))
    if not (-180 <= x <= 180 and -90 <= y <= 90):
        return Unresolved(texts.BAD_COORDINATES.format(lon=lon, lat=lat))
    return x, y


@lru_cache(maxsize=4)
def default_resolver(reference: Path | None = None) -> Resolver:
    """One shared resolver per reference file."""
    return Resolver(reference)


def resolve(insee=None, commune=None, postal_code=None, department=None, lon=None, lat=None):
    """Resolve with the default reference database; see :class:`Resolver`."""
    return default_resolver().resolve(insee, commune, postal_code, department, lon, lat)
