"""``python -m observatoire`` runs the CLI."""

from observatoire.cli import main

raise SystemExit(main())
