"""The import kinds of programme content, registered by ``columns``."""

from __future__ import annotations

from observatoire.importing.columns import (
    _ID,
    _PROGRAMME,
    _PROGRAMME_COLUMN,
    _STRUCTURE,
    _STRUCTURE_COLUMN,
    Kind,
    _c,
    _dates,
    _event,
    _place,
    _title,
)

_TITLE = ("titre", "intitule", "nom", "libelle", "objet")

PROGRAMMES = Kind(
    "programmes",
    "programme_items",
    ("item_id",),
    (
        _c("programme", "id", "programme", True, "nom du programme", *_PROGRAMME[1:]),
        _c("element", "programme_element", "element", True, "type", "rubrique", "nature"),
        _c("intitule", "text", "title", True, *_TITLE),
        _c("rang", "count", "position", False, "ordre", "numero", "n°"),
        *_dates(False),
    ),
    ("programme", "missions", "orientations", "phases"),
)

MEETINGS = Kind(
    "rencontres",
    "meetings",
    ("meeting_id",),
    (
        _c("identifiant", "id", "meeting_id", True, *_ID, "id rencontre"),
        _c("type", "meeting_type", "type", True, "type de rencontre"),
        _c("date", "date", "date", True, "date de la rencontre", "le", "date_debut"),
        _c("intitule", "text", "title", False, *_TITLE),
        _c("structure", "text", "structure", False, *_STRUCTURE[1:], "structure rencontree"),
        _c("en_region", "yes_no", "in_region", False, "dans la region", "region"),
        _c("theme", "text", "theme", False, "thematique"),
        _c("domaine", "text", "field", False, "champ", "secteur"),
        *_place(False),
        _PROGRAMME_COLUMN,
    ),
    ("rencontre", "reunions", "entretiens experts"),
    "optional",
)

RESOURCES = Kind(
    "ressources",
    "resources",
    ("resource_id",),
    (
        _c("identifiant", "id", "resource_id", True, *_ID),
        _c("type", "resource_type", "type", True, "type de ressource", "support"),
        _title(True),
        _c("date", "date", "date", False, "date de parution", "parution", "date_debut"),
        _c("structure", "text", "structure", False, *_STRUCTURE[1:], "auteur", "autrice"),
        _c("collection", "text", "series", False, "serie", "emission", "rubrique"),
        _c("audience", "count", "audience", False, "public", "vues", "ecoutes", "lecteurs"),
        _c("lien", "url", "website", False, "url", "site", "adresse web"),
        _PROGRAMME_COLUMN,
    ),
    ("ressource", "communication", "productions"),
)

GROUPS = Kind(
    "groupes",
    "groups",
    ("group_id",),
    (
        _c("identifiant", "id", "group_id", True, *_ID, "id groupe"),
        _c("nom", "text", "name", True, "intitule", "titre", "nom du groupe"),
        _c("type", "group_type", "type", False, "type de groupe"),
        _c("theme", "text", "theme", False, "thematique", "question"),
        *_dates(False),
        _c(
            "listes_de_taches",
            "count",
            "todo_lists",
            False,
            "todo",
            "to do",
            "to-do lists",
            "listes remplies",
        ),
        _PROGRAMME_COLUMN,
    ),
    ("groupe", "groupes de travail", "groupes de consultation"),
)

MEMBERS = Kind(
    "membres",
    "group_members",
    ("membership_id",),
    (
        _c("groupe", "id", "group_id", True, "identifiant groupe", "id groupe"),
        _c("personne", "id", "person_id", False, "identifiant personne", "participant"),
        _c("acteur", "id", "actor_id", False, "identifiant acteur", "structure membre"),
    ),
    ("membre", "membres des groupes", "composition"),
)

TOURS = Kind(
    "tournees",
    "actions",
    ("action_id",),
    (
        _c("tournee", "id", "tour_id", True, "identifiant tournee", "id tournee"),
        _c("nom_tournee", "text", "tour_name", False, "nom de la tournee", "exposition"),
        _c("identifiant", "id", "action_id", True, *_ID, "etape", "id etape"),
        _title(False),
        *_dates(True),
        *_event(
            _c(
                "visiteurs",
                "count",
                "participants",
                False,
                "participants",
                "frequentation",
                "public",
                "nombre de visiteurs",
            )
        ),
    ),
    ("tournee", "etapes", "itinerance"),
    "required",
)

EVALUATIONS = Kind(
    "evaluations",
    "evaluations",
    ("evaluation_id",),
    (
        _c("type", "evaluation_type", "type", True, "nature"),
        _c("personne", "id", "person_id", True, "identifiant personne", "repondant", "participant"),
        _c("session", "id", "session_id", False, "identifiant session", "formation"),
        _c("dimension", "text", "dimension", False, "question", "critere", "competence"),
        _c("score_avant", "score", "score_before", False, "avant", "note avant"),
        _c("score_apres", "score", "score_after", False, "apres", "note apres"),
        _c("satisfaction", "score", "satisfaction", False, "note de satisfaction"),
        _c("date", "date", "date", False, "date de reponse", "date de l'entretien"),
        _PROGRAMME_COLUMN,
    ),
    ("evaluation", "questionnaires", "reponses", "entretiens"),
)

SURVEYS = Kind(
    "enquetes",
    "surveys",
    ("survey_id",),
    (
        _c("identifiant", "id", "survey_id", True, *_ID),
        _title(True),
        *_dates(True, "lancement"),
        _c("public", "text", "target", False, "public interroge", "cible"),
        _c("repondants", "count", "respondents", False, "nombre de repondants", "reponses"),
        _STRUCTURE_COLUMN,
        _PROGRAMME_COLUMN,
    ),
    ("enquete", "sondages", "questionnaire"),
)

# In import order: members after groups, evaluations after people and sessions.
CONTENT_KINDS = (PROGRAMMES, MEETINGS, RESOURCES, GROUPS, MEMBERS, TOURS, EVALUATIONS, SURVEYS)

# Columns the acteurs sheet gains.
ACTOR_COLUMNS = (
    _c("role", "actor_role", "role", False, "role dans le reseau", "qualite"),
    _c("secteur", "text", "sector", False, "secteur hors csti", "secteur d'activite"),
)

CONTENT_ENUMS: dict[str, dict[str, str]] = {
    "actor_role": {
        **dict.fromkeys(["expert", "experte", "experts", "structureressource"], "expert"),
        **dict.fromkeys(
            ["initiative", "initiativeinspirante", "initiativesinspirantes", "inspirante"],
            "initiative",
        ),
        **dict.fromkeys(
            ["membreduconsortium", "consortium", "membre", "membreconsortium"], "consortium"
        ),
        **dict.fromkeys(["partenaire", "partenaires"], "partenaire"),
    },
    "meeting_type": {
        **dict.fromkeys(["expert", "experte", "experts", "expertise"], "expert"),
        **dict.fromkeys(["initiative", "initiativeinspirante", "inspirante"], "initiative"),
        **dict.fromkeys(["partenaire", "partenaires", "partenariat"], "partenaire"),
        **dict.fromkeys(
            [
                "cadrageevaluation",
                "cadragedelevaluation",
                "cadrage",
                "reuniondecadrage",
                "evaluation",
            ],
            "cadrage_evaluation",
        ),
        **dict.fromkeys(["pilotage", "copil", "comitedepilotage", "gouvernance"], "pilotage"),
        **dict.fromkeys(["autre", "autres"], "autre"),
    },
    "resource_type": {
        **dict.fromkeys(["portrait", "portraits"], "portrait"),
        **dict.fromkeys(["catalogue", "catalogues"], "catalogue"),
        **dict.fromkeys(["kit", "kits", "malle", "mallette"], "kit"),
        **dict.fromkeys(
            ["emissionradio", "emissionderadio", "radio", "emission", "chronique", "podcast"],
            "emission_radio",
        ),
        **dict.fromkeys(["article", "articles", "publication"], "article"),
        **dict.fromkeys(["video", "videos", "film"], "video"),
        **dict.fromkeys(["charte", "chartes"], "charte"),
        **dict.fromkeys(["autre", "autres"], "autre"),
    },
    "group_type": {
        **dict.fromkeys(["travail", "groupedetravail", "gt", "thematique"], "travail"),
        **dict.fromkeys(["consultation", "groupedeconsultation", "concertation"], "consultation"),
        **dict.fromkeys(["autre", "autres"], "autre"),
    },
    "evaluation_type": {
        **dict.fromkeys(
            ["questionnaire", "reponse", "avantapres", "satisfaction", "enquete"], "questionnaire"
        ),
        **dict.fromkeys(
            ["entretien", "entretiens", "entretientelephonique", "telephone"], "entretien"
        ),
    },
    "programme_element": {
        **dict.fromkeys(["programme", "dates", "duree"], "programme"),
        **dict.fromkeys(["mission", "missions"], "mission"),
        **dict.fromkeys(
            ["orientation", "orientations", "orientationnationale", "axe"], "orientation"
        ),
        **dict.fromkeys(["phase", "phases", "etape"], "phase"),
    },
    "yes_no": {
        **dict.fromkeys(["oui", "o", "vrai", "1", "x", "dansregion", "enregion"], True),
        **dict.fromkeys(["non", "n", "faux", "0", "horsregion"], False),
    },
}
