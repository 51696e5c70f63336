"""Safe writes to a workspace file: lock it, stage a copy, verify the copy, swap it in, back up.

Readers that already have the old file open keep reading the old inode; a killed process leaves
only a stray temporary file, never a half-written workspace.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from observatoire import db
from observatoire.texts import importing as texts
from observatoire.workspace.connection import SCHEMA

KEEP_BACKUPS = 10
DEFAULT_LOCK_WAIT = 30.0
# Test hook: when set to a path, touch it and wait there before the swap, so a test can kill us.
PAUSE_ENV = "OBSERVATOIRE_TEST_PAUSE_BEFORE_SWAP"

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None


class WorkspaceLocked(Exception):
    """Another process holds the workspace lock for longer than the wait allows."""


class VerifyFailed(Exception):
    """The new version of a workspace did not pass its checks; the old one is kept."""


def lock_path(workspace: Path) -> Path:
    """The lock file beside a workspace."""
    return workspace.with_name(workspace.name + ".lock")


def backups_dir(workspace: Path) -> Path:
    """``backups/`` in the workspace's folder (``data/backups/`` for the usual layout)."""
    return workspace.parent / "backups"


def lock_wait() -> float:
    """Seconds to wait for the lock: ``OBSERVATOIRE_IMPORT_LOCK_WAIT`` or 30."""
    try:
        return float(os.environ.get("OBSERVATOIRE_IMPORT_LOCK_WAIT", DEFAULT_LOCK_WAIT))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def locked(workspace: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the workspace's exclusive lock; the OS releases it if the process dies.

    The lock file is removed on release (no stray ``.lock`` in ``data/``). A waiter that locked
    a file removed meanwhile sees the inode differ from the path's and tries again.
    """
    workspace = Path(workspace)
    workspace.parent.mkdir(parents=True, exist_ok=True)
    wait = lock_wait() if wait is None else wait
    path = lock_path(workspace)
    deadline = time.monotonic() + wait
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise WorkspaceLocked(texts.WORKSPACE_LOCKED.format(path=workspace, seconds=wait))
            time.sleep(0.05)
        if _same_file(fd, path):
            break
        os.close(fd)
    try:
        _remove_stale_temporaries(workspace)
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows cannot remove an open file: it stays
            path.unlink()
        os.close(fd)  # closing the descriptor releases the lock


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def _temporaries(workspace: Path) -> list[Path]:
    return list(workspace.parent.glob(f".{workspace.name}.*.tmp*"))


def _remove_stale_temporaries(workspace: Path) -> None:
    # Under the lock, any temporary left is from a process that died mid-import.
    for path in _temporaries(workspace):
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def staged_copy(workspace: Path, folder: Path | None = None) -> Iterator[Path]:
    """A private copy of the workspace (or a new file), removed on exit; beside it by default."""
    workspace = Path(workspace)
    name = f".{workspace.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp"
    tmp = (Path(folder) if folder else workspace.parent) / name
    try:
        if workspace.exists():
            shutil.copyfile(workspace, tmp)
            wal = workspace.with_name(workspace.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, tmp.with_name(tmp.name + ".wal"))
        yield tmp
    finally:
        for path in (tmp, tmp.with_name(tmp.name + ".wal")):
            path.unlink(missing_ok=True)


def open_staged(tmp: Path) -> duckdb.DuckDBPyConnection:
    """A writable connection to a staged copy, with the current schema."""
    con = duckdb.connect(str(tmp))
    con.execute(SCHEMA)
    return con


def finish(con: duckdb.DuckDBPyConnection) -> None:
    """Checkpoint and close a staged copy so the file alone holds every change."""
    db.execute(con, "workspace_checkpoint")
    con.close()


def swap_in(
    tmp: Path, workspace: Path, verify: Callable[[duckdb.DuckDBPyConnection], None] | None = None
) -> Path | None:
    """Verify the staged file, back up the current one, and atomically replace it."""
    workspace = Path(workspace)
    check = duckdb.connect(str(tmp), read_only=True)
    try:
        if verify is not None:
            verify(check)
    finally:
        check.close()
    pause = os.environ.get(PAUSE_ENV)
    if pause:
        Path(pause).touch()
        time.sleep(600)
    backup = _backup(workspace) if workspace.exists() else None
    wal = workspace.with_name(workspace.name + ".wal")
    if wal.exists():
        # Its changes are in the staged copy; left beside the new file it would be replayed on it.
        target = backup.with_name(backup.name + ".wal") if backup else wal.with_suffix(".old")
        os.replace(wal, target)
    os.replace(tmp, workspace)
    _sync_dir(workspace.parent)
    return backup


def _backup(workspace: Path) -> Path:
    folder = backups_dir(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    backup = folder / f"{workspace.stem}-{stamp}{workspace.suffix}"
    try:
        # The swap never writes the old inode again, so a hard link is a faithful copy.
        os.link(workspace, backup)
    except OSError:
        shutil.copy2(workspace, backup)
    pattern = f"{workspace.stem}-[0-9]*-[0-9]*-[0-9]*{workspace.suffix}"
    for old in sorted(folder.glob(pattern))[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".wal").unlink(missing_ok=True)
    return backup


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
