"""French texts of the activity pages: formations, actions, expérimentations, vue d'ensemble."""

# Filters.
PERIOD = "Période (année ou mois)"
PERIOD_HELP = "Une année (2023) ou un mois (2023-11)."
PROGRAMME = "Programme"
PROGRAMME_ALL = "Tous les programmes"
NO_WORKSPACE = "Aucun espace de travail : importez des données ou créez les démonstrations."
FILTERS = "Période : {period} · {programme} · {department}"
DEPARTMENT_FILTER = "Département"
DEPARTMENT_ALL = "Tous les départements"

# Chart and table labels.
SEE_DATA = "Voir les données"
COUNT = "Nombre"
PEOPLE = "Personnes"
MONTH = "Mois"
NONE = "Non renseigné"
UNKNOWN_DEPARTMENT = "Département inconnu"

GENDERS = {"F": "Femmes", "H": "Hommes", "X": "Autre ou non précisé"}
STATUSES = {"salarie": "Salarié·es", "benevole": "Bénévoles", "autre": "Autre"}
EXPERIMENT_STATUSES = {
    "idee": "Idée",
    "en_preparation": "En préparation",
    "en_cours": "En cours",
    "terminee": "Terminée",
    "abandonnee": "Abandonnée",
}

# Formations.
BY_GENDER = "Participant·es par genre"
BY_STATUS = "Participant·es par statut"
BY_CATEGORY = "Participant·es par catégorie de structure"
BY_DEPARTMENT = "Participant·es par département"
BY_STRUCTURE = "Participant·es par structure"
SESSIONS = "Sessions de formation"
GENDER = "Genre"
STATUS = "Statut"
CATEGORY = "Catégorie"
DEPARTMENT = "Département"
STRUCTURE = "Structure"
SESSION_COLUMNS = {
    "start_date": "Date",
    "title": "Intitulé",
    "theme": "Thème",
    "format": "Format",
    "days": "Jours",
    "department_name": "Département",
    "attendances": "Participations",
}
SESSION_FORMATS = {"presentiel": "présentiel", "distanciel": "distanciel"}
NO_TRAINING = "Aucune session de formation sur cette période."

# Actions.
ACTIONS_BY_TYPE = "Actions par type"
ACTIONS_BY_MONTH = "Actions par mois"
AUDIENCE_BY_PUBLIC = "Public touché par type de public"
ACTIONS_BY_DEPARTMENT = "Actions et public par département"
TYPE = "Type"
PUBLICS = "Publics"
ACTIONS = "Actions"
AUDIENCE = "Public touché"
NO_ACTION = "Aucune action sur cette période."

# Expérimentations.
EXPERIMENTS_BY_THEME = "Expérimentations par thème"
EXPERIMENTS_BY_STATUS = "Expérimentations par statut"
EXPERIMENTS_BY_DEPARTMENT = "Expérimentations par département"
TIMELINE = "Chronologie des expérimentations"
THEME = "Thème"
TITLE = "Intitulé"
START = "Début"
END = "Fin"
EXPERIMENTS = "Expérimentations"
NO_EXPERIMENT = "Aucune expérimentation démarrée à la fin de cette période."
EXPERIMENT_CAPTION = (
    "Les expérimentations comptées sont celles démarrées à la fin de la période, "
    "avec leur statut actuel."
)

# Vue d'ensemble.
HEADLINES = "Chiffres clés de la période"
TRENDS = "Tendances sur 12 mois"
CHANGES = "Évolution par rapport à la période précédente ({previous})"
CHANGE_COLUMNS = {
    "label": "Indicateur",
    "current": "Période",
    "previous": "Précédente",
    "change": "Évolution",
}
