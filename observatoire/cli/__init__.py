"""The ``observatoire`` command: one module per subcommand, each with ``register(subparsers)``."""

from __future__ import annotations

import argparse
import importlib
import sys

from observatoire.texts import common as texts

# Each name is a module of this package exposing register(subparsers) and run(args) -> int.
COMMANDS = ["reference", "kpis", "coverage", "demo", "importing", "users"]


class FrenchArgumentParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are in French and exit with code 2."""

    def error(self, message: str):
        for english, french in texts.ARGPARSE.items():
            message = message.replace(english, french)
        self.print_usage(sys.stderr)
        print(texts.USAGE_ERROR.format(detail=message), file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> FrenchArgumentParser:
    """The full parser, with every subcommand registered."""
    parser = FrenchArgumentParser(
        prog="observatoire", description="Observatoire CSTI : territoires, imports, indicateurs."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=FrenchArgumentParser)
    for name in COMMANDS:
        importlib.import_module(f"observatoire.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
