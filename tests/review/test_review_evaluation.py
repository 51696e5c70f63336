"""The review and its reports carry the evaluation's progression and the content KPIs that have
a target in the demos."""

from __future__ import annotations

import io

import openpyxl
import pypdf

from observatoire.content import views
from observatoire.kpis import as_period
from observatoire.paths import data_dir
from observatoire.reports import content
from observatoire.reports.html import build_html
from observatoire.reports.pdf import build_pdf
from observatoire.reports.xlsx import build_xlsx
from observatoire.review.monthly import review
from observatoire.texts import reports as texts
from observatoire.workspace import connect

# 45 people answered before/after in 2023 (3 trainings of 15); 38 of them progress: 84 %.
LINE = (
    "84\u00a0% des personnes ayant répondu avant et après progressent (score moyen après "
    "supérieur au score avant) ; 45 répondant·e·s aux questionnaires sur la période."
)


def _review(name: str, period: str):
    con = connect(data_dir() / f"{name}.duckdb", read_only=True)
    try:
        return review(con, as_period(period), workspace=name), views.progression(
            con, as_period(period), None
        )
    finally:
        con.close()


def test_review_2023_has_the_progression_and_every_report_carries_it():
    built, expected = _review("demo-hauts-de-france", "2023")
    assert built.progression.equals(expected) and len(expected) == 3
    assert content.progression_line(built) == LINE
    page = build_html(built, chart_svg="<svg></svg>")
    assert texts.EVALUATION in page and LINE in page
    assert "Posture d&#x27;accueil" in page
    pdf = pypdf.PdfReader(io.BytesIO(build_pdf(built, chart_png=_png())))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert texts.EVALUATION in text and "Posture d'accueil" in text
    sheet = openpyxl.load_workbook(io.BytesIO(build_xlsx(built)))[texts.SHEET_EVALUATION]
    rows = list(sheet.values)
    assert rows[1][0] == expected.iloc[0, 0] and rows[1][1] == 45
    assert rows[-1][0] == LINE


def test_a_month_without_answers_says_so():
    built, _ = _review("demo-hauts-de-france", "2024-07")
    assert content.progression(built) is None
    assert content.progression_line(built) == texts.EVALUATION_NONE


def test_demo_content_targets_enter_the_review():
    built, _ = _review("demo-occitanie", "2018-12")
    cards = {c.kpi_id: c for c in built.cards}
    # Demo targets: the 24 Propulseur stops of 2018 (40 towns, 16 visited in 2016-2017), all
    # made by December; "more than 80" working-group members.
    assert cards["tour_stops"].target.value == 24 and cards["tour_stops"].compared == 24
    assert cards["group_members"].target.value == 80 and cards["group_members"].compared >= 80
    hdf, _ = _review("demo-hauts-de-france", "2023")
    cards = {c.kpi_id: c for c in hdf.cards}
    assert cards["evaluation_interviews"].compared == 45  # the seed's 45 phone interviews
    assert cards["evaluation_framing_meetings"].compared == 3


def _png() -> bytes:
    """A 1x1 PNG, so that the PDF test needs no chart rendering."""
    import base64

    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
