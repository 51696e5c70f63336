"""A workspace's name, territory (departments) and programmes: read, and edited by safe write."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from observatoire import db
from observatoire.importing import safe_write


class BadDepartment(ValueError):
    """A department given to ``workspace set`` is unknown; the message is the value."""


def read_info(workspace: Path) -> dict:
    """Metadata (JSON lists decoded) and row counts of a workspace."""
    con = duckdb.connect(str(workspace), read_only=True)
    try:
        info = {r["key"]: r["value"] for r in db.rows(con, "workspace_info")}
        counts = db.rows(con, "workspace_counts")[0]
    finally:
        con.close()
    for key in ("departments", "programmes"):
        info[key] = json.loads(info.get(key) or "[]")
    info["demo"] = info.get("demo") == "1"
    return info | {"counts": counts}


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
