"""French texts of the maps: indicators, legends, tooltips."""

DEPARTMENT = "Département"
NO_DATA = "Aucune donnée"
RANGE = "{low} à {high}"
METHODS = {
    "jenks": "seuils naturels de Jenks, {k} classes",
    "quantiles": "quantiles, {k} classes",
    "single": "une seule valeur",
}
LEGEND_METHOD = "Classement : {method}."
TILES_ATTRIBUTION = "Fond de carte configuré localement"

# Coverage map of a workspace territory (page carte). Keys are the ``?indicateur=`` values.
COVERAGE_INDICATORS = {
    "acteurs": "Acteurs pour 10 000 habitants",
    "actions": "Actions de la période",
    "non_couverte": "Population non couverte",
    "couverture": "Part des communes couvertes",
    "audience": "Public pour 1 000 habitants",
    "population": "Population",
}
COVERAGE_INDICATOR_HELP = {
    "acteurs": "Acteurs implantés dans le territoire, rapportés à sa population municipale.",
    "actions": "Actions ayant commencé dans la période ({period}).",
    "audience": (
        "Public des activités de la période ({period}) tenues dans le territoire, pour 1 000 "
        "habitants."
    ),
    "non_couverte": (
        "Habitants des communes dont le point de référence (la mairie) est à plus de {radius} "
        "d'un acteur, à vol d'oiseau."
    ),
    "couverture": "Communes dont le point de référence est à {radius} au plus d'un acteur.",
    "population": "Population municipale (populations légales en vigueur), somme des communes.",
}
COMMUNE = "Commune"
MASKED = "Masqué (effectif de 1 à 4)"
# Layers of the map (names shown in the layer control).
LAYERS = {
    "actors": "Acteurs",
    "actions": "Actions de la période",
    "sessions": "Sessions de la période",
    "reached": "Communes touchées",
    "not_reached": "Communes non touchées",
    "qpv": "QPV touchés",
    "qpv_not": "QPV non touchés",
    "rural": "Communes rurales",
    "frr": "Communes FRR",
}
CIRCLE = "Cercle {circle}"
CIRCLE_UNKNOWN = "Cercle non renseigné"
STRUCTURE_UNKNOWN = "Type non renseigné"
HIDDEN_NAME = "Structure de cercle 3 (nom non public)"
ACTORS_COUNT = "{count} acteur(s)"
ACTIONS_COUNT = "{count} action(s)"
SESSIONS_COUNT = "{count} session(s)"
RURAL_COMMUNES_COUNT = "{count} commune(s) rurale(s)"
FRR_COMMUNES_COUNT = "{count} commune(s) FRR"
QPV_COUNT = "{count} QPV"
QPV_POPULATION = "{population} habitants"
QPV_REACHED = {True: "Touché dans la période", False: "Non touché dans la période"}
REACHED_COMMUNES_COUNT = "{count} commune(s) touchée(s)"
NOT_REACHED_COMMUNES_COUNT = "{count} commune(s) non touchée(s)"
EMAIL = "Courriel"
PHONE = "Téléphone"
# Commune panel and tables (labels of the rows / columns).
PANEL = {
    "population": "Population",
    "density_level": "Niveau de densité (grille INSEE)",
    "frr_class": "Classement FRR",
    "qpv_count": "QPV",
    "nearest_actor": "Acteur le plus proche",
    "nearest_actor_km": "Distance à l'acteur le plus proche",
    "actors_within_radius": "Acteurs à {radius} au plus",
    "actions_12m": "Actions des 12 derniers mois",
}
DENSITY_LEVELS = {
    1: "1 – grand centre urbain",
    2: "2 – centre urbain intermédiaire",
    3: "3 – petite ville",
    4: "4 – ceinture urbaine",
    5: "5 – bourg rural",
    6: "6 – rural à habitat dispersé",
    7: "7 – rural à habitat très dispersé",
}
NO_ACTOR = "aucun acteur"
COLUMNS = {
    "department": "Département",
    "commune": "Commune",
    "code": "Code",
    "population": "Population",
    "communes": "Communes",
    "actors": "Acteurs",
    "actors_per_10k": "Acteurs pour 10 000 hab.",
    "actions_12m": "Actions (12 mois)",
    "sessions_12m": "Sessions (12 mois)",
    "uncovered_population": "Population non couverte",
    "covered_share": "Communes couvertes",
    "density_level": "Densité",
    "frr_class": "FRR",
    "qpv_count": "QPV",
    "nearest_actor_km": "Acteur le plus proche",
    "actors_within_radius": "Acteurs à {radius} au plus",
    "class": "Classe",
}
YES = "oui"
NO = "non"
MASKED_SHARE = "s"
# Legend of the point layers (short: the legend sits on the map).
MARKERS_TITLE = "Couches : acteurs par cercle, activités, territoires"
CIRCLE_SHORT_UNKNOWN = "Cercle ?"
MARKERS = {
    "actions": "Actions",
    "sessions": "Sessions",
    "reached": "Commune touchée",
    "not_reached": "Commune non touchée (cercle vide)",
    "qpv": "QPV touché",
    "qpv_not": "QPV non touché (pointillé)",
    "rural": "Commune rurale (cercle vide)",
    "frr": "Commune FRR",
}
ACTORS_SWATCH_NOTE = "(cercles 1, 2, 3 ; ? = cercle non renseigné)"
REACH_CAPTION = (
    "Commune touchée : une activité de la période ({period}) a eu lieu à {radius} ou moins de "
    "sa mairie. QPV touché : une activité dans le quartier ou à 300 m au plus."
)
PANEL_COLUMNS = ("Indicateur", "Valeur")

# "Then and now": the communes gained and lost between two periods.
CHANGE_TITLE = "Avant, après : les communes gagnées et perdues"
CHANGE_INTRO = (
    "Comparez la période de la carte avec une période antérieure : une commune est gagnée "
    "quand elle n'était pas couverte avant et l'est après, perdue dans le cas inverse."
)
CHANGE_SHOW = "Comparer avec une période antérieure"
CHANGE_SHOW_HELP = (
    "Affiche la carte et le tableau des communes gagnées et perdues depuis une période "
    "antérieure ; le lien de la page garde ce choix."
)
CHANGE_BEFORE = "Période de comparaison (avant)"
CHANGE_BEFORE_HELP = (
    "AAAA-MM, AAAA ou DEBUT..FIN ; par défaut l'année qui précède la période de la carte."
)
CHANGE_BAD_BEFORE = "Période « {value} » invalide : {default} retenue."
CHANGE_LAYERS = {"gained": "Commune gagnée", "lost": "Commune perdue (cercle vide)"}
CHANGE_TOOLTIP = "{name} ({code}) : {population} habitants, {status}"
CHANGE_LEGEND_TITLE = "Évolution"
CHANGE_LEGEND_NOTE = "Un point au chef-lieu de chaque commune qui a changé."
CHANGE_TABLE_TITLE = "Tableau : les communes gagnées et perdues"
CHANGE_NONE = "Aucune commune gagnée ni perdue entre les deux périodes."
CHANGE_EXPORT_FILE = "avant-apres-{before}-{after}"
CHANGE_EXPORT_SHEET = "Avant après"
