"""Build the two demo workspaces: generate template workbooks, then import them."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from observatoire import db
from observatoire.demo import hauts_de_france, occitanie
from observatoire.paths import data_dir
from observatoire.workspace import connect

DEMOS = {
    "occitanie": ("demo-occitanie.duckdb", occitanie),
    "hauts-de-france": ("demo-hauts-de-france.duckdb", hauts_de_france),
}


def _create(path: Path, module, reference: Path | None) -> None:
    con = connect(path, read_only=False, reference=reference)
    try:
        info = {
            "name": module.NAME,
            "departments": json.dumps(module.DEPARTMENTS),
            "programmes": json.dumps([module.PROGRAMME]),
            "demo": "1",
        }
        for key, value in info.items():
            db.execute(con, "set_workspace_info", key=key, value=value)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _workbooks(module, reference: Path | None):
    if module is occitanie:
        con = db.connect_reference(reference)
        try:
            communes = db.frame(con, "demo_communes", departments=module.DEPARTMENTS)
            qpv = db.frame(con, "demo_qpv", departments=module.DEPARTMENTS)
        finally:
            con.close()
        return module.workbooks(communes, qpv)
    return module.workbooks()


def build_demo(name: str, out_dir: Path | None = None, reference: Path | None = None) -> dict:
    """Build one demo workspace from scratch and return the import reports."""
    from observatoire.importing import run_import

    file_name, module = DEMOS[name]
    out_dir = Path(out_dir or data_dir())
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / file_name
    # Build in a hidden folder beside the target (same file system, so the final move is atomic):
    # a half-built demo never shows in the workspace picker, and its import backups go away.
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".building-") as tmp:
        work = Path(tmp) / file_name
        _create(work, module, reference)
        reports = []
        for book in _workbooks(module, reference):
            reports.append(run_import(book.write(Path(tmp)), work, reference=reference))
        os.replace(work, final)
    return {"path": str(final), "reports": reports}
