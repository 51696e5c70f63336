"""Builders of messy French spreadsheets (xlsx, ods, csv) and workspace helpers."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb
import pytest
from openpyxl import Workbook

from .hostile import write_ods_content


@pytest.fixture(scope="session")
def resolver(reference_path):
    """The real in-memory place resolver, loaded once."""
    from observatoire.importing import load_resolver

    return load_resolver(reference_path)


@pytest.fixture
def ws(tmp_path) -> Path:
    """Path of a workspace that does not exist yet (the first import creates it)."""
    return tmp_path / "data" / "reseau.duckdb"


def sha(path: Path) -> str | None:
    """sha256 of a file's bytes, None when it does not exist."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def query(path: Path, sql: str, params=None) -> list[tuple]:
    """Rows of a read-only query on a workspace (assertions only)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def write_xlsx(path: Path, sheets: dict[str, list[list]], formulas=None) -> Path:
    """A workbook; ``formulas`` maps (sheet, "C2") -> (formula, cached value) like Excel saves."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    for (sheet, ref), (formula, _cached) in (formulas or {}).items():
        wb[sheet][ref] = f"={formula}"
    wb.save(path)
    if formulas:
        _store_cached_values(path, list(sheets), formulas)
    return path


def _store_cached_values(path: Path, names: list[str], formulas) -> None:
    # openpyxl writes formulas without results; Excel stores the last computed value in <v>.
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    for (sheet, ref), (formula, cached) in formulas.items():
        member = f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"
        xml = files[member].decode()
        kind = ' t="str"' if isinstance(cached, str) else ""
        pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>')
        value = escape(str(cached))
        xml, n = pattern.subn(rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>', xml)
        assert n == 1, (ref, formula)
        files[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)


def _ods_cell(value) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, tuple):  # (formula, cached number)
        formula, cached = value
        return (
            f'<table:table-cell table:formula="of:={escape(formula)}" office:value-type="float" '
            f'office:value="{cached}"><text:p>{cached}</text:p></table:table-cell>'
        )
    if isinstance(value, bool | int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p>'
        "</table:table-cell>"
    )


def write_ods(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice saves it (formulas with values)."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(_ods_cell(c) for c in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    return write_ods_content(path, content)


def write_csv(path: Path, rows: list[list], encoding="utf-8", delimiter=";") -> Path:
    """A delimited text file in the given encoding (``utf-8-sig`` writes a BOM)."""
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path
