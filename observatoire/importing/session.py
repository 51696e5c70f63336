"""An import from the app, without Streamlit: bytes -> staged file -> preview -> dry run -> commit.

Every step calls the same functions as ``observatoire import`` (``preview``, ``run_import``), so
the page and the CLI cannot disagree. The steps that read the file run in a child process with a
memory cap (``isolated``): a hostile file costs the child, never the server.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from observatoire import db, formats
from observatoire.importing import isolated
from observatoire.importing.columns import KINDS, kind_of_sheet
from observatoire.importing.pipeline import file_sha256, run_import
from observatoire.importing.preview import SheetPreview, preview
from observatoire.importing.report import ImportReport, export_issues
from observatoire.importing.template import write_template
from observatoire.texts import donnees as texts
from observatoire.texts import importing as import_texts
from observatoire.workspace.version import file_version

COUNT_KEYS = ("inserted", "updated", "unchanged", "rejected", "warnings")
SHA_SHOWN = 12
_UNSAFE_NAME = re.compile(r"[^\w.\- ]")
_WORKSPACE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
RESERVED_NAMES = {"reference", "backups"}


class ImportRefused(ValueError):
    """A French message: the upload or the chosen target cannot be used; nothing was written."""


@dataclass(frozen=True)
class StagedFile:
    """An uploaded file written to a private folder under its (sanitised) original name."""

    path: Path
    sha256: str

    @property
    def name(self) -> str:
        """The file name the user uploaded (as stored in the import history)."""
        return self.path.name

    @property
    def is_csv(self) -> bool:
        """Whether the file is read as delimited text (it then needs a kind)."""
        return self.path.suffix.lower() in {".csv", ".txt", ".tsv"}


def safe_file_name(name: str) -> str:
    """The last path component of a browser-given name, without characters a file system fears."""
    base = re.split(r"[\\/]", name or "")[-1].strip().lstrip(".")
    base = _UNSAFE_NAME.sub("_", unicodedata.normalize("NFC", base))[:120]
    return base or "fichier"


def stage(name: str, data: bytes, folder: Path) -> StagedFile:
    """Write uploaded bytes to ``folder`` under their file name; nothing is parsed yet."""
    path = Path(folder) / safe_file_name(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return StagedFile(path, file_sha256(path))


def default_kind(staged: StagedFile) -> str:
    """The kind a CSV's name suggests (``acteurs.csv``), else ``acteurs``."""
    found = kind_of_sheet(staged.path.stem)
    return found.name if found else next(iter(KINDS))


def inspect(staged: StagedFile, kind: str | None = None) -> list[SheetPreview]:
    """Per sheet: detected kind, column mapping, first rows; raises ``UnreadableFile``."""
    return isolated.run(preview, staged.path, kind if staged.is_csv else None, name=staged.name)


def mapping_table(sheet: SheetPreview) -> pd.DataFrame:
    """Which header of the file went to which template field, and which were ignored."""
    required = set(KINDS[sheet.kind].required) if sheet.kind else set()
    rows = [
        {
            texts.MAPPING_COLUMNS["header"]: header,
            texts.MAPPING_COLUMNS["field"]: field or texts.FIELD_IGNORED,
            texts.MAPPING_COLUMNS["required"]: texts.YES if field in required else texts.NO,
        }
        for header, field in sheet.mapping.items()
    ]
    return pd.DataFrame(rows, columns=list(texts.MAPPING_COLUMNS.values()))


def summary_table(sheets: list[SheetPreview]) -> pd.DataFrame:
    """One row per sheet: what it holds, its rows, recognised and ignored columns."""
    rows = []
    for sheet in sheets:
        fields = [f for f in sheet.mapping.values() if f]
        ignored = [h for h, f in sheet.mapping.items() if not f]
        rows.append(
            {
                "sheet": sheet.sheet,
                "kind": import_texts.KIND_SHORT[sheet.kind] if sheet.kind else texts.SHEET_SKIPPED,
                "rows": sheet.total_rows if sheet.kind else None,
                "examples": sheet.examples if sheet.kind else None,
                "recognised": len(fields) if sheet.kind else None,
                "ignored": ", ".join(ignored),
                "missing": ", ".join(sheet.missing),
            }
        )
    frame = pd.DataFrame(rows, columns=list(texts.SUMMARY_COLUMNS))
    for column in ("rows", "examples", "recognised"):
        frame[column] = frame[column].astype("Int64")
    return frame.rename(columns=texts.SUMMARY_COLUMNS)


def first_rows(sheet: SheetPreview) -> pd.DataFrame:
    """The first rows as the spreadsheet shows them, numbered like it (header = its own row)."""
    width = max([len(sheet.header), *(len(cells) for _, cells in sheet.rows)], default=0)
    headers = [h or f"({i + 1})" for i, h in enumerate(sheet.header)]
    headers += [f"({i + 1})" for i in range(len(headers), width)]
    # Duplicate headers would collide as DataFrame columns.
    seen: dict[str, int] = {}
    unique = []
    for h in headers:
        seen[h] = seen.get(h, 0) + 1
        unique.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
    data = [[_cell(c) for c in cells] + [""] * (width - len(cells)) for _, cells in sheet.rows]
    df = pd.DataFrame(data, columns=unique)
    df.insert(0, texts.ROW_NUMBER, [n for n, _ in sheet.rows])
    return df


def _cell(value) -> str:
    """Cells as text, so mixed columns display (the import parses them, not the preview)."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return formats.date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # spreadsheets store every number as a float: 2.0 was typed 2
    return str(value)


def target_path(folder: Path, existing: str | None = None, new_name: str | None = None) -> Path:
    """The workspace file: an existing stem of ``folder``, or a new, valid, unused name."""
    folder = Path(folder)
    if new_name is None:
        if not existing:
            raise ImportRefused(texts.NO_EXISTING)
        return folder / f"{existing}.duckdb"
    name = new_name.strip().lower()
    if not name:
        raise ImportRefused(texts.NAME_EMPTY)
    if not _WORKSPACE_NAME.match(name):
        raise ImportRefused(texts.NAME_BAD.format(name=new_name.strip()[:40]))
    if name in RESERVED_NAMES:
        raise ImportRefused(texts.NAME_RESERVED.format(name=name))
    path = folder / f"{name}.duckdb"
    if path.exists():
        raise ImportRefused(texts.NAME_TAKEN.format(name=name))
    return path


@dataclass(frozen=True)
class DryRun:
    """A dry run and what it was run on, so a commit can refuse a stale simulation."""

    report: ImportReport
    sha256: str
    kind: str | None
    target: Path
    target_version: tuple[int, int] | None


def dry_run(staged: StagedFile, target: Path, kind: str | None = None) -> DryRun:
    """What the import would do in ``target``; writes nothing anywhere near it."""
    kind = kind if staged.is_csv else None
    version = file_version(target)
    report = _run_isolated(staged, target, kind=kind, dry_run=True)
    return DryRun(report, staged.sha256, kind, Path(target), version)


def commit(staged: StagedFile, simulated: DryRun) -> ImportReport:
    """Import for real what ``simulated`` previewed; refuses when the file or target changed."""
    if (
        file_sha256(staged.path) != simulated.sha256
        or file_version(simulated.target) != simulated.target_version
    ):
        raise ImportRefused(texts.CHANGED_SINCE)
    return _run_isolated(staged, simulated.target, kind=simulated.kind)


def _run_isolated(staged: StagedFile, target: Path, **options) -> ImportReport:
    """``run_import`` in a capped child; a child that dies gives a report with its French error."""
    try:
        return isolated.run(run_import, staged.path, target, name=staged.name, **options)
    except isolated.ChildFailed as exc:
        report = ImportReport(
            file=str(staged.path), dry_run=options.get("dry_run", False), workspace=str(target)
        )
        report.error = str(exc)
        return report


def count_lines(report: ImportReport) -> str:
    """The counts per kind as a French Markdown list (readable without the table)."""
    return "\n".join(
        texts.COUNT_LINE.format(kind=kind, **{k: formats.number(c[k]) for k in COUNT_KEYS})
        for kind, c in report.tables.items()
    )


# Where the imported data shows, per kind: page stems of the registry, in menu order.
PAGES_OF_KIND = {
    "acteurs": ("acteurs", "carte"),
    "personnes": ("formations",),
    "sessions": ("formations",),
    "participations": ("formations",),
    "experimentations": ("experimentations",),
    "actions": ("actions", "carte"),
    "objectifs": ("revue_mensuelle",),
}


def pages_to_see(report: ImportReport) -> list[str]:
    """The pages showing what an import added or changed: the overview first, then per kind."""
    stems = ["accueil"]
    for kind, counts in report.tables.items():
        if counts["inserted"] or counts["updated"]:
            stems += [s for s in PAGES_OF_KIND.get(kind, ()) if s not in stems]
    return stems


def totals(report: ImportReport) -> dict[str, int]:
    """Counts summed over kinds."""
    return {k: sum(c[k] for c in report.tables.values()) for k in COUNT_KEYS}


def issues_table(report: ImportReport) -> pd.DataFrame:
    """Rejects then warnings with their French reasons (shown as text, never as formulas)."""
    rows = []
    for label, issues in (
        (import_texts.SEVERITY_REJECT, report.rejects),
        (import_texts.SEVERITY_WARNING, report.warnings),
    ):
        for i in issues:
            rows.append(
                {
                    texts.ISSUE_COLUMNS["severity"]: label,
                    texts.ISSUE_COLUMNS["sheet"]: i.sheet,
                    texts.ISSUE_COLUMNS["row"]: "" if i.row is None else str(i.row),
                    texts.ISSUE_COLUMNS["column"]: i.column or "",
                    texts.ISSUE_COLUMNS["value"]: "" if i.value is None else str(i.value),
                    texts.ISSUE_COLUMNS["reason"]: i.reason,
                }
            )
    return pd.DataFrame(rows, columns=list(texts.ISSUE_COLUMNS.values()))


def issues_export(report: ImportReport, ext: str) -> bytes:
    """The rejects and warnings file (``csv`` or ``xlsx``) with formula cells escaped."""
    with tempfile.TemporaryDirectory() as folder:
        path = export_issues(report, Path(folder) / f"rejets.{ext}")
        return path.read_bytes()


def template_bytes() -> bytes:
    """The template workbook, as the CLI ``observatoire template`` writes it."""
    with tempfile.TemporaryDirectory() as folder:
        return write_template(Path(folder) / texts.TEMPLATE_FILE).read_bytes()


def history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The workspace's imports, latest first: date, file, short sha256, kinds and counts."""
    rows = []
    for r in db.rows(con, "import_history"):
        try:
            tables = json.loads(r["summary"]).get("tables", {})
        except (TypeError, ValueError, AttributeError):  # a hand-edited summary: counts unknown
            tables = {}
        at = r["imported_at"]
        row = {
            "imported_at": texts.DATE_TIME.format(date=formats.date(at), time=at.strftime("%H:%M")),
            "file_name": r["file_name"],
            "sha256": (r["sha256"] or "")[:SHA_SHOWN],
            "kinds": ", ".join(tables),
        }
        for k in COUNT_KEYS:
            row[k] = sum(int(c.get(k, 0)) for c in tables.values() if isinstance(c, dict))
        rows.append(row)
    return pd.DataFrame(rows, columns=list(texts.HISTORY_COLUMNS)).rename(
        columns=texts.HISTORY_COLUMNS
    )
