"""Directory search: filters, paging, "near a place" and the columns each role may see."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from observatoire import db, formats
from observatoire.coverage.distances import EARTH_RADIUS_KM, haversine_km
from observatoire.normalize import name_key, place_key
from observatoire.privacy.roles import can_see_contacts
from observatoire.texts import directory as texts

PAGE_SIZE = 200
NEAR_RADIUS_KM = 15.0
CONTACT_COLUMNS = ("email", "phone", "website", "address", "postal_code")
PUBLIC_COLUMNS = (
    "name",
    "structure_type",
    "circle",
    "category",
    "commune_name",
    "commune_code",
    "department_name",
    "qpv_name",
    "rural",
)


@dataclass(frozen=True)
class Filters:
    """What the user asked for; ``None`` (or empty text) means "no filter"."""

    text: str = ""
    structure_type: str | None = None
    circle: int | None = None  # 1-3, or 0 for actors without a circle
    category: str | None = None
    department: str | None = None
    commune: str = ""  # an INSEE code or a commune name
    qpv: bool | None = None
    rural: bool | None = None


@dataclass
class Result:
    """One page of matching actors and the number of all matches."""

    rows: pd.DataFrame
    total: int
    offset: int = 0


def _commune_params(commune: str) -> dict:
    """An INSEE code (5 characters, digits or 2A/2B) filters by code, anything else by name."""
    text = commune.strip()
    if not text:
        return {"commune": None, "commune_key": None}
    code = text.upper()
    if len(code) == 5 and (code.isdigit() or (code[:2] in ("2A", "2B") and code[2:].isdigit())):
        return {"commune": code, "commune_key": None}
    return {"commune": None, "commune_key": place_key(text)}


def _params(filters: Filters, box=None, limit=None, offset: int = 0) -> dict:
    """The bound parameters of ``directory_actors`` for these filters."""
    needle = name_key(filters.text)
    lon_min, lon_max, lat_min, lat_max = box if box else (None, None, None, None)
    return {
        "needle": needle or None,
        "structure_type": filters.structure_type,
        "category": filters.category,
        "department": filters.department,
        "circle": filters.circle,
        **_commune_params(filters.commune),
        "qpv": filters.qpv,
        "rural": filters.rural,
        "lon_min": lon_min,
        "lon_max": lon_max,
        "lat_min": lat_min,
        "lat_max": lat_max,
        "limit": limit,
        "offset": int(offset),
    }


def search(con, filters: Filters, limit: int | None = PAGE_SIZE, offset: int = 0) -> Result:
    """Matching actors in name order: ``limit`` rows from ``offset`` (None = all) and the total."""
    frame = db.frame(con, "directory_actors", **_params(filters, limit=limit, offset=offset))
    total = int(frame["total"].iloc[0]) if len(frame) else 0
    if not len(frame) and offset > 0:
        # The total rides on the page rows: a page past the end still needs it.
        first = db.frame(con, "directory_actors", **_params(filters, limit=1, offset=0))
        total = int(first["total"].iloc[0]) if len(first) else 0
    return Result(frame.drop(columns="total"), total, offset)


def facets(con) -> dict[str, dict[str, str]]:
    """Filter choices: ``{"type"|"category"|"department": {value: label}}`` in label order."""
    out: dict[str, dict[str, str]] = {"type": {}, "category": {}, "department": {}}
    for row in db.rows(con, "directory_facets"):
        out[row["facet"]][row["value"]] = row["label"]
    return out


def communes_named(con, text: str) -> list[dict]:
    """Reference communes matching a typed INSEE code or exact name (several for homonyms)."""
    text = (text or "").strip()
    if not text:
        return []
    return db.rows(con, "directory_communes", code=text.upper(), key=place_key(text))


def bounding_box(lon: float, lat: float, km: float) -> tuple[float, float, float, float]:
    """A lon/lat box holding every point within ``km`` great-circle km (a prefilter only)."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    cos_lat = math.cos(math.radians(min(89.0, abs(lat) + dlat)))
    dlon = min(180.0, math.degrees(km / (EARTH_RADIUS_KM * max(cos_lat, 1e-6))))
    return lon - dlon, lon + dlon, lat - dlat, lat + dlat


def near(con, place: dict, radius_km: float, filters: Filters = Filters()) -> pd.DataFrame:
    """Actors (matching ``filters``) within ``radius_km`` of a commune's reference point.

    Sorted by great-circle distance, then name; the distance is the haversine of the coverage
    module between the commune's and the actor's points, in ``distance_km``.
    """
    box = bounding_box(float(place["lon"]), float(place["lat"]), radius_km)
    frame = db.frame(con, "directory_actors", **_params(filters, box=box)).drop(columns="total")
    frame["distance_km"] = haversine_km(place["lon"], place["lat"], frame["lon"], frame["lat"])
    frame = frame[frame["distance_km"] <= radius_km]
    return frame.sort_values(["distance_km", "name", "actor_id"], kind="stable").reset_index(
        drop=True
    )


def visible_columns(role, distance: bool = False) -> list[str]:
    """The directory columns a role may see: contacts, right after the name, only for coordination.

    Contacts come first because they are what the coordination opens the directory for.
    """
    name, *rest = PUBLIC_COLUMNS
    columns = [name]
    if can_see_contacts(role):
        columns += CONTACT_COLUMNS
    columns += rest
    if distance:
        columns.insert(0, "distance_km")
    return columns


def for_role(frame: pd.DataFrame, role, distance: bool = False) -> pd.DataFrame:
    """Only the columns ``role`` may see, in display order (contacts dropped for the committee)."""
    return frame[visible_columns(role, distance)].reset_index(drop=True)


def _yes_no(value) -> str:
    """``oui``/``non`` for a flag."""
    return texts.YES if bool(value) else texts.NO


def export_table(frame: pd.DataFrame, role, distance: bool = False) -> pd.DataFrame:
    """The rows a role may export, French headers, numbers kept as numbers."""
    out = for_role(frame, role, distance).copy()
    out["rural"] = out["rural"].map(_yes_no)
    out["circle"] = out["circle"].astype("Int64")
    if distance:
        out["distance_km"] = out["distance_km"].round(2)
    return out.rename(columns=texts.COLUMNS)


def display_table(frame: pd.DataFrame, role, distance: bool = False) -> pd.DataFrame:
    """The rows a role may see on screen: French headers and French number formats."""
    out = export_table(frame, role, distance)
    if distance:
        column = texts.COLUMNS["distance_km"]
        out[column] = out[column].map(lambda km: formats.number(km, 1))
    column = texts.COLUMNS["circle"]
    out[column] = out[column].map(lambda c: "" if pd.isna(c) else str(int(c)))
    # An empty cell stays empty on screen (the grid would print "None").
    return out.astype(object).where(out.notna(), "")


def count_sentence(result: Result) -> str:
    """How many actors match, and which rows are shown when there are several pages."""
    count = formats.number(result.total)
    if result.total <= len(result.rows) and result.offset == 0:
        return texts.COUNT.format(count=count)
    return texts.COUNT_PAGE.format(
        count=count,
        first=formats.number(result.offset + 1),
        last=formats.number(result.offset + len(result.rows)),
    )


def export_note(total: int) -> str:
    """The sentence under the table about what the exports hold."""
    return texts.EXPORT_NOTE.format(count=formats.number(total))


def place_label(place: dict) -> str:
    """``Name (department, INSEE code)`` for a commune picker."""
    return f"{place['name']} ({place['department_code']}, {place['code']})"


def near_sentence(nearby: pd.DataFrame, place: dict, radius_km: float) -> str:
    """The French sentence above the "near a place" table."""
    return texts.NEAR_RESULT.format(
        count=formats.number(len(nearby)),
        radius=formats.number(radius_km, 0 if float(radius_km).is_integer() else 1),
        name=place["name"],
        code=place["code"],
    )
