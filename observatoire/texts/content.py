"""French texts of programme content: meetings, resources, groups, tours, evaluation, surveys."""

KIND_LABELS = {
    "programmes": "Programmes (dates, missions, orientations et phases, une ligne chacune)",
    "rencontres": "Rencontres (experts, initiatives inspirantes, partenaires, cadrage, pilotage)",
    "ressources": "Ressources et communication (portraits, catalogues, kits, émissions…)",
    "groupes": "Groupes de travail et de consultation",
    "membres": "Membres des groupes (une ligne par personne ou structure et par groupe)",
    "tournees": "Tournées (une ligne par étape, chaque étape est une action)",
    "evaluations": "Évaluation (réponses avant/après, satisfaction, entretiens)",
    "enquetes": "Enquêtes et nombre de répondant·e·s",
}

KIND_SHORT = {
    "programmes": "Programmes",
    "rencontres": "Rencontres",
    "ressources": "Ressources",
    "groupes": "Groupes",
    "membres": "Membres",
    "tournees": "Tournées",
    "evaluations": "Évaluations",
    "enquetes": "Enquêtes",
}

CHOICE_LABELS = {
    "actor_role": "expert, initiative inspirante, membre du consortium, partenaire",
    "meeting_type": (
        "expert, initiative inspirante, partenaire, cadrage de l'évaluation, pilotage, autre"
    ),
    "resource_type": ("portrait, catalogue, kit, émission de radio, article, vidéo, charte, autre"),
    "group_type": "travail, consultation, autre",
    "evaluation_type": "questionnaire, entretien",
    "programme_element": "programme, mission, orientation, phase",
    "yes_no": "oui, non",
}

# Stored values -> French labels, for pages and reports.
ROLES = {
    "expert": "Expert·e ou structure ressource",
    "initiative": "Initiative inspirante",
    "consortium": "Membre du consortium",
    "partenaire": "Partenaire",
}
MEETING_TYPES = {
    "expert": "Expert·e",
    "initiative": "Initiative inspirante",
    "partenaire": "Partenaire",
    "cadrage_evaluation": "Cadrage de l'évaluation",
    "pilotage": "Pilotage",
    "autre": "Autre",
}
RESOURCE_TYPES = {
    "portrait": "Portraits",
    "catalogue": "Catalogues",
    "kit": "Kits",
    "emission_radio": "Émissions de radio",
    "article": "Articles",
    "video": "Vidéos",
    "charte": "Chartes",
    "autre": "Autres",
}
GROUP_TYPES = {"travail": "Groupe de travail", "consultation": "Groupe de consultation"}
ELEMENTS = {
    "programme": "Programme",
    "mission": "Missions",
    "orientation": "Orientations",
    "phase": "Phases",
}

# -- import reasons ------------------------------------------------------------------------------
SCORE_RANGE = "Score « {value} » hors de l'échelle : attendu un nombre de 0 à 10."
UNKNOWN_GROUP = "Groupe « {value} » inconnu : ni dans ce fichier ni dans l'espace de travail."
UNKNOWN_MEMBER = (
    "« {value} » n'est ni une personne ni un acteur de l'espace de travail (ni de ce fichier) : "
    "importez d'abord la personne ou la structure."
)
MEMBER_MISSING = "Indiquez la personne ou l'acteur (identifiant) membre du groupe."
MEMBER_BOTH = "Indiquez soit une personne, soit un acteur, pas les deux."
EVALUATION_UNDATED = "Indiquez la date de la réponse ou la session évaluée."
PLACE_REQUIRED_STOP = "Lieu obligatoire pour une étape de tournée. {reason}"
TOUR_STOP_TYPE = "étape de tournée"

# -- KPI catalogue ---------------------------------------------------------------------------------
GROUPS = {
    "programme": "Programme",
    "reseau": "Réseau : rencontres, experts, groupes",
    "tournees": "Tournées",
    "ressources": "Ressources et communication",
    "evaluation": "Évaluation et enquêtes",
}

LABELS = {
    "programme_missions": "Missions du programme",
    "programme_orientations": "Orientations du programme",
    "meetings_total": "Rencontres",
    "meetings_experts": "Rencontres d'experts et d'initiatives",
    "meetings_structures": "Structures rencontrées",
    "meetings_structures_in_region": "Structures rencontrées en région",
    "meetings_structures_outside": "Structures rencontrées hors région",
    "evaluation_framing_meetings": "Réunions de cadrage de l'évaluation",
    "experts_total": "Experts et structures ressources",
    "initiatives_total": "Initiatives inspirantes",
    "groups_total": "Groupes de travail et de consultation",
    "group_members": "Membres des groupes",
    "tours_total": "Tournées",
    "tour_stops": "Étapes de tournée",
    "tour_days": "Jours de tournée",
    "tour_visitors": "Visiteurs des tournées",
    "resources_total": "Ressources produites",
    "resources_portraits": "Portraits",
    "resources_catalogues": "Catalogues",
    "evaluation_responses": "Répondant·e·s aux questionnaires",
    "evaluation_interviews": "Entretiens d'évaluation",
    "evaluation_people_progressing_share": "Part des répondant·e·s en progression",
    "surveys_total": "Enquêtes",
    "survey_respondents": "Répondant·e·s aux enquêtes",
}

DEFINITIONS = {
    "programme_missions": "Missions inscrites pour le programme (une ligne chacune).",
    "programme_orientations": "Orientations (stratégie nationale) inscrites pour le programme.",
    "meetings_total": "Rencontres de tous types datées dans la période.",
    "meetings_experts": (
        "Rencontres avec des expert·e·s ou des initiatives inspirantes datées dans la période."
    ),
    "meetings_structures": (
        "Structures distinctes rencontrées lors de ces rencontres d'experts et d'initiatives."
    ),
    "meetings_structures_in_region": "Parmi elles, les structures situées dans la région.",
    "meetings_structures_outside": "Parmi elles, les structures situées hors de la région.",
    "evaluation_framing_meetings": "Réunions de cadrage de l'évaluation datées dans la période.",
    "experts_total": "Acteurs de rôle « expert » recensés à la fin de la période.",
    "initiatives_total": "Acteurs de rôle « initiative inspirante » recensés à la fin de la période.",
    "groups_total": "Groupes ayant commencé avant la fin de la période et non terminés avant.",
    "group_members": "Personnes distinctes membres de ces groupes.",
    "tours_total": "Tournées ayant au moins une étape commençant dans la période.",
    "tour_stops": "Étapes de tournée commençant dans la période.",
    "tour_days": "Jours d'ouverture de ces étapes (du premier au dernier jour inclus).",
    "tour_visitors": "Visiteurs déclarés pour ces étapes.",
    "resources_total": "Ressources (portraits, catalogues, kits, émissions…) datées dans la période.",
    "resources_portraits": "Portraits datés dans la période.",
    "resources_catalogues": "Catalogues datés dans la période.",
    "evaluation_responses": (
        "Personnes distinctes ayant répondu à un questionnaire d'évaluation dans la période."
    ),
    "evaluation_interviews": "Entretiens d'évaluation menés dans la période.",
    "evaluation_people_progressing_share": (
        "Part des répondant·e·s dont le score moyen après la formation dépasse le score moyen "
        "d'avant."
    ),
    "surveys_total": "Enquêtes lancées dans la période.",
    "survey_respondents": "Répondant·e·s déclaré·e·s de ces enquêtes.",
}

# -- template workbook ------------------------------------------------------------------------------
COLUMN_HELP = {
    "role": "expert, initiative inspirante, membre du consortium ou partenaire.",
    "secteur": "Secteur d'un partenaire hors CSTI (tourisme, lecture publique, médias…).",
    "element": "programme (dates), mission, orientation ou phase : une ligne chacune.",
    "rang": "Ordre d'affichage (1, 2, 3…).",
    "date": "Date (JJ/MM/AAAA).",
    "en_region": "oui si la structure est dans la région du programme, non sinon.",
    "domaine": "Domaine de la structure (CSTI, culture, recherche, éducation populaire…).",
    "collection": "Collection ou série (nom d'une émission, d'une série de portraits…).",
    "audience": "Public touché quand il est connu (lecteurs, auditeurs, vues).",
    "lien": "Adresse web de la ressource.",
    "listes_de_taches": "Nombre de listes de tâches (« to-do lists ») remplies.",
    "groupe": "Identifiant du groupe (feuille groupes ou déjà importé).",
    "acteur": "Identifiant de l'acteur membre (à la place d'une personne).",
    "tournee": "Identifiant de la tournée : le même pour toutes ses étapes.",
    "nom_tournee": "Nom de la tournée (par exemple Le Propulseur).",
    "visiteurs": "Nombre de visiteurs de l'étape.",
    "dimension": "Question ou dimension évaluée (la même avant et après).",
    "score_avant": "Score avant la formation, de 0 à 10.",
    "score_apres": "Score après la formation, de 0 à 10.",
    "satisfaction": "Satisfaction, de 0 à 10.",
    "public": "Public interrogé.",
    "repondants": "Nombre de répondant·e·s.",
}
TYPE_HELP = {
    "rencontres": CHOICE_LABELS["meeting_type"] + ".",
    "ressources": CHOICE_LABELS["resource_type"] + ".",
    "groupes": CHOICE_LABELS["group_type"] + ".",
    "evaluations": "questionnaire (réponse avant/après, satisfaction) ou entretien.",
}
TEMPLATE_EXAMPLES = {
    "programmes": {
        "programme": "EXEMPLE-SPTT",
        "element": "mission",
        "intitule": "Former les professionnel·les de la médiation à l'inclusion",
        "rang": 1,
        "date_debut": "01/01/2023",
        "date_fin": "31/12/2025",
    },
    "rencontres": {
        "identifiant": "EXEMPLE-R-001",
        "type": "expert",
        "date": "14/03/2023",
        "intitule": "Entretien avec une structure ressource",
        "structure": "Muséum de Toulouse",
        "en_region": "oui",
        "theme": "Handicap et médiation",
        "domaine": "CSTI",
        "commune": "Toulouse",
        "departement": "31",
        "programme": "SPTT",
    },
    "ressources": {
        "identifiant": "EXEMPLE-RS-001",
        "type": "portrait",
        "titre": "Portrait d'une chercheuse en écologie",
        "date": "15/09/2017",
        "structure": "Muséum de Toulouse",
        "collection": "Chercheur·es d'Occitanie",
        "audience": 450,
        "lien": "https://www.exemple.fr/portraits/1",
        "programme": "PTR Occitanie",
    },
    "groupes": {
        "identifiant": "EXEMPLE-G-01",
        "nom": "Couvrir les zones rurales et les quartiers prioritaires",
        "type": "travail",
        "theme": "Territoires",
        "date_debut": "01/02/2018",
        "listes_de_taches": 2,
        "programme": "PTR Occitanie",
    },
    "membres": {"groupe": "EXEMPLE-G-01", "personne": "EXEMPLE-P-0001"},
    "tournees": {
        "tournee": "EXEMPLE-T-PROP",
        "nom_tournee": "Le Propulseur",
        "identifiant": "EXEMPLE-T-PROP-01",
        "titre": "Le Propulseur à Albi",
        "date_debut": "07/03/2016",
        "date_fin": "13/03/2016",
        "commune": "Albi",
        "departement": "81",
        "structure": "Muséum de Toulouse",
        "visiteurs": 2650,
        "publics": "Tout public",
        "programme": "PTR Occitanie",
    },
    "evaluations": {
        "type": "questionnaire",
        "personne": "EXEMPLE-P-0001",
        "session": "EXEMPLE-S-2024-01",
        "dimension": "Connaissance des publics éloignés",
        "score_avant": 4,
        "score_apres": 7,
        "satisfaction": 9,
        "date": "13/03/2024",
        "programme": "SPTT",
    },
    "enquetes": {
        "identifiant": "EXEMPLE-ENQ-2018",
        "titre": "Questionnaire aux acteurs du recensement",
        "date_debut": "01/03/2018",
        "public": "Acteurs recensés",
        "repondants": 210,
        "structure": "Muséum de Toulouse",
        "programme": "PTR Occitanie",
    },
}

# -- pages ------------------------------------------------------------------------------------------
PAGE_TITLES = {
    "programme": "Programme",
    "reseau": "Réseau",
    "evaluation": "Évaluation",
    "ressources": "Ressources et communication",
}
DEMO_CAPTION = (
    "Espace de démonstration : les chiffres des bilans sont réels, les enregistrements autour "
    "(noms des structures, dates précises, scores des questionnaires) sont synthétiques."
)
PROGRAMME_DATES = "{programme} : du {start} au {end}"
PROGRAMME_OPEN = "{programme} : depuis le {start}"
NO_PROGRAMME = (
    "Aucun programme décrit dans cet espace : importez une feuille « programmes » (dates, "
    "missions, orientations, phases)."
)
PROGRESS = "Avancement face aux objectifs, année par année"
NO_TARGET = "Aucun objectif annuel pour les années du programme."
YEAR = "Année"
INDICATOR = "Indicateur"
VALUE = "Valeur"
TARGET = "Objectif"
RATE = "Atteint (%)"
MEETINGS_BY_TYPE = "Rencontres par type"
TYPE = "Type"
MEETINGS = "Rencontres"
IN_REGION = {True: "dans la région", False: "hors région", None: "non précisé"}
WHERE = "Lieu de la structure"
EXPERTS_BY_FIELD = "Experts et structures ressources par domaine"
INITIATIVES_BY_FIELD = "Initiatives inspirantes par domaine"
PARTNERS_BY_SECTOR = "Partenaires hors CSTI par secteur"
FIELD = "Domaine"
SECTOR = "Secteur"
STRUCTURES = "Structures"
GROUPS_TITLE = "Groupes de travail et de consultation"
GROUP = "Groupe"
THEME = "Thème"
START = "Début"
END = "Fin"
PEOPLE = "Personnes"
TODO = "Listes de tâches remplies"
DIRECTORY = "Annuaire des experts, initiatives et partenaires"
ROLE = "Rôle"
NAME = "Structure"
COMMUNE = "Commune"
NO_NETWORK = "Aucune rencontre, aucun groupe ni acteur de rôle « expert » ou « initiative » ici."
PROGRESSION = "Progression avant / après par dimension (score moyen sur 10)"
DIMENSION = "Dimension"
RESPONDENTS = "Répondant·e·s"
BEFORE = "Score moyen avant"
AFTER = "Score moyen après"
PROGRESSING = "En progression"
SCORE = "Score moyen"
MOMENT = "Moment"
NO_EVALUATION = "Aucune réponse à un questionnaire avant / après dans la période."
RESOURCES_BY_MONTH = "Ressources par type et par mois"
MONTH = "Mois"
RESOURCES = "Ressources"
NO_RESOURCE = "Aucune ressource datée dans la période."
TOURS_TITLE = "Tournées : étapes de la période"
TOUR = "Tournée"
AT_ZERO = "Aucun enregistrement sur la période pour : {labels}."
NOT_DESCRIBED = "Non renseignées pour ce programme : {labels}."
WHOLE_PROGRAMME = (
    "Missions, orientations, phases et avancement face aux objectifs valent pour tout le "
    "programme : le filtre de département ne s'y applique pas."
)
SURVEYS_WHOLE = (
    "Réunions de cadrage, enquêtes et leurs répondant·e·s : chiffres de tout le programme, "
    "quel que soit le département choisi."
)
GROUPS_IN_DEPARTMENT = (
    "Tous les groupes sont listés (un groupe n'a pas de lieu) ; « Personnes » ne compte que "
    "leurs membres qui travaillent dans le département choisi."
)
STOP = "Étape"
TOUR_MAP = "Les étapes sur la carte"
TOUR_MAP_CAPTION = (
    "Chaque numéro est une étape, dans l'ordre des dates ; cliquez sur un numéro pour sa "
    "commune, ses dates et ses visiteurs."
)
TOUR_MAP_UNPLACED = "{count} étape(s) sans coordonnées ne figurent pas sur la carte."
TOUR_POPUP_TITLE = "Étape {stop} · {tour}"
TOUR_POPUP_PLACE = "{commune} ({department})"
TOUR_POPUP_DATES = "du {start} au {end} ({days} jours)"
TOUR_POPUP_DAY = "le {start}"
TOUR_POPUP_VISITORS = "{visitors} visiteurs"
TOUR_POPUP_NO_VISITORS = "visiteurs non comptés"
TOUR_TOOLTIP = "Étape {stop} : {commune}"
DAYS = "Jours"
VISITORS = "Visiteurs"
DEPARTMENT = "Département"
