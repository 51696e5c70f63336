"""French texts of the demonstration workspaces."""

DEMO_BUILT = "Espace de démonstration écrit : {path}"
IMPORT_LINE = "  {file} : {summary}"
NATIONAL_BUILT = "Espace national synthétique écrit : {path} en {seconds:.0f} s."
DEMO_LABEL = "Données de démonstration"
