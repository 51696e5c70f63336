"""The import kinds: template headers, required flags, synonyms and enumerated values.

This module is the one home for every header, sheet-name and value synonym.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from observatoire.normalize import fold

# The template's example rows carry this prefix in their identifiers: never imported.
EXAMPLE_PREFIX = "EXEMPLE-"
# Required columns carry this marker in the template headers; readers accept it.
REQUIRED_MARK = " *"

# Place columns feed the resolver instead of a table column.
PLACE_COLUMNS = ("code_insee", "commune", "code_postal", "departement", "latitude", "longitude")


@dataclass(frozen=True)
class Column:
    """One template column: its header, parser, target table column, required flag, synonyms."""

    name: str
    parser: str
    target: str | None = None
    required: bool = False
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    """One kind of data: a French name, its table, key and columns."""

    name: str
    table: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    sheet_synonyms: tuple[str, ...] = ()
    place: str = "none"  # none | optional | required

    @property
    def by_name(self) -> dict[str, Column]:
        """Columns by template header."""
        return {c.name: c for c in self.columns}

    @property
    def required(self) -> list[str]:
        """The headers that must be present."""
        return [c.name for c in self.columns if c.required]

    @property
    def example_markers(self) -> list[str]:
        """The columns whose ``EXEMPLE-`` value marks a template example row (ids and keys)."""
        return [c.name for c in self.columns if c.parser == "id" or c.target in self.key]


def _c(name, parser, target=None, required=False, *synonyms) -> Column:
    return Column(name, parser, target, required, tuple(synonyms))


_ID = ("id", "identifiant", "ref", "reference", "code", "numero", "n°", "no")
_DEP = ("departement", "dept", "dépt", "dep", "dpt", "n° de département", "num departement")
_CP = ("cp", "code postal", "codepostal", "postal")
_COMMUNE = ("ville", "localite", "localité", "commune", "ville / commune", "lieu")
_INSEE = ("insee", "code insee", "code commune", "cog", "code officiel geographique")
_LAT = ("lat", "y", "gps latitude")
_LON = ("lon", "lng", "long", "x", "gps longitude")
_PROGRAMME = ("programme", "dispositif", "projet")
_STRUCTURE = ("structure", "organisme", "nom de la structure", "structure porteuse", "porteur")
_START = ("date", "debut", "date de debut", "le")
_END = ("fin", "date de fin")
# Columns that several kinds share to the letter.
_STRUCTURE_COLUMN = _c("structure", "text", "structure", False, *_STRUCTURE[1:])
_PROGRAMME_COLUMN = _c("programme", "text", "programme", False, *_PROGRAMME)


def _place(with_point: bool) -> list[Column]:
    cols = [
        _c("commune", "text", None, False, *_COMMUNE),
        _c("code_postal", "postal_code", None, False, *_CP),
        _c("departement", "text", None, False, *_DEP),
        _c("code_insee", "insee", None, False, *_INSEE),
    ]
    if with_point:
        cols += [
            _c("latitude", "latitude", None, False, *_LAT),
            _c("longitude", "longitude", None, False, *_LON),
        ]
    return cols


def _title(required: bool) -> Column:
    """The title column of the kinds that name it with the same synonyms."""
    return _c("titre", "text", "title", required, "intitule", "nom", "libelle")


def _dates(start_required: bool, *start_synonyms: str) -> tuple[Column, Column]:
    """The start and end date columns (the end is always optional)."""
    return (
        _c("date_debut", "date", "start_date", start_required, *_START, *start_synonyms),
        _c("date_fin", "date", "end_date", False, *_END),
    )


def _event(headcount: Column) -> tuple[Column, ...]:
    """The columns of an event after its dates: place, structure, headcount, publics, programme."""
    return (
        *_place(True),
        _STRUCTURE_COLUMN,
        headcount,
        _c("publics", "text", "publics", False, "type de public"),
        _PROGRAMME_COLUMN,
    )


ACTORS = Kind(
    "acteurs",
    "actors",
    ("actor_id",),
    (
        _c("identifiant", "id", "actor_id", False, *_ID, "code acteur", "id acteur"),
        _c(
            "nom",
            "text",
            "name",
            True,
            "nom de la structure",
            "structure",
            "nom structure",
            "raison sociale",
            "organisme",
            "acteur",
            "denomination",
            "nom de l'acteur",
        ),
        _c("type_structure", "text", "structure_type", False, "type", "type de structure"),
        _c("cercle", "circle", "circle", False, "cercle csti", "niveau"),
        _c("categorie", "text", "category", False, "categorie d'acteur", "secteur"),
        _c("adresse", "text", "address", False, "adresse postale", "rue", "voie"),
        _c("code_postal", "postal_code", "postal_code", False, *_CP),
        _c("commune", "text", None, False, *_COMMUNE),
        _c("departement", "text", None, False, *_DEP),
        _c("code_insee", "insee", None, False, *_INSEE),
        _c("latitude", "latitude", None, False, *_LAT),
        _c("longitude", "longitude", None, False, *_LON),
        _c(
            "email",
            "email",
            "email",
            False,
            "courriel",
            "mail",
            "e-mail",
            "adresse mail",
            "adresse e-mail",
            "adresse electronique",
            "mel",
            "contact",
        ),
        _c("telephone", "phone", "phone", False, "tel", "tél", "téléphone", "portable"),
        _c("site_web", "url", "website", False, "site", "site internet", "url", "web"),
        _c(
            "date_recensement",
            "date",
            "listed_on",
            False,
            "date",
            "date de recensement",
            "recense le",
            "date d'inscription",
        ),
        _PROGRAMME_COLUMN,
    ),
    ("acteur", "structures", "recensement", "annuaire", "repertoire"),
    "required",
)

PEOPLE = Kind(
    "personnes",
    "people",
    ("person_id",),
    (
        _c("identifiant", "id", "person_id", True, *_ID, "pseudonyme", "id personne"),
        _c("genre", "gender", "gender", False, "sexe"),
        _c("statut", "status", "status", False, "situation", "salarie benevole"),
        _c(
            "structure",
            "text",
            "structure",
            False,
            *_STRUCTURE[1:],
            "employeur",
            "structure d'appartenance",
        ),
        _c("departement", "department", "department_code", False, *_DEP),
        _c("categorie", "text", "category", False, "categorie d'acteur", "type d'acteur"),
        _c(
            "type_employeur",
            "employer_type",
            "employer_type",
            False,
            "type d'employeur",
            "type de structure employeuse",
        ),
        _c("origine", "origin", "origin", False, "provenance"),
    ),
    ("personne", "participants", "participantes", "participant", "stagiaires"),
)

SESSIONS = Kind(
    "sessions",
    "sessions",
    ("session_id",),
    (
        _c("identifiant", "id", "session_id", True, *_ID, "id session", "code session"),
        _c("type", "session_type", "type", True, "type de session"),
        _c("intitule", "text", "title", True, "titre", "nom", "libelle", "nom de la session"),
        _c("theme", "text", "theme", False, "thematique"),
        _c("format", "session_format", "format", False, "modalite"),
        *_dates(True),
        _c("jours", "days", "days", False, "nombre de jours", "nb jours", "duree", "duree jours"),
        *_place(False),
        _c("animateur", "text", "facilitator", False, "animatrice", "intervenant", "formateur"),
        _PROGRAMME_COLUMN,
        _c("volet", "text", "strand", False, "parcours", "axe", "volet de formation"),
    ),
    ("session", "formations", "webinaires", "regroupements"),
    "optional",
)

ATTENDANCES = Kind(
    "participations",
    "attendances",
    ("session_id", "person_id"),
    (
        _c("session", "id", "session_id", True, "identifiant session", "id session"),
        _c(
            "personne",
            "id",
            "person_id",
            True,
            "participant",
            "participante",
            "identifiant personne",
            "id personne",
        ),
    ),
    ("participation", "presences", "inscriptions", "emargements", "emargement"),
)

EXPERIMENTS = Kind(
    "experimentations",
    "experiments",
    ("experiment_id",),
    (
        _c("identifiant", "id", "experiment_id", True, *_ID),
        _title(True),
        _STRUCTURE_COLUMN,
        _c("theme", "text", "theme", False, "thematique"),
        _c("statut", "experiment_status", "status", False, "etat", "avancement"),
        _c("date_debut", "date", "start_date", False, "debut", "date de debut"),
        _c("date_fin", "date", "end_date", False, "fin", "date de fin"),
        *_place(False),
        _c("publics_cibles", "text", "target_publics", False, "publics", "public cible"),
        _c(
            "personnes_touchees",
            "count",
            "people_reached",
            False,
            "personnes touchees",
            "nombre de personnes",
            "public touche",
        ),
        _PROGRAMME_COLUMN,
    ),
    ("experimentation", "experiences", "projets pilotes"),
    "optional",
)

ACTIONS = Kind(
    "actions",
    "actions",
    ("action_id",),
    (
        _c("identifiant", "id", "action_id", True, *_ID),
        _c("type", "text", "type", False, "type d'action"),
        _title(True),
        *_dates(True),
        *_event(
            _c(
                "participants",
                "count",
                "participants",
                False,
                "nombre de participants",
                "frequentation",
                "visiteurs",
                "public",
            )
        ),
    ),
    ("action", "evenements", "evenement"),
    "optional",
)

TARGETS = Kind(
    "objectifs",
    "targets",
    ("kpi_id", "period", "programme"),
    (
        _c("indicateur", "kpi", "kpi_id", True, "kpi", "id indicateur"),
        _c("periode", "period", "period", True, "mois", "annee"),
        _c("valeur", "number", "value", True, "cible", "objectif", "valeur cible"),
        _PROGRAMME_COLUMN,
    ),
    ("objectif", "cibles"),
)

# Programme content lives in its own module, which uses the helpers above.
from observatoire.importing import content_kinds  # noqa: E402

ACTORS = replace(ACTORS, columns=ACTORS.columns + content_kinds.ACTOR_COLUMNS)

# The order of import: a later kind can reference an earlier one.
KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        ACTORS,
        PEOPLE,
        SESSIONS,
        ATTENDANCES,
        EXPERIMENTS,
        ACTIONS,
        TARGETS,
        *content_kinds.CONTENT_KINDS,
    )
}

# Enumerated values: folded variant -> stored value.
ENUMS: dict[str, dict[str, str]] = {
    "gender": {
        **dict.fromkeys(["f", "femme", "femmes", "feminin", "mme", "madame"], "F"),
        **dict.fromkeys(["h", "m", "homme", "hommes", "masculin", "monsieur", "mr"], "H"),
        **dict.fromkeys(["autre", "x", "nonbinaire", "autres"], "X"),
    },
    "status": {
        **dict.fromkeys(
            ["salarie", "salariee", "salaries", "salariees", "salariee", "employe", "employee"],
            "salarie",
        ),
        **dict.fromkeys(["benevole", "benevoles", "volontaire"], "benevole"),
        **dict.fromkeys(["autre", "autres"], "autre"),
    },
    "session_type": {
        **dict.fromkeys(["formation", "formations"], "formation"),
        **dict.fromkeys(["webinaire", "webinaires", "webinar", "webinars"], "webinaire"),
        **dict.fromkeys(["regroupement", "regroupements"], "regroupement"),
        **dict.fromkeys(["atelier", "ateliers", "ateliersthematiques"], "atelier"),
        **dict.fromkeys(["sensibilisation", "sensibilisations"], "sensibilisation"),
    },
    "session_format": {
        **dict.fromkeys(["presentiel", "presentielle", "surplace"], "presentiel"),
        **dict.fromkeys(
            ["distanciel", "adistance", "distance", "enligne", "visio", "visioconference"],
            "distanciel",
        ),
    },
    "employer_type": {
        **dict.fromkeys(["association", "associations", "asso", "associatif"], "association"),
        **dict.fromkeys(
            [
                "collectivite",
                "collectivites",
                "collectiviteterritoriale",
                "collectivitesterritoriales",
                "epci",
                "etablissementpublicdecooperation",
            ],
            "collectivite",
        ),
        **dict.fromkeys(
            ["universite", "universites", "recherche", "enseignementsuperieur"], "universite"
        ),
        **dict.fromkeys(
            ["entreprise", "entreprises", "entrepreneur", "entrepreneuse"], "entreprise"
        ),
        **dict.fromkeys(["autre", "autres"], "autre"),
    },
    "origin": {
        **dict.fromkeys(["programme", "reseau", "membre", "impliquee", "implique"], "programme"),
        **dict.fromkeys(["region", "delaregion", "regional", "regionale"], "region"),
        **dict.fromkeys(
            ["horsregion", "autreregion", "duneautreregion", "ailleurs", "national"],
            "hors_region",
        ),
    },
    "experiment_status": {
        **dict.fromkeys(["idee", "idees"], "idee"),
        **dict.fromkeys(["enpreparation", "preparation", "apreparer"], "en_preparation"),
        **dict.fromkeys(["encours", "active", "actif"], "en_cours"),
        **dict.fromkeys(["terminee", "termine", "terminees", "achevee", "finie"], "terminee"),
        **dict.fromkeys(["abandonnee", "abandonne", "abandon"], "abandonnee"),
    },
}

ENUMS.update(content_kinds.CONTENT_ENUMS)


def _fold_map(names: dict[str, tuple[str, ...]]) -> dict[str, str]:
    # A template name always wins over another column's synonym.
    out = {fold(target): target for target in names}
    for target, synonyms in names.items():
        for s in synonyms:
            out.setdefault(fold(s), target)
    return out


_SHEETS = _fold_map({k.name: k.sheet_synonyms for k in KINDS.values()})
_HEADERS = {k.name: _fold_map({c.name: c.synonyms for c in k.columns}) for k in KINDS.values()}


def kind_of_sheet(sheet_name: str) -> Kind | None:
    """The kind a sheet name denotes (``Expérimentations`` -> experimentations), if any."""
    name = _SHEETS.get(fold(sheet_name))
    return KINDS[name] if name else None


def column_of_header(kind: Kind, header: object) -> str | None:
    """The template column a header denotes for this kind (``Courriel`` -> email), if any."""
    # A trailing * marks required columns, as in our template.
    return _HEADERS[kind.name].get(fold(str(header).replace("*", "")))


def template_header(column: Column) -> str:
    """The header the template writes: the name, with `` *`` when the column is required."""
    return column.name + REQUIRED_MARK if column.required else column.name


def is_example_value(value: object) -> bool:
    """Whether a cell holds an example identifier of the template (``EXEMPLE-…``)."""
    return isinstance(value, str) and value.strip().upper().startswith(EXAMPLE_PREFIX)


def expected_sheet_names() -> str:
    """The accepted sheet names, for messages."""
    return ", ".join(KINDS)
