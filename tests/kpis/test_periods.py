"""Periods: parsing, French labels, previous period, trends."""

from __future__ import annotations

import datetime as dt

import pytest

from observatoire.kpis.periods import (
    Kind,
    Period,
    PeriodError,
    last_months,
    parse_month,
    parse_period,
    parse_year,
)

D = dt.date


def test_month():
    p = parse_period("2023-11")
    assert (p.kind, p.start, p.end) == (Kind.MONTH, D(2023, 11, 1), D(2023, 11, 30))
    assert p.label == "novembre 2023"
    assert p.key == "2023-11"
    assert parse_month("2024-02").end == D(2024, 2, 29)


def test_year():
    p = parse_period("2023")
    assert (p.kind, p.start, p.end) == (Kind.YEAR, D(2023, 1, 1), D(2023, 12, 31))
    assert p.label == "2023"
    assert p.key == "2023"


def test_ranges():
    p = parse_period("2023-01-01..2023-06-30")
    assert (p.kind, p.start, p.end) == (Kind.RANGE, D(2023, 1, 1), D(2023, 6, 30))
    assert p.label == "du 01/01/2023 au 30/06/2023"
    assert parse_period("2023-01..2023-06") == p
    assert parse_period("01/01/2023..30/06/2023") == p
    assert parse_period(p.key) == p


@pytest.mark.parametrize(
    "text",
    ["2023-13", "2023-00", "20x3", "", "nov 2023", "2023-02-30..2023-03-01", "2023-06..2023-01"],
)
def test_malformed_periods_raise_a_french_value_error(text):
    with pytest.raises(PeriodError) as err:
        parse_period(text)
    assert isinstance(err.value, ValueError)
    assert "invalide" in str(err.value)


def test_malformed_month_and_year():
    with pytest.raises(PeriodError, match="Mois « 2023-13 » invalide"):
        parse_month("2023-13")
    with pytest.raises(PeriodError, match="Année « 20x3 » invalide"):
        parse_year("20x3")


def test_previous():
    assert parse_period("2023-01").previous() == Period.month(2022, 12)
    assert parse_period("2023").previous() == Period.year(2022)
    r = parse_period("2023-01-11..2023-01-20").previous()
    assert (r.start, r.end) == (D(2023, 1, 1), D(2023, 1, 10))


def test_last_months_and_year_to_date():
    months = last_months("2023-11")
    assert [m.key for m in months[:2]] == ["2022-12", "2023-01"]
    assert months[-1].key == "2023-11" and len(months) == 12
    assert [m.key for m in last_months(Period.month(2024, 2), 3)] == [
        "2023-12",
        "2024-01",
        "2024-02",
    ]
    ytd = parse_period("2023-11").year_to_date()
    assert (ytd.start, ytd.end) == (D(2023, 1, 1), D(2023, 11, 30))
    assert [m.key for m in parse_period("2023-11-15..2024-01-02").months()] == [
        "2023-11",
        "2023-12",
        "2024-01",
    ]
