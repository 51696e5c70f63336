"""URL parameters: the spec table's bounds and warnings (plain pytest), and one reader only."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from observatoire import urlparams
from observatoire.coverage import DEFAULT_RADIUS_KM
from observatoire.directory.search import NEAR_RADIUS_KM
from observatoire.paths import ROOT
from observatoire.periods import Kind, Period
from observatoire.ui.plain import md

NBSP = "\u00a0"
DEFAULT = Period.month(2024, 7)


def test_only_the_url_module_reads_query_params():
    allowed = {ROOT / "observatoire" / "ui" / "url.py"}
    files = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("observatoire/**/*.py")]
    readers = [p for p in files if "st.query_params" in p.read_text() and p not in allowed]
    assert readers == [], [str(p.relative_to(ROOT)) for p in readers]


def test_one_radius_for_every_page():
    spec = urlparams.NUMBERS["rayon"]
    assert (spec.low, spec.high) == (1, 100)
    assert spec.default == DEFAULT_RADIUS_KM == NEAR_RADIUS_KM == 15


@pytest.mark.parametrize(
    ("name", "raw", "value", "warned"),
    [
        ("rayon", None, 15.0, False),
        ("rayon", "20", 20.0, False),
        ("rayon", "12,5", 12.5, False),
        ("rayon", "100", 100.0, False),
        ("rayon", "150", 15.0, True),  # acteurs used to accept up to 200
        ("rayon", "0", 15.0, True),
        ("rayon", "abc", 15.0, True),
        ("rayon", "nan", 15.0, True),
        ("rayon", "inf", 15.0, True),
        ("etapes", "50", 50, False),
        ("etapes", "51", 10, True),
        ("etapes", "2.5", 10, True),
        ("intervalle", "5", 5, False),
        ("intervalle", "10000", 20, True),
        ("intervalle", "<script>", 20, True),
    ],
)
def test_numbers_keep_their_bounds_and_fall_back_to_the_default(name, raw, value, warned):
    parsed = urlparams.parse_number(name, raw)
    assert parsed.value == value and type(parsed.value) is type(value)
    assert (parsed.warning is not None) == warned
    if parsed.warning:
        assert "<" not in parsed.warning  # the raw value is echoed cleaned


def test_number_warning_is_french_and_names_the_bounds():
    assert urlparams.parse_number("rayon", "500").warning == (
        f"Rayon « 500 » invalide : il faut un nombre de 1 à 100{NBSP}km ; "
        f"valeur par défaut utilisée (15{NBSP}km)."
    )
    assert urlparams.parse_number("page", "9", high=8).warning == (
        "Page « 9 » invalide : il faut un nombre entier de 1 à 8 ; valeur par défaut utilisée (1)."
    )


@pytest.mark.parametrize("raw", ["0001", "0999-05", "1899", "2101-01", "0001-01..0002-01"])
def test_absurd_years_give_a_french_warning_not_an_error(raw):
    parsed = urlparams.parse_period_value(raw, DEFAULT)
    assert parsed.value == DEFAULT
    assert parsed.warning.startswith(f"Période « {raw} » hors des années possibles (1900 à 2100)")
    assert parsed.warning.endswith("affichage de juillet 2024.")


@pytest.mark.parametrize("raw", ["novembre", "2023-13", "2023-11-31..2023-12-01", "9" * 400])
def test_unreadable_periods_give_a_french_warning(raw):
    parsed = urlparams.parse_period_value(raw, DEFAULT)
    assert parsed.value == DEFAULT
    assert "illisible : affichage de juillet 2024" in parsed.warning


def test_periods_of_an_accepted_kind_are_read():
    assert urlparams.parse_period_value("2023", DEFAULT) == (Period.year(2023), None)
    assert urlparams.parse_period_value("2023-11", DEFAULT) == (Period.month(2023, 11), None)
    months_only = urlparams.parse_period_value("2023", DEFAULT, (Kind.MONTH,))
    assert months_only.value == DEFAULT and months_only.warning
    ranged = urlparams.parse_period_value("2023-01..2023-06", DEFAULT)
    assert ranged.value == Period(dt.date(2023, 1, 1), dt.date(2023, 6, 30), Kind.RANGE)
    shortcut = urlparams.parse_period_value("12-derniers-mois", DEFAULT)
    assert shortcut.warning is None and shortcut.value.shortcut == "12-derniers-mois"
    refused = urlparams.parse_period_value("2023-01..2023-06", DEFAULT, (Kind.MONTH, Kind.YEAR))
    assert refused.value == DEFAULT and "illisible" in refused.warning


def test_choices_multi_and_flags():
    parsed = urlparams.parse_choice("programme", "[x](http://e)", ["", "SPTT"], "")
    assert parsed.value == "" and "Programme « xhttpe » inconnu" in parsed.warning
    assert urlparams.parse_multi("cercles", "1,3", ("1", "2", "3"), ("1", "2", "3")).value == [
        "1",
        "3",
    ]
    bad = urlparams.parse_multi("cercles", "4", ("1", "2", "3"), ("1", "2", "3"))
    assert bad.value == ["1", "2", "3"] and "Cercles « 4 » invalides" in bad.warning
    assert urlparams.parse_flag("rural", "oui", "Rural").value is True
    assert urlparams.parse_flag("rural", "1", "Rural").value is True  # links of before
    assert urlparams.parse_flag("rural", "non", "Rural") == (False, None)
    assert urlparams.parse_flag("rural", "peut-être", "Rural").warning


def test_one_department_label():
    assert urlparams.department_label("80", "Somme") == "Somme (80)"
    assert urlparams.department_label("2A", None) == "2A"


def test_commune_gives_its_department():
    departments = {"31555": "31", "46102": "46"}
    assert urlparams.commune_department("31555", departments) == ("31", None)
    outside = urlparams.commune_department("75056", departments)
    assert outside.value is None
    assert outside.warning == (
        "Commune « 75056 » hors du territoire de l'espace : affichage de tout le territoire."
    )


@pytest.mark.parametrize(
    ("url", "base", "path"),
    [
        ("http://localhost:8501", "", ""),
        ("http://localhost:8501/", "", ""),
        ("http://localhost:8501/nexiste_pas", "", "nexiste_pas"),
        ("https://exemple.fr/obs", "obs", ""),
        ("https://exemple.fr/obs/nexiste%20pas", "/obs/", "nexiste pas"),
        (None, "", ""),
    ],
)
def test_requested_page(url, base, path):
    assert urlparams.requested_page(url, base) == path


@pytest.mark.parametrize(
    ("path", "base", "stem"),
    [
        ("/pages/carte", "", "carte"),
        ("/pages/carte.py", "", "carte"),
        ("/obs/pages/acteurs", "obs", "acteurs"),
        ("/carte", "", None),
        ("/static/js/index.js", "", None),
        ("/pages/../etc", "", None),
        ("/pages/a/b", "", None),
    ],
)
def test_legacy_page_paths(path, base, stem):
    assert urlparams.legacy_page(path, base) == stem


PAYLOADS = [
    "[Se reconnecter ici](https://evil.example/login)",
    "![p](http://host/beacon.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "www.evil.example",
    "contact@evil.example",
    ":red[rouge] :material/home: $x^2$",
    "- liste\n# titre\n1. un",
    "**gras** _it_ `code` ~~barré~~",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_escaping_leaves_no_construct(payload):
    shown = md(payload)
    assert "\n" not in shown
    # Every opening mark is behind a backslash: no link, image, tag, code, emphasis, directive.
    assert not re.search(r"(?<!\\)[\[\]()<>`*_~:$@!]", shown), shown
    assert not re.search(r"(?<!\\)\.(?=\w)", shown), shown  # www.x autolinks
    assert not re.match(r"[-#>+]|\d+[.)]", shown), shown
    # Unescaped, CommonMark shows the same characters.
    assert re.sub(r"\\(.)", r"\1", shown) == payload.replace("\n", " ")


def test_markdown_escaping_keeps_french_text_readable():
    assert md("Hauts-de-France : 3\u202f782 communes, l'été") == (
        "Hauts-de-France \\: 3\u202f782 communes, l'été"
    )
