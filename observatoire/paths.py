"""Where the project's files live; every other module asks here."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES_DIR = ROOT / "queries"
REFERENCE_SOURCES_DIR = ROOT / "data" / "reference"


def data_dir() -> Path:
    """The folder holding the databases; ``OBSERVATOIRE_DATA`` overrides it (tests, benchmarks)."""
    return Path(os.environ.get("OBSERVATOIRE_DATA", ROOT / "data"))


def reference_db() -> Path:
    """The built reference database."""
    return Path(os.environ.get("OBSERVATOIRE_REFERENCE", data_dir() / "reference.duckdb"))


def default_workspace() -> Path:
    """The workspace used without ``--db``: ``OBSERVATOIRE_WORKSPACE``, else data/workspace.duckdb."""
    return Path(os.environ.get("OBSERVATOIRE_WORKSPACE") or data_dir() / "workspace.duckdb")
