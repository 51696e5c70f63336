"""The import report (its fixed JSON shape) and the rejects export with escaped cells."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from observatoire.importing.validate import REJECT, WARNING, Issue
from observatoire.texts import importing as texts

_FORMULA_START = ("=", "+", "-", "@")


@dataclass
class ImportReport:
    """What an import did (or would do): counts per kind, rejects, warnings, and the outcome."""

    file: str
    sha256: str | None = None
    dry_run: bool = False
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    rejects: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    error: str | None = None  # the file could not be read (exit code 1)
    refused: bool = False  # --strict and at least one reject (exit code 1)
    written: bool = False
    created: bool = False
    workspace: str | None = None
    backup: str | None = None
    import_id: int | None = None

    @property
    def exit_code(self) -> int:
        """0 when the file was read, 1 when it was unreadable or refused."""
        return 1 if self.error or self.refused else 0

    @property
    def importable(self) -> int:
        """Records that would be inserted or updated."""
        return sum(t["inserted"] + t["updated"] for t in self.tables.values())

    def to_json(self) -> dict:
        """``{"file", "sha256", "dry_run", "tables", "rejects", "warnings"}``."""
        return {
            "file": self.file,
            "sha256": self.sha256,
            "dry_run": self.dry_run,
            "tables": self.tables,
            "rejects": [i.public() for i in self.rejects],
            "warnings": [i.public() for i in self.warnings],
        }


def escape_cell(value):
    """Neutralise spreadsheet formulas: a text starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def issue_rows(report: ImportReport) -> list[list]:
    """Header and rows of the rejects export (rejects first, then warnings), escaped."""
    header = list(texts.EXPORT_HEADERS.values())
    rows = [header]
    for severity, issues in ((REJECT, report.rejects), (WARNING, report.warnings)):
        label = texts.SEVERITY_REJECT if severity == REJECT else texts.SEVERITY_WARNING
        for i in issues:
            rows.append(
                [escape_cell(x) for x in (label, i.sheet, i.row, i.column or "", i.value, i.reason)]
            )
    return rows


def export_issues(report: ImportReport, path: Path) -> Path:
    """Write the rejects and warnings to .csv (UTF-8 with BOM, ``;``) or .xlsx."""
    path = Path(path)
    rows = issue_rows(report)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = texts.EXPORT_SHEET
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        wb.save(path)
    else:
        # Excel in French opens a UTF-8-with-BOM, semicolon-separated file correctly.
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, delimiter=";").writerows(rows)
    return path
