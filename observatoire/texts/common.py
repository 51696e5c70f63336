"""French texts shared by the CLI and the app."""

MISSING_REFERENCE = (
    "La base de référence des territoires est introuvable ({path}). "
    "Construisez-la avec « make databases » ou « observatoire reference build »."
)
USAGE_ERROR = "Erreur d'utilisation : {detail}"
UNEXPECTED_ERROR = "Erreur inattendue : {detail}. Rien n'a été modifié."

# argparse speaks English; these are its usual complaints, in French.
ARGPARSE = {
    "the following arguments are required": "arguments obligatoires manquants",
    "unrecognized arguments": "arguments non reconnus",
    "invalid choice": "choix invalide",
    "expected one argument": "une valeur est attendue",
    "invalid int value": "nombre entier invalide",
    "invalid float value": "nombre invalide",
    "not allowed with argument": "incompatible avec l'argument",
    "one of the arguments": "un de ces arguments est obligatoire",
    "is required": "est obligatoire",
}
