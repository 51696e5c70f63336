"""Opening a workspace file, with the reference attached read-only as ``ref``."""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from pathlib import Path

import duckdb

from observatoire import db
from observatoire.db import MissingReference
from observatoire.paths import reference_db
from observatoire.workspace.version import file_version

VERSIONS_DIR = ".versions"  # hidden beside the workspaces: the picker lists only *.duckdb
SCHEMA = "\n".join(
    Path(__file__).with_name(name).read_text(encoding="utf-8")
    for name in ("schema.sql", "schema_content.sql")
)
# Two sessions opening one file share its DuckDB instance: one checks and attaches at a time.
_ATTACHING = threading.Lock()


def attach_reference(con: duckdb.DuckDBPyConnection, reference: Path | None = None) -> None:
    """Attach the reference database as ``ref`` (read-only)."""
    path = Path(reference or reference_db())
    if not path.exists():
        raise MissingReference(path)
    with _ATTACHING:
        # DuckDB shares one database instance per file within a process, so a second connection
        # to the same workspace already sees the attachment.
        if db.scalar(con, "reference_attached"):
            return
        # DuckDB (1.4 to 2.0) can spin forever in ATTACH once many database instances have
        # attached one path and been closed: each instance attaches the reference through a
        # hard link of its own, removed at once (the open file stays readable).
        link = _private_link(path)
        try:
            con.execute("ATTACH $path AS ref (READ_ONLY)", {"path": str(link)})
        finally:
            if link != path:
                link.unlink(missing_ok=True)


def _private_link(path: Path) -> Path:
    """A new hard link to ``path`` in the hidden folder beside it; ``path`` itself if none can be made."""
    link = (
        path.parent / VERSIONS_DIR / f"{path.stem}.attach.{os.getpid()}.{uuid.uuid4().hex}.duckdb"
    )
    return link if _linked(path, link) else path


def _linked(path: Path, link: Path) -> bool:
    """Whether ``link`` is (now) a hard link to ``path``, its hidden folder made if needed."""
    try:
        link.parent.mkdir(exist_ok=True)
        # A version may have been linked before, by this process or by another replica.
        with contextlib.suppress(FileExistsError):
            os.link(path, link)
    except OSError:
        return False
    return True


def connect(path: Path, read_only: bool = True, reference: Path | None = None):
    """Open a workspace file with the reference attached; a writable one gets the schema."""
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        con.execute(SCHEMA)
    attach_reference(con, reference)
    return con


def connect_version(path: Path, reference: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the file version now at ``path``, unaffected by later swaps.

    DuckDB keeps one database instance per path within a process: once an import has swapped a
    new file in, ``duckdb.connect(path)`` would still return the old version while any connection
    to it lives, and closing those would break queries other sessions are running. So each
    version is opened through its own hard link (same inode, its own path): readers of the old
    version finish on it, new readers get the new one. The link of a replaced version is removed
    at once (the open file stays readable); a read-only folder falls back to the plain path.
    """
    path = Path(path)
    version = file_version(path)
    if version is None:
        raise FileNotFoundError(path)
    inode, mtime_ns = version
    link = path.parent / VERSIONS_DIR / f"{path.stem}.{inode}.{mtime_ns}.duckdb"
    if not _linked(path, link):
        return connect(path, read_only=True, reference=reference)
    for old in link.parent.glob(f"{path.stem}.*.duckdb"):
        if old != link and old.stem.count(".") == 2 and old.stem.split(".")[0] == path.stem:
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)
    return connect(link, read_only=True, reference=reference)
