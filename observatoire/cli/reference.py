"""``observatoire reference build|derive``: the territory reference database."""

from __future__ import annotations

from pathlib import Path

from observatoire.paths import REFERENCE_SOURCES_DIR
from observatoire.texts import reference as texts


def register(sub) -> None:
    """Add the ``reference`` subcommand."""
    p = sub.add_parser("reference", help="base de référence des territoires")
    actions = p.add_subparsers(dest="action", required=True)
    b = actions.add_parser("build", help="construire data/reference.duckdb")
    b.add_argument("--out", type=Path, default=None, help="fichier de sortie")
    b.set_defaults(run=run_build)
    d = actions.add_parser(
        "derive", help="(mainteneurs) dériver data/reference/ des données brutes"
    )
    d.add_argument("--source", type=Path, required=True, help="dossier des données ouvertes brutes")
    d.set_defaults(run=run_derive)


def run_build(args) -> int:
    """Build the reference database."""
    from observatoire.reference.build import build

    print(texts.BUILD_DONE.format(**build(args.out)))
    return 0


def run_derive(args) -> int:
    """Derive the committed compact sources from the raw open-data folder."""
    from observatoire.reference.derive import derive

    print(texts.DERIVE_DONE.format(path=REFERENCE_SOURCES_DIR))
    for path in derive(args.source):
        print(f"  {path.name} ({path.stat().st_size:,} o)".replace(",", " "))
    return 0
