"""Cell parsers: French dates and numbers, enumerations, e-mail, phone and URL checks.

Each parser takes a non-blank cell and returns the stored value or raises ``ValueError``
whose message is the French reason.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from observatoire.importing.columns import ENUMS
from observatoire.normalize import fold
from observatoire.texts import importing as texts

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^(https?://)?([\w-]+\.)+[A-Za-z]{2,}(:\d+)?([/?#]\S*)?$", re.I)
_FRENCH_PHONE = re.compile(r"^0\d( \d\d){4}$")
_PERIOD = re.compile(r"^(\d{4})(?:[-/](\d{1,2}))?$")
_MMYYYY = re.compile(r"^(\d{1,2})/(\d{4})$")
_CIRCLE = re.compile(r"^(?:cercle\s*)?(\d+)(?:\s*(?:er|e|ème|eme))?(?:\s*cercle)?$", re.I)
# Excel serial dates: day 1 is 1900-01-01 and day 60 the fictitious 1900-02-29.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (61, 2958465)
# C0 controls but tab, line feed and carriage return; DEL; C1 controls (terminal escapes too).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def is_blank(cell) -> bool:
    """Empty cell, blank string or NaN."""
    if cell is None:
        return True
    if type(cell) is str:
        return not cell or cell.isspace()
    return isinstance(cell, float) and math.isnan(cell)


def strip_controls(value: str) -> tuple[str, int]:
    """The text without control characters (tab and line breaks kept), and how many went."""
    cleaned, count = CONTROL_CHARS.subn("", value)
    return cleaned, count


def visible_controls(value: str) -> str:
    """Control characters written as ``\\x1b`` so that a terminal shows them instead of obeying."""
    return CONTROL_CHARS.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def display(cell) -> str:
    """A cell as the user typed it, for messages (``2.0`` -> ``2``)."""
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.strftime("%d/%m/%Y %H:%M") if cell.time() != dt.time() else f"{cell:%d/%m/%Y}"
    if isinstance(cell, dt.date):
        return f"{cell:%d/%m/%Y}"
    return str(cell).strip()


def text(cell) -> str:
    """A trimmed string; whole numbers lose Excel's ``.0``."""
    return display(cell)


def identifier(cell) -> str:
    """An identifier: trimmed text, inner runs of spaces collapsed."""
    return " ".join(display(cell).split())


def _digits_code(cell, width: int) -> str:
    value = display(cell).replace(" ", "").replace("\u00a0", "")
    # Excel stores 09000 as the number 9000.
    return value.zfill(width) if value.isdigit() and len(value) < width else value


def postal_code(cell) -> str:
    """A postal code with its leading zero restored."""
    return _digits_code(cell, 5)


def insee(cell) -> str:
    """An INSEE code with its leading zero restored (``2A004`` stays as is)."""
    return _digits_code(cell, 5).upper()


def date(cell) -> dt.date:
    """``dd/mm/yyyy``, ``dd/mm/yy``, ``yyyy-mm-dd``, a date cell or an Excel serial number."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return _serial(cell, cell)
    raw = str(cell).strip()
    m = _DMY.match(raw)
    if m:
        day, month, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:
            year += 2000 if year < 70 else 1900
        return _calendar(year, month, day, raw)
    m = _YMD.match(raw)
    if m:
        year, month, day = (int(g) for g in m.groups())
        return _calendar(year, month, day, raw)
    if raw.isdigit():
        return _serial(int(raw), raw)
    raise ValueError(texts.BAD_DATE.format(value=raw))


def _calendar(year: int, month: int, day: int, raw: str) -> dt.date:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(texts.BAD_DATE.format(value=raw))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(texts.IMPOSSIBLE_DATE.format(value=raw)) from None


def _serial(number, raw) -> dt.date:
    if not (float(number).is_integer() and _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]):
        raise ValueError(texts.BAD_DATE.format(value=display(raw)))
    return _EXCEL_EPOCH + dt.timedelta(days=int(number))


def number(cell) -> float:
    """``1,5``, ``1 234``, ``1 234,5``, ``1.5`` or a numeric cell."""
    if isinstance(cell, bool):
        raise ValueError(texts.BAD_NUMBER.format(value=cell))
    if isinstance(cell, int | float):
        if math.isinf(cell):
            raise ValueError(texts.BAD_NUMBER.format(value=cell))
        return float(cell)
    raw = str(cell).strip()
    compact = _SPACES.sub("", raw)
    if "," in compact:
        # French decimal comma; a dot is then a thousands separator (1.234,5).
        compact = compact.replace(".", "").replace(",", ".", 1)
    if not _NUMBER.match(compact):
        raise ValueError(texts.BAD_NUMBER.format(value=raw))
    return float(compact)


def count(cell) -> int:
    """A whole, non-negative number."""
    value = number(cell)
    if not value.is_integer():
        raise ValueError(texts.NOT_INTEGER.format(value=display(cell)))
    if value < 0:
        raise ValueError(texts.NEGATIVE.format(value=display(cell)))
    return int(value)


def days(cell) -> float:
    """A non-negative number of days (``1,5`` allowed)."""
    value = number(cell)
    if value < 0:
        raise ValueError(texts.NEGATIVE.format(value=display(cell)))
    return value


def circle(cell) -> int:
    """1, 2 or 3 (``Cercle 2`` and ``2e cercle`` accepted)."""
    raw = display(cell)
    m = _CIRCLE.match(raw)
    if not m or m.group(1) not in {"1", "2", "3"}:
        raise ValueError(texts.BAD_CIRCLE.format(value=raw))
    return int(m.group(1))


def latitude(cell) -> float:
    """A latitude in decimal degrees."""
    return _coordinate(cell, 90)


def longitude(cell) -> float:
    """A longitude in decimal degrees."""
    return _coordinate(cell, 180)


def _coordinate(cell, bound: float) -> float:
    try:
        value = number(cell)
    except ValueError:
        raise ValueError(texts.BAD_COORDINATE.format(value=display(cell))) from None
    if not -bound <= value <= bound:
        raise ValueError(texts.BAD_COORDINATE.format(value=display(cell)))
    return value


def email(cell) -> str:
    """An e-mail address with a domain (``mailto:`` dropped)."""
    raw = display(cell)
    value = raw.removeprefix("mailto:").strip()
    if not _EMAIL.match(value):
        raise ValueError(texts.BAD_EMAIL.format(value=raw))
    return value


def phone(cell) -> str:
    """A French or international phone number, French ones written ``05 61 00 00 00``."""
    raw = display(cell)
    if _FRENCH_PHONE.match(raw):
        return raw
    digits = re.sub(r"[\s.\-/()\u00a0]", "", raw)
    if digits.startswith("+33") or digits.startswith("0033"):
        digits = "0" + digits.split("33", 1)[1].lstrip("0")
    if digits.isdigit() and len(digits) == 9 and isinstance(cell, int | float):
        digits = "0" + digits  # Excel drops the leading zero of a number cell
    if digits.isdigit() and len(digits) == 10 and digits.startswith("0"):
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    if digits.startswith("+") and digits[1:].isdigit() and 8 <= len(digits) <= 16:
        return digits
    raise ValueError(texts.BAD_PHONE.format(value=raw))


def url(cell) -> str:
    """A web address; ``www.exemple.fr`` becomes ``https://www.exemple.fr``."""
    raw = display(cell)
    if not _URL.match(raw):
        raise ValueError(texts.BAD_URL.format(value=raw))
    return raw if raw.lower().startswith(("http://", "https://")) else f"https://{raw}"


def period(cell) -> str:
    """``YYYY`` or ``YYYY-MM`` (``MM/YYYY`` and a number cell 2025 accepted)."""
    raw = display(cell)
    m = _MMYYYY.match(raw)
    year, month = (m.group(2), m.group(1)) if m else (None, None)
    if not m:
        m = _PERIOD.match(raw)
        if m:
            year, month = m.group(1), m.group(2)
    if year is None or not 1900 <= int(year) <= 2100:
        raise ValueError(texts.BAD_PERIOD.format(value=raw))
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        raise ValueError(texts.BAD_PERIOD.format(value=raw))
    return f"{year}-{int(month):02d}"


def known_kpis() -> dict[str, str] | None:
    """The KPI catalogue's French label by id, or None when the catalogue is not available."""
    try:
        from observatoire.kpis.catalogue import KPIS
    except ImportError:
        return None
    return {k.id: k.label for k in KPIS}


def known_kpi_ids() -> frozenset[str] | None:
    """The KPI catalogue's ids, or None when the catalogue is not available."""
    labels = known_kpis()
    return None if labels is None else frozenset(labels)


def kpi(cell) -> str:
    """A KPI of the catalogue, by id or French label (any id when no catalogue is installed)."""
    value = display(cell)
    labels = known_kpis()
    if labels is None or value in labels:
        return value
    folded = {fold(i): i for i in labels} | {fold(label): i for i, label in labels.items()}
    if fold(value) in folded:
        return folded[fold(value)]
    raise ValueError(texts.UNKNOWN_KPI.format(value=value))


def _enum(name: str) -> Callable[[object], str]:
    variants = ENUMS[name]

    def parse(cell) -> str:
        value = variants.get(fold(display(cell)))
        if value is None:
            raise ValueError(
                texts.BAD_CHOICE.format(value=display(cell), choices=texts.CHOICE_LABELS[name])
            )
        return value

    parse.__doc__ = f"One of the ``{name}`` values."
    return parse


PARSERS: dict[str, Callable[[object], object]] = {
    "id": identifier,
    "text": text,
    "postal_code": postal_code,
    "insee": insee,
    "date": date,
    "number": number,
    "count": count,
    "days": days,
    "circle": circle,
    "latitude": latitude,
    "longitude": longitude,
    "email": email,
    "phone": phone,
    "url": url,
    "period": period,
    "kpi": kpi,
    "score": number,  # the evaluation's check rejects a score outside the scale
    **{name: _enum(name) for name in ENUMS},
}
