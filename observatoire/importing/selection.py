"""Which sheets of a file are imported, as which kind."""

from __future__ import annotations

from pathlib import Path

from observatoire.importing.columns import KINDS, Kind, expected_sheet_names, kind_of_sheet
from observatoire.importing.readers import Sheet, UnreadableFile, is_csv
from observatoire.importing.validate import WARNING, Issue
from observatoire.normalize import fold
from observatoire.texts import importing as texts

# The template's guide sheets: never data, never warned about.
TEMPLATE_GUIDE_SHEETS = {fold(texts.README_SHEET), fold(texts.KPI_SHEET)}


class UsageError(ValueError):
    """The caller asked for something impossible (unknown kind, CSV without kind)."""


def resolve_kind(kind: str | None) -> Kind | None:
    """The Kind named by ``--kind`` (matched like a sheet name), or None."""
    if kind is None:
        return None
    found = kind_of_sheet(kind)
    if found is None:
        raise UsageError(texts.UNKNOWN_KIND.format(kind=kind, expected=expected_sheet_names()))
    return found


def select(path: Path, sheets: list[Sheet], kind: str | None) -> tuple[list, list[Issue]]:
    """``[(Kind, Sheet)]`` in import order, and warnings for the sheets left out."""
    forced = resolve_kind(kind)
    path = Path(path)
    if is_csv(path):
        forced = forced or kind_of_sheet(path.stem)
        if forced is None:
            raise UsageError(texts.CSV_NEEDS_KIND.format(expected=expected_sheet_names()))
        return [(forced, s) for s in sheets], []
    named = [(kind_of_sheet(s.name), s) for s in sheets]
    if forced is not None and not any(k for k, _ in named):
        # A census split into one sheet per department: every sheet is of the forced kind.
        named = [(forced, s) for s in sheets if s.header]
    chosen, warnings = [], []
    for k, sheet in named:
        if k is not None and (forced is None or k == forced):
            chosen.append((k, sheet))
        elif sheet.header and fold(sheet.name) not in TEMPLATE_GUIDE_SHEETS:
            reason = (
                texts.SHEET_OTHER_KIND.format(kind=forced.name)
                if k is not None
                else texts.SHEET_IGNORED.format(expected=expected_sheet_names())
            )
            warnings.append(Issue(WARNING, None, sheet.name, None, None, "", reason))
    if not chosen:
        found = ", ".join(f"« {s.name} »" for s in sheets)
        raise UnreadableFile(
            texts.NO_KNOWN_SHEET.format(
                name=path.name, found=found, expected=expected_sheet_names()
            )
        )
    order = list(KINDS)
    chosen.sort(key=lambda pair: order.index(pair[0].name))
    return chosen, warnings
