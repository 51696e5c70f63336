"""The identity of a file's current version, the one key every cache and stale check uses."""

from __future__ import annotations

import os
from pathlib import Path

Version = tuple[int, int]


def file_version(path: Path) -> Version | None:
    """(inode, modification time) of the file now at ``path``; None while it does not exist.

    Writes swap a new file in atomically (``safe_write``), so a new inode means new data.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns
