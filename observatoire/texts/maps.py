"""French texts of the maps: indicators, legends, tooltips."""

INDICATORS = {
    "population": "Population",
    "rural": "Part des communes rurales",
    "qpv": "Nombre de QPV",
    "frr": "Part des communes FRR",
}
INDICATOR_HELP = {
    "population": "Population municipale (populations légales en vigueur), somme des communes.",
    "rural": "Communes de densité 5, 6 ou 7 (grille communale de densité INSEE, COG 2025).",
    "qpv": "Quartiers prioritaires de la politique de la ville (liste 2024) du département.",
    "frr": "Communes classées France Ruralités Revitalisation (tout classement sauf « Non classée »).",
}
DEPARTMENT = "Département"
CODE = "Code"
COMMUNES = "Communes"
RURAL_COMMUNES = "Communes rurales"
FRR_COMMUNES = "Communes FRR"
CLASS = "Classe"
NO_DATA = "Aucune donnée"
RANGE = "{low} à {high}"
METHODS = {
    "jenks": "seuils naturels de Jenks, {k} classes",
    "quantiles": "quantiles, {k} classes",
    "single": "une seule valeur",
}
LEGEND_METHOD = "Classement : {method}."
TILES_ATTRIBUTION = "Fond de carte configuré localement"
