"""French texts of coverage analytics: uncovered territories, priority score, tour planner."""

# Command-line help.
COVERAGE_HELP = "territoires non couverts : distances aux acteurs, classement par priorité"
PLAN_HELP = "planificateur de tournée : où placer les prochaines étapes"
DB_HELP = "fichier de l'espace de travail (.duckdb)"
LEVEL_HELP = "échelle : commune, epci, department (département) ou qpv"
RADIUS_HELP = "rayon de couverture en km (15 par défaut)"
RURAL_ONLY_HELP = (
    "seulement les territoires ruraux (échelles EPCI et département : ceux dont la population "
    "non couverte est majoritairement rurale)"
)
QPV_ONLY_HELP = "seulement les territoires comptant au moins un QPV"
CIRCLES_HELP = "seulement les acteurs de ces cercles, par exemple 1,2"
TOP_HELP = "n'afficher que les N premiers territoires"
JSON_HELP = "sortie JSON"
CSV_HELP = "sortie CSV"
DATE_HELP = (
    "date de référence AAAA-MM-JJ des « 12 derniers mois » (par défaut : la date de la dernière "
    "action ou session de l'espace de travail, sinon aujourd'hui)"
)
STOPS_HELP = "nombre d'étapes à proposer (10 par défaut)"
RURAL_WEIGHT_HELP = "poids d'un habitant d'une commune rurale (2 par défaut)"
QPV_WEIGHT_HELP = "poids d'un habitant d'une commune comptant un QPV (2 par défaut)"
CANDIDATES_HELP = (
    "communes candidates : toutes les communes du territoire (communes) ou celles où la base "
    "compte au moins un acteur (actors)"
)

# Errors (the CLI adds the exit code: 2 for usage, 1 for data).
BAD_RADIUS = "Le rayon doit être un nombre de kilomètres strictement positif (reçu : {value})."
BAD_TOP = "--top attend un nombre entier supérieur ou égal à 1 (reçu : {value})."
BAD_STOPS = "Le nombre d'étapes doit être un entier supérieur ou égal à 1 (reçu : {value})."
BAD_WEIGHT = "Les poids doivent être des nombres positifs ou nuls (reçu : {value})."
BAD_CIRCLES = "Cercles invalides « {value} » : indiquez 1, 2 ou 3, séparés par des virgules."
BAD_DATE = "Date invalide « {value} » : format attendu AAAA-MM-JJ."
BAD_LEVEL = "Échelle inconnue « {value} » : choisissez commune, epci, department ou qpv."
BAD_CANDIDATES = "Candidates inconnues « {value} » : choisissez communes ou actors."
MISSING_DB = "Espace de travail introuvable : {path}."
UNREADABLE_DB = "Impossible d'ouvrir l'espace de travail {path} : {detail}."
NO_ACTORS = "L'espace de travail ne compte aucun acteur : la couverture ne peut pas être calculée."
NO_ACTORS_IN_CIRCLES = "L'espace de travail ne compte aucun acteur des cercles {circles}."
EMPTY_TERRITORY = "Le territoire de l'espace de travail ne contient aucune commune ({departments})."

# Coverage table (text output).
COVERAGE_TITLE = (
    "Couverture à {radius} km, échelle {level} — 12 derniers mois jusqu'au {date} — "
    "{count} territoire(s)"
)
LEVEL_LABELS = {
    "commune": "commune",
    "epci": "EPCI",
    "department": "département",
    "qpv": "QPV",
}
COLUMNS = {
    "code": "Code",
    "name": "Nom",
    "population": "Population",
    "nearest_actor_km": "Acteur le plus proche",
    "actors_within_radius": "Acteurs dans le rayon",
    "reached_12m": "Touché (12 mois)",
    "uncovered": "Non couvert",
    "rural": "Rural",
    "frr_class": "FRR",
    "qpv_count": "QPV",
    "score": "Score",
}
# For EPCI and departments some columns hold aggregates, and say so.
AGGREGATE_COLUMNS = {
    "nearest_actor_km": "Distance moyenne à un acteur",
    "reached_12m": "Communes touchées (12 mois)",
    "uncovered": "Population non couverte",
    "rural": "Part rurale des non couverts",
    "frr_class": "FRR (majoritaire)",
}
YES = "oui"
NO = "non"
NO_TERRITORY = "Aucun territoire ne correspond à ces critères."

# Priority score, shown by the UI next to the ranking (see observatoire.coverage.score).
SCORE_TITLE = "Score de priorité (0 à 100)"
SCORE_FORMULA_FR = (
    "Seules comptent les communes non couvertes (aucun acteur à moins de R km de leur point de "
    "référence) ; un territoire sans commune non couverte a un score nul.\n"
    "score = 100 × (wP·P + wR·R + wF·F + wQ·Q + wD·D) / (wP + wR + wF + wQ + wD), avec :\n"
    "• P (population) = log10(1 + population non couverte) / log10(1 + {population_reference}), "
    "plafonné à 1 ;\n"
    "• R (ruralité) = moyenne, pondérée par la population, de (niveau de densité − 1) / 6 ;\n"
    "• F (France Ruralités Revitalisation) = moyenne pondérée du niveau FRR : FRR+ 1, FRR socle "
    "0,75, classée partiellement ou bénéficiaire 0,5, bénéficiaire partiellement 0,25, non classée 0 ;\n"
    "• Q (QPV) = 1 si une commune non couverte compte un quartier prioritaire, 0 sinon ;\n"
    "• D (distance) = distance moyenne pondérée à l'acteur le plus proche / {distance_reference_km} km, "
    "plafonnée à 1.\n"
    "Poids : population {population}, ruralité {rurality}, FRR {frr}, QPV {qpv}, "
    "distance {distance}."
)
WEIGHT_LABELS = {
    "population": "Population non couverte",
    "rurality": "Ruralité (grille de densité)",
    "frr": "France Ruralités Revitalisation",
    "qpv": "Présence d'un QPV",
    "distance": "Éloignement du premier acteur",
}

# Planner (text output).
PLAN_TITLE = (
    "Tournée proposée : {count} étape(s), rayon {radius} km, candidates : {candidates} — "
    "poids rural {rural_weight}, poids QPV {qpv_weight}"
)
CANDIDATE_LABELS = {
    "communes": "toutes les communes du territoire",
    "actors": "communes où la base compte un acteur",
}
PLAN_STOP = (
    "{rank:>3}. {name} ({code}, dép. {department_code}) : +{population} habitants couverts "
    "({communes} commune(s), gain pondéré {gain}) — cumul {cumulative} ({share})"
)
PLAN_TOTAL = (
    "Total : {covered} habitants nouvellement couverts sur {uncovered} non couverts aujourd'hui "
    "({share})."
)
PLAN_NOTHING = "Aucune commune non couverte à {radius} km : aucune étape à proposer."
PLAN_STOPPED_EARLY = (
    "Seulement {count} étape(s) : les autres candidates ne couvriraient aucun habitant de plus."
)

# Page zones_blanches (widget labels, notices, tables).
PAGE_LEVEL = "Échelle"
PAGE_RADIUS = "Rayon de couverture R (km)"
PAGE_RADIUS_HELP = (
    "Une commune est couverte quand un acteur se trouve à moins de R km de son point de référence."
)
PAGE_RURAL_ONLY = "Territoires ruraux seulement"
PAGE_QPV_ONLY = "Territoires avec un QPV seulement"
PAGE_CIRCLES = "Cercles d'acteurs comptés comme couverture"
PAGE_CIRCLE_LABELS = {"1": "Cercle 1", "2": "Cercle 2", "3": "Cercle 3"}
PAGE_NO_CIRCLE = "Choisissez au moins un cercle d'acteurs."
LEVEL_PLURALS = {
    "commune": "communes",
    "epci": "EPCI",
    "department": "départements",
    "qpv": "QPV",
}
RANKING_TITLE = "Classement des territoires non couverts"
RANKING_SUMMARY = (
    "Territoires listés : {count} {level} sur {total}, dont {uncovered} avec des habitants non "
    "couverts à {radius} km ; activité des 12 derniers mois jusqu'au {date}. Même classement que "
    "la commande « observatoire coverage »."
)
SCORE_EXPANDER = "Comment le score de priorité est calculé"
RANKING_EXPORT_FILE = "zones-blanches-{level}-{radius}km"
RANKING_EXPORT_SHEET = "Zones blanches"
PLANNER_TITLE = "Planificateur de tournée"
PLANNER_INTRO = (
    "Le planificateur choisit, une à une, les communes d'étape qui couvrent le plus d'habitants "
    "encore non couverts à moins de R km (un habitant d'une commune rurale compte {rural_weight} "
    "fois, celui d'une commune avec un QPV {qpv_weight} fois). Le gain marginal de chaque étape est "
    "ce qu'elle ajoute aux étapes précédentes. Même calcul que « observatoire plan »."
)
PLANNER_STOPS = "Nombre d'étapes K"
PLANNER_CANDIDATES = "Communes d'étape possibles"
PLANNER_EXPORT_FILE = "tournee-{stops}-etapes-{radius}km"
PLANNER_EXPORT_SHEET = "Itinéraire"
PLANNER_MAP_CAPTION = (
    "Étapes numérotées dans l'ordre proposé ; cercle = rayon de {radius} km autour de chaque "
    "étape ; points gris = communes non couvertes aujourd'hui."
)
PLAN_COLUMNS = {
    "rank": "Étape",
    "code": "Code INSEE",
    "name": "Commune",
    "department_code": "Département",
    "population": "Habitants nouvellement couverts",
    "communes": "Communes nouvellement couvertes",
    "gain": "Gain pondéré",
    "cumulative_population": "Habitants couverts (cumul)",
    "cumulative_share": "Part des non couverts (cumul, %)",
}
MAP_STOP_TOOLTIP = "Étape {rank} : {name} ({code}) — +{population} habitants"
MAP_UNCOVERED_TOOLTIP = "{name} ({code}) : {population} habitants, non couverte"
