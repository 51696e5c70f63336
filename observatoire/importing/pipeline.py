"""One import, start to finish: read, select sheets, validate, plan, and write safely."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from functools import lru_cache
from pathlib import Path

import duckdb

from observatoire import db
from observatoire.importing import apply
from observatoire.importing.readers import UnreadableFile, check_file, read_sheets
from observatoire.importing.report import ImportReport
from observatoire.importing.selection import select
from observatoire.importing.validate import REJECT, WARNING, Context, Validator
from observatoire.paths import default_workspace
from observatoire.texts import importing as texts
from observatoire.workspace import safe_write


@lru_cache(maxsize=4)
def load_resolver(reference: Path | None = None):
    """The in-memory place resolver over a reference database, loaded once per process."""
    from observatoire.reference.resolver import Resolver

    return Resolver(reference)


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run_import(
    file_path,
    db_path=None,
    kind: str | None = None,
    dry_run: bool = False,
    strict: bool = False,
    reference=None,
    resolver=None,
) -> ImportReport:
    """Import a spreadsheet into a workspace (created if missing).

    Raises ``UsageError`` for an unknown kind or a CSV without kind, ``WorkspaceLocked`` when
    another import holds the workspace too long; an unreadable file is reported, not raised.
    """
    path = Path(file_path)
    workspace = Path(db_path) if db_path else default_workspace()
    report = ImportReport(file=str(file_path), dry_run=dry_run, workspace=str(workspace))
    try:
        check_file(path)
        report.sha256 = file_sha256(path)
        chosen, sheet_warnings = select(path, read_sheets(path), kind)
    except UnreadableFile as exc:
        report.error = str(exc)
        return report
    report.warnings.extend(sheet_warnings)
    resolver = resolver or load_resolver(Path(reference) if reference else None)
    if dry_run:
        # A private copy in the system's temporary folder: nothing is written near the workspace.
        with (
            tempfile.TemporaryDirectory() as folder,
            safe_write.staged_copy(workspace, folder) as tmp,
        ):
            con = safe_write.open_staged(tmp)
            try:
                _plan(con, chosen, resolver, report, import_id=0)
            finally:
                con.close()
        return report
    with safe_write.locked(workspace):
        _import_locked(workspace, chosen, resolver, report, strict)
    return report


def _import_locked(workspace: Path, chosen, resolver, report: ImportReport, strict: bool) -> None:
    created = not workspace.exists()
    with safe_write.staged_copy(workspace) as tmp:
        con = safe_write.open_staged(tmp)
        try:
            import_id = int(db.scalar(con, "import_next_id"))
            plans = _plan(con, chosen, resolver, report, import_id)
            if strict and report.rejects:
                report.refused = True
                report.error = texts.STRICT_REFUSED.format(
                    count=sum(t["rejected"] for t in report.tables.values())
                )
                return
            if not report.importable:
                return  # nothing to change: the workspace keeps its bytes
            for table_plan in plans:
                apply.write(con, table_plan)
            apply.write_issues(con, import_id, report.rejects + report.warnings)
            db.execute(
                con,
                "import_log",
                import_id=import_id,
                file_name=Path(report.file).name,
                sha256=report.sha256,
                imported_at=dt.datetime.now().replace(microsecond=0),
                summary=json.dumps(report.to_json(), ensure_ascii=False, default=str),
            )
            if created:
                _describe_new_workspace(con, workspace, plans)
            safe_write.finish(con)
        finally:
            con.close()
        backup = safe_write.swap_in(tmp, workspace, verify=lambda c: _verify(c, plans))
    report.written, report.created, report.import_id = True, created, import_id
    report.backup = str(backup) if backup else None


def _context(con: duckdb.DuckDBPyConnection, resolver) -> Context:
    ctx = Context(resolver)
    ctx.session_ids = {r["session_id"] for r in db.rows(con, "import_session_ids")}
    ctx.person_ids = {r["person_id"] for r in db.rows(con, "import_person_ids")}
    for r in db.rows(con, "import_actor_keys"):
        ctx.actor_by_place.setdefault((r["name_key"], r["commune_code"]), r["actor_id"])
        ctx.actors_by_name[r["name_key"]].add(r["actor_id"])
    return ctx


def _plan(con, chosen, resolver, report: ImportReport, import_id: int) -> list[apply.TablePlan]:
    validator = Validator(_context(con, resolver))
    for kind, sheet in chosen:
        validator.add_sheet(kind, sheet)
    plans = []
    for name, batch in validator.batches.items():
        table_plan = apply.plan(con, batch, import_id)
        plans.append(table_plan)
        report.tables[name] = {
            "inserted": len(table_plan.inserted),
            "updated": len(table_plan.updated),
            "unchanged": table_plan.unchanged,
            "rejected": batch.rejected,
            "warnings": batch.count(WARNING),
        }
        for issue in batch.issues:
            (report.rejects if issue.severity == REJECT else report.warnings).append(issue)
    return plans


def _describe_new_workspace(con, workspace: Path, plans: list[apply.TablePlan]) -> None:
    """A new workspace's territory is the departments of the rows imported."""
    departments, programmes = set(), set()
    for table_plan in plans:
        for row in table_plan.inserted:
            if row.get("department_code"):
                departments.add(row["department_code"])
            if row.get("programme"):
                programmes.add(row["programme"])
    info = {
        "name": workspace.stem,
        "departments": json.dumps(sorted(departments)),
        "programmes": json.dumps(sorted(programmes), ensure_ascii=False),
        "demo": "0",
        "created_at": dt.datetime.now().replace(microsecond=0).isoformat(),
    }
    for key, value in info.items():
        db.execute(con, "set_workspace_info", key=key, value=value)


def _verify(con: duckdb.DuckDBPyConnection, plans: list[apply.TablePlan]) -> None:
    """Every table of the new version holds exactly the rows the plan expects."""
    for table_plan in plans:
        expected = table_plan.existing + len(table_plan.inserted)
        found = db.scalar(con, "import_table_count", table=table_plan.table)
        if found != expected:
            detail = texts.VERIFY_DETAIL.format(
                table=table_plan.table, found=found, expected=expected
            )
            raise safe_write.VerifyFailed(texts.VERIFY_FAILED.format(detail=detail))
