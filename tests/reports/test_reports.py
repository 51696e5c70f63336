"""Report exports of the monthly review: same figures as the page, French formats, offline."""

from __future__ import annotations

import datetime as dt
import html
import io
import re

import altair as alt
import openpyxl
import pandas as pd
import pypdf
import pytest

from observatoire import formats
from observatoire.kpis import BY_ID, compute_kpis, kpi_value
from observatoire.periods import parse_month, parse_period
from observatoire.reports import charts, content, vega
from observatoire.reports.html import build_html
from observatoire.reports.pdf import build_pdf
from observatoire.reports.xlsx import build_xlsx
from observatoire.review import monthly, notes, snapshots
from observatoire.workspace import connect

NOV = parse_month("2023-11")
# The November sessions (seed: SPTT 2023 review) and October's one.
SESSIONS = ["SPTT-2023-EP2", "SPTT-2023-EV", "SPTT-2023-FI3"]


def flat(text: str) -> str:
    """Whitespace runs (line breaks of table cells included) as one space."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def review(hdf_copy):
    """The 2023-11 review of the demo copy, with a note and a frozen month that has moved."""
    notes.save(hdf_copy, "2023-11", None, "=Deux formations : Arras et Amiens.", "claire")
    frozen = {"training_sessions": 1, "actions_total": 0}
    snapshots.freeze(hdf_copy, "2023-11", None, None, frozen, "claire")
    con = connect(hdf_copy, read_only=True)
    try:
        yield monthly.review(con, NOV, workspace="Démo Hauts-de-France")
    finally:
        con.close()


def card_line(card) -> str:
    """What the page shows for a card: label, value, last month, change."""
    return " ".join(
        [
            card.label,
            kpi_value(card.kpi_id, card.value),
            kpi_value(card.kpi_id, card.previous),
            formats.signed(card.change, monthly.decimals(card.change)),
        ]
    )


def test_pdf_carries_the_page_figures(review):
    data = build_pdf(review, demo=True)
    assert data.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    # Filters stated.
    for expected in ("Démo Hauts-de-France", "novembre 2023", "Tous les programmes"):
        assert expected in text
    # The November trainings against October: 2 sessions, 1 before, +1.
    assert "Sessions de formation 2 1 +1" in text
    for card in review.cards:
        assert card_line(card) in text, card.kpi_id
    for session in SESSIONS:
        assert session in text
    assert "Objectif du mois : 2 · réalisé : 2 (0)" in text
    assert "Deux formations : Arras et Amiens." in text
    # The frozen month moved: 1 frozen session against 2 now.
    assert "Sessions de formation 1 2 +1" in text
    # The chart is an embedded image.
    assert any(page.images for page in reader.pages)


def test_html_report_is_self_contained_and_states_the_filters(review):
    page = build_html(review, demo=True)
    assert "<svg" in page
    # Nothing fetched: no src/href/url() outside the page (SVG namespaces are names, not fetches).
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "url(" not in page and "@import" not in page
    # Unescaped: a label's apostrophe is written &#x27; in the page.
    text = flat(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    for label, value in content.filters(review):
        assert f"{label} {value}" in text
    for card in review.cards:
        assert card_line(card) in text, card.kpi_id
    for session in SESSIONS:
        assert session in text
    assert 'class="changed"' in page  # the moved frozen value is highlighted
    # User text is escaped, never markup.
    assert "=Deux formations : Arras et Amiens." in text


def test_xlsx_values_equal_the_catalogue_and_cells_are_escaped(review, hdf_copy):
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(review)))
    rows = list(book["Indicateurs"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:4] == ("Indicateur", "Unité", "Valeur", "Période comparée")
    assert header[-1] == "Identifiant technique"
    con = connect(hdf_copy, read_only=True)
    try:
        ids = [r[-1] for r in body]
        now = compute_kpis(con, NOV, only=ids)
        before = compute_kpis(con, "2023-10", only=ids)
    finally:
        con.close()
    for row in body:
        assert row[0] == BY_ID[row[-1]].label
        assert row[2] == now[row[-1]] and row[3] == before[row[-1]], row[-1]
    by_id = {r[-1]: r for r in body}
    assert by_id["training_sessions"][2:9] == (2, 1, 1, 2, "mois", 2, 0)
    # Yearly 9 days prorated to November: 8.25 shown 8.3, so the gap is 9 − 8.3 = 0.7.
    assert by_id["training_days"][5:9] == (8.3, "cumul depuis janvier", 9, 0.7)
    listed = [r[2] for r in book["Sessions"].iter_rows(min_row=2, values_only=True)]
    assert listed == SESSIONS
    snapshot = {r[-1]: r for r in book["Mois figé"].iter_rows(min_row=2, values_only=True)}
    assert snapshot["training_sessions"][1:4] == (1, 2, 1)


def test_xlsx_is_for_people_dates_as_dates_no_long_decimals(review):
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(review)))
    for sheet in book.worksheets:
        headers = [c.value for c in sheet[1]]
        assert "Identifiant" not in headers  # internal ids only as "Identifiant technique"
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float):
                    assert round(cell.value, 3) == cell.value, (sheet.title, cell.value)
                assert not (
                    isinstance(cell.value, str)
                    and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", cell.value)
                )
    trend = book["Tendances"]
    assert isinstance(trend["A2"].value, dt.datetime) and trend["A2"].number_format == "MMMM YYYY"
    sessions = book["Sessions"]
    assert isinstance(sessions["B2"].value, dt.datetime)
    assert sessions["B2"].number_format == "DD/MM/YYYY"
    assert sessions["D2"].value == "Formation"
    targets = [r[3] for r in trend.iter_rows(min_row=2, values_only=True) if r[3] is not None]
    assert all(float(t).is_integer() for t in targets)  # sessions, participants, actions: whole


def test_xlsx_escapes_formula_like_text(review):
    review.filters = monthly.Filters("=HYPERLINK(1)", NOV)
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(review)))
    values = [r[1] for r in book["Filtres"].iter_rows(min_row=2, values_only=True)]
    assert values[0] == "'=HYPERLINK(1)"


def test_chart_locale_is_french_and_rendering_stays_offline():
    table = pd.DataFrame({"mois": ["2023-11-01T00:00:00"], "valeur": [1234.5]})
    chart = (
        alt.Chart(table)
        .mark_text()
        .encode(
            text=alt.Text("valeur:Q", format=",.1f"),
            x=alt.X("mois:T", axis=alt.Axis(format="%B %Y")),
        )
        .configure(locale=vega.LOCALE)
    )
    svg = vega.to_svg(chart.to_dict())
    assert "1\u202f234,5" in svg and "novembre 2023" in svg
    remote = alt.Chart(alt.UrlData("https://example.org/data.csv")).mark_point().encode(x="a:Q")
    with pytest.raises(Exception, match="(?i)not allowed|allowed|denied|permission"):
        vega.to_svg(remote.to_dict())


def test_trend_chart_has_the_target_layer(review):
    spec = charts.trend_chart(review.trends).to_dict()
    layers = spec["spec"]["layer"]
    assert len(layers) == 2
    # One legend names both lines: the dashed orange one is the monthly target.
    dash = layers[1]["encoding"]["strokeDash"]
    assert dash["scale"]["domain"] == ["Valeur du mois", "Objectif mensuel"]
    assert dash["scale"]["range"][1] == [5, 3]
    color = layers[1]["encoding"]["color"]
    assert color["scale"]["range"] == [charts.PRIMARY, charts.TARGET]
    assert color["legend"]["orient"] == "top" and dash["legend"] == color["legend"]
    assert spec["config"]["locale"]["number"]["thousands"] == "\u202f"
    table = charts.trend_table(review.trends)
    assert len(table) == 12 * len(monthly.TRENDS)


def test_pdf_keeps_french_thousands_separators(review):
    # A hand-made card above a thousand: 12 345 with U+202F, which core PDF fonts lack.
    big = monthly.Card("actions_audience", 12345, 10000, None, 12345)
    review.cards = [big]
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(build_pdf(review))).pages)
    assert "12\u202f345" in text and "+2\u202f345" in text
    html_text = build_html(review)
    assert "12\u202f345" in html_text and "+2\u202f345" in html_text


def test_reports_of_a_range_carry_the_range_and_its_comparison(hdf_copy):
    """The SPTT mid-term review (2023-01..2024-07) against the same dates a year earlier."""
    period = parse_period("2023-01..2024-07")
    before = parse_period("2022-01..2023-07")
    con = connect(hdf_copy, read_only=True)
    try:
        review = monthly.review(
            con, period, compare="annee-precedente", workspace="Démo Hauts-de-France"
        )
        ids = [c.kpi_id for c in review.cards]
        now = compute_kpis(con, period, only=ids)
        then = compute_kpis(con, before, only=ids)
    finally:
        con.close()
    assert review.previous == before
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(review)))
    filters = dict(book["Filtres"].iter_rows(min_row=2, values_only=True))
    assert filters["Période"] == period.label and filters["Comparée à"] == before.label
    for row in book["Indicateurs"].iter_rows(min_row=2, values_only=True):
        assert row[2] == now[row[-1]] and row[3] == then[row[-1]], row[-1]
        assert row[5] is None  # a range has no target
    months = {r[0] for r in book["Tendances"].iter_rows(min_row=2, values_only=True)}
    assert {m.date() for m in months} == {m.start for m in period.months()}
    text = flat(re.sub(r"<[^>]+>", " ", build_html(review, demo=False)))
    assert period.label in text and before.label in text
    for card in review.cards:
        assert card_line(card) in text, card.kpi_id
    assert "un mois, pas sur une période plus longue" in text  # no note, no frozen values
    reader = pypdf.PdfReader(io.BytesIO(build_pdf(review, demo=False)))
    pdf = flat(" ".join(page.extract_text() for page in reader.pages))
    assert period.label in pdf
    assert card_line(next(c for c in review.cards if c.kpi_id == "training_sessions")) in pdf
