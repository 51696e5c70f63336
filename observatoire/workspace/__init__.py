"""Workspace files: one DuckDB file per network, with the reference attached read-only as ``ref``."""

from __future__ import annotations

from pathlib import Path

import duckdb

from observatoire.db import MissingReference
from observatoire.paths import reference_db

SCHEMA = (Path(__file__).with_name("schema.sql")).read_text(encoding="utf-8")


def attach_reference(con: duckdb.DuckDBPyConnection, reference: Path | None = None) -> None:
    """Attach the reference database as ``ref`` (read-only)."""
    path = Path(reference or reference_db())
    if not path.exists():
        raise MissingReference(path)
    # DuckDB shares one database instance per file within a process, so a second connection to
    # the same workspace already sees the attachment.
    con.execute("ATTACH IF NOT EXISTS $path AS ref (READ_ONLY)", {"path": str(path)})


def connect(path: Path, read_only: bool = True, reference: Path | None = None):
    """Open a workspace file with the reference attached; a writable one gets the schema."""
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        con.execute(SCHEMA)
    attach_reference(con, reference)
    return con
