"""A look at a file before importing it: per sheet, its kind, column mapping and first rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from observatoire.importing.columns import column_of_header, is_example_value, kind_of_sheet
from observatoire.importing.readers import is_csv, read_sheets
from observatoire.importing.selection import resolve_kind

PREVIEW_ROWS = 10


@dataclass
class SheetPreview:
    """One sheet as the import would read it."""

    sheet: str
    kind: str | None
    mapping: dict[str, str | None] = field(default_factory=dict)  # header -> template column
    missing: list[str] = field(default_factory=list)  # required columns absent
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list]] = field(default_factory=list)  # (spreadsheet row, cells)
    total_rows: int = 0
    examples: int = 0  # template example rows (EXEMPLE-…), never imported


def preview(file_path, kind: str | None = None, limit: int = PREVIEW_ROWS) -> list[SheetPreview]:
    """Every sheet with its detected kind (None when not imported); raises ``UnreadableFile``."""
    path = Path(file_path)
    forced = resolve_kind(kind)
    sheets = read_sheets(path)
    any_named = any(kind_of_sheet(s.name) for s in sheets)
    out = []
    for sheet in sheets:
        detected = kind_of_sheet(path.stem if is_csv(path) else sheet.name)
        if forced is not None and (is_csv(path) or not any_named or detected == forced):
            detected = forced
        elif forced is not None:
            detected = None
        item = SheetPreview(sheet.name, detected.name if detected else None, header=sheet.header)
        item.rows, item.total_rows = sheet.rows[:limit], len(sheet.rows)
        if detected is not None:
            item.mapping = {h: column_of_header(detected, h) for h in sheet.header if h}
            item.missing = [c for c in detected.required if c not in item.mapping.values()]
            item.examples = _count_examples(detected, sheet)
        out.append(item)
    return out


def _count_examples(kind, sheet) -> int:
    """Rows whose identifier (or key) cell starts with EXEMPLE-, as the import will skip them."""
    markers = set(kind.example_markers)
    indexes = [i for i, h in enumerate(sheet.header) if h and column_of_header(kind, h) in markers]
    return sum(
        1
        for _, cells in sheet.rows
        if any(i < len(cells) and is_example_value(cells[i]) for i in indexes)
    )
