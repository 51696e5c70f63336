"""A workspace's settings (``workspace_info``): one reader, one demo rule, one writer."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from observatoire import db
from observatoire.workspace import safe_write

# Values of the ``demo`` key that mark a demonstration workspace.
TRUE = frozenset({"1", "true", "yes", "oui", "vrai"})


class BadDepartment(ValueError):
    """A department given to ``update_info`` is unknown; the message is the value."""


def json_list(raw) -> list[str]:
    """A stored JSON list as strings; absent, empty or unreadable text is an empty list."""
    try:
        items = json.loads(raw) if raw else []
    except (TypeError, ValueError):
        return []
    return [str(item) for item in items if item is not None] if isinstance(items, list) else []


def is_demo(info: dict) -> bool:
    """Whether the ``demo`` setting marks a demonstration workspace."""
    return str(info.get("demo") or "").strip().lower() in TRUE


def read_info(workspace: Path, counts: bool = False) -> dict:
    """Settings (``departments`` and ``programmes`` decoded, ``demo`` a bool), rows counted if asked.

    Raises ``duckdb.Error`` when the file is locked by a writer, not DuckDB, or not a workspace.
    """
    con = duckdb.connect(str(workspace), read_only=True)
    try:
        info = {r["key"]: r["value"] for r in db.rows(con, "workspace_info")}
        if counts:
            info["counts"] = db.rows(con, "workspace_counts")[0]
    finally:
        con.close()
    for key in ("departments", "programmes"):
        info[key] = json_list(info.get(key))
    info["demo"] = is_demo(info)
    return info


def update_info(
    workspace: Path,
    name: str | None = None,
    departments: list[str] | None = None,
    programmes: list[str] | None = None,
    resolver=None,
) -> Path | None:
    """Change the given settings through a verified atomic swap; returns the backup path."""
    values: dict[str, str] = {}
    if name is not None:
        values["name"] = name.strip()
    if departments is not None:
        codes = []
        for item in departments:
            code = resolver.department_code(item)
            if code is None:
                raise BadDepartment(item)
            codes.append(code)
        values["departments"] = json.dumps(sorted(set(codes)))
    if programmes is not None:
        cleaned = [p.strip() for p in programmes if p.strip()]
        values["programmes"] = json.dumps(cleaned, ensure_ascii=False)
    if not values:
        return None
    with safe_write.locked(workspace), safe_write.staged_copy(workspace) as tmp:
        con = safe_write.open_staged(tmp)
        try:
            for key, value in values.items():
                db.execute(con, "set_workspace_info", key=key, value=value)
            safe_write.finish(con)
        finally:
            con.close()
        return safe_write.swap_in(tmp, workspace)


def split_list(text: str | None) -> list[str] | None:
    """``"31, 32"`` -> ``["31", "32"]``; None stays None."""
    if text is None:
        return None
    return [item.strip() for item in text.split(",") if item.strip()]
