"""French texts of the KPI catalogue: labels, definitions a committee member can read, messages."""

from observatoire.texts import content

GROUPS = {
    "acteurs": "Acteurs",
    "formations": "Formations",
    "webinaires": "Webinaires",
    "sessions": "Toutes les sessions",
    "experimentations": "Expérimentations",
    "actions": "Actions",
    "couverture": "Couverture territoriale",
    **content.GROUPS,
}

UNITS = {
    "nombre": "nombre",
    "jours": "jours",
    "personnes": "personnes",
    "%": "%",
    "indice": "indice",
}

LABELS = {
    "actors_total": "Acteurs recensés",
    "actors_new": "Nouveaux acteurs",
    "actors_circle_1": "Acteurs du cercle 1",
    "actors_circle_2": "Acteurs du cercle 2",
    "actors_circle_3": "Acteurs du cercle 3",
    "departments_with_actor": "Départements avec au moins un acteur",
    "training_sessions": "Sessions de formation",
    "training_days": "Jours de formation",
    "training_attendances": "Participations aux formations",
    "training_participants": "Participant·e·s aux formations",
    "training_participants_women": "Participantes (femmes)",
    "training_participants_men": "Participants (hommes)",
    "training_participants_volunteers": "Participant·e·s bénévoles",
    "training_participants_employees": "Participant·e·s salarié·e·s",
    "training_structures": "Structures formées",
    "webinar_sessions": "Webinaires",
    "webinar_attendances": "Participations aux webinaires",
    "webinar_participants": "Participant·e·s aux webinaires",
    "sessions_total": "Sessions (tous types)",
    "sessions_participants": "Participant·e·s aux sessions",
    "sessions_participants_new": "Nouveaux participant·e·s",
    "regroupement_sessions": "Regroupements",
    "regroupement_participants": "Participant·e·s aux regroupements",
    "atelier_sessions": "Ateliers",
    "atelier_participants": "Participant·e·s aux ateliers",
    "sensibilisation_sessions": "Sessions de sensibilisation",
    "sensibilisation_participants": "Participant·e·s aux sensibilisations",
    "experiments_total": "Expérimentations lancées",
    "experiments_active": "Expérimentations en cours",
    "experiments_completed": "Expérimentations terminées",
    "experiments_planned": "Expérimentations prévues",
    "actions_total": "Actions",
    "actions_audience": "Public des actions",
    "communes_reached": "Communes touchées",
    "rural_communes_reached": "Communes rurales touchées",
    "qpv_reached": "Quartiers prioritaires (QPV) touchés",
    "population_within_15km_share": "Population à moins de 15 km d'un acteur",
    "rural_representation_index": "Indice de représentation rurale",
    **content.LABELS,
}

_TRAINING = "sessions de type « formation » commençant dans la période"
_STRUCTURE = (
    " La structure est l'acteur rattaché quand il est connu, sinon le nom de structure "
    "saisi, comparé sans tenir compte des majuscules, des accents ni des espaces en trop."
)

DEFINITIONS = {
    "actors_total": (
        "Nombre d'acteurs recensés à la fin de la période (date de recensement antérieure ou "
        "égale à la fin de la période, ou non renseignée)."
    ),
    "actors_new": "Nombre d'acteurs dont la date de recensement tombe dans la période.",
    "actors_circle_1": (
        "Acteurs recensés à la fin de la période dont la culture scientifique est l'activité "
        "principale (cercle 1)."
    ),
    "actors_circle_2": (
        "Acteurs recensés à la fin de la période dont une partie des missions relève de la "
        "culture scientifique : laboratoires, universités… (cercle 2)."
    ),
    "actors_circle_3": (
        "Acteurs recensés à la fin de la période qui font de la culture scientifique de façon "
        "occasionnelle : bibliothèques, centres de loisirs… (cercle 3)."
    ),
    "departments_with_actor": (
        "Nombre de départements comptant au moins un acteur recensé à la fin de la période."
    ),
    "training_sessions": f"Nombre de {_TRAINING}.",
    "training_days": f"Somme des jours des {_TRAINING} (une session sans durée compte 0 jour).",
    "training_attendances": (
        f"Nombre de participations aux {_TRAINING} : une personne venue à deux sessions "
        "compte deux fois."
    ),
    "training_participants": (
        f"Nombre de personnes différentes ayant participé à au moins une des {_TRAINING}."
    ),
    "training_participants_women": "Parmi les participant·e·s aux formations, les femmes.",
    "training_participants_men": "Parmi les participant·e·s aux formations, les hommes.",
    "training_participants_volunteers": (
        "Parmi les participant·e·s aux formations, les personnes bénévoles."
    ),
    "training_participants_employees": (
        "Parmi les participant·e·s aux formations, les personnes salariées."
    ),
    "training_structures": (
        "Nombre de structures différentes d'où viennent les participant·e·s aux formations."
        + _STRUCTURE
    ),
    "webinar_sessions": "Nombre de webinaires commençant dans la période.",
    "webinar_attendances": (
        "Nombre de participations aux webinaires de la période : une personne venue à deux "
        "webinaires compte deux fois."
    ),
    "webinar_participants": (
        "Nombre de personnes différentes ayant participé à au moins un webinaire de la période."
    ),
    "sessions_total": (
        "Nombre de sessions de tous types (formation, webinaire, regroupement, atelier, "
        "sensibilisation) commençant dans la période."
    ),
    "sessions_participants": (
        "Nombre de personnes différentes ayant participé à au moins une session de la période."
    ),
    "sessions_participants_new": (
        "Nombre de personnes dont la toute première participation à une session (du programme "
        "choisi, le cas échéant) a lieu dans la période."
    ),
    "regroupement_sessions": "Nombre de regroupements commençant dans la période.",
    "regroupement_participants": (
        "Nombre de personnes différentes ayant participé à un regroupement de la période."
    ),
    "atelier_sessions": "Nombre d'ateliers (sessions) commençant dans la période.",
    "atelier_participants": (
        "Nombre de personnes différentes ayant participé à un atelier de la période."
    ),
    "sensibilisation_sessions": (
        "Nombre de sessions de sensibilisation commençant dans la période."
    ),
    "sensibilisation_participants": (
        "Nombre de personnes différentes ayant participé à une sensibilisation de la période."
    ),
    "experiments_total": (
        "Nombre d'expérimentations lancées à la fin de la période : date de début antérieure "
        "ou égale à la fin de la période, sauf celles encore à l'état d'idée ou en préparation "
        "(comptées parmi les expérimentations prévues). Une expérimentation sans date de début "
        "compte si son statut indique qu'elle a démarré (en cours ou terminée)."
    ),
    "experiments_active": (
        "Parmi les expérimentations lancées à la fin de la période, celles dont le statut "
        "actuel est « en cours »."
    ),
    "experiments_completed": (
        "Parmi les expérimentations lancées à la fin de la période, celles dont le statut "
        "actuel est « terminée »."
    ),
    "experiments_planned": (
        "Nombre d'expérimentations prévues mais pas encore lancées : statut actuel « idée » ou "
        "« en préparation », quelle que soit leur date de début envisagée."
    ),
    "actions_total": "Nombre d'actions (ateliers, débats, expositions…) commençant dans la période.",
    "actions_audience": (
        "Somme des participant·e·s déclaré·e·s pour les actions commençant dans la période "
        "(une action sans effectif compte 0)."
    ),
    "communes_reached": (
        "Nombre de communes du territoire du réseau ayant accueilli une activité (action, "
        "session en présentiel ou expérimentation, datée par son début) pendant la période ; "
        "pour un mois, pendant les 12 mois qui se terminent avec lui."
    ),
    "rural_communes_reached": (
        "Parmi les communes touchées (mêmes activités, même période : l'année ou la plage "
        "choisie, ou les 12 mois se terminant avec le mois choisi), les communes rurales "
        "(grille communale de densité de l'Insee, niveaux 5 à 7)."
    ),
    "qpv_reached": (
        "Nombre de quartiers prioritaires de la politique de la ville (liste 2024) du "
        "territoire ayant, à l'intérieur ou à moins de 300 m, un acteur recensé ou une activité "
        "de la période (pour un mois, des 12 mois qui se terminent avec lui)."
    ),
    "population_within_15km_share": (
        "Part de la population du territoire du réseau vivant dans une commune dont le point "
        "de référence (la mairie) est à moins de 15 km à vol d'oiseau d'un acteur recensé à la "
        "fin de la période."
    ),
    "rural_representation_index": (
        "Part des activités de la période (pour un mois, des 12 mois qui se terminent avec lui) "
        "ayant lieu en commune rurale, divisée par la part de la population vivant en commune "
        "rurale. 1 = proportionnel ; en dessous de 1, les communes rurales sont moins touchées "
        "que leur poids."
    ),
    **content.DEFINITIONS,
}

# Periods.
PERIOD_RANGE = "du {start} au {end}"
PERIOD_MONTHS = "de {start} à {end}"
PERIOD_MONTHS_ELIDED = "d'{start} à {end}"  # d'avril, d'août, d'octobre
SHORTCUT_LABEL = "{name} ({dates})"
SHORTCUTS = {
    "ce-mois": "Ce mois",
    "cette-annee": "Cette année",
    "12-derniers-mois": "12 derniers mois",
    "annee-scolaire": "Année scolaire",
    "programme-a-ce-jour": "Programme à ce jour",
}
COMPARISONS = {
    "periode-precedente": "Période précédente",
    "annee-precedente": "Un an plus tôt",
}
BAD_PERIOD = (
    "Période « {value} » invalide : attendu AAAA-MM (ex. 2023-11), AAAA (ex. 2023), "
    "une plage début..fin (ex. 2023-01-01..2023-06-30, 2023-09..2024-06, 2023..2024) ou "
    "un raccourci (ce mois, cette année, 12 derniers mois, année scolaire, programme à ce jour)."
)
BAD_MONTH = "Mois « {value} » invalide : attendu AAAA-MM avec un mois de 01 à 12 (ex. 2023-11)."
BAD_YEAR = "Année « {value} » invalide : attendu AAAA (ex. 2023)."
BAD_DAY = (
    "Date « {value} » invalide : attendu AAAA-MM-JJ (ex. 2023-09-01), JJ/MM/AAAA, AAAA-MM ou AAAA."
)
BAD_YEAR_RANGE = (
    "Période « {value} » invalide : l'année doit être comprise entre {first} et {last}."
)
BAD_RANGE_ORDER = "Plage « {value} » invalide : la fin précède le début."
NO_PROGRAMME_START = (
    "Période « programme à ce jour » indisponible : aucune activité enregistrée ne donne la "
    "date de début du programme."
)

# Targets.
UNKNOWN_TARGET_KPI = (
    "Objectif ignoré : indicateur « {kpi} » inconnu (période {period}). "
    "Les indicateurs connus sont listés par « observatoire kpis --liste »."
)
BAD_TARGET_PERIOD = (
    "Objectif ignoré : période « {period} » invalide pour l'indicateur « {kpi} » "
    "(attendu AAAA ou AAAA-MM)."
)
TARGET_PRORATED = "objectif annuel proratisé : à comparer au cumul depuis janvier"

# CLI.
CLI_HELP = "indicateurs clés d'une période (mois, année ou plage de dates)"
CLI_MONTH = "mois AAAA-MM"
CLI_YEAR = "année AAAA"
CLI_FROM = "début d'une plage : AAAA-MM-JJ, AAAA-MM ou AAAA (son premier jour) ; avec --to"
CLI_TO = "fin de la plage : AAAA-MM-JJ, AAAA-MM ou AAAA (son dernier jour)"
CLI_PERIOD = (
    "période comme dans l'adresse d'une page : 2023-11, 2023, 2023-01..2024-07, "
    "12-derniers-mois, annee-scolaire, programme-a-ce-jour…"
)
CLI_DEPARTMENT = "ne compter qu'un département (code, ex. 80)"
CLI_COMPARE = (
    "ajouter une période de comparaison : periode-precedente (même durée, juste avant) ou "
    "annee-precedente (mêmes dates un an plus tôt)"
)
CLI_BY_PROGRAMME = "chaque programme de l'espace côte à côte, puis tous ensemble"
CLI_WORKSPACES = (
    "plusieurs espaces de travail côte à côte (vue nationale), ouverts en lecture seule ; "
    "remplace --db"
)
CLI_FROM_TO = "--from et --to vont ensemble : indiquez le début et la fin de la plage"
CLI_BAD_ORDER = "plage invalide : la fin ({end}) précède le début ({start})"
CLI_PROGRAMME = "ne compter qu'un programme"
CLI_DB = "fichier de l'espace de travail (.duckdb)"
CLI_JSON = "sortie JSON"
CLI_LIST = "lister les indicateurs et leurs définitions"
MISSING_DB = (
    "Espace de travail introuvable : {path}. Indiquez-le avec --db ou importez des données."
)
DB_UNREADABLE = "Impossible d'ouvrir l'espace de travail {path} : {detail}"
HEADER_PERIOD = "Indicateurs — {label}"
HEADER_PROGRAMME = "Programme : {programme}"
HEADER_DEPARTMENT = "Département : {department}"
HEADER_COMPARISON = "Comparaison : {label}"
COLUMN_COMPARED = "Comparaison"
ALL_PROGRAMMES = "tous les programmes"
COLUMN_LABEL = "Indicateur"
COLUMN_VALUE = "Valeur"
COLUMN_TARGET = "Objectif"
COLUMN_YTD = "Cumul annuel"
PRORATED_MARK = "*"

# Per-department table.
# The columns of a KPI are named by the catalogue label, so a figure reads the same everywhere.
DEPARTMENT_COLUMNS = {
    "department_code": "Code",
    "department_name": "Département",
    "actors": LABELS["actors_total"],
    "training_sessions": LABELS["training_sessions"],
    "training_participants": LABELS["training_participants"],
    "actions": LABELS["actions_total"],
    "actions_audience": LABELS["actions_audience"],
}
UNKNOWN_DEPARTMENT = "Non renseigné"
