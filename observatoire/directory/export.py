"""Table exports (CSV, XLSX) whose cells can never run as spreadsheet formulas."""

from __future__ import annotations

import io

import pandas as pd

FORMULA_START = ("=", "+", "-", "@")


def escape_cell(value):
    """A text starting with = + - @ gets a leading apostrophe; other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell (and header) escaped."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(escape_cell)
    out.columns = [escape_cell(str(c)) for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for a French spreadsheet: UTF-8 with BOM, ``;`` separator, decimal comma."""
    text = escape_frame(frame).to_csv(index=False, sep=";", decimal=",", lineterminator="\n")
    return text.encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """An XLSX workbook of one sheet with a bold header; texts are escaped, never formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    safe = escape_frame(frame)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(list(safe.columns))
    for row in safe.itertuples(index=False):
        ws.append([_xlsx_value(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value):
    """A cell value openpyxl accepts: numpy scalars unwrapped, missing values empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return None
    return value
