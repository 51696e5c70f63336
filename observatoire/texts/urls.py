"""French notices of the URL parameters (``observatoire.urlparams``): one per parameter."""

LABELS = {
    "rayon": "Rayon",
    "etapes": "Nombre d'étapes",
    "intervalle": "Intervalle",
    "page": "Page",
}
NUMBER = "un nombre"
INTEGER = "un nombre entier"
BAD_NUMBER = (
    "{label} « {value} » invalide : il faut {kind} de {low} à {high}{unit} ; "
    "valeur par défaut utilisée ({default}{unit})."
)

# A value outside the choices: {value} (cleaned) and {default} (its label), or {label}.
UNKNOWN = {
    "espace": "Espace de travail « {value} » inconnu : affichage de « {default} ».",
    "programme": "Programme « {value} » inconnu : affichage de « {default} ».",
    "departement": "Département « {value} » hors du territoire de l'espace : affichage de « {default} ».",
    "commune": "Commune « {value} » absente de ce département : aucune commune sélectionnée.",
    "indicateur": "Indicateur « {value} » inconnu : affichage de « {default} ».",
    "reseaux": "Réseaux « {value} » inconnus : affichage de {default}.",
    "comparaison": "Comparaison « {value} » inconnue : affichage de « {default} ».",
    "echelle": "Échelle « {value} » inconnue : affichage de l'échelle {default}.",
    "candidates": "Candidates « {value} » inconnues : {default}.",
    "cercles": "Cercles « {value} » invalides : indiquez 1, 2 ou 3 ; cercles {default} retenus.",
    "rural": "Valeur « {value} » invalide pour « {label} » : oui ou non ; non retenu.",
    "qpv": "Valeur « {value} » invalide pour « {label} » : oui ou non ; non retenu.",
    # Directory filters: {label} names the filter.
    "filtre": "{label} : valeur « {value} » inconnue, filtre ignoré ({default}).",
}
YES = ("oui", "1")
NO = ("non", "0")

PERIOD_BAD = (
    "Période « {value} » illisible : affichage de {default}. Saisissez 2023, 2023-11, "
    "2023-09..2024-06 ou un raccourci."
)
MONTH_BAD = "Mois « {value} » illisible : affichage de {default}. Saisissez un mois comme 2023-11."
PERIOD_YEARS = (
    "Période « {value} » hors des années possibles ({low} à {high}) : affichage de {default}."
)
COMMUNE_OUTSIDE = (
    "Commune « {value} » hors du territoire de l'espace : affichage de tout le territoire."
)
