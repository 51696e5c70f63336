"""Cached read-only DuckDB connections: one per database file, a ``cursor()`` per query."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import streamlit as st

from observatoire.db import connect_reference
from observatoire.paths import reference_db
from observatoire.workspace import connect_version


def stamp(path: Path) -> tuple[int, int]:
    """Identity of a file version: imports swap files atomically, so a new inode means new data."""
    info = os.stat(path)
    return info.st_ino, info.st_mtime_ns


@st.cache_resource(show_spinner=False, max_entries=16)
def _reference(path: str, version: tuple[int, int]) -> duckdb.DuckDBPyConnection:
    """Open the reference once per file version."""
    return connect_reference(Path(path))


# The version last opened per path, so that a swapped file's entry leaves the cache (the
# connection itself is not closed: sessions still running on the old version finish on it).
_OPENED: dict[str, tuple[tuple[int, int], str]] = {}


@st.cache_resource(show_spinner=False, max_entries=16)
def _workspace(path: str, version: tuple[int, int], reference: str) -> duckdb.DuckDBPyConnection:
    """Open a workspace once per file version (see ``workspace.connect_version``)."""
    return connect_version(Path(path), reference=Path(reference))


def reference() -> duckdb.DuckDBPyConnection:
    """The reference database (raises ``MissingReference`` when it is not built)."""
    path = reference_db()
    if not path.exists():
        connect_reference(path)  # raises MissingReference with the path
    return _reference(str(path), stamp(path))


def workspace(path: Path) -> duckdb.DuckDBPyConnection:
    """A workspace file with the reference attached as ``ref``."""
    ref = reference_db()
    if not ref.exists():
        connect_reference(ref)
    version = stamp(path)
    seen = _OPENED.get(str(path))
    if seen is not None and seen != (version, str(ref)):
        release(path)
    _OPENED[str(path)] = (version, str(ref))
    return _workspace(str(path), version, str(ref))


def release(path: Path) -> None:
    """Forget this process's cached connection to a workspace file, e.g. after an import."""
    seen = _OPENED.pop(str(path), None)
    if seen is not None:
        _workspace.clear(str(path), *seen)
