"""``observatoire demo``: build the demonstration workspaces."""

from __future__ import annotations

from pathlib import Path

from observatoire.texts import demo as texts

CHOICES = ["occitanie", "hauts-de-france", "national", "all"]


def register(sub) -> None:
    """Add the ``demo`` subcommand."""
    p = sub.add_parser("demo", help="construire les espaces de démonstration")
    p.add_argument(
        "--workspace",
        choices=CHOICES,
        default="all",
        help="espace à construire (par défaut : les deux démos régionales)",
    )
    p.add_argument("--seed", type=int, default=None, help="graine du tirage (espace national)")
    p.add_argument("--out", type=Path, default=None, help="dossier de sortie (par défaut : data/)")
    p.set_defaults(run=run)


def run(args) -> int:
    """Build the requested demos."""
    from observatoire.demo.build import DEMOS, build_demo

    if args.workspace == "national":
        from observatoire.demo.national import build_national

        result = build_national(args.out, seed=args.seed if args.seed is not None else 1)
        print(texts.NATIONAL_BUILT.format(**result))
        return 0
    names = list(DEMOS) if args.workspace == "all" else [args.workspace]
    for name in names:
        result = build_demo(name, args.out)
        print(texts.DEMO_BUILT.format(path=result["path"]))
    return 0
