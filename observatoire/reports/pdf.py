"""The PDF report of a review: the HTML report's content, charts as images.

Fonts: DejaVu Sans is embedded (``fonts/``, free licence) because the core PDF fonts lack the
narrow no-break space French numbers use as thousands separator.
"""

from __future__ import annotations

import io

import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace

from observatoire import theme
from observatoire.reports import charts, content, vega
from observatoire.review.monthly import Review, generated_on
from observatoire.texts import reports as texts
from observatoire.texts import review as review_texts

FAMILY = "DejaVu"
BLUE = theme.rgb(theme.PRIMARY)
HEADER_FILL = (238, 243, 248)
CHANGED_FILL = (255, 241, 214)


class _Document(FPDF):
    """A4 portrait with the report's footer."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        footer = f"{texts.TITLE} · {texts.PAGE.format(page=self.page_no(), pages='{nb}')}"
        self.cell(0, 6, footer, align="C")


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header (IHDR)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", 12)
    pdf.set_text_color(*BLUE)
    pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FAMILY, "", 9)


def _table(
    pdf: FPDF, frame: pd.DataFrame, widths=None, right=(), highlight=None, headings=True
) -> None:
    """A bordered table with a shaded header row; ``right`` = right-aligned column indexes."""
    pdf.set_font(FAMILY, "", 8)
    aligns = tuple("RIGHT" if i in right else "LEFT" for i in range(len(frame.columns)))
    with pdf.table(
        col_widths=widths,
        text_align=aligns,
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
        line_height=5,
        first_row_as_headings=headings,
    ) as table:
        if headings:
            table.row([str(c) for c in frame.columns])
        for i, values in enumerate(frame.itertuples(index=False)):
            style = None
            if highlight is not None and highlight[i]:
                style = FontFace(emphasis="BOLD", fill_color=CHANGED_FILL)
            table.row(["" if v is None else str(v) for v in values], style=style)
    pdf.set_font(FAMILY, "", 9)


def build_pdf(review: Review, *, demo: bool = False, chart_png: bytes | None = None) -> bytes:
    """The report as PDF bytes."""
    f = review.filters
    png = (
        chart_png
        if chart_png is not None
        else vega.to_png(charts.trend_chart(review.trends).to_dict())
    )
    pdf = _Document(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(f"{texts.TITLE} · {f.period.label}")
    pdf.set_creator("Observatoire CSTI")
    pdf.add_font(FAMILY, "", str(vega.FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(vega.FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()

    pdf.set_font(FAMILY, "B", 16)
    pdf.set_text_color(*BLUE)
    pdf.cell(0, 10, texts.TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 11)
    pdf.set_text_color(60, 60, 60)
    pdf.cell(
        0,
        7,
        texts.SUBTITLE.format(period=f.period.label, workspace=f.workspace),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)

    _heading(pdf, texts.FILTERS)
    _table(pdf, pd.DataFrame(content.filters(review)), widths=(40, 140), headings=False)
    if demo:
        pdf.ln(1)
        pdf.cell(0, 5, texts.DEMO, new_x="LMARGIN", new_y="NEXT")

    _heading(pdf, texts.KPIS)
    _table(pdf, content.kpis(review), widths=(52, 20, 20, 18, 80), right=(1, 2, 3))

    _heading(pdf, review_texts.SESSIONS)
    if review.sessions.empty:
        pdf.cell(0, 5, review_texts.NO_SESSION, new_x="LMARGIN", new_y="NEXT")
    else:
        widths = (21, 19, 27, 19, 48, 28, 28)
        _table(pdf, content.sessions(review), widths=widths, right=(6,))

    # Keep the heading with its chart: start a page when both do not fit.
    width_px, height_px = _png_size(png)
    chart_height = pdf.epw * height_px / width_px
    if pdf.get_y() + 14 + chart_height > pdf.page_break_trigger:
        pdf.add_page()
    _heading(pdf, texts.TRENDS)
    pdf.image(io.BytesIO(png), w=pdf.epw, h=chart_height)
    pdf.set_font(FAMILY, "", 8)
    pdf.multi_cell(0, 5, texts.TREND_CAPTION, new_x="LMARGIN", new_y="NEXT")

    _heading(pdf, texts.DEPARTMENTS)
    _table(
        pdf, content.departments(review), widths=(12, 38, 22, 28, 28, 22, 30), right=(2, 3, 4, 5, 6)
    )

    _heading(pdf, texts.EVALUATION)
    pdf.multi_cell(0, 5, content.progression_line(review), new_x="LMARGIN", new_y="NEXT")
    progression = content.progression(review)
    if progression is not None:
        pdf.ln(1)
        _table(pdf, progression, widths=(70, 27, 27, 27, 29), right=(1, 2, 3, 4))

    _heading(pdf, texts.NOTES)
    pdf.multi_cell(0, 5, content.note_text(review), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(0, 5, content.frozen_line(review), new_x="LMARGIN", new_y="NEXT")
    compared = content.comparison(review)
    if compared is not None:
        pdf.ln(1)
        highlight = list(review.comparison["changed"])
        _table(pdf, compared, widths=(80, 30, 30, 30), right=(1, 2, 3), highlight=highlight)

    pdf.ln(4)
    pdf.set_font(FAMILY, "", 8)
    pdf.cell(0, 5, texts.GENERATED.format(date=generated_on()), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
