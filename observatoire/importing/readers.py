"""Read .xlsx, .ods and .csv files into sheets of rows numbered as the user sees them."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from observatoire.importing import bounds
from observatoire.importing.values import CONTROL_CHARS, strip_controls
from observatoire.texts import importing as texts

DEFAULT_MAX_MB = 50
WORKBOOK_EXTENSIONS = {".xlsx": "Excel (.xlsx)", ".xlsm": "Excel (.xlsx)", ".ods": "OpenDocument"}
CSV_EXTENSIONS = {".csv", ".txt", ".tsv"}
_ZIP_MAGIC = b"PK\x03\x04"
# Encrypted Office files (and legacy .xls) are OLE compound files, not zip archives.
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (";", ",", "\t")


class UnreadableFile(Exception):
    """The file itself cannot be read; the message is French and meant for the user."""


@dataclass
class Sheet:
    """One sheet: its header cells and its non-blank data rows with their spreadsheet numbers."""

    name: str
    header: list[str]
    header_row: int = 1
    rows: list[tuple[int, list]] = field(default_factory=list)
    # Warnings found while reading: (row or None, column or None, French reason).
    notes: list[tuple[int | None, str | None, str]] = field(default_factory=list)
    # False when the reader saw the whole text and it holds no control character.
    may_hold_controls: bool = True


def max_import_mb() -> float:
    """The size limit in MB: 50 unless ``OBSERVATOIRE_MAX_IMPORT_MB`` says otherwise."""
    try:
        return float(os.environ.get("OBSERVATOIRE_MAX_IMPORT_MB", DEFAULT_MAX_MB))
    except ValueError:
        return DEFAULT_MAX_MB


def _french_mb(mb: float) -> str:
    return (f"{mb:.1f}" if mb >= 0.1 else f"{mb:.3g}").replace(".", ",")


def check_file(path: Path) -> None:
    """Refuse a missing, empty, oversized or unsupported file before any parsing."""
    if not path.is_file():
        raise UnreadableFile(texts.FILE_NOT_FOUND.format(path=path))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile(texts.FILE_EMPTY.format(name=path.name))
    limit_mb = max_import_mb()
    if size > limit_mb * 1024 * 1024:
        raise UnreadableFile(
            texts.FILE_TOO_BIG.format(
                name=path.name,
                size_mb=_french_mb(size / 1024 / 1024),
                limit_mb=_french_mb(limit_mb),
            )
        )
    ext = path.suffix.lower()
    if ext not in WORKBOOK_EXTENSIONS and ext not in CSV_EXTENSIONS:
        raise UnreadableFile(texts.UNSUPPORTED_EXTENSION.format(ext=ext or path.name))


def is_csv(path: Path) -> bool:
    """Whether the file is read as delimited text."""
    return path.suffix.lower() in CSV_EXTENSIONS


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of the file (a CSV is one sheet named after the file)."""
    path = Path(path)
    check_file(path)
    sheets = _read_csv(path) if is_csv(path) else _read_workbook(path)
    if not any(s.header for s in sheets):
        raise UnreadableFile(texts.NO_DATA.format(name=path.name))
    return sheets


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _sheet(name: str, grid, extent: bounds.Extent | None = None) -> Sheet:
    """Find the header (first non-blank row) and keep the non-blank rows after it.

    ``grid`` is consumed one row at a time; with an ``extent`` (CSV), rows and columns past the
    limits are refused as they come.
    """
    sheet = Sheet(strip_controls(name)[0], [])
    for number, cells in enumerate(grid, start=1):
        if all(_blank(c) for c in cells):
            continue
        if extent is not None:
            _check_row(extent, number, cells)
        if not sheet.header:
            sheet.header, sheet.header_row = _header(sheet, cells, number), number
        else:
            sheet.rows.append((number, cells))
    return sheet


def _check_row(extent: bounds.Extent, number: int, cells: list) -> None:
    limits = extent.limits
    if number > limits.rows or len(cells) > limits.columns:
        last = max(i for i, c in enumerate(cells) if not _blank(c)) + 1
        extent.add(number, last)


def _header(sheet: Sheet, cells: list, number: int) -> list[str]:
    header = []
    for cell in cells:
        text = "" if _blank(cell) else str(cell).strip()
        cleaned, removed = strip_controls(text)
        if removed:
            sheet.notes.append((number, cleaned, texts.CONTROL_REMOVED.format(count=removed)))
        header.append(cleaned.strip())
    while header and not header[-1]:
        header.pop()
    return header


def _rows(sheet) -> object:
    """The sheet's rows numbered from A1: calamine starts at the first non-empty cell."""
    start = sheet.start
    if start is None:
        return
    first_row, first_col = start
    for _ in range(first_row):
        yield []
    pad = [""] * first_col
    for cells in sheet.iter_rows():
        yield pad + cells if first_col else cells


def _read_workbook(path: Path) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, PasswordError

    label = WORKBOOK_EXTENSIONS[path.suffix.lower()]
    with path.open("rb") as f:
        magic = f.read(8)
    if magic.startswith(_CFB_MAGIC):
        raise UnreadableFile(texts.ENCRYPTED.format(name=path.name))
    if not magic.startswith(_ZIP_MAGIC):
        raise UnreadableFile(texts.NOT_A_WORKBOOK.format(name=path.name, format=label))
    try:
        # Calamine allocates a sheet's whole rectangle: its size is checked first, by streaming.
        bounds.check_workbook(path)
    except bounds.TooBig as exc:
        raise UnreadableFile(str(exc)) from exc
    except bounds.Malformed as exc:
        raise UnreadableFile(texts.NOT_A_WORKBOOK.format(name=path.name, format=label)) from exc
    try:
        wb = CalamineWorkbook.from_path(str(path))
        try:
            # Calamine returns the cached value of a formula cell; nothing is ever evaluated.
            # One sheet's grid at a time, converted to Python row by row.
            return [_sheet(name, _rows(wb.get_sheet_by_name(name))) for name in wb.sheet_names]
        finally:
            wb.close()
    except PasswordError as exc:
        raise UnreadableFile(texts.ENCRYPTED.format(name=path.name)) from exc
    except Exception as exc:  # calamine raises many error types for damaged files
        raise UnreadableFile(texts.NOT_A_WORKBOOK.format(name=path.name, format=label)) from exc


def decode(data: bytes) -> str:
    """Text of a CSV export: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    return decode_with_note(data)[0]


def decode_with_note(data: bytes) -> tuple[str, str | None]:
    """The text, and a French warning when UTF-8 and Windows-1252 passages are mixed.

    A mixed file is read passage by passage: valid UTF-8 sequences as UTF-8, the other bytes as
    Windows-1252, which is what the person typed in each program.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    multibyte = _UTF8_MULTIBYTE.search(data)
    if multibyte is None:
        return _cp1252(data), None
    note = texts.MIXED_ENCODING.format(
        utf8_line=data.count(b"\n", 0, multibyte.start()) + 1,
        cp1252_line=data.count(b"\n", 0, first_bad) + 1,
    )
    return data.decode("utf-8", errors=_MIXED_HANDLER), note


def _cp1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined still mean something in Latin-1.
        return data.decode("latin-1")


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    return _cp1252(exc.object[exc.start : exc.end]), exc.end


_MIXED_HANDLER = "observatoire-cp1252-fallback"
codecs.register_error(_MIXED_HANDLER, _cp1252_fallback)
# A well-formed UTF-8 sequence of two to four bytes (French text in cp1252 almost never has one).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def sniff_delimiter(text: str) -> str:
    """The delimiter among ; , and tab that splits the first line into the most cells."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    best, best_count = ",", 0
    for delim in _DELIMITERS:
        count = len(next(csv.reader([first], delimiter=delim), [])) - 1
        if count > best_count:
            best, best_count = delim, count
    return best


def _read_csv(path: Path) -> list[Sheet]:
    data = path.read_bytes()
    head = data[:4096]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFile(texts.NOT_TEXT.format(name=path.name))
    text, note = decode_with_note(data)
    del data
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    extent = bounds.Extent(path.name, path.stem, bounds.Limits.from_env())
    try:
        sheet = _sheet(path.stem, reader, extent)
    except csv.Error as exc:
        raise UnreadableFile(texts.NOT_TEXT.format(name=path.name)) from exc
    except bounds.TooBig as exc:
        raise UnreadableFile(str(exc)) from exc
    if note:
        sheet.notes.insert(0, (None, None, note))
    sheet.may_hold_controls = CONTROL_CHARS.search(text) is not None
    return [sheet]
