"""``observatoire kpis``: the catalogue's values and targets for a month or a year."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

from observatoire.db import MissingReference
from observatoire.kpis import kpi_value
from observatoire.paths import default_workspace
from observatoire.texts import common
from observatoire.texts import kpis as texts


def register(sub) -> None:
    """Add the ``kpis`` subcommand."""
    p = sub.add_parser("kpis", help=texts.CLI_HELP)
    when = p.add_mutually_exclusive_group()
    when.add_argument("--month", "--mois", dest="month", metavar="AAAA-MM", help=texts.CLI_MONTH)
    when.add_argument("--year", "--annee", dest="year", metavar="AAAA", help=texts.CLI_YEAR)
    when.add_argument("--liste", action="store_true", help=texts.CLI_LIST)
    p.add_argument("--programme", default=None, help=texts.CLI_PROGRAMME)
    p.add_argument("--db", type=Path, default=None, help=texts.CLI_DB)
    p.add_argument("--json", action="store_true", help=texts.CLI_JSON)
    p.set_defaults(run=run)


def _fail(message: str, code: int) -> int:
    """Print a French message on stderr and return the exit code."""
    print(message, file=sys.stderr)
    return code


def run(args) -> int:
    """Compute and print the KPIs of the requested period."""
    from observatoire.kpis import KPIS, PeriodError, catalogue
    from observatoire.kpis.periods import parse_month, parse_year

    if args.liste:
        return _print_catalogue(KPIS, args.json)
    if args.month is None and args.year is None:
        detail = common.ARGPARSE["one of the arguments"] + " : --month --year"
        return _fail(common.USAGE_ERROR.format(detail=detail), 2)
    try:
        period = parse_month(args.month) if args.month is not None else parse_year(args.year)
    except PeriodError as exc:
        return _fail(common.USAGE_ERROR.format(detail=exc), 2)
    path = args.db or default_workspace()
    if not path.is_file():
        return _fail(texts.MISSING_DB.format(path=path), 2)
    try:
        con = _open(path)
    except MissingReference as exc:
        return _fail(common.MISSING_REFERENCE.format(path=exc), 1)
    except duckdb.Error as exc:
        return _fail(texts.DB_UNREADABLE.format(path=path, detail=exc), 1)
    with con:
        return _report(con, period, args.programme or None, args.json, catalogue)


def _open(path: Path):
    """A read-only workspace connection with the reference attached."""
    from observatoire.workspace import connect

    return connect(path, read_only=True)


def _report(con, period, programme, as_json: bool, catalogue) -> int:
    """Print the values (JSON or a French table); warnings about targets go to stderr."""
    from observatoire.kpis import check_targets, compute_kpis, target_details

    for problem in check_targets(con):
        print(problem, file=sys.stderr)
    values = compute_kpis(con, period, programme)
    targets = target_details(con, period, programme)
    if as_json:
        out = {
            "period": period.key,
            "programme": programme,
            "kpis": values,
            "targets": {k: t.value for k, t in targets.items()},
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    ytd = None
    if any(t.prorated for t in targets.values()):
        ytd = compute_kpis(con, period.year_to_date(), programme, only=list(targets))
    print(texts.HEADER_PERIOD.format(label=period.label))
    print(texts.HEADER_PROGRAMME.format(programme=programme or texts.ALL_PROGRAMMES))
    print(_table(catalogue.KPIS, values, targets, ytd))
    if ytd is not None:
        print(f"{texts.PRORATED_MARK} {texts.TARGET_PRORATED}")
    return 0


def _table(kpis, values, targets, ytd) -> str:
    """A plain-text table grouped by catalogue section: label, value, [YTD], target."""
    header = [texts.COLUMN_LABEL, texts.COLUMN_VALUE]
    if ytd is not None:
        header.append(texts.COLUMN_YTD)
    header.append(texts.COLUMN_TARGET)
    lines: list[list[str] | str] = []
    group = None
    for kpi in kpis:
        if kpi.group != group:
            group = kpi.group
            lines.append(kpi.group_label.upper())
        row = [f"  {kpi.label}", kpi_value(kpi, values[kpi.id])]
        target = targets.get(kpi.id)
        if ytd is not None:
            shown = target is not None and target.prorated
            row.append(kpi_value(kpi, ytd[kpi.id]) if shown else "")
        if target is None:
            row.append("")
        else:
            # Unmarked targets get blanks where the mark would be, so the digits line up.
            mark = f" {texts.PRORATED_MARK}" if target.prorated else " " * (ytd is not None) * 2
            row.append(kpi_value(kpi, target.value) + mark)
        lines.append(row)
    rows = [r for r in lines if isinstance(r, list)]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(r: list[str]) -> str:
        cells = [r[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    out = [fmt(header), "  ".join("-" * w for w in widths)]
    out += [fmt(r) if isinstance(r, list) else r for r in lines]
    return "\n".join(out)


def _print_catalogue(kpis, as_json: bool) -> int:
    """The catalogue itself: id, label, unit, definition."""
    if as_json:
        out = [
            {
                "id": k.id,
                "label": k.label,
                "unit": str(k.unit),
                "definition": k.definition,
                "cumulative": k.cumulative,
                "group": str(k.group),
            }
            for k in kpis
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for k in kpis:
        print(f"{k.id} — {k.label} ({k.unit})\n    {k.definition}")
    return 0
