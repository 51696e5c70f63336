"""French texts of the activity pages: formations, actions, expérimentations, vue d'ensemble."""

# Filters.
PERIOD = "Période"
PERIOD_HELP = (
    "Une année (2023), un mois (2023-11), une plage de dates, de mois ou d'années "
    "(2023-09-01..2024-06-30, 2023-09..2024-06, 2023..2024) ou un raccourci : ce mois, "
    "cette année, 12 derniers mois, année scolaire, programme à ce jour."
)
DEFAULT_PERIOD = "{label} (période par défaut : la dernière avec de l'activité)"
SHORTCUT = "Raccourci de période"
SHORTCUT_NONE = "—"
COMPARISON = "Comparer avec"
COMPARISON_HELP = (
    "Période précédente : la période de même durée qui finit juste avant (le mois d'avant pour "
    "un mois). Un an plus tôt : les mêmes dates, l'année d'avant."
)
COMPARED_WITH = "par rapport à {label}"
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
STATUSES = {"salarie": "Salarié·e·s", "benevole": "Bénévoles", "autre": "Autre"}
EXPERIMENT_STATUSES = {
    "idee": "Idée",
    "en_preparation": "En préparation",
    "en_cours": "En cours",
    "terminee": "Terminée",
    "abandonnee": "Abandonnée",
}

# Formations.
BY_GENDER = "Participant·e·s aux formations par genre"
BY_STATUS = "Participant·e·s aux formations par statut"
BY_CATEGORY = "Participant·e·s aux formations par catégorie de structure"
BY_DEPARTMENT = "Participant·e·s aux formations par département"
BY_STRUCTURE = "Participant·e·s aux formations par structure"
BY_EMPLOYER = "Participant·e·s aux formations par type d'employeur"
BY_STRAND = "Participant·e·s aux formations par volet"
WEBINAR_BY_ORIGIN = "Participant·e·s aux webinaires par origine"
EMPLOYER = "Type d'employeur"
STRAND = "Volet"
ORIGIN = "Origine"
EMPLOYER_TYPES = {
    "association": "Association",
    "collectivite": "Collectivité territoriale ou EPCI",
    "universite": "Université, recherche",
    "entreprise": "Entreprise",
    "autre": "Autre",
}
ORIGINS = {
    "programme": "Impliqué·e·s dans le programme",
    "region": "Autres professionnel·le·s de la région",
    "hors_region": "D'une autre région",
}
STRAND_NOTE = (
    "Une personne formée dans deux volets compte dans chacun : les volets peuvent totaliser "
    "plus que les participant·e·s aux formations."
)
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
    "avec leur statut actuel ; les idées et projets en préparation sont comptés à part "
    "(expérimentations prévues)."
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

# Dictionnaire des indicateurs.
DICTIONARY_INTRO = (
    "Chaque indicateur du catalogue, tel qu'il est calculé partout (pages, revue, rapports, "
    "diaporama, ligne de commande) : un seul libellé, une seule définition."
)
DICTIONARY_COLUMNS = {
    "group": "Rubrique",
    "label": "Indicateur",
    "definition": "Définition",
    "unit": "Unité",
    "tables": "Tables sources",
    "public": "Pour le public",
    "pages": "Pages qui l'affichent",
    "id": "Identifiant technique",
}
DICTIONARY_PUBLIC = "affiché"
DICTIONARY_SUPPRESSED = "arrondi à 5 près, effectifs de 1 à 4 masqués"

# Networks side by side (page reseaux).
NETWORKS_PICK = "Réseaux comparés"
NETWORKS_PICK_HELP = (
    "Les fichiers d'espaces de travail du dossier de données, ouverts en lecture seule."
)
NETWORKS_NONE = "Choisissez au moins un réseau."
NETWORKS_READ_ONLY = "Chaque fichier est ouvert en lecture seule : rien n'est modifié."
NETWORKS_KPI = "Indicateur"
NETWORKS_SAME_NAME = "{name} ({file})"  # two files of the same name: the file tells them apart
NETWORKS_TABLE = "Indicateurs des réseaux · {period}"
NETWORKS_MAP = "Territoires des réseaux · {period}"
NETWORKS_LEGEND = "Légende de la carte"
NETWORKS_SHARED = "Département de plusieurs réseaux"
NETWORKS_NO_TERRITORY = "Sans territoire déclaré (absent de la carte) : {names}."
