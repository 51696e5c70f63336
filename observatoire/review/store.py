"""Review tables in a workspace: what a read-only file holds, and safe writes to it.

Writes never touch the workspace in place: like an import, they take the workspace lock, work
on a staged copy and swap it in, keeping a backup (``observatoire.workspace.safe_write``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from observatoire import db
from observatoire.workspace import SCHEMA, safe_write

NOTES, SNAPSHOTS = "monthly_notes", "kpi_snapshots"
# The columns each read needs: an older file lacking one is read as holding nothing yet.
NOTE_COLUMNS = frozenset({"month", "programme", "text", "updated_at", "author"})
SNAPSHOT_COLUMNS = frozenset(
    {"month", "programme", "department", "kpi_id", "value", "frozen_at", "frozen_by"}
)


def columns(con) -> dict[str, set[str]]:
    """The review tables present in the file and their columns."""
    found: dict[str, set[str]] = {}
    for row in db.rows(con, "review_table_columns"):
        found.setdefault(row["table_name"], set()).add(row["column_name"])
    return found


def readable(con, table: str) -> bool:
    """Whether ``table`` exists with every column the review reads."""
    needed = NOTE_COLUMNS if table == NOTES else SNAPSHOT_COLUMNS
    return needed <= columns(con).get(table, set())


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the review tables of a writable (staged) file to the current schema."""
    present = columns(con)
    if "author" not in present.get(NOTES, {"author"}):
        db.execute(con, "review_notes_add_author")
    if "department" not in present.get(SNAPSHOTS, {"department"}):
        # The old primary key lacks the department: move the table aside, recreate, copy.
        db.execute(con, "review_snapshots_rename_old")
        con.execute(SCHEMA)
        db.execute(con, "review_snapshots_copy_old")
        db.execute(con, "review_snapshots_drop_old")


def write(workspace: Path, change: Callable[[duckdb.DuckDBPyConnection], None]) -> Path | None:
    """Apply ``change`` to a staged copy of the workspace and swap it in; returns the backup."""
    workspace = Path(workspace)
    with safe_write.locked(workspace), safe_write.staged_copy(workspace) as tmp:
        con = safe_write.open_staged(tmp)
        try:
            upgrade(con)
            change(con)
        finally:
            safe_write.finish(con)
        return safe_write.swap_in(tmp, workspace, verify=_verify)


def _verify(con) -> None:
    """The staged file reads back with both review tables in their current shape."""
    if not (readable(con, NOTES) and readable(con, SNAPSHOTS)):
        raise safe_write.VerifyFailed(f"review tables incomplete: {columns(con)}")
