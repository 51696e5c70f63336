"""DuckDB access: one SQL file per query in queries/, always with bound ``$named`` parameters."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from observatoire.paths import QUERIES_DIR, reference_db

if TYPE_CHECKING:  # pandas costs 0.4 s to import: the kpis CLI never loads it
    import pandas as pd

_PARAM = re.compile(r"(?<![\w$])\$([A-Za-z_]\w*)")
_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)
_STRING = re.compile(r"'(?:[^']|'')*'")


class QueryError(ValueError):
    """A query was called with parameters that do not match its file."""


@cache
def load_query(name: str) -> tuple[str, frozenset[str]]:
    """The SQL text of ``queries/<name>.sql`` and the set of its ``$parameters``."""
    path: Path = QUERIES_DIR / f"{name}.sql"
    sql = path.read_text(encoding="utf-8")
    code = _STRING.sub("''", _COMMENT.sub("", sql))
    return sql, frozenset(_PARAM.findall(code))


def execute(con: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    """Run a named query on a fresh cursor, binding exactly the parameters it declares."""
    return execute_on(con.cursor(), name, **params)


def execute_on(cur: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    """Run a named query on this very cursor (it sees the temporary tables made on it)."""
    sql, expected = load_query(name)
    given = set(params)
    if given != expected:
        raise QueryError(f"{name}.sql expects {sorted(expected)}, got {sorted(given)}")
    return cur.execute(sql, params) if params else cur.execute(sql)


def frame(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """A named query's result as a DataFrame."""
    return execute(con, name, **params).df()


def rows(con: duckdb.DuckDBPyConnection, name: str, **params) -> list[dict]:
    """A named query's result as a list of dicts."""
    cur = execute(con, name, **params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def scalar(con: duckdb.DuckDBPyConnection, name: str, **params):
    """The single value a named query returns."""
    row = execute(con, name, **params).fetchone()
    return None if row is None else row[0]


class MissingReference(FileNotFoundError):
    """The reference database has not been built."""


def connect_reference(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the reference database."""
    path = Path(path or reference_db())
    if not path.exists():
        raise MissingReference(path)
    return duckdb.connect(str(path), read_only=True)
