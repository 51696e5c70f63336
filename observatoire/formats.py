"""French number and date formatting: the one module every page, report and CLI uses."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from observatoire.texts import formats as texts

THOUSANDS = "\u202f"  # narrow no-break space, the French thousands separator
NBSP = "\u00a0"  # no-break space, before % and units
MINUS = "\u2212"  # true minus sign


def _missing(x) -> bool:
    """True for None and NaN, which are shown as a dash rather than a number."""
    return x is None or (isinstance(x, float) and math.isnan(x))


def _digits(x, decimals: int) -> str:
    """``abs(x)`` rounded half-up (as people round, not banker's rounding), French separators."""
    if type(x) is int and decimals == 0:  # nothing to round: a national table has 35,000 rows
        return f"{abs(x):,}".replace(",", THOUSANDS)
    quantum = Decimal(1).scaleb(-decimals)
    value = abs(Decimal(str(x))).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{value:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = THOUSANDS.join(groups)
    return f"{text},{fraction}" if fraction else text


def _is_zero(text: str) -> bool:
    """Whether a formatted magnitude is zero once rounded (so it takes no sign)."""
    return not any(ch in "123456789" for ch in text)


def number(x, decimals: int = 0) -> str:
    """``1234.5`` -> ``1 234,5`` (narrow no-break space, decimal comma, true minus)."""
    if _missing(x):
        return texts.NOT_AVAILABLE
    text = _digits(x, decimals)
    return f"{MINUS}{text}" if x < 0 and not _is_zero(text) else text


def percent(share, decimals: int = 0) -> str:
    """A share ``0.12`` -> ``12 %``."""
    if _missing(share):
        return texts.NOT_AVAILABLE
    return f"{number(Decimal(str(share)) * 100, decimals)}{NBSP}%"


def signed(x, decimals: int = 0) -> str:
    """A change: ``+3``, ``−2``, ``0``."""
    if _missing(x):
        return texts.NOT_AVAILABLE
    text = _digits(x, decimals)
    if _is_zero(text):
        return text
    return f"+{text}" if x > 0 else f"{MINUS}{text}"


def km(x, decimals: int = 1) -> str:
    """A distance: ``12.34`` -> ``12,3 km``."""
    if _missing(x):
        return texts.NOT_AVAILABLE
    return f"{number(x, decimals)}{NBSP}{texts.KM}"


def date(d) -> str:
    """A date as ``23/11/2023`` (accepts date, datetime, pandas Timestamp or ISO text)."""
    if d is None or (not isinstance(d, str) and d != d):  # NaT is not equal to itself
        return texts.NOT_AVAILABLE
    if isinstance(d, str):
        d = dt.date.fromisoformat(d[:10])
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def month_label(month) -> str:
    """``"2023-11"`` (or any date in that month) -> ``novembre 2023``."""
    if isinstance(month, str):
        year, _, mon = month.partition("-")
        year, mon = int(year), int(mon)
    else:
        year, mon = month.year, month.month
    return f"{texts.MONTHS[mon - 1]} {year}"
