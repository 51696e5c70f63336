"""Spreadsheet import: the one entry point the CLI and the app both call."""

from observatoire.importing.pipeline import file_sha256, load_resolver, run_import
from observatoire.importing.preview import SheetPreview, preview
from observatoire.importing.readers import UnreadableFile
from observatoire.importing.report import ImportReport, escape_cell, export_issues
from observatoire.importing.selection import UsageError
from observatoire.workspace.safe_write import VerifyFailed, WorkspaceLocked

__all__ = [
    "ImportReport",
    "SheetPreview",
    "UnreadableFile",
    "UsageError",
    "VerifyFailed",
    "WorkspaceLocked",
    "escape_cell",
    "export_issues",
    "file_sha256",
    "load_resolver",
    "preview",
    "run_import",
]
