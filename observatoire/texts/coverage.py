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
DATE_HELP = "comme --to : les 12 mois se terminant à cette date AAAA-MM-JJ"
BASIS_HELP = (
    "activite (par défaut) : un territoire est touché quand une action, une session en "
    "présentiel ou une expérimentation de la période a eu lieu à moins de R km ; presence : "
    "quand un acteur est installé à moins de R km"
)
PERIOD_HELP = (
    "période AAAA-MM, AAAA ou DEBUT..FIN (par défaut : les 12 mois se terminant à la dernière "
    "activité de l'espace de travail)"
)
FROM_HELP = "début de la période : AAAA-MM-JJ, AAAA-MM (premier jour) ou AAAA"
TO_HELP = (
    "fin de la période : AAAA-MM-JJ, AAAA-MM (dernier jour) ou AAAA ; seule, les 12 mois se "
    "terminant à cette date"
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
BAD_BASIS = "Base inconnue « {value} » : choisissez activite ou presence."
PERIOD_CONFLICT = "Indiquez la période d'une seule façon : --period, --from/--to ou --date."
BAD_RANGE = "La fin de la période ({end}) précède son début ({start})."
BAD_LEVEL = "Échelle inconnue « {value} » : choisissez commune, epci, department ou qpv."
BAD_CANDIDATES = "Candidates inconnues « {value} » : choisissez communes ou actors."
MISSING_DB = "Espace de travail introuvable : {path}."
UNREADABLE_DB = "Impossible d'ouvrir l'espace de travail {path} : {detail}."
NO_ACTORS = "L'espace de travail ne compte aucun acteur : la couverture ne peut pas être calculée."
NO_ACTORS_IN_CIRCLES = "L'espace de travail ne compte aucun acteur des cercles {circles}."
NO_TERRITORY_AT_ALL = (
    "L'espace de travail ne déclare aucun département et ne compte aucun acteur : son territoire "
    "est vide, la couverture ne peut pas être calculée."
)
EMPTY_TERRITORY = "Le territoire de l'espace de travail ne contient aucune commune ({departments})."

# Coverage table (text output).
COVERAGE_TITLE = (
    "Couverture à {radius} km ({basis}), échelle {level} — période {period} — {count} territoire(s)"
)
BASIS_LABELS = {
    "activite": "activité : une action, une session en présentiel ou une expérimentation",
    "presence": "présence : un acteur",
}
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
    "nearest_activity_km": "Activité la plus proche",
    "activities_within_radius": "Activités dans le rayon",
    "audience_within_radius": "Public dans le rayon",
    "reached_12m": "Activité dans la commune",
    "uncovered": "Non couvert",
    "rural": "Rural",
    "frr_class": "FRR",
    "qpv_count": "QPV",
    "score": "Score",
}
# For EPCI and departments some columns hold aggregates, and say so.
AGGREGATE_COLUMNS = {
    "nearest_actor_km": "Distance moyenne à un acteur",
    "nearest_activity_km": "Distance moyenne à une activité",
    "reached_12m": "Communes avec une activité",
    "uncovered": "Population non couverte",
    "rural": "Part rurale des non couverts",
    "frr_class": "FRR (majoritaire)",
}
# The aggregate "rural" column says which basis it follows.
AGGREGATE_RURAL_LABELS = {
    "activite": "Part rurale des non touchés",
    "presence": "Part rurale des non couverts",
}
# The "uncovered" column says which basis it follows.
UNCOVERED_LABELS = {"activite": "Non touché", "presence": "Non couvert"}
AGGREGATE_UNCOVERED_LABELS = {
    "activite": "Population non touchée",
    "presence": "Population non couverte",
}
YES = "oui"
NO = "non"
NO_TERRITORY = "Aucun territoire ne correspond à ces critères."

# Priority score, shown by the UI next to the ranking (see observatoire.coverage.score).
SCORE_TITLE = "Score de priorité (0 à 100)"
SCORE_FORMULA_FR = (
    "Le score classe les territoires selon la population {not_what} pendant la période. Seules "
    "comptent les communes {uncovered_definition} ; un territoire sans commune de ce type a un "
    "score nul.\n"
    "score = 100 × (wP·P + wR·R + wF·F + wQ·Q + wD·D) / (wP + wR + wF + wQ + wD), avec :\n"
    "• P (population) = log10(1 + population {not_what}) / log10(1 + {population_reference}), "
    "plafonné à 1 ;\n"
    "• R (ruralité) = moyenne, pondérée par la population, de (niveau de densité − 1) / 6 ;\n"
    "• F (France Ruralités Revitalisation) = moyenne pondérée du niveau FRR : FRR+ 1, FRR socle "
    "0,75, classée partiellement ou bénéficiaire 0,5, bénéficiaire partiellement 0,25, non classée 0 ;\n"
    "• Q (QPV) = 1 si une de ces communes compte un quartier prioritaire, 0 sinon ;\n"
    "• D (distance) = distance moyenne pondérée {distance_to} / {distance_reference_km} km, "
    "plafonnée à 1.\n"
    "Poids : population {population}, ruralité {rurality}, FRR {frr}, QPV {qpv}, "
    "distance {distance}."
)
# The parts of the formula that depend on the basis (activite: reach; presence: actors).
SCORE_BASIS_FR = {
    "activite": {
        "not_what": "non touchée",
        "uncovered_definition": (
            "non touchées : aucune activité de la période (action, session en présentiel ou "
            "expérimentation) à moins de R km de leur point de référence"
        ),
        "distance_to": "à l'activité de la période la plus proche",
        "people": "non touchés",
        "commune": "non touchée pendant la période",
        "communes": "non touchées pendant la période",
        "gained": "nouvellement touchés",
    },
    "presence": {
        "not_what": "non couverte",
        "uncovered_definition": (
            "non couvertes : aucun acteur à moins de R km de leur point de référence"
        ),
        "distance_to": "à l'acteur le plus proche",
        "people": "non couverts",
        "commune": "non couverte",
        "communes": "non couvertes",
        "gained": "nouvellement couverts",
    },
}
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
    "{rank:>3}. {name} ({code}, dép. {department_code}) : +{population} habitants {gained} "
    "({communes} commune(s), gain pondéré {gain}) — cumul {cumulative} ({share})"
)
PLAN_TOTAL = (
    "Total : {covered} habitants {gained} sur {uncovered} {people} (période {period}) ({share})."
)
PLAN_NOTHING = "Aucun habitant {people} à {radius} km : aucune étape à proposer."
PLAN_STOPPED_EARLY = (
    "Seulement {count} étape(s) : les autres candidates ne couvriraient aucun habitant de plus."
)

# Page zones_blanches (widget labels, notices, tables).
PAGE_LEVEL = "Échelle"
PAGE_RADIUS = "Rayon de couverture R (km)"
PAGE_RADIUS_HELP = (
    "Une commune est touchée quand une activité de la période (action, session en présentiel ou "
    "expérimentation) a eu lieu à moins de R km de son point de référence."
)
PAGE_BASIS = "Territoire touché quand…"
PAGE_BASIS_LABELS = {
    "activite": "une activité a eu lieu à moins de R km (portée)",
    "presence": "un acteur est installé à moins de R km (présence)",
}
PAGE_BASIS_HELP = (
    "Portée : une action, une session en présentiel ou une expérimentation de la période à "
    "moins de R km du point de référence du territoire. Présence : un acteur des cercles choisis "
    "à moins de R km, quelle que soit la période."
)
PAGE_BAD_BASIS = "Base « {value} » inconnue : {default} retenue."
PAGE_PERIOD = "Période des activités"
PAGE_PERIOD_HELP = (
    "AAAA-MM, AAAA ou DEBUT..FIN (ex. 2016-09..2017-08) ; par défaut les 12 mois qui se "
    "terminent à la dernière activité de l'espace de travail."
)
PAGE_BAD_PERIOD = "Période « {value} » invalide : {default} retenue."
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
RANKING_TITLE = {
    "activite": "Classement des territoires non touchés",
    "presence": "Classement des territoires non couverts",
}
RANKING_SUMMARY = (
    "Territoires listés : {count} {level} sur {total}, dont {uncovered} avec des habitants "
    "{not_what} à {radius} km ; période {period}."
)
SCORE_EXPANDER = "Comment le score de priorité est calculé"
RANKING_EXPORT_FILE = "zones-blanches-{level}-{radius}km"
RANKING_EXPORT_SHEET = "Zones blanches"
PLANNER_TITLE = "Planificateur de tournée"
PLANNER_INTRO = {
    "activite": (
        "Le planificateur vise les habitants qu'aucune activité n'a touchés pendant la période "
        "{period}, en priorité ceux des communes rurales et des communes avec un QPV : un habitant "
        "d'une commune rurale compte {rural_weight} fois, celui d'une commune avec un QPV "
        "{qpv_weight} fois."
    ),
    "presence": (
        "Le planificateur vise les habitants sans acteur à moins de R km, en priorité ceux des "
        "communes rurales et des communes avec un QPV : un habitant d'une commune rurale compte "
        "{rural_weight} fois, celui d'une commune avec un QPV {qpv_weight} fois."
    ),
}
PLANNER_METHOD = (
    "Il choisit les étapes une à une : chaque nouvelle étape est la commune qui ajoute le plus "
    "d'habitants visés à moins de R km de son point de référence, en plus des étapes précédentes."
)
PLANNER_STOPS = "Nombre d'étapes K"
PLANNER_CANDIDATES = "Communes d'étape possibles"
PLANNER_EXPORT_FILE = "tournee-{stops}-etapes-{radius}km"
PLANNER_EXPORT_SHEET = "Itinéraire"
PLANNER_MAP_CAPTION = (
    "Étapes numérotées dans l'ordre proposé ; cercle = rayon de {radius} km autour de chaque "
    "étape ; points gris = communes {state}."
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
# The same columns when the plan targets the population not reached in the period.
PLAN_REACH_COLUMNS = {
    **PLAN_COLUMNS,
    "population": "Habitants nouvellement touchés",
    "communes": "Communes nouvellement touchées",
    "cumulative_population": "Habitants touchés (cumul)",
    "cumulative_share": "Part des non touchés (cumul, %)",
}
# Short headers of the itinerary on screen (the full header is the column's tooltip).
PLAN_SCREEN_LABELS = {
    "rank": "Étape",
    "name": "Commune",
    "population": "+ habitants",
    "cumulative_population": "Cumul (habitants)",
    "cumulative_share": "Cumul (%)",
    "communes": "+ communes",
    "department_code": "Dép.",
    "code": "Code INSEE",
    "gain": "Gain pondéré",
}
PLAN_GAIN_HELP = (
    "Habitants nouvellement atteints par l'étape, ceux des communes rurales et des communes avec "
    "un QPV pesant davantage (poids rappelés plus haut) : le planificateur choisit chaque étape "
    "pour que ce gain soit le plus grand possible."
)
# Spreadsheet exports: units in the headers, the department's name beside its code.
PLAN_EXPORT_GAIN = "Gain pondéré (habitants pondérés)"
EXPORT_UNITS = {
    "population": " (habitants)",
    "nearest_actor_km": " (km)",
    "nearest_activity_km": " (km)",
    "audience_within_radius": " (personnes)",
    "score": " (0 à 100)",
}
AGGREGATE_EXPORT_UNITS = {
    "uncovered": " (habitants)",
    "rural": " (%)",
}
DEPARTMENT_CODE_COLUMN = "Code du département"
DEPARTMENT_NAME_COLUMN = "Département"
MAP_STOP_TOOLTIP = "Étape {rank} : {name} ({code}) — +{population} habitants"
MAP_UNCOVERED_TOOLTIP = "{name} ({code}) : {population} habitants, {state}"

# Change between two periods (observatoire.coverage.change).
CHANGE_STATUS = {
    "gained": "gagné",
    "lost": "perdu",
    "kept": "toujours touché",
    "never": "jamais touché",
}
CHANGE_STATUS_COLUMN = "Évolution"
CHANGE_SUMMARY = (
    "Entre la période {first} et la période {second} : {gained} {level} {gained_word} ({gained_population} habitants), "
    "{lost} {lost_word} ({lost_population} habitants)."
)
CHANGE_WORDS = {"commune": ("gagnées", "perdues"), "qpv": ("gagnés", "perdus")}
CHANGE_AGGREGATE_SUMMARY = (
    "Habitants {people} : {before} sur la période {first}, {after} sur la période {second}."
)

# Zones blanches: the ranking's definitions, links and level labels.
LEVEL_PICK_LABELS = {
    "commune": "Commune",
    "epci": "EPCI",
    "department": "Département",
    "qpv": "QPV",
}
UNCOVERED_DEFINITION = {
    "activite": (
        "**Non touché** : aucune action, session en présentiel ou expérimentation de la période "
        "{period} n'a eu lieu à {radius} km ou moins du point de référence du territoire (la "
        "mairie pour une commune)."
    ),
    "presence": (
        "**Non couvert** : aucun acteur des cercles choisis n'est installé à {radius} km ou moins "
        "du point de référence du territoire (la mairie pour une commune)."
    ),
}
JARGON = (
    "**Cercle** : 1 = membres du réseau, 2 = partenaires, 3 = autres acteurs recensés ; un acteur "
    "dont le cercle n'est pas renseigné apparaît en «\u00a0Cercle\u00a0?\u00a0». **FRR** (France "
    "Ruralités "
    "Revitalisation) : « FRR socle » est le zonage de base des communes rurales aidées par l'État, "
    "« FRR+ » le zonage renforcé. **Rural** : niveaux 5 à 7 de la grille de densité de l'Insee "
    "(1 = grand centre urbain, 7 = rural très dispersé)."
)
CIRCLES_HELP_PAGE = (
    "Cercle 1 : membres du réseau ; cercle 2 : partenaires ; cercle 3 : autres acteurs recensés. "
    "Avec les trois cercles, les acteurs dont le cercle n'est pas renseigné (« Cercle ? ») "
    "comptent aussi."
)
LINK_PROFILE = "Profil"
LINK_PROFILE_TEXT = "profil"
LINK_PLANNER = "Tournée"
LINK_PLANNER_TEXT = "planifier"
# Tooltips of the ranking's column headers on the page.
COLUMN_HELP = {
    "score": "Score de priorité de 0 à 100 : son calcul est détaillé au-dessus du tableau.",
    "rural": (
        "Commune rurale : niveaux 5 à 7 de la grille de densité de l'Insee (1 = grand centre "
        "urbain, 7 = rural très dispersé)."
    ),
    "frr_class": (
        "France Ruralités Revitalisation : FRR socle = zonage de base des communes rurales aidées "
        "par l'État ; FRR+ = zonage renforcé ; Non classée = hors zonage."
    ),
    "qpv_count": "Nombre de quartiers prioritaires de la politique de la ville (QPV).",
    "uncovered": "Voir la définition au-dessus du tableau.",
}
AGGREGATE_COLUMN_HELP = {
    "rural": "Part des habitants non touchés (ou non couverts) qui vivent dans une commune rurale.",
    "frr_class": "Classe FRR la plus fréquente parmi les communes du territoire.",
}
