"""``observatoire coverage`` and ``observatoire plan``: uncovered territories and tour planner.

``--basis activite`` (default): a territory is reached when an activity of the period took place
within R km of its reference point; ``--basis presence``: when an actor is based within R km.
The period is ``--period P`` (month, year or range), ``--from D --to D``, or by default the 12
months ending on the workspace's latest activity (``--to D`` alone: the 12 months ending on D;
``--from D`` alone: from D to the latest activity; ``--date D`` is ``--to D``).
For EPCI and departments, three fields hold aggregates: ``reached_12m`` the number of communes
holding an activity, ``uncovered`` the uncovered population, ``rural`` the rural share of it.
Exit codes: 0 done, 1 data problem (missing or unreadable workspace, no actor), 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import duckdb

from observatoire.coverage import BASES, CANDIDATES, DEFAULT_BASIS, DEFAULT_RADIUS_KM, LEVELS
from observatoire.db import MissingReference
from observatoire.texts import common
from observatoire.texts import coverage as texts

USAGE, DATA = 2, 1


class CliError(Exception):
    """A French message and the exit code it deserves."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def _common_options(p) -> None:
    p.add_argument("--db", type=Path, required=True, help=texts.DB_HELP)
    p.add_argument("--radius-km", type=float, default=DEFAULT_RADIUS_KM, help=texts.RADIUS_HELP)
    p.add_argument("--circles", default=None, help=texts.CIRCLES_HELP)
    p.add_argument("--date", default=None, help=texts.DATE_HELP)
    p.add_argument("--basis", metavar="|".join(BASES), default=DEFAULT_BASIS, help=texts.BASIS_HELP)
    p.add_argument("--period", default=None, help=texts.PERIOD_HELP)
    p.add_argument("--from", dest="start", default=None, help=texts.FROM_HELP)
    p.add_argument("--to", dest="end", default=None, help=texts.TO_HELP)


def register(sub) -> None:
    """Add the ``coverage`` and ``plan`` subcommands."""
    from observatoire.coverage import DEFAULT_QPV_WEIGHT, DEFAULT_RURAL_WEIGHT

    c = sub.add_parser("coverage", help=texts.COVERAGE_HELP)
    _common_options(c)
    # Choices are checked by hand so that the message stays French (argparse adds English).
    c.add_argument("--level", metavar="|".join(LEVELS), default="commune", help=texts.LEVEL_HELP)
    c.add_argument("--rural-only", action="store_true", help=texts.RURAL_ONLY_HELP)
    c.add_argument("--qpv-only", action="store_true", help=texts.QPV_ONLY_HELP)
    c.add_argument("--top", type=int, default=None, help=texts.TOP_HELP)
    out = c.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=texts.JSON_HELP)
    out.add_argument("--csv", action="store_true", help=texts.CSV_HELP)
    c.set_defaults(run=run_coverage)

    p = sub.add_parser("plan", help=texts.PLAN_HELP)
    _common_options(p)
    p.add_argument("--stops", type=int, default=10, help=texts.STOPS_HELP)
    p.add_argument(
        "--rural-weight", type=float, default=DEFAULT_RURAL_WEIGHT, help=texts.RURAL_WEIGHT_HELP
    )
    p.add_argument(
        "--qpv-weight", type=float, default=DEFAULT_QPV_WEIGHT, help=texts.QPV_WEIGHT_HELP
    )
    p.add_argument(
        "--candidates", metavar="|".join(CANDIDATES), default="communes", help=texts.CANDIDATES_HELP
    )
    p.add_argument("--json", action="store_true", help=texts.JSON_HELP)
    p.set_defaults(run=run_plan)


def _check_common(args):
    """Validate the shared options; returns (circles, end date or None)."""
    import math

    from observatoire.coverage.inputs import parse_circles

    if not (math.isfinite(args.radius_km) and args.radius_km > 0):
        raise CliError(texts.BAD_RADIUS.format(value=args.radius_km), USAGE)
    if args.basis not in BASES:
        raise CliError(texts.BAD_BASIS.format(value=args.basis), USAGE)
    try:
        circles = parse_circles(args.circles)
    except ValueError:
        raise CliError(texts.BAD_CIRCLES.format(value=args.circles), USAGE) from None
    try:
        end = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise CliError(texts.BAD_DATE.format(value=args.date), USAGE) from None
    return circles, end


def _bound(text: str, first: bool) -> dt.date:
    """One end of ``--from`` / ``--to``: a day, a month or a year (its first or last day)."""
    from observatoire.periods import PeriodError, parse_period

    try:
        period = parse_period(f"{text}..{text}")
    except PeriodError as exc:
        raise CliError(str(exc), USAGE) from None
    return period.start if first else period.end


def _period(args, con, end):
    """The period the options ask for (None: the default period of the workspace)."""
    from observatoire.coverage import inputs
    from observatoire.periods import Kind, Period, PeriodError, parse_period

    given = [x for x in (args.period, args.start or args.end, args.date) if x]
    if len(given) > 1:
        raise CliError(texts.PERIOD_CONFLICT, USAGE)
    if args.period:
        try:
            return parse_period(args.period)
        except PeriodError as exc:
            raise CliError(str(exc), USAGE) from None
    if args.start and args.end:
        start, stop = _bound(args.start, True), _bound(args.end, False)
        if stop < start:
            raise CliError(texts.BAD_RANGE.format(start=args.start, end=args.end), USAGE)
        return Period(start, stop, Kind.RANGE)
    if args.end:
        return inputs.last_12_months(_bound(args.end, False))
    if args.start:
        start, stop = _bound(args.start, True), inputs.reference_date(con)
        if stop < start:
            raise CliError(texts.BAD_RANGE.format(start=args.start, end=stop), USAGE)
        return Period(start, stop, Kind.RANGE)
    return inputs.last_12_months(end) if end else None


def _open(path: Path):
    """A read-only workspace connection with the reference attached."""
    from observatoire.workspace import connect

    if not path.is_file():
        raise CliError(texts.MISSING_DB.format(path=path), DATA)
    try:
        return connect(path, read_only=True)
    except MissingReference as exc:
        raise CliError(common.MISSING_REFERENCE.format(path=exc), DATA) from None
    except duckdb.Error as exc:
        raise CliError(texts.UNREADABLE_DB.format(path=path, detail=exc), DATA) from None


def _data_error(exc: Exception, circles) -> CliError:
    """A coverage data problem (no actor, empty territory, unreadable file) as a French error."""
    from observatoire.coverage.tables import explain

    if isinstance(exc, duckdb.Error):
        return CliError(texts.UNREADABLE_DB.format(path="", detail=exc), DATA)
    return CliError(explain(exc, circles), DATA)


def _on_workspace(args, circles, end, compute):
    """``compute(con, period)`` on the workspace of ``--db``; data problems as French errors."""
    from observatoire.coverage.inputs import EmptyTerritory, NoActors

    con = _open(args.db)
    try:
        return compute(con, _period(args, con, end))
    except (NoActors, EmptyTerritory, duckdb.Error) as exc:
        raise _data_error(exc, circles) from None
    finally:
        con.close()


def _guarded(body):
    """Run a command body, printing CliError messages instead of tracebacks."""

    def run(args) -> int:
        try:
            return body(args)
        except CliError as exc:
            print(exc, file=sys.stderr)
            return exc.code

    return run


def _coverage(args) -> int:
    from observatoire.coverage import report, tables

    circles, end = _check_common(args)
    if args.level not in LEVELS:
        raise CliError(texts.BAD_LEVEL.format(value=args.level), USAGE)
    if args.top is not None and args.top < 1:
        raise CliError(texts.BAD_TOP.format(value=args.top), USAGE)
    # The zones_blanches page runs the same function: both list the same territories.
    ranked = _on_workspace(
        args,
        circles,
        end,
        lambda con, period: tables.ranking(
            con,
            args.level,
            args.radius_km,
            circles,
            args.rural_only,
            args.qpv_only,
            basis=args.basis,
            period=period,
        ),
    )
    table = ranked.table
    if args.top is not None:
        table = table.head(args.top)
    if args.json:
        doc = report.document(table, args.level, args.radius_km, ranked.basis, ranked.period)
        print(json.dumps(doc, ensure_ascii=False))
    elif args.csv:
        sys.stdout.write(report.to_csv(table, args.level))
    else:
        print(report.to_text(table, args.level, args.radius_km, ranked.basis, ranked.period))
    return 0


def _plan(args) -> int:
    import math

    from observatoire.coverage import report, tables

    circles, end = _check_common(args)
    if args.candidates not in CANDIDATES:
        raise CliError(texts.BAD_CANDIDATES.format(value=args.candidates), USAGE)
    if args.stops < 1:
        raise CliError(texts.BAD_STOPS.format(value=args.stops), USAGE)
    for weight in (args.rural_weight, args.qpv_weight):
        if not (math.isfinite(weight) and weight >= 0):
            raise CliError(texts.BAD_WEIGHT.format(value=weight), USAGE)
    # The zones_blanches planner runs the same function with the same candidate rule.
    result, _ = _on_workspace(
        args,
        circles,
        end,
        lambda con, period: tables.tour(
            con,
            args.stops,
            args.radius_km,
            circles,
            args.candidates,
            args.rural_weight,
            args.qpv_weight,
            basis=args.basis,
            period=period,
        ),
    )
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        print(report.plan_text(result, args.stops))
    return 0


run_coverage = _guarded(_coverage)
run_plan = _guarded(_plan)
