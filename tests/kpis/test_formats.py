"""French number and date formatting, against hand-written strings."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from observatoire import formats
from observatoire.kpis import BY_ID, kpi_value

NNBSP, NBSP, MINUS = "\u202f", "\u00a0", "\u2212"


def test_number_groups_thousands_with_a_narrow_no_break_space():
    assert formats.number(1234) == "1\u202f234"
    assert formats.number(1234567) == "1\u202f234\u202f567"
    assert formats.number(999) == "999"
    assert formats.number(0) == "0"


def test_number_decimals_use_a_comma_and_round_half_up():
    assert formats.number(1234.5, 1) == "1\u202f234,5"
    assert formats.number(2.5) == "3"
    assert formats.number(0.125, 2) == "0,13"
    assert formats.number(3, 2) == "3,00"


def test_number_negative_uses_a_true_minus_and_missing_is_a_dash():
    assert formats.number(-1234) == "\u22121\u202f234"
    assert formats.number(-0.4) == "0"
    assert formats.number(None) == "—"
    assert formats.number(float("nan")) == "—"


def test_percent():
    assert formats.percent(0.12) == "12\u00a0%"
    assert formats.percent(0.125, 1) == "12,5\u00a0%"
    assert formats.percent(1) == "100\u00a0%"
    assert formats.percent(None) == "—"


def test_date():
    assert formats.date(dt.date(2023, 11, 23)) == "23/11/2023"
    assert formats.date(dt.datetime(2024, 2, 5, 14, 30)) == "05/02/2024"
    assert formats.date(pd.Timestamp("2017-09-01")) == "01/09/2017"
    assert formats.date("2023-01-07") == "07/01/2023"
    assert formats.date(None) == "—"
    assert formats.date(pd.NaT) == "—"


def test_month_label():
    assert formats.month_label("2023-11") == "novembre 2023"
    assert formats.month_label("2024-02") == "février 2024"
    assert formats.month_label(dt.date(2017, 8, 15)) == "août 2017"


def test_signed():
    assert formats.signed(3) == "+3"
    assert formats.signed(-2) == "\u22122"
    assert formats.signed(0) == "0"
    assert formats.signed(1500) == "+1\u202f500"
    assert formats.signed(-0.25, 1) == "\u22120,3"


def test_km():
    assert formats.km(12.34) == "12,3\u00a0km"
    assert formats.km(1234) == "1\u202f234,0\u00a0km"


def test_kpi_value_formats_by_unit():
    assert kpi_value("actors_total", 1432) == "1\u202f432"
    assert kpi_value(BY_ID["training_days"], 9.0) == "9"
    assert kpi_value("training_days", 1.5) == "1,5"
    assert kpi_value("population_within_15km_share", 0.873) == "87\u00a0%"
    assert kpi_value("rural_representation_index", 0.8) == "0,80"
    assert kpi_value("qpv_reached", None) == "—"
