"""Reporting periods: a month, a year, a range or a named shortcut, and comparisons."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum

from observatoire import formats
from observatoire.texts import kpis as texts

# Years outside this span are typing mistakes (0001, 0999-05), never reporting periods.
FIRST_YEAR, LAST_YEAR = 1900, 2100


class PeriodError(ValueError):
    """A period the user typed cannot be read; the message is French."""


class Kind(StrEnum):
    """The three shapes of period."""

    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


class Shortcut(StrEnum):
    """Named periods, by the stable key the URL keeps (``?periode=12-derniers-mois``)."""

    THIS_MONTH = "ce-mois"
    THIS_YEAR = "cette-annee"
    LAST_12_MONTHS = "12-derniers-mois"
    SCHOOL_YEAR = "annee-scolaire"
    PROGRAMME_TO_DATE = "programme-a-ce-jour"


class Comparison(StrEnum):
    """What a period is compared with, by the key the URL keeps (``?comparaison=``)."""

    PREVIOUS = "periode-precedente"  # the period just before, of the same length
    YEAR_BEFORE = "annee-precedente"  # the same dates one year earlier


# The shortcuts in the order a period picker offers them, with their French labels.
SHORTCUTS: dict[str, str] = {s.value: texts.SHORTCUTS[s.value] for s in Shortcut}
COMPARISONS: dict[str, str] = {c.value: texts.COMPARISONS[c.value] for c in Comparison}

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{2})/(\d{2})/(\d{4})")


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int, *, end: bool) -> dt.date:
    """The first (or, with ``end``, last) day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return _month_end(year, month + 1) if end else dt.date(year, month + 1, 1)


def _shift_year(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February."""
    year = day.year + years
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


@dataclass(frozen=True, order=True)
class Period:
    """A closed interval of dates (both ends inclusive) with its kind.

    ``shortcut`` is set when the period was typed as a named shortcut: the key then gives the
    shortcut back (the URL keeps what was typed), and two periods with the same dates are equal.
    """

    start: dt.date
    end: dt.date
    kind: Kind = Kind.RANGE
    shortcut: str | None = field(default=None, compare=False)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The calendar month."""
        return cls(dt.date(year, month, 1), _month_end(year, month), Kind.MONTH)

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Kind.YEAR)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        """The days from ``start`` to ``end``: a month or a year when it is exactly one."""
        if start.day == 1 and end == _month_end(start.year, start.month):
            return cls.month(start.year, start.month)
        if (start.month, start.day, end.month, end.day) == (
            1,
            1,
            12,
            31,
        ) and start.year == end.year:
            return cls.year(start.year)
        return cls(start, end, Kind.RANGE)

    @classmethod
    def rolling_year(cls, end: dt.date) -> Period:
        """The 12 months ending on ``end`` (2018-12-31 -> 2018-01-01..2018-12-31).

        The one window of every "12 derniers mois" figure: coverage, the map, the forum.
        """
        return cls.between(_shift_year(end, -1) + dt.timedelta(days=1), end)

    @property
    def key(self) -> str:
        """What the user types: ``2023-11``, ``2023``, ``start..end`` or a shortcut key."""
        if self.shortcut:
            return self.shortcut
        if self.kind == Kind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == Kind.YEAR:
            return f"{self.start:%Y}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def dates_label(self) -> str:
        """French label of the dates: ``novembre 2023``, ``2023``, ``du 01/01/2023 au 30/06/2023``."""
        if self.kind == Kind.MONTH:
            return formats.month_label(self.start)
        if self.kind == Kind.YEAR:
            return str(self.start.year)
        if self.whole_months:
            first, last = formats.month_label(self.start), formats.month_label(self.end)
            elided = first[0] in "aeiouy"
            template = texts.PERIOD_MONTHS_ELIDED if elided else texts.PERIOD_MONTHS
            return template.format(start=first, end=last)
        return texts.PERIOD_RANGE.format(start=formats.date(self.start), end=formats.date(self.end))

    @property
    def label(self) -> str:
        """French label; a shortcut names itself then its dates (``12 derniers mois (…)``)."""
        if self.shortcut:
            return texts.SHORTCUT_LABEL.format(
                name=SHORTCUTS[self.shortcut], dates=self.dates_label
            )
        return self.dates_label

    @property
    def whole_months(self) -> bool:
        """Whether the period starts on a first and ends on a last day of a month."""
        return self.start.day == 1 and self.end == _month_end(self.end.year, self.end.month)

    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period just before, of the same length (whole months stay whole months)."""
        if self.kind == Kind.MONTH:
            day = self.start - dt.timedelta(days=1)
            return Period.month(day.year, day.month)
        if self.kind == Kind.YEAR:
            return Period.year(self.start.year - 1)
        if self.whole_months:
            count = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            start = _add_months(self.start, -count, end=False)
            return Period.between(start, _add_months(self.end, -count, end=True))
        end = self.start - dt.timedelta(days=1)
        return Period(end - (self.end - self.start), end, Kind.RANGE)

    def year_before(self) -> Period:
        """The same dates one year earlier (a month-end stays a month-end)."""
        if self.kind == Kind.MONTH:
            return Period.month(self.start.year - 1, self.start.month)
        if self.kind == Kind.YEAR:
            return Period.year(self.start.year - 1)
        end = _shift_year(self.end, -1)
        if self.end == _month_end(self.end.year, self.end.month):
            end = _month_end(end.year, end.month)
        return Period(_shift_year(self.start, -1), end, Kind.RANGE)

    def compared(self, how: Comparison | str) -> Period:
        """The comparison period: ``previous()`` or ``year_before()``."""
        how = Comparison(how)
        return self.previous() if how == Comparison.PREVIOUS else self.year_before()

    def months(self) -> list[Period]:
        """The calendar months the period touches, in order."""
        out, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(Period.month(year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def year_to_date(self) -> Period:
        """From 1 January of the end's year to the end (what a prorated target compares to)."""
        if self.kind == Kind.YEAR:
            return self
        return Period(dt.date(self.end.year, 1, 1), self.end, Kind.RANGE)

    def as_dict(self) -> dict[str, str]:
        """``{"start", "end", "label"}`` as the JSON outputs give it (ISO dates)."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label}

    def __str__(self) -> str:
        return self.key


def comparisons(period: Period) -> dict[str, Period]:
    """Both comparison periods of ``period``, by ``Comparison`` key, in ``COMPARISONS`` order."""
    return {c.value: period.compared(c) for c in Comparison}


def last_months(end_month: Period | str, count: int = 12) -> list[Period]:
    """The ``count`` months ending with ``end_month`` (included), oldest first (for trends)."""
    last = parse_month(end_month) if isinstance(end_month, str) else end_month
    months = [Period.month(last.end.year, last.end.month)]
    while len(months) < count:
        months.insert(0, months[0].previous())
    return months


def as_period(value: Period | str) -> Period:
    """Accept a Period or what a user types (``2023-11``, ``2023``, a range)."""
    return value if isinstance(value, Period) else parse_period(value)


def _check_year(year: int, original: str) -> None:
    """Refuse years no programme can have (``0001``, ``0999-05``, ``2500``)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(
            texts.BAD_YEAR_RANGE.format(value=original, first=FIRST_YEAR, last=LAST_YEAR)
        )


def parse_month(text: str) -> Period:
    """``2023-11`` -> that month; anything else raises PeriodError."""
    value = str(text).strip()
    m = _MONTH.fullmatch(value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise PeriodError(texts.BAD_MONTH.format(value=text))
    _check_year(int(m.group(1)), value)
    return Period.month(int(m.group(1)), int(m.group(2)))


def parse_year(text: str) -> Period:
    """``2023`` -> that year; anything else raises PeriodError."""
    value = str(text).strip()
    if not _YEAR.fullmatch(value):
        raise PeriodError(texts.BAD_YEAR.format(value=text))
    _check_year(int(value), value)
    return Period.year(int(value))


def parse_day(text: str, *, first: bool = True) -> dt.date:
    """A day ``2023-09-01`` or ``01/09/2023``, or a month or year (its first or last day)."""
    value = str(text).strip()
    m = _DAY.fullmatch(value)
    if m:
        year, month, day = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(6, 5, 4)
        _check_year(int(year), value)
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise PeriodError(texts.BAD_DAY.format(value=value)) from None
    if _YEAR.fullmatch(value) or _MONTH.fullmatch(value):
        period = parse_month(value) if "-" in value else parse_year(value)
        return period.start if first else period.end
    raise PeriodError(texts.BAD_DAY.format(value=value))


def _fold(text: str) -> str:
    """Lower case, no accents, words joined by hyphens: ``12 derniers mois`` -> its key."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.split(r"[\s_\-']+", plain.strip()))


_SHORTCUT_KEYS = {_fold(v): k for k, v in SHORTCUTS.items()} | {k: k for k in SHORTCUTS}


def shortcut_period(
    key: Shortcut | str, today: dt.date | None = None, programme_start: dt.date | None = None
) -> Period:
    """The dates of a named shortcut on ``today`` (default: the current date).

    ``ce-mois``: the calendar month of today; ``cette-annee``: its calendar year;
    ``12-derniers-mois``: the 365 (or 366) days ending today; ``annee-scolaire``: 1 September to
    31 August, the one that contains today; ``programme-a-ce-jour``: from ``programme_start``
    (the programme's first recorded activity) to today.
    """
    key = Shortcut(key)
    today = today or dt.date.today()
    if key == Shortcut.THIS_MONTH:
        period = Period.month(today.year, today.month)
    elif key == Shortcut.THIS_YEAR:
        period = Period.year(today.year)
    elif key == Shortcut.LAST_12_MONTHS:
        period = Period.rolling_year(today)
    elif key == Shortcut.SCHOOL_YEAR:
        first = today.year if today.month >= 9 else today.year - 1
        period = Period(dt.date(first, 9, 1), dt.date(first + 1, 8, 31), Kind.RANGE)
    else:
        if programme_start is None:
            raise PeriodError(texts.NO_PROGRAMME_START)
        start = min(programme_start, today)
        period = Period(start, today, Kind.RANGE)
    return replace(period, shortcut=key.value)


def parse_period(
    text: str, today: dt.date | None = None, programme_start: dt.date | None = None
) -> Period:
    """What a user types, as a Period; anything else raises PeriodError (French message).

    Accepted: a month ``2023-11``; a year ``2023``; a range ``DEBUT..FIN`` of days
    (``2023-09-01..2024-06-30``, also ``01/09/2023..30/06/2024``), months (``2023-09..2024-06``)
    or years (``2023..2024``), the start taking its first day and the end its last; a shortcut
    by key or label (``12-derniers-mois``, ``12 derniers mois``; see ``shortcut_period`` for
    ``today`` and ``programme_start``). Years must lie between 1900 and 2100.
    """
    value = str(text or "").strip()
    if ".." in value:
        left, _, right = value.partition("..")
        start = parse_day(left, first=True) if left.strip() else None
        end = parse_day(right, first=False) if right.strip() else None
        if start is None or end is None:
            raise PeriodError(texts.BAD_PERIOD.format(value=value))
        if end < start:
            raise PeriodError(texts.BAD_RANGE_ORDER.format(value=value))
        return Period(start, end, Kind.RANGE)
    if _YEAR.fullmatch(value):
        return parse_year(value)
    if _MONTH.fullmatch(value):
        return parse_month(value)
    if _DAY.fullmatch(value):
        day = parse_day(value)
        return Period(day, day, Kind.RANGE)
    key = _SHORTCUT_KEYS.get(_fold(value)) if value else None
    if key is not None:
        return shortcut_period(key, today, programme_start)
    raise PeriodError(texts.BAD_PERIOD.format(value=text))
