"""The XLSX of a review's figures: raw catalogue values (numbers, not text), one sheet each."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from observatoire.importing.report import escape_cell as escape
from observatoire.kpis import BY_ID
from observatoire.reports import content
from observatoire.review.monthly import Review
from observatoire.texts import reports as texts


def _number(value):
    """A number for a cell: NaN and None both leave the cell empty."""
    if value is None or value != value:
        return None
    return value


def _sheet(book: Workbook, title: str, header, rows) -> None:
    sheet = book.create_sheet(title)
    sheet.append([escape(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([escape(v) for v in row])
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))


def _basis(card, month_key: str) -> str | None:
    if card.target is None:
        return None
    if card.target.prorated:
        return texts.TARGET_BASIS["ytd"]
    return texts.TARGET_BASIS["month" if card.target.source == month_key else "year"]


def build_xlsx(review: Review) -> bytes:
    """The workbook as bytes: filters, KPIs, trends, departments and the frozen values."""
    book = Workbook()
    book.remove(book.active)
    key = review.filters.month.key
    _sheet(book, texts.SHEET_FILTERS, texts.XLSX_FILTER_COLUMNS, content.filters(review))
    _sheet(
        book,
        texts.SHEET_KPIS,
        texts.XLSX_KPI_COLUMNS,
        (
            (
                c.kpi_id,
                c.label,
                str(BY_ID[c.kpi_id].unit),
                _number(c.value),
                _number(c.previous),
                _number(c.change),
                None if c.target is None else c.target.value,
                _basis(c, key),
                _number(c.compared) if c.target is not None else None,
            )
            for c in review.cards
        ),
    )
    _sheet(
        book,
        texts.SHEET_TRENDS,
        texts.XLSX_TREND_COLUMNS,
        (
            (r["month"], r["kpi_id"], r["label"], _number(r["value"]), _number(r["target"]))
            for r in review.trends.to_dict("records")
        ),
    )
    _sheet(
        book,
        texts.SHEET_SESSIONS,
        list(texts.XLSX_SESSION_COLUMNS.values()),
        (
            [r[c] for c in texts.XLSX_SESSION_COLUMNS]
            for r in review.sessions.assign(
                start_date=pd.to_datetime(review.sessions["start_date"]).dt.date
            ).to_dict("records")
        ),
    )
    departments = review.departments
    _sheet(
        book,
        texts.SHEET_DEPARTMENTS,
        [content.review_texts.DEPARTMENT_COLUMNS.get(c, c) for c in departments.columns],
        ([_number(v) for v in row] for row in departments.itertuples(index=False)),
    )
    if review.comparison is not None:
        _sheet(
            book,
            texts.SHEET_SNAPSHOT,
            texts.XLSX_SNAPSHOT_COLUMNS,
            (
                (r["kpi_id"], r["label"], r["frozen"], r["current"], _number(r["difference"]))
                for r in review.comparison.to_dict("records")
            ),
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
