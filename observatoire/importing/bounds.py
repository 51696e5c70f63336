"""A workbook's declared and expanded size, checked by streaming its XML before any grid exists.

The reader (calamine) allocates the whole rectangle from the first to the last non-empty cell, so
a 2 KB file with one cell at XFD1048576 asks for half a terabyte. These checks read the archive's
directory and stream each sheet's XML through expat in bounded memory, and refuse the file in
French as soon as a limit is passed.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from observatoire.texts import importing as texts

_CHUNK = 1 << 20
_REF = re.compile(r"^\$?([A-Za-z]{1,4})\$?(\d{1,8})$")
_NS = " "  # expat's namespace separator: names arrive as "uri local"
_REPEAT_CAP = 1 << 31  # a repeat count beyond any sheet; what matters is the limit check


@dataclass(frozen=True)
class Limits:
    """What one import may hold: rows and columns of a sheet, cells of its grid, expanded XML."""

    rows: int = 200_000
    columns: int = 200
    cells: int = 10_000_000
    expanded_mb: float = 300.0

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, each overridable by an ``OBSERVATOIRE_MAX_IMPORT_*`` variable."""
        default = cls()
        return cls(
            rows=int(_env_number("OBSERVATOIRE_MAX_IMPORT_ROWS", default.rows)),
            columns=int(_env_number("OBSERVATOIRE_MAX_IMPORT_COLUMNS", default.columns)),
            cells=int(_env_number("OBSERVATOIRE_MAX_IMPORT_CELLS", default.cells)),
            expanded_mb=_env_number("OBSERVATOIRE_MAX_IMPORT_EXPANDED_MB", default.expanded_mb),
        )


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


class TooBig(Exception):
    """A sheet or archive passes a limit; the message is French and meant for the user."""


class Malformed(Exception):
    """The archive or its XML cannot be scanned (the reader will say the file is damaged)."""


def french_number(n: float) -> str:
    """1 048 576 with narrow no-break spaces, as the messages show it."""
    return f"{n:,.0f}".replace(",", "\u202f")


def column_number(letters: str) -> int:
    """``A`` -> 1, ``XFD`` -> 16384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_ref(ref: str) -> tuple[int, int] | None:
    """``"XFD1048576"`` -> (1048576, 16384); None for anything else."""
    m = _REF.match(ref.strip())
    return (int(m.group(2)), column_number(m.group(1))) if m else None


class Extent:
    """The rectangle of non-empty cells of one sheet, checked against the limits as it grows."""

    def __init__(self, file_name: str, sheet: str, limits: Limits):
        self.file_name, self.sheet, self.limits = file_name, sheet, limits
        self.first_row = self.first_col = None
        self.last_row = self.last_col = 0

    def declare(self, rows: int, columns: int) -> None:
        """A size the file announces (``<dimension ref>``): refused when over the limits."""
        self._check(rows, columns, declared=True)

    def add(self, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        """A block of ``rows`` x ``cols`` non-empty cells whose top-left cell is (row, col)."""
        if self.first_row is None or row < self.first_row:
            self.first_row = row
        if self.first_col is None or col < self.first_col:
            self.first_col = col
        self.last_row = max(self.last_row, row + rows - 1)
        self.last_col = max(self.last_col, col + cols - 1)
        self._check(self.last_row, self.last_col)
        area = (self.last_row - self.first_row + 1) * (self.last_col - self.first_col + 1)
        if area > self.limits.cells:
            raise TooBig(
                texts.SHEET_TOO_MANY_CELLS.format(
                    name=self.file_name,
                    sheet=self.sheet,
                    cells=french_number(area),
                    limit=french_number(self.limits.cells),
                )
            )

    def _check(self, rows: int, columns: int, declared: bool = False) -> None:
        how = texts.SIZE_DECLARED if declared else texts.SIZE_FOUND
        for count, limit, template in (
            (rows, self.limits.rows, texts.SHEET_TOO_MANY_ROWS),
            (columns, self.limits.columns, texts.SHEET_TOO_MANY_COLUMNS),
        ):
            if count > limit:
                raise TooBig(
                    template.format(
                        name=self.file_name,
                        sheet=self.sheet,
                        how=how,
                        count=french_number(count),
                        limit=french_number(limit),
                    )
                )


def check_workbook(path: Path, limits: Limits | None = None) -> None:
    """Refuse an .xlsx or .ods whose expanded XML or any sheet passes the limits.

    Raises ``TooBig`` (French message) or ``Malformed``; reads in chunks of 1 MB.
    """
    limits = limits or Limits.from_env()
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_expanded(path.name, archive, limits)
            if "content.xml" in archive.namelist():
                _scan(archive, "content.xml", _OdsScanner(path.name, limits), limits)
            else:
                for part, sheet in _xlsx_sheets(archive):
                    extent = Extent(path.name, sheet, limits)
                    if not _quick_scan(archive, part, extent, limits):
                        _scan(archive, part, _XlsxScanner(extent), limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, expat.ExpatError, KeyError, OSError) as exc:
        raise Malformed(str(exc)) from exc
    except (ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        # Damaged deflate streams, bad CRCs, encrypted or unsupported members.
        raise Malformed(str(exc)) from exc


def _check_expanded(name: str, archive: zipfile.ZipFile, limits: Limits) -> None:
    total = sum(info.file_size for info in archive.infolist())
    if total > limits.expanded_mb * 1_000_000:
        raise TooBig(
            texts.ARCHIVE_TOO_BIG.format(
                name=name,
                size_mb=french_number(total / 1_000_000),
                limit_mb=french_number(limits.expanded_mb),
            )
        )


def _scan(archive: zipfile.ZipFile, part: str, scanner, limits: Limits) -> None:
    """Stream one XML member through expat; a member that lies about its size stops too."""
    parser = expat.ParserCreate(namespace_separator=_NS)
    parser.StartDoctypeDeclHandler = _no_doctype  # no entities, hence no entity expansion
    parser.StartElementHandler = scanner.start
    parser.EndElementHandler = scanner.end
    budget = limits.expanded_mb * 1_000_000
    with archive.open(part) as member:
        read = 0
        while chunk := member.read(_CHUNK):
            read += len(chunk)
            if read > budget:
                raise Malformed(part)
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


# Fast path for worksheets whose every cell starts ``<c r="B2"``, as Excel, LibreOffice and
# openpyxl write them: byte counts and one regular expression. Anything else (prefixed tags,
# cells without a reference, another encoding) falls back to the expat scan.
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_OTHER_C_TAG = re.compile(rb"<c[\w.:-]")  # <cols>, <cfRule>...: everything but a cell
_CELL_WITH_REF = re.compile(rb'<c r="[A-Za-z]{1,4}\d{1,8}"')
# Cells that hold something: not self-closing (``<c r="B2" s="1"/>`` is formatting only).
_FILLED_COLUMN = re.compile(rb'<c r="([A-Za-z]{1,4})\d{1,8}"[^>]*?(?<!/)>')
_FILLED_ROW = re.compile(rb'<c r="[A-Za-z]{1,4}(\d{1,8})"[^>]*?(?<!/)>')
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\s[^>]*?(?<![\w:.-])ref=[\"']([^\"']*)[\"']")
_CARRY_MAX = 1 << 20


def _quick_scan(archive: zipfile.ZipFile, part: str, extent: Extent, limits: Limits) -> bool:
    """Check one worksheet by regular expressions; False when the expat scan is needed."""
    budget = limits.expanded_mb * 1_000_000
    carry = b""
    read = 0
    with archive.open(part) as member:
        while chunk := member.read(_CHUNK):
            if not read and not chunk.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                return False  # not UTF-8 (UTF-16, say): let expat decode it
            read += len(chunk)
            if read > budget:
                raise Malformed(part)
            data = carry + chunk
            cut = data.rfind(b">") + 1
            data, carry = data[:cut], data[cut:]
            if len(carry) > _CARRY_MAX:
                return False
            if not _quick_chunk(data, extent):
                return False
    return not carry.strip()


def _quick_chunk(data: bytes, extent: Extent) -> bool:
    if _PREFIXED_CELL.search(data):
        return False
    cells = len(_CELL_WITH_REF.findall(data))
    if cells != data.count(b"<c") - len(_OTHER_C_TAG.findall(data)):
        return False  # a cell without a plain reference: its position is implied
    for ref in _DIMENSION.findall(data) if b"dimension" in data else ():
        pos = parse_ref(ref.decode("ascii", "replace").rpartition(":")[2])
        if pos:
            extent.declare(*pos)
    if not cells:
        return True
    # Distinct letters and row numbers only: a few hundred thousand small objects at most.
    columns = [column_number(c.decode()) for c in set(_FILLED_COLUMN.findall(data))]
    rows = [int(r) for r in set(_FILLED_ROW.findall(data))]
    if columns and rows:
        extent.add(min(rows), min(columns))
        extent.add(max(rows), max(columns))
    return True


def _no_doctype(*_args) -> None:
    raise Malformed("DOCTYPE")


def _local(name: str) -> str:
    return name.rpartition(_NS)[2]


def _xlsx_sheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(member, sheet name) of every worksheet; members not named by the workbook keep their own."""
    names = set(archive.namelist())
    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in names:
        for attrs in _elements(archive, "xl/_rels/workbook.xml.rels", "Relationship"):
            target = attrs.get("Target", "")
            member = (
                target.lstrip("/")
                if target.startswith("/")
                else str(PurePosixPath("xl") / target).replace("xl/../", "")
            )
            targets[attrs.get("Id", "")] = member
    sheets: list[tuple[str, str]] = []
    if "xl/workbook.xml" in names:
        for attrs in _elements(archive, "xl/workbook.xml", "sheet"):
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            member = targets.get(rid)
            if member in names:
                sheets.append((member, attrs.get("name", member)))
    named = {m for m, _ in sheets}
    for member in sorted(names):
        if member.startswith("xl/worksheets/") and member.endswith(".xml") and member not in named:
            sheets.append((member, PurePosixPath(member).stem))
    return sheets


def _elements(archive: zipfile.ZipFile, part: str, local: str) -> list[dict]:
    """Attributes of every element named ``local`` in a small XML member."""
    found: list[dict] = []

    class _Collect:
        def start(self, name, attrs):
            if _local(name) == local:
                found.append({_local(k): v for k, v in attrs.items()})

        def end(self, name):
            pass

    _scan(archive, part, _Collect(), Limits.from_env())
    return found


class _XlsxScanner:
    """Positions of the cells that hold something (``<v>``, ``<is>`` or ``<f>``) in a worksheet."""

    def __init__(self, extent: Extent):
        self.extent = extent
        self.row = 0
        self.col = 0
        self.in_cell = False

    def start(self, name, attrs):
        local = name.rpartition(_NS)[2]
        if local == "c":
            ref = attrs.get("r")
            pos = parse_ref(ref) if ref else None
            if pos:
                self.row, self.col = pos
            else:
                self.col += 1
            self.in_cell = True
        elif self.in_cell and local in ("v", "is", "f"):
            self.extent.add(max(self.row, 1), self.col)
            self.in_cell = False  # one cell counts once
        elif local == "row":
            r = attrs.get("r")
            self.row = int(r) if r and r.isdigit() else self.row + 1
            self.col = 0
        elif local == "dimension":
            ref = attrs.get("ref", "")
            pos = parse_ref(ref.rpartition(":")[2])
            if pos:
                self.extent.declare(*pos)

    def end(self, name):
        if name.endswith("c") and name.rpartition(_NS)[2] == "c":
            self.in_cell = False


class _OdsScanner:
    """Rows and columns of every table, with ``number-rows/columns-repeated`` multiplied out."""

    def __init__(self, file_name: str, limits: Limits):
        self.file_name, self.limits = file_name, limits
        self.extent: Extent | None = None
        self.depth = 0  # nesting of tables (a sub-table in a cell is part of that cell)
        self.row = self.col = 0
        self.rows_repeated = self.cols_repeated = 1
        self.cell_open = False
        self.cell_counted = False

    @staticmethod
    def _repeat(attrs, key: str) -> int:
        for k, v in attrs.items():
            if _local(k) == key:
                try:
                    return max(1, min(int(v), _REPEAT_CAP))
                except ValueError:
                    return 1
        return 1

    def start(self, name, attrs):
        local = _local(name)
        if local == "table":
            self.depth += 1
            if self.depth == 1:
                sheet = next((v for k, v in attrs.items() if _local(k) == "name"), "")
                self.extent = Extent(self.file_name, sheet, self.limits)
                self.row = 0
            return
        if self.depth != 1:
            return
        if local == "table-row":
            self.rows_repeated = self._repeat(attrs, "number-rows-repeated")
            self.row += 1
            self.col = 1
        elif local in ("table-cell", "covered-table-cell"):
            self.cols_repeated = self._repeat(attrs, "number-columns-repeated")
            self.cell_open, self.cell_counted = True, False
            if any(_local(k) == "value-type" for k in attrs):
                self._count()
        elif self.cell_open:
            self._count()  # a paragraph or any content makes the cell non-empty

    def _count(self):
        if not self.cell_counted:
            self.cell_counted = True
            self.extent.add(self.row, self.col, self.rows_repeated, self.cols_repeated)

    def end(self, name):
        local = _local(name)
        if local == "table":
            self.depth -= 1
        elif self.depth != 1:
            return
        elif local in ("table-cell", "covered-table-cell"):
            self.col += self.cols_repeated
            self.cell_open = False
            self.cols_repeated = 1
        elif local == "table-row":
            self.row += self.rows_repeated - 1
            self.rows_repeated = 1
