"""Cell parsers: French dates and numbers, enumerations, contact checks."""

from __future__ import annotations

import datetime as dt

import pytest

from observatoire.importing import values as v

D = dt.date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("15/03/2018", D(2018, 3, 15)),
        ("5/3/2018", D(2018, 3, 5)),
        ("15.03.2018", D(2018, 3, 15)),
        ("15/03/18", D(2018, 3, 15)),
        ("2018-03-15", D(2018, 3, 15)),
        ("2018-03-15 00:00:00", D(2018, 3, 15)),
        (dt.datetime(2018, 3, 15, 10, 30), D(2018, 3, 15)),
        (D(2018, 3, 15), D(2018, 3, 15)),
        (43174.0, D(2018, 3, 15)),  # Excel serial
        ("43174", D(2018, 3, 15)),  # a serial exported to CSV
        ("29/02/2024", D(2024, 2, 29)),
    ],
)
def test_dates(cell, expected):
    assert v.date(cell) == expected


def test_impossible_and_garbled_dates():
    with pytest.raises(ValueError, match="31/02/2024.*impossible"):
        v.date("31/02/2024")
    with pytest.raises(ValueError, match="impossible"):
        v.date("29/02/2023")
    for bad in ("32/01/2024", "15/13/2024", "mars 2024", "2024/13", "12", 1.5):
        with pytest.raises(ValueError, match="non reconnue"):
            v.date(bad)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,5", 1.5),
        ("1 234", 1234.0),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234", 1234.0),
        ("1.234,5", 1234.5),
        ("1.5", 1.5),
        ("-2", -2.0),
        (3, 3.0),
        (2.25, 2.25),
    ],
)
def test_french_numbers(cell, expected):
    assert v.number(cell) == expected


def test_bad_numbers():
    for bad in ("beaucoup", "1,2,3", "12 ans", True):
        with pytest.raises(ValueError):
            v.number(bad)
    with pytest.raises(ValueError, match="entier"):
        v.count("2,5")
    with pytest.raises(ValueError, match="positif"):
        v.count("-3")
    assert v.count("1 200") == 1200
    assert v.days("1,5") == 1.5


def test_circle():
    assert [v.circle(c) for c in (1.0, "2", "Cercle 3", "2e cercle", " 1 ")] == [1, 2, 3, 2, 1]
    for bad in ("7", 0, "4", "premier"):
        with pytest.raises(ValueError, match="attendu 1, 2 ou 3"):
            v.circle(bad)


def test_email_phone_url():
    assert v.email(" contact@museum-toulouse.fr ") == "contact@museum-toulouse.fr"
    assert v.email("mailto:a.b@exemple.org") == "a.b@exemple.org"
    for bad in ("mediatheque@foix", "contact.museum.fr", "a@b@c.fr", "a b@c.fr"):
        with pytest.raises(ValueError, match="e-mail"):
            v.email(bad)
    assert v.phone("05.61.22.21.84") == "05 61 22 21 84"
    assert v.phone("+33 5 61 22 21 84") == "05 61 22 21 84"
    assert v.phone(561222184.0) == "05 61 22 21 84"  # Excel dropped the leading zero
    assert v.phone("+41 22 123 45 67") == "+41221234567"
    for bad in ("12", "05 61", "appeler la mairie"):
        with pytest.raises(ValueError, match="téléphone"):
            v.phone(bad)
    assert v.url("www.exemple.fr") == "https://www.exemple.fr"
    assert v.url("http://exemple.fr/page?x=1") == "http://exemple.fr/page?x=1"
    for bad in ("exemple", "http://", "site en construction"):
        with pytest.raises(ValueError, match="site web"):
            v.url(bad)


def test_codes_keep_leading_zeros():
    assert v.postal_code(9000.0) == "09000"
    assert v.postal_code("09000") == "09000"
    assert v.insee(9122.0) == "09122"
    assert v.insee("2a004") == "2A004"
    assert v.identifier(12.0) == "12"
    assert v.identifier("  P  001 ") == "P 001"


@pytest.mark.parametrize(
    ("parser", "cell", "expected"),
    [
        ("gender", "Femme", "F"),
        ("gender", "f", "F"),
        ("gender", "HOMME", "H"),
        ("gender", "h", "H"),
        ("gender", "Autre", "X"),
        ("status", "Salariée", "salarie"),
        ("status", "salarié·e", "salarie"),
        ("status", "salarié", "salarie"),
        ("status", "Bénévole", "benevole"),
        ("status", "autre", "autre"),
        ("session_type", "Formation", "formation"),
        ("session_type", "Webinaire", "webinaire"),
        ("session_type", "Sensibilisation", "sensibilisation"),
        ("session_format", "Présentiel", "presentiel"),
        ("session_format", "à distance", "distanciel"),
        ("experiment_status", "En préparation", "en_preparation"),
        ("experiment_status", "en-cours", "en_cours"),
        ("experiment_status", "Terminée", "terminee"),
        ("experiment_status", "idée", "idee"),
        ("experiment_status", "Abandonnée", "abandonnee"),
    ],
)
def test_enum_variants(parser, cell, expected):
    assert v.PARSERS[parser](cell) == expected


def test_enum_rejects_unknown_value_with_choices():
    with pytest.raises(ValueError, match="valeurs possibles F, H, autre"):
        v.PARSERS["gender"]("inconnu")


def test_periods_and_kpis():
    assert v.period("2025") == "2025"
    assert v.period(2025.0) == "2025"
    assert v.period("2025-3") == "2025-03"
    assert v.period("03/2025") == "2025-03"
    for bad in ("2025-13", "T1 2025", "25"):
        with pytest.raises(ValueError, match="AAAA"):
            v.period(bad)
    ids = v.known_kpi_ids()
    if ids is None:  # no catalogue installed: any id is accepted
        assert v.kpi("anything") == "anything"
    else:
        assert v.kpi("training_sessions") == "training_sessions"
        with pytest.raises(ValueError, match="Indicateur « nimporte_quoi » inconnu"):
            v.kpi("nimporte_quoi")


def test_kpi_accepts_the_french_label_of_the_indicators_sheet():
    """The label the template lists next to each id is accepted too, case and accents aside."""
    assert v.kpi("Sessions de formation") == "training_sessions"
    assert v.kpi("ACTEURS RECENSES") == "actors_total"
    assert v.kpi("Jours de formation") == "training_days"
