"""The URL parameters of the pages: one spec each (bounds, default, French warning), no Streamlit.

``observatoire.ui.url`` is the only code that reads the page's URL; it asks this module what a
raw value means. A bad value never raises: it gives ``Parsed(default, warning)``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from observatoire import formats
from observatoire.coverage import DEFAULT_RADIUS_KM
from observatoire.periods import FIRST_YEAR, LAST_YEAR, Period, PeriodError, parse_period
from observatoire.texts import urls as texts

# Parameters the menu links carry from page to page.
SHARED = ("espace", "periode", "programme", "departement")
# Years a period may touch (those of ``observatoire.periods``).
MIN_YEAR, MAX_YEAR = FIRST_YEAR, LAST_YEAR
ECHO_CHARS = 40
_UNSAFE = re.compile(r"[^\w\- .,]")


class Parsed(NamedTuple):
    """A URL value read: what to use, and the French warning when the raw value was refused."""

    value: Any
    warning: str | None = None


@dataclass(frozen=True)
class Number:
    """A number parameter: its bounds, its default and how to write it."""

    name: str
    label: str
    default: float
    low: float
    high: float
    integer: bool = False
    unit: str = ""

    def text(self, value: float) -> str:
        """The value as the URL keeps it: ``15`` rather than ``15.0``."""
        return f"{value:g}"


NUMBERS = {
    n.name: n
    for n in (
        Number("rayon", texts.LABELS["rayon"], DEFAULT_RADIUS_KM, 1, 100, unit="km"),
        Number("etapes", texts.LABELS["etapes"], 10, 1, 50, integer=True),
        Number("intervalle", texts.LABELS["intervalle"], 20, 5, 300, integer=True, unit="s"),
        # The upper bound of ``page`` is the page count, given when parsing.
        Number("page", texts.LABELS["page"], 1, 1, 1_000_000, integer=True),
    )
}


def echo(raw: object) -> str:
    """A URL value made safe to quote in a notice: word characters only, cut short."""
    return _UNSAFE.sub("", str(raw))[:ECHO_CHARS]


def department_label(code: str, name: str | None) -> str:
    """The one label of a department everywhere: ``Somme (80)``."""
    return f"{name} ({code})" if name and name != code else code


def parse_number(name: str, raw: str | None, high: float | None = None) -> Parsed:
    """A number of the spec table; not a number, or outside its bounds: the default, a warning."""
    spec = NUMBERS[name]
    top = spec.high if high is None else high
    if raw is None or not str(raw).strip():
        return Parsed(_cast(spec, spec.default))
    try:
        value = float(str(raw).strip().replace(",", "."))
    except ValueError:
        value = math.nan
    fine = math.isfinite(value) and spec.low <= value <= top
    if fine and spec.integer and not value.is_integer():
        fine = False
    if fine:
        # One decimal is plenty for a distance and keeps cache keys few.
        return Parsed(_cast(spec, value if spec.integer else round(value, 1)))
    unit = f"{formats.NBSP}{spec.unit}" if spec.unit else ""
    warning = texts.BAD_NUMBER.format(
        label=spec.label,
        value=echo(raw),
        kind=texts.INTEGER if spec.integer else texts.NUMBER,
        low=spec.text(spec.low),
        high=spec.text(top),
        unit=unit,
        default=spec.text(spec.default).replace(".", ","),
    )
    return Parsed(_cast(spec, spec.default), warning)


def _cast(spec: Number, value: float) -> float | int:
    return int(value) if spec.integer else float(value)


def parse_choice(
    name: str,
    raw: str | None,
    options: Sequence[str],
    default: str,
    label_of: Callable[[str], str] = str,
    template: str | None = None,
) -> Parsed:
    """One of ``options``; an unknown value gives the parameter's warning and ``default``."""
    if raw is None or raw in options:
        return Parsed(default if raw is None else raw)
    template = template or texts.UNKNOWN[name]
    warning = template.format(value=echo(raw), default=label_of(default))
    return Parsed(default, warning)


def parse_multi(name: str, raw: str | None, options: Sequence[str], default: Sequence[str]):
    """A comma list of ``options``; unknown items are dropped with the parameter's warning."""
    if raw is None:
        return Parsed(list(default))
    items = [x.strip() for x in str(raw).split(",") if x.strip()]
    good = [x for x in options if x in items]
    if len(good) == len(items) and good:
        return Parsed(good)
    warning = texts.UNKNOWN[name].format(value=echo(raw), default=",".join(default))
    return Parsed(good or list(default), warning)


def parse_flag(name: str, raw: str | None, label: str) -> Parsed:
    """A tick box: ``oui`` (or ``1``) ticked, ``non`` (``0``) or absent unticked."""
    if raw is None:
        return Parsed(False)
    value = str(raw).strip().lower()
    if value in texts.YES:
        return Parsed(True)
    if value in texts.NO:
        return Parsed(False)
    return Parsed(False, texts.UNKNOWN[name].format(value=echo(raw), label=label))


def parse_text(raw: str | None, max_chars: int = 80) -> str:
    """A free text, without control characters, cut to ``max_chars``."""
    text = "".join(c for c in str(raw or "") if c.isprintable())
    return text[:max_chars].strip()


# 4-digit groups of a typed period: a year outside the bounds gets its own warning.
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def parse_period_value(
    raw: str | None,
    default: Period,
    kinds: Iterable[str] | None = None,
    bad: str = texts.PERIOD_BAD,
    programme_start: dt.date | None = None,
) -> Parsed:
    """A period as ``observatoire.periods`` reads it (``kinds``: the accepted shapes)."""
    if raw is None or not str(raw).strip():
        return Parsed(default)
    if any(not MIN_YEAR <= int(y) <= MAX_YEAR for y in _YEARS.findall(str(raw))):
        warning = texts.PERIOD_YEARS.format(
            value=echo(raw), low=MIN_YEAR, high=MAX_YEAR, default=default.label
        )
        return Parsed(default, warning)
    try:
        period = parse_period(str(raw), programme_start=programme_start)
    except (PeriodError, ValueError, OverflowError):
        return Parsed(default, bad.format(value=echo(raw), default=default.label))
    if kinds is not None and period.kind not in set(kinds):
        return Parsed(default, bad.format(value=echo(raw), default=default.label))
    return Parsed(period)


def commune_department(code: str | None, departments: Mapping[str, str]) -> Parsed:
    """The department of a commune (``departments``: commune code -> department code)."""
    if not code:
        return Parsed(None)
    if code in departments:
        return Parsed(departments[code])
    return Parsed(None, texts.COMMUNE_OUTSIDE.format(value=echo(code)))


def requested_page(url: str | None, base_path: str = "") -> str:
    """The page path the browser asked for, after the server's base path; ``""`` for the root."""
    if not url:
        return ""
    path = urlsplit(url).path.strip("/")
    base = base_path.strip("/")
    if base and (path == base or path.startswith(f"{base}/")):
        path = path[len(base) :].strip("/")
    return unquote(path)


def legacy_page(path: str, base_path: str = "") -> str | None:
    """``/pages/carte`` (or ``/pages/carte.py``, the file's path) -> ``carte``; else ``None``."""
    parts = [p for p in path.split("/") if p]
    base = [p for p in base_path.split("/") if p]
    if parts[: len(base)] != base:
        return None
    parts = parts[len(base) :]
    if len(parts) != 2 or parts[0] != "pages":
        return None
    stem = parts[1].removesuffix(".py")
    return stem if re.fullmatch(r"\w+", stem) else None
