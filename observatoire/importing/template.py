"""The template workbook: one sheet per kind with a header and an example row, plus a guide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from observatoire.importing.columns import KINDS, Kind, template_header
from observatoire.texts import importing as texts

_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4C4")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)
_EXAMPLE_FONT = Font(italic=True, color="6E6E6E")


def _example(value):
    """Example dates become real date cells, as a user's spreadsheet would hold them."""
    if isinstance(value, str) and len(value) == 10 and value[2] == "/" and value[5] == "/":
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    return value


def _help(kind: Kind, column: str) -> str:
    if column == "type" and kind.name in texts.TYPE_HELP:
        return texts.TYPE_HELP[kind.name]
    if column == "statut" and kind.name in texts.STATUS_HELP:
        return texts.STATUS_HELP[kind.name]
    return texts.COLUMN_HELP[column]


def _kpi_sheet(wb: Workbook) -> None:
    """The ``indicateurs`` sheet: every objective id with its French label, group and definition."""
    from observatoire.kpis.catalogue import KPIS

    ws = wb.create_sheet(texts.KPI_SHEET)
    ws.append(texts.KPI_HEADERS)
    for cell in ws[1]:
        cell.font, cell.fill = _BOLD, _HEADER_FILL
    for k in KPIS:
        ws.append([k.id, k.label, k.group_label, k.definition])
    for letter, width in zip("ABCD", (34, 44, 18, 90), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def write_template(path) -> Path:
    """Write the template workbook to ``path`` (.xlsx)."""
    path = Path(path)
    wb = Workbook()
    readme = wb.active
    readme.title = texts.README_SHEET
    readme.append([texts.README_TITLE])
    readme["A1"].font = Font(bold=True, size=14)
    for line in texts.README_INTRO:
        readme.append([line])
    readme.append([])
    readme.append([*texts.README_HEADERS, texts.README_SYNONYMS])
    for cell in readme[readme.max_row]:
        cell.font, cell.fill = _BOLD, _HEADER_FILL
    for kind in KINDS.values():
        ws = wb.create_sheet(kind.name)
        ws.append([template_header(c) for c in kind.columns])
        example = texts.TEMPLATE_EXAMPLES[kind.name]
        ws.append([_example(example.get(c.name)) for c in kind.columns])
        for cell, column in zip(ws[1], kind.columns, strict=True):
            cell.font = _BOLD
            cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
            ws.column_dimensions[cell.column_letter].width = max(14, len(column.name) + 6)
        for cell in ws[2]:
            cell.font = _EXAMPLE_FONT
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
        ws["A2"].comment = Comment(texts.EXAMPLE_NOTE, texts.README_TITLE)
        ws.freeze_panes = "A2"
        readme.append([kind.name, "", "", texts.KIND_LABELS[kind.name]])
        readme.cell(readme.max_row, 1).font = _BOLD
        for column in kind.columns:
            readme.append(
                [
                    kind.name,
                    column.name,
                    texts.YES if column.required else texts.NO,
                    _help(kind, column.name),
                    ", ".join(column.synonyms),
                ]
            )
    _kpi_sheet(wb)
    for letter, width in zip("ABCDE", (18, 20, 12, 80, 60), strict=True):
        readme.column_dimensions[letter].width = width
    for row in readme.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(path)
    return path
