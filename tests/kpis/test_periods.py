"""Periods: parsing, French labels, previous period, trends."""

from __future__ import annotations

import datetime as dt

import pytest

from observatoire.periods import (
    COMPARISONS,
    SHORTCUTS,
    Comparison,
    Kind,
    Period,
    PeriodError,
    Shortcut,
    comparisons,
    last_months,
    parse_month,
    parse_period,
    parse_year,
    shortcut_period,
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
    assert p.label == "de janvier 2023 à juin 2023"
    assert parse_period("2023-01-02..2023-06-30").label == "du 02/01/2023 au 30/06/2023"
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


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2023-09-01..2024-06-30", D(2023, 9, 1), D(2024, 6, 30)),
        ("2023-09..2024-06", D(2023, 9, 1), D(2024, 6, 30)),
        ("2023..2024", D(2023, 1, 1), D(2024, 12, 31)),
        ("2023-01..2024-07", D(2023, 1, 1), D(2024, 7, 31)),
        ("2024-02..2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ],
)
def test_range_shapes(text, start, end):
    p = parse_period(text)
    assert (p.kind, p.start, p.end) == (Kind.RANGE, start, end)


def test_whole_month_range_labels_and_key():
    p = parse_period("2023-01..2024-07")
    assert p.label == "de janvier 2023 à juillet 2024"
    assert p.key == "2023-01-01..2024-07-31"
    assert p.as_dict() == {
        "start": "2023-01-01",
        "end": "2024-07-31",
        "label": "de janvier 2023 à juillet 2024",
    }


@pytest.mark.parametrize("text", ["0001", "0999-05", "1899", "2101", "2101-01", "1850..2023"])
def test_absurd_years_are_refused_in_french(text):
    with pytest.raises(PeriodError, match="comprise entre 1900 et 2100"):
        parse_period(text)


@pytest.mark.parametrize("text", ["..2023", "2023..", "2023-02-30..2023-03-01", "2023-13..2024"])
def test_broken_ranges(text):
    with pytest.raises(PeriodError, match="invalide"):
        parse_period(text)


TODAY = D(2024, 7, 15)


@pytest.mark.parametrize(
    "typed, key, start, end",
    [
        ("ce-mois", "ce-mois", D(2024, 7, 1), D(2024, 7, 31)),
        ("Ce mois", "ce-mois", D(2024, 7, 1), D(2024, 7, 31)),
        ("cette année", "cette-annee", D(2024, 1, 1), D(2024, 12, 31)),
        ("12 derniers mois", "12-derniers-mois", D(2023, 7, 16), D(2024, 7, 15)),
        ("annee-scolaire", "annee-scolaire", D(2023, 9, 1), D(2024, 8, 31)),
        ("Programme à ce jour", "programme-a-ce-jour", D(2023, 1, 16), D(2024, 7, 15)),
    ],
)
def test_shortcuts(typed, key, start, end):
    p = parse_period(typed, today=TODAY, programme_start=D(2023, 1, 16))
    assert (p.key, p.start, p.end) == (key, start, end)
    assert list(SHORTCUTS) == [s.value for s in Shortcut]
    assert p.label.startswith(SHORTCUTS[key] + " (")


def test_school_year_in_autumn_and_shortcut_label():
    p = shortcut_period(Shortcut.SCHOOL_YEAR, today=D(2024, 9, 2))
    assert (p.start, p.end) == (D(2024, 9, 1), D(2025, 8, 31))
    assert p.label == "Année scolaire (de septembre 2024 à août 2025)"
    # same dates typed as a range: equal periods, but each keeps what was typed
    typed = parse_period("2024-09..2025-08")
    assert typed == p and typed.key == "2024-09-01..2025-08-31" and p.key == "annee-scolaire"


def test_programme_to_date_needs_a_start():
    with pytest.raises(PeriodError, match="programme à ce jour"):
        parse_period("programme-a-ce-jour", today=TODAY)


def test_comparisons():
    month = parse_period("2024-03")
    assert comparisons(month) == {
        "periode-precedente": Period.month(2024, 2),
        "annee-precedente": Period.month(2023, 3),
    }
    r = parse_period("2023-01..2024-07")  # 19 whole months
    assert (r.previous().start, r.previous().end) == (D(2021, 6, 1), D(2022, 12, 31))
    assert (r.year_before().start, r.year_before().end) == (D(2022, 1, 1), D(2023, 7, 31))
    days = parse_period("2024-02-10..2024-02-29")  # 20 days, ends on a leap day
    assert (days.previous().start, days.previous().end) == (D(2024, 1, 21), D(2024, 2, 9))
    assert (days.year_before().start, days.year_before().end) == (D(2023, 2, 10), D(2023, 2, 28))
    assert days.previous().days == days.days == 20
    assert days.compared(Comparison.YEAR_BEFORE) == days.year_before()
    assert list(COMPARISONS) == ["periode-precedente", "annee-precedente"]


def test_month_ranges_elide_before_a_vowel():
    assert parse_period("2023-08..2024-07").label == "d'août 2023 à juillet 2024"
    assert parse_period("2024-04..2024-06").label == "d'avril 2024 à juin 2024"
    assert parse_period("2024-10..2024-12").label == "d'octobre 2024 à décembre 2024"
    assert parse_period("2024-09..2024-12").label == "de septembre 2024 à décembre 2024"
