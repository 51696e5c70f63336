"""Cached read-only DuckDB connections: one per database file, a ``cursor()`` per query."""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

from observatoire.db import connect_reference
from observatoire.paths import reference_db
from observatoire.workspace import connect_version
from observatoire.workspace.version import Version, file_version


@st.cache_resource(show_spinner=False, max_entries=16)
def _reference(path: str, version: Version) -> duckdb.DuckDBPyConnection:
    """Open the reference once per file version."""
    return connect_reference(Path(path))


# The version last opened per path, so that a swapped file's entry leaves the cache (the
# connection itself is not closed: sessions still running on the old version finish on it).
_OPENED: dict[str, tuple[Version, str]] = {}


@st.cache_resource(show_spinner=False, max_entries=16)
def _workspace(path: str, version: Version, reference: str) -> duckdb.DuckDBPyConnection:
    """Open a workspace once per file version (see ``workspace.connect_version``)."""
    return connect_version(Path(path), reference=Path(reference))


def reference() -> duckdb.DuckDBPyConnection:
    """The reference database (raises ``MissingReference`` when it is not built)."""
    path = reference_db()
    if not path.exists():
        connect_reference(path)  # raises MissingReference with the path
    return _reference(str(path), file_version(path))


def workspace(path: Path) -> duckdb.DuckDBPyConnection:
    """A workspace file with the reference attached as ``ref``."""
    ref = reference_db()
    if not ref.exists():
        connect_reference(ref)
    version = file_version(path)
    if version is None:
        raise FileNotFoundError(path)
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
