"""The XLSX of a review's figures, for people: French headers, numbers as numbers, dates as
dates, values rounded as the page shows them; internal ids only in "Identifiant technique"."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from observatoire.importing.report import escape_cell as escape
from observatoire.kpis import BY_ID, Unit
from observatoire.reports import content
from observatoire.review.monthly import Review, shown_target
from observatoire.texts import reports as texts

# Decimals kept per unit: what the page shows, never 3.666666666666667.
DECIMALS = {Unit.COUNT: 0, Unit.PEOPLE: 0, Unit.DAYS: 1, Unit.SHARE: 3, Unit.INDEX: 2}
DAY_FORMAT, MONTH_FORMAT = "DD/MM/YYYY", "MMMM YYYY"


def _number(value, kpi_id: str | None = None):
    """A number for a cell, rounded for its KPI's unit; NaN and None leave the cell empty."""
    if value is None or value != value:
        return None
    if kpi_id is None:
        return value
    places = DECIMALS[BY_ID[kpi_id].unit]
    rounded = round(float(value), places)
    return int(rounded) if places == 0 else rounded


def _month(key: str) -> dt.date:
    """``2023-11`` as the date of its first day (shown as ``novembre 2023``)."""
    year, month = key.split("-")
    return dt.date(int(year), int(month), 1)


def _sheet(book: Workbook, title: str, header, rows, months: tuple[int, ...] = ()) -> None:
    """A sheet with a bold header; dates as dates (columns in ``months`` as month names)."""
    sheet = book.create_sheet(title)
    sheet.append([escape(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([escape(v) for v in row])
        for index, cell in enumerate(sheet[sheet.max_row]):
            if isinstance(cell.value, dt.date):
                cell.number_format = MONTH_FORMAT if index in months else DAY_FORMAT
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
    key = review.filters.period.key
    _sheet(book, texts.SHEET_FILTERS, texts.XLSX_FILTER_COLUMNS, content.filters(review))
    _sheet(
        book,
        texts.SHEET_KPIS,
        texts.XLSX_KPI_COLUMNS,
        (
            (
                c.label,
                texts.UNITS[str(BY_ID[c.kpi_id].unit)],
                _number(c.value, c.kpi_id),
                _number(c.previous, c.kpi_id),
                _number(c.change, c.kpi_id),
                c.target_value,
                _basis(c, key),
                _number(c.compared, c.kpi_id) if c.target is not None else None,
                c.gap,
                c.kpi_id,
            )
            for c in review.cards
        ),
    )
    _sheet(
        book,
        texts.SHEET_TRENDS,
        texts.XLSX_TREND_COLUMNS,
        (
            (
                _month(r["month"]),
                r["label"],
                _number(r["value"], r["kpi_id"]),
                shown_target(r["kpi_id"], r["target"]),
                r["kpi_id"],
            )
            for r in review.trends.to_dict("records")
        ),
        months=(0,),
    )
    _sheet(
        book,
        texts.SHEET_SESSIONS,
        list(texts.XLSX_SESSION_COLUMNS.values()),
        (
            [_month(r["month"]), *(r[c] for c in list(texts.XLSX_SESSION_COLUMNS)[1:])]
            for r in review.sessions.assign(
                start_date=pd.to_datetime(review.sessions["start_date"]).dt.date,
                type=review.sessions["type"].map(
                    lambda t: content.review_texts.SESSION_TYPES.get(t, t)
                ),
            ).to_dict("records")
        ),
        months=(0,),
    )
    departments = review.departments
    _sheet(
        book,
        texts.SHEET_DEPARTMENTS,
        [content.review_texts.DEPARTMENT_COLUMNS.get(c, c) for c in departments.columns],
        ([_number(v) for v in row] for row in departments.itertuples(index=False)),
    )
    _sheet(
        book,
        texts.SHEET_EVALUATION,
        list(review.progression.columns) or [texts.EVALUATION],
        [
            *([_number(v) for v in row] for row in review.progression.itertuples(index=False)),
            [content.progression_line(review)],
        ],
    )
    if review.comparison is not None:
        _sheet(
            book,
            texts.SHEET_SNAPSHOT,
            texts.XLSX_SNAPSHOT_COLUMNS,
            (
                (
                    r["label"],
                    _number(r["frozen"], r["kpi_id"]),
                    _number(r["current"], r["kpi_id"]),
                    _number(r["difference"], r["kpi_id"]),
                    r["kpi_id"],
                )
                for r in review.comparison.to_dict("records")
            ),
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
