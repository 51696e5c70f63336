"""``observatoire kpis``: the catalogue's values and targets for a month, a year or a range."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NamedTuple

import duckdb

from observatoire.db import MissingReference
from observatoire.kpis import kpi_value
from observatoire.paths import default_workspace
from observatoire.periods import COMPARISONS, PeriodError
from observatoire.texts import common
from observatoire.texts import kpis as texts


class Where(NamedTuple):
    """The optional programme and department the figures are restricted to."""

    programme: str | None
    department: str | None


def register(sub) -> None:
    """Add the ``kpis`` subcommand."""
    p = sub.add_parser("kpis", help=texts.CLI_HELP)
    when = p.add_mutually_exclusive_group()
    when.add_argument("--month", "--mois", dest="month", metavar="AAAA-MM", help=texts.CLI_MONTH)
    when.add_argument("--year", "--annee", dest="year", metavar="AAAA", help=texts.CLI_YEAR)
    when.add_argument("--from", "--du", dest="start", metavar="DEBUT", help=texts.CLI_FROM)
    when.add_argument("--periode", dest="period", metavar="PERIODE", help=texts.CLI_PERIOD)
    when.add_argument("--liste", action="store_true", help=texts.CLI_LIST)
    p.add_argument("--to", "--au", dest="end", metavar="FIN", help=texts.CLI_TO)
    p.add_argument("--programme", default=None, help=texts.CLI_PROGRAMME)
    p.add_argument("--department", "--departement", dest="department", help=texts.CLI_DEPARTMENT)
    p.add_argument(
        "--compare", "--comparer", dest="compare", choices=list(COMPARISONS), help=texts.CLI_COMPARE
    )
    p.add_argument("--par-programme", action="store_true", help=texts.CLI_BY_PROGRAMME)
    p.add_argument("--espaces", nargs="+", type=Path, metavar="FICHIER", help=texts.CLI_WORKSPACES)
    p.add_argument("--db", type=Path, default=None, help=texts.CLI_DB)
    p.add_argument("--json", action="store_true", help=texts.CLI_JSON)
    p.set_defaults(run=run)


def _fail(message: str, code: int) -> int:
    """Print a French message on stderr and return the exit code."""
    print(message, file=sys.stderr)
    return code


def _period(args, con):
    """The period the arguments ask for (PeriodError when unreadable or incomplete)."""
    from observatoire.periods import Kind, Period, parse_day, parse_month, parse_year

    if args.month is not None:
        return parse_month(args.month)
    if args.year is not None:
        return parse_year(args.year)
    if args.period is not None:
        return _typed_period(args.period, con, args.programme)
    start, end = parse_day(args.start, first=True), parse_day(args.end, first=False)
    if end < start:
        raise PeriodError(texts.CLI_BAD_ORDER.format(start=args.start, end=args.end))
    return Period(start, end, Kind.RANGE)


def _typed_period(text: str, con, programme):
    """A period as typed on a page (shortcuts included, ``today`` being the real date)."""
    from observatoire.kpis import programme_start
    from observatoire.periods import parse_period

    start = programme_start(con, programme) if con is not None else None
    return parse_period(text, programme_start=start)


def run(args) -> int:
    """Compute and print the KPIs of the requested period."""
    from observatoire.kpis import KPIS, catalogue

    if args.liste:
        return _print_catalogue(KPIS, args.json)
    chosen = [args.month, args.year, args.start, args.period]
    if all(x is None for x in chosen):
        detail = common.ARGPARSE["one of the arguments"] + " : --month --year --from --periode"
        return _fail(common.USAGE_ERROR.format(detail=detail), 2)
    if (args.start is None) != (args.end is None):
        return _fail(common.USAGE_ERROR.format(detail=texts.CLI_FROM_TO), 2)
    if args.espaces:
        return _workspaces(args, catalogue)
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
        try:
            period = _period(args, con)
        except PeriodError as exc:
            return _fail(common.USAGE_ERROR.format(detail=exc), 2)
        where = Where(args.programme or None, args.department or None)
        if args.par_programme:
            return _programmes(con, period, where.department, args.json, catalogue)
        return _report(con, period, where, args.compare, args.json, catalogue)


def _side_by_side(period, key: str, columns: dict, names: dict, as_json: bool, catalogue) -> int:
    """KPIs in rows, one column per programme or workspace (JSON: by column then KPI id)."""
    if as_json:
        out = {"period": period.as_dict(), key: columns}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(texts.HEADER_PERIOD.format(label=period.label))
    header = [texts.COLUMN_LABEL, *(names[c] for c in columns)]
    rows = [
        [f"  {k.label}", *(kpi_value(k, columns[c][k.id]) for c in columns)] for k in catalogue.KPIS
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)
        ]
        print("  ".join(cells).rstrip())
    return 0


def _programmes(con, period, department, as_json: bool, catalogue) -> int:
    """Every programme of the workspace side by side, then all of them."""
    from observatoire.kpis.compare import by_programme

    columns = by_programme(con, period, [k.id for k in catalogue.KPIS], department)
    names = {p: p or texts.ALL_PROGRAMMES for p in columns}
    return _side_by_side(period, "programmes", columns, names, as_json, catalogue)


def _workspaces(args, catalogue) -> int:
    """Several workspace files side by side (a national view), each opened read-only."""
    from observatoire.kpis.compare import by_workspace

    missing = [p for p in args.espaces if not p.is_file()]
    if missing:
        return _fail(texts.MISSING_DB.format(path=missing[0]), 2)
    try:
        period = _period(args, None)
        columns = by_workspace(args.espaces, period, [k.id for k in catalogue.KPIS])
    except PeriodError as exc:
        return _fail(common.USAGE_ERROR.format(detail=exc), 2)
    except MissingReference as exc:
        return _fail(common.MISSING_REFERENCE.format(path=exc), 1)
    except duckdb.Error as exc:
        return _fail(
            texts.DB_UNREADABLE.format(path=", ".join(map(str, args.espaces)), detail=exc), 1
        )
    return _side_by_side(
        period, "workspaces", columns, {c: c for c in columns}, args.json, catalogue
    )


def _open(path: Path):
    """A read-only workspace connection with the reference attached."""
    from observatoire.workspace import connect

    return connect(path, read_only=True)


def _report(con, period, where: Where, compare: str | None, as_json: bool, catalogue) -> int:
    """Print the values (JSON or a French table); warnings about targets go to stderr."""
    from observatoire.kpis import check_targets, compute_kpis, target_details

    for problem in check_targets(con):
        print(problem, file=sys.stderr)
    values = compute_kpis(con, period, where.programme, department=where.department)
    targets = target_details(con, period, where.programme, where.department)
    other = period.compared(compare) if compare else None
    before = (
        compute_kpis(con, other, where.programme, department=where.department) if other else None
    )
    if as_json:
        out = {
            "period": period.as_dict(),
            "programme": where.programme,
            "department": where.department,
            "kpis": values,
            "targets": {k: t.value for k, t in targets.items()},
        }
        if other is not None:
            out["comparison"] = {"kind": compare, "period": other.as_dict(), "kpis": before}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    ytd = None
    if any(t.prorated for t in targets.values()):
        ytd = compute_kpis(con, period.year_to_date(), where.programme, only=list(targets))
    print(texts.HEADER_PERIOD.format(label=period.label))
    print(texts.HEADER_PROGRAMME.format(programme=where.programme or texts.ALL_PROGRAMMES))
    if where.department:
        print(texts.HEADER_DEPARTMENT.format(department=where.department))
    if other is not None:
        print(texts.HEADER_COMPARISON.format(label=other.label))
    print(_table(catalogue.KPIS, values, targets, ytd, before))
    if ytd is not None:
        print(f"{texts.PRORATED_MARK} {texts.TARGET_PRORATED}")
    return 0


def _table(kpis, values, targets, ytd, before=None) -> str:
    """A plain-text table grouped by catalogue section: label, value, [compared], [YTD], target."""
    header = [texts.COLUMN_LABEL, texts.COLUMN_VALUE]
    if before is not None:
        header.append(texts.COLUMN_COMPARED)
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
        if before is not None:
            row.append(kpi_value(kpi, before[kpi.id]))
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
