"""``observatoire import``, ``template`` and ``workspace``: spreadsheets in, workspace settings."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from observatoire.db import MissingReference
from observatoire.paths import default_workspace
from observatoire.texts import common
from observatoire.texts import importing as texts

MAX_LISTED = 20
_JSON_CONTROLS = re.compile(r"[\x7f-\x9f]")  # json.dumps escapes C0 itself, not DEL and C1


def _say(message: str, err: bool = False) -> None:
    """Print a line with its control characters made visible: a terminal must not obey a file."""
    from observatoire.importing.values import visible_controls

    print(visible_controls(message), file=sys.stderr if err else sys.stdout)


def _json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _JSON_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def register(sub) -> None:
    """Add the ``import``, ``template`` and ``workspace`` subcommands."""
    p = sub.add_parser("import", help="importer un classeur (.xlsx, .ods) ou un CSV")
    p.add_argument("file", type=Path, metavar="FICHIER")
    p.add_argument("--kind", help="type de données (obligatoire pour un CSV) : acteurs, …")
    p.add_argument("--db", type=Path, help="espace de travail (créé s'il n'existe pas)")
    p.add_argument("--dry-run", action="store_true", help="simuler sans rien écrire")
    p.add_argument("--strict", action="store_true", help="tout refuser s'il y a un rejet")
    p.add_argument("--json", action="store_true", help="rapport JSON sur la sortie standard")
    p.add_argument("--rejects", type=Path, help="exporter rejets et avertissements (.csv/.xlsx)")
    p.set_defaults(run=run_import)

    t = sub.add_parser("template", help="écrire le classeur modèle d'import")
    t.add_argument("file", type=Path, metavar="FICHIER.xlsx")
    t.set_defaults(run=run_template)

    w = sub.add_parser("workspace", help="afficher ou modifier un espace de travail")
    w.add_argument("action", nargs="?", choices=["show", "set"], default="show")
    w.add_argument("--db", type=Path, help="espace de travail")
    w.add_argument("--name", help="nom de l'espace de travail")
    w.add_argument("--departments", help="départements du territoire, par exemple 31,32")
    w.add_argument("--programmes", help='programmes, par exemple "PTR Occitanie,SPTT"')
    w.add_argument("--json", action="store_true", help="sortie JSON")
    w.set_defaults(run=run_workspace)


def _fail(message: str, code: int) -> int:
    _say(message, err=True)
    return code


def run_import(args) -> int:
    """Import a file; exit 0 when read, 1 when unreadable or refused, 2 for usage errors."""
    from observatoire.importing import (
        UsageError,
        VerifyFailed,
        WorkspaceLocked,
        export_issues,
        run_import,
    )

    try:
        report = run_import(
            args.file, args.db, kind=args.kind, dry_run=args.dry_run, strict=args.strict
        )
    except UsageError as exc:
        return _fail(common.USAGE_ERROR.format(detail=exc), 2)
    except (WorkspaceLocked, VerifyFailed) as exc:
        return _fail(str(exc), 1)
    except MissingReference as exc:
        return _fail(common.MISSING_REFERENCE.format(path=exc), 1)
    except Exception as exc:  # never a traceback for the user; nothing was swapped in
        return _fail(common.UNEXPECTED_ERROR.format(detail=f"{type(exc).__name__}: {exc}"), 1)
    if args.rejects and (report.rejects or report.warnings):
        export_issues(report, args.rejects)
    if args.json:
        print(_json(report.to_json()))
        if report.error:
            _say(report.error, err=True)
    else:
        _print_summary(report)
    return report.exit_code


def _print_summary(report) -> None:
    if report.error and not report.tables:
        _say(report.error, err=True)
        return
    dry = texts.SUMMARY_DRY if report.dry_run else ""
    _say(texts.SUMMARY_HEAD.format(file=report.file, dry=dry))
    for kind, counts in report.tables.items():
        _say(texts.SUMMARY_LINE.format(kind=kind, **counts))
    if not report.tables:
        _say(texts.SUMMARY_NOTHING)
    for head, issues in (
        (texts.REJECTS_HEAD, report.rejects),
        (texts.WARNINGS_HEAD, report.warnings),
    ):
        if issues:
            _say(head)
            for i in issues[:MAX_LISTED]:
                value = f" « {i.value} »" if i.value else ""
                column = i.column or ""
                where = texts.AT_ROW.format(sheet=i.sheet, row=i.row) if i.row else i.sheet
                _say(
                    texts.ISSUE_LINE.format(
                        where=where, column=column, value=value, reason=i.reason
                    )
                )
            if len(issues) > MAX_LISTED:
                _say(texts.MORE_ISSUES.format(count=len(issues) - MAX_LISTED))
    if report.error:
        _say(report.error, err=True)
    elif report.written and report.created:
        _say(texts.SUMMARY_CREATED.format(path=report.workspace))
    elif report.written:
        _say(texts.SUMMARY_WRITTEN.format(path=report.workspace, backup=report.backup))
    elif not report.dry_run:
        _say(texts.SUMMARY_UNCHANGED.format(path=report.workspace))


def run_template(args) -> int:
    """Write the template workbook."""
    from observatoire.importing.template import write_template

    if args.file.suffix.lower() != ".xlsx":
        return _fail(
            common.USAGE_ERROR.format(detail=texts.TEMPLATE_BAD_EXTENSION.format(path=args.file)), 2
        )
    try:
        write_template(args.file)
    except OSError as exc:
        return _fail(common.UNEXPECTED_ERROR.format(detail=exc), 1)
    _say(texts.TEMPLATE_WRITTEN.format(path=args.file))
    return 0


def run_workspace(args) -> int:
    """Show a workspace's settings, or change them."""
    from observatoire.importing import WorkspaceLocked, load_resolver
    from observatoire.workspace.info import BadDepartment, read_info, split_list, update_info

    path = args.db or default_workspace()
    if not path.exists():
        return _fail(texts.WORKSPACE_MISSING.format(path=path), 1)
    try:
        if args.action == "set" or any(
            x is not None for x in (args.name, args.departments, args.programmes)
        ):
            departments = split_list(args.departments)
            update_info(
                path,
                name=args.name,
                departments=departments,
                programmes=split_list(args.programmes),
                resolver=load_resolver() if departments is not None else None,
            )
            _say(texts.WORKSPACE_SAVED.format(path=path))
        info = read_info(path, counts=True)
    except BadDepartment as exc:
        return _fail(texts.WORKSPACE_BAD_DEPARTMENT.format(value=exc), 2)
    except WorkspaceLocked as exc:
        return _fail(str(exc), 1)
    except MissingReference as exc:
        return _fail(common.MISSING_REFERENCE.format(path=exc), 1)
    except Exception as exc:  # a damaged or foreign file: a message, not a traceback
        return _fail(texts.WORKSPACE_UNREADABLE.format(path=path, detail=exc), 1)
    if args.json:
        print(_json(info))
        return 0
    _say(
        texts.WORKSPACE_SHOW.format(
            path=path,
            name=info.get("name") or texts.NONE,
            departments=", ".join(info["departments"]) or texts.NONE,
            programmes=", ".join(info["programmes"]) or texts.NONE,
            demo=texts.YES if info["demo"] else texts.NO,
            **info["counts"],
        )
    )
    return 0
