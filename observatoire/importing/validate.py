"""Rows -> records, rejects and warnings, by the rules of the import template."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from observatoire.importing import values as v
from observatoire.importing.columns import (
    PLACE_COLUMNS,
    Kind,
    column_of_header,
    is_example_value,
)
from observatoire.importing.readers import Sheet
from observatoire.normalize import name_key
from observatoire.texts import importing as texts

REJECT = "rejet"
WARNING = "avertissement"
_PLACE_ARGS = ("code_insee", "commune", "code_postal", "departement", "longitude", "latitude")


@dataclass
class Issue:
    """A rejected row or a warning, located as the user sees it."""

    severity: str
    kind: str | None
    sheet: str
    row: int | None
    column: str | None
    value: str
    reason: str

    def public(self) -> dict:
        """The fixed JSON shape of a reported reject or warning."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "reason": self.reason,
        }


@dataclass
class Record:
    """One record to upsert; ``values`` holds only the columns the file provides validly."""

    sheet: str
    row: int
    values: dict


@dataclass
class Batch:
    """Everything one kind contributes to an import."""

    kind: Kind
    records: dict[tuple, Record] = field(default_factory=dict)
    rejected: int = 0
    issues: list[Issue] = field(default_factory=list)

    def count(self, severity: str) -> int:
        """Number of issues of this severity."""
        return sum(1 for i in self.issues if i.severity == severity)


@dataclass
class Context:
    """What validation needs to know beyond the file: the resolver and the workspace's ids."""

    resolver: object
    session_ids: set[str] = field(default_factory=set)
    person_ids: set[str] = field(default_factory=set)
    # (name_key, commune_code) -> actor_id, and name_key -> actor ids, of the workspace.
    actor_by_place: dict[tuple[str, str], str] = field(default_factory=dict)
    actors_by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def derived_actor_id(key: str, commune_code: str) -> str:
    """A stable id for an actor given without identifiant: its normalised name and commune."""
    digest = hashlib.sha1(f"{key}|{commune_code}".encode()).hexdigest()[:12]
    return f"auto-{commune_code}-{digest}"


class _Invalid:
    """A cell that did not parse, and why."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason


# Columns whose values rarely repeat are not worth memoising.
_UNIQUE_VALUED = {"id", "text", "email", "phone", "url"}


def _plain(parse):
    def run(cell):
        try:
            return parse(cell)
        except ValueError as exc:
            return _Invalid(str(exc))

    return run


def _memoized(parse):
    # Types, circles, dates and departments repeat a lot; parse each distinct cell once.
    memo: dict = {}

    def run(cell):
        key = cell if type(cell) is str else (type(cell), cell)
        try:
            return memo[key]
        except KeyError:
            pass
        try:
            result = parse(cell)
        except ValueError as exc:
            result = _Invalid(str(exc))
        memo[key] = result
        return result

    return run


class _Row:
    """Per-row accumulator of values and issues."""

    __slots__ = ("number", "values", "rejects", "warnings")

    def __init__(self, number: int):
        self.number = number
        self.values: dict = {}
        self.rejects: list[tuple[str | None, str, str]] = []
        self.warnings: list[tuple[str | None, str, str]] = []


def map_columns(kind: Kind, sheet: Sheet, issues: list[Issue]) -> dict[str, int]:
    """Template column -> cell index; unknown and duplicate headers become warnings."""
    mapping: dict[str, int] = {}
    seen: dict[str, str] = {}
    for index, header in enumerate(sheet.header):
        if not header:
            continue
        name = column_of_header(kind, header)
        if name is None:
            issues.append(
                Issue(
                    WARNING,
                    kind.name,
                    sheet.name,
                    sheet.header_row,
                    header,
                    "",
                    texts.COLUMN_IGNORED,
                )
            )
        elif name in mapping:
            reason = texts.COLUMN_DUPLICATE.format(first=seen[name])
            issues.append(
                Issue(WARNING, kind.name, sheet.name, sheet.header_row, header, "", reason)
            )
        else:
            mapping[name], seen[name] = index, header
    return mapping


def _example_cell(markers: list[tuple[str, int]], cells: list) -> tuple[str, str] | None:
    """(column, value) of the first ``EXEMPLE-`` identifier of a row, if it is an example row."""
    for name, index in markers:
        if index < len(cells) and is_example_value(cells[index]):
            return name, str(cells[index]).strip()
    return None


class Validator:
    """Validates the sheets of one file, kind after kind, against one workspace context."""

    def __init__(self, context: Context):
        self.ctx = context
        self.batches: dict[str, Batch] = {}
        self._places: dict[tuple, object] = {}

    def add_sheet(self, kind: Kind, sheet: Sheet) -> Batch:
        """Validate one sheet into the batch of its kind."""
        batch = self.batches.setdefault(kind.name, Batch(kind))
        for row, column, reason in sheet.notes:
            batch.issues.append(Issue(WARNING, kind.name, sheet.name, row, column, "", reason))
        mapping = map_columns(kind, sheet, batch.issues)
        missing = [c for c in kind.required if c not in mapping]
        if missing:
            for column in missing:
                reason = texts.COLUMN_MISSING.format(column=column)
                batch.issues.append(
                    Issue(REJECT, kind.name, sheet.name, sheet.header_row, column, "", reason)
                )
            batch.rejected += len(sheet.rows)
            return batch
        if not sheet.rows:
            batch.issues.append(
                Issue(WARNING, kind.name, sheet.name, sheet.header_row, None, "", texts.SHEET_EMPTY)
            )
        readers = [self._reader(kind, kind.by_name[name], index) for name, index in mapping.items()]
        controls = sheet.may_hold_controls
        markers = [(name, mapping[name]) for name in kind.example_markers if name in mapping]
        for number, cells in sheet.rows:
            example = _example_cell(markers, cells)
            if example is not None:
                column, value = example
                batch.issues.append(
                    Issue(WARNING, kind.name, sheet.name, number, column, value, texts.EXAMPLE_ROW)
                )
                continue
            row = self._row(kind, readers, number, cells, controls)
            self._finish(batch, sheet.name, row)
        return batch

    # -- one row -------------------------------------------------------------------------------

    def _reader(self, kind: Kind, column, index: int) -> tuple:
        """(column, cell index, parser, key, feeds the resolver) for one mapped column."""
        if column.parser == "department":
            parse = _memoized(self._department_code)
        elif column.parser in _UNIQUE_VALUED:
            parse = _plain(v.PARSERS[column.parser])
        else:
            parse = _memoized(v.PARSERS[column.parser])
        is_place = column.name in PLACE_COLUMNS and kind.place != "none"
        if is_place and column.name == "departement":
            parse = _plain(v.display)  # checked by the resolver, with the other place columns
        return column, index, parse, column.name if is_place else column.target, is_place

    def _department_code(self, cell) -> str:
        code = self.ctx.resolver.department_code(v.display(cell))
        if code is None:
            raise ValueError(texts.BAD_DEPARTMENT.format(value=v.display(cell)))
        return code

    def _row(self, kind: Kind, readers, number: int, cells: list, controls: bool = True) -> _Row:
        row = _Row(number)
        values = row.values
        place: dict[str, object] = {}
        width = len(cells)
        for column, index, parse, key, is_place in readers:
            cell = cells[index] if index < width else None
            if controls and type(cell) is str and v.CONTROL_CHARS.search(cell):
                cell, removed = v.strip_controls(cell)
                reason = texts.CONTROL_REMOVED.format(count=removed)
                row.warnings.append((column.name, v.display(cell), reason))
            if v.is_blank(cell):
                if column.required:
                    row.rejects.append((column.name, "", texts.REQUIRED))
                elif column.target is not None:
                    values[column.target] = None
                continue
            result = parse(cell)
            if type(result) is _Invalid:
                if column.required:
                    row.rejects.append((column.name, v.display(cell), result.reason))
                else:
                    reason = texts.VALUE_DROPPED.format(reason=result.reason)
                    row.warnings.append((column.name, v.display(cell), reason))
                continue
            if is_place:
                place[key] = result
                if column.target is not None:
                    values[column.target] = result
            else:
                values[key] = result
        if kind.place != "none" and not row.rejects:
            self._place(kind, row, place)
        return row

    def _place(self, kind: Kind, row: _Row, place: dict) -> None:
        given = {k: place[k] for k in PLACE_COLUMNS if k in place}
        located = any(k != "departement" for k in given)
        if not located and kind.place != "required":
            if "departement" in given:
                # A department alone places the record in a department, not in a commune.
                code = self.ctx.resolver.department_code(given["departement"])
                if code is None:
                    reason = texts.VALUE_DROPPED.format(
                        reason=texts.BAD_DEPARTMENT.format(value=given["departement"])
                    )
                    row.warnings.append(("departement", given["departement"], reason))
                else:
                    row.values["department_code"] = code
            return
        args = tuple(given.get(k) for k in _PLACE_ARGS)
        found = self._places.get(args)
        if found is None:
            found = self.ctx.resolver.resolve(*args)
            self._places[args] = found
        if not hasattr(found, "commune_code"):
            column = next((k for k in PLACE_COLUMNS if k in given), "commune")
            shown = " / ".join(v.display(given[k]) for k in PLACE_COLUMNS if k in given)
            reason = found.reason if located else texts.PLACE_REQUIRED.format(reason=found.reason)
            row.rejects.append((column, shown, reason))
            return
        row.values.update(
            commune_code=found.commune_code,
            department_code=found.department_code,
            lon=found.lon,
            lat=found.lat,
        )
        if kind.table in ("actors", "actions"):
            row.values.update(approximate=found.approximate, qpv_code=found.qpv_code)
        if found.note:
            row.warnings.append(("code_insee", v.display(given.get("code_insee", "")), found.note))

    # -- after parsing: identity, references, duplicates ----------------------------------------

    def _finish(self, batch: Batch, sheet: str, row: _Row) -> None:
        kind = batch.kind
        if not row.rejects:
            getattr(self, f"_check_{kind.table}", lambda _row: None)(row)
        if row.rejects:
            batch.rejected += 1
            for column, value, reason in row.rejects:
                batch.issues.append(
                    Issue(REJECT, kind.name, sheet, row.number, column, value, reason)
                )
            return
        key, identity = self._identity(kind, row)
        earlier = batch.records.pop(key, None)
        if earlier is not None:
            where = (
                texts.DUPLICATE_SHEET.format(sheet=earlier.sheet) if earlier.sheet != sheet else ""
            )
            reason = texts.DUPLICATE.format(row=earlier.row, sheet=where, identity=identity)
            row.warnings.append((None, "", reason))
        for column, value, reason in row.warnings:
            batch.issues.append(Issue(WARNING, kind.name, sheet, row.number, column, value, reason))
        batch.records[key] = Record(sheet, row.number, row.values)

    def _identity(self, kind: Kind, row: _Row) -> tuple[tuple, str]:
        vals = row.values
        if kind.table == "actors" and not vals.get("actor_id"):
            key = (vals["name_key"], vals["commune_code"])
            vals["actor_id"] = self.ctx.actor_by_place.get(key) or derived_actor_id(*key)
            self.ctx.actors_by_name[key[0]].add(vals["actor_id"])
            return key, texts.IDENTITY_NAME
        if kind.table == "targets":
            vals["programme"] = vals.get("programme") or ""
        key = tuple(vals[k] for k in kind.key)
        if kind.table == "actors":
            self.ctx.actors_by_name[vals["name_key"]].add(vals["actor_id"])
        return key, texts.IDENTITY_ID.format(value=" / ".join(key))

    def _check_actors(self, row: _Row) -> None:
        name = row.values["name"]
        # Same result as name_key for ASCII names, without the slow accent folding.
        row.values["name_key"] = (
            " ".join(name.lower().split()) if name.isascii() else name_key(name)
        )

    def _link(self, row: _Row) -> None:
        structure = row.values.get("structure")
        if "structure" not in row.values:
            return
        ids = self.ctx.actors_by_name.get(name_key(structure)) if structure else None
        row.values["actor_id"] = next(iter(ids)) if ids and len(ids) == 1 else None

    def _check_people(self, row: _Row) -> None:
        self._link(row)
        self.ctx.person_ids.add(row.values["person_id"])

    def _check_sessions(self, row: _Row) -> None:
        self._check_dates(row)
        self.ctx.session_ids.add(row.values["session_id"])

    def _check_experiments(self, row: _Row) -> None:
        self._check_dates(row)
        self._link(row)

    def _check_actions(self, row: _Row) -> None:
        self._check_dates(row)
        self._link(row)

    def _check_attendances(self, row: _Row) -> None:
        session, person = row.values["session_id"], row.values["person_id"]
        if session not in self.ctx.session_ids:
            row.rejects.append(("session", session, texts.UNKNOWN_SESSION.format(value=session)))
        if person not in self.ctx.person_ids:
            row.rejects.append(("personne", person, texts.UNKNOWN_PERSON.format(value=person)))

    @staticmethod
    def _check_dates(row: _Row) -> None:
        start, end = row.values.get("start_date"), row.values.get("end_date")
        if start and end and end < start:
            reason = texts.VALUE_DROPPED.format(
                reason=texts.DATE_ORDER.format(end=f"{end:%d/%m/%Y}", start=f"{start:%d/%m/%Y}")
            )
            row.warnings.append(("date_fin", f"{end:%d/%m/%Y}", reason))
            del row.values["end_date"]
