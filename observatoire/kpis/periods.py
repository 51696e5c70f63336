"""Reporting periods: a month, a year or a date range, parsed from what users type."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from observatoire import formats
from observatoire.texts import kpis as texts


class PeriodError(ValueError):
    """A period the user typed cannot be read; the message is French."""


class Kind(StrEnum):
    """The three shapes of period."""

    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{2})/(\d{2})/(\d{4})")


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class Period:
    """A closed interval of dates (both ends inclusive) with its kind."""

    start: dt.date
    end: dt.date
    kind: Kind = Kind.RANGE

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The calendar month."""
        return cls(dt.date(year, month, 1), _month_end(year, month), Kind.MONTH)

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Kind.YEAR)

    @property
    def key(self) -> str:
        """What the user types for this period: ``2023-11``, ``2023`` or ``start..end``."""
        if self.kind == Kind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == Kind.YEAR:
            return f"{self.start:%Y}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """French label: ``novembre 2023``, ``2023``, ``du 01/01/2023 au 30/06/2023``."""
        if self.kind == Kind.MONTH:
            return formats.month_label(self.start)
        if self.kind == Kind.YEAR:
            return str(self.start.year)
        return texts.PERIOD_RANGE.format(start=formats.date(self.start), end=formats.date(self.end))

    def previous(self) -> Period:
        """The period just before: previous month, previous year, or a range as long."""
        if self.kind == Kind.MONTH:
            day = self.start - dt.timedelta(days=1)
            return Period.month(day.year, day.month)
        if self.kind == Kind.YEAR:
            return Period.year(self.start.year - 1)
        length = self.end - self.start
        end = self.start - dt.timedelta(days=1)
        return Period(end - length, end, Kind.RANGE)

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

    def __str__(self) -> str:
        return self.key


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


def parse_month(text: str) -> Period:
    """``2023-11`` -> that month; anything else raises PeriodError."""
    value = str(text).strip()
    m = _MONTH.fullmatch(value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise PeriodError(texts.BAD_MONTH.format(value=text))
    return Period.month(int(m.group(1)), int(m.group(2)))


def parse_year(text: str) -> Period:
    """``2023`` -> that year; anything else raises PeriodError."""
    value = str(text).strip()
    if not _YEAR.fullmatch(value) or int(value) < 1:
        raise PeriodError(texts.BAD_YEAR.format(value=text))
    return Period.year(int(value))


def _bound(text: str, original: str, *, first: bool) -> dt.date:
    """One end of a range: a day, a month or a year (its first or last day)."""
    text = text.strip()
    m = _DAY.fullmatch(text)
    try:
        if m and m.group(1):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m:
            return dt.date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
        period = parse_month(text) if "-" in text else parse_year(text)
    except (ValueError, PeriodError):
        raise PeriodError(texts.BAD_PERIOD.format(value=original)) from None
    return period.start if first else period.end


def parse_period(text: str) -> Period:
    """``2023-11``, ``2023``, or a range ``2023-01-01..2023-06-30`` (also ``2023-01..2023-06``)."""
    value = str(text or "").strip()
    if ".." in value:
        left, _, right = value.partition("..")
        start, end = _bound(left, value, first=True), _bound(right, value, first=False)
        if end < start:
            raise PeriodError(texts.BAD_RANGE_ORDER.format(value=value))
        return Period(start, end, Kind.RANGE)
    if _YEAR.fullmatch(value):
        return parse_year(value)
    if _MONTH.fullmatch(value):
        return parse_month(value)
    raise PeriodError(texts.BAD_PERIOD.format(value=text))
