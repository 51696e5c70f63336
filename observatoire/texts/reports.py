"""French texts of the exported reports (HTML, PDF, XLSX) and of the charts' locale."""

# Vega-Lite time locale (d3-time-format): the month names come from texts.formats.MONTHS.
SHORT_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
DAYS = ("dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")
SHORT_DAYS = ("dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam.")
DATE_TIME = "%A %e %B %Y à %X"

# Report.
TITLE = "Revue mensuelle du comité de pilotage"
SUBTITLE = "{period} · {workspace}"
FILTERS = "Filtres appliqués"
FILTER_WORKSPACE = "Espace de travail"
FILTER_MONTH = "Période"
FILTER_COMPARED = "Comparée à"
FILTER_PROGRAMME = "Programme"
FILTER_DEPARTMENT = "Département"
GENERATED = "Rapport établi le {date} par l'Observatoire CSTI."
DEMO = "Données de démonstration."
KPIS = "Indicateurs de la période"
KPI_COLUMNS = {
    "label": "Indicateur",
    "value": "Valeur",
    "previous": "Période comparée",
    "change": "Évolution",
    "target": "Objectif",
}
TRENDS = "Évolution mois par mois"
TREND_CAPTION = "Trait plein : valeur du mois ; pointillés : objectif mensuel, s'il existe."
DEPARTMENTS = "Par département"
NOTES = "Faits marquants"
NO_NOTE = "Aucun fait marquant saisi pour ce mois."
FROZEN = "Valeurs figées le {date} par {author} ; écarts avec les valeurs actuelles :"
NOT_FROZEN = "Ce mois n'est pas figé : les valeurs peuvent encore changer avec les imports."
NOT_A_MONTH = (
    "Faits marquants et valeurs figées : ils portent sur un mois, pas sur une période plus longue."
)
PAGE = "Page {page}/{pages}"

# XLSX sheets and columns.
SHEET_FILTERS = "Filtres"
XLSX_FILTER_COLUMNS = ("Filtre", "Valeur")
SHEET_KPIS = "Indicateurs"
SHEET_TRENDS = "Tendances"
SHEET_SESSIONS = "Sessions"
SHEET_DEPARTMENTS = "Départements"
SHEET_SNAPSHOT = "Mois figé"
SHEET_EVALUATION = "Évaluation"
TECHNICAL_ID = "Identifiant technique"
XLSX_KPI_COLUMNS = (
    "Indicateur",
    "Unité",
    "Valeur",
    "Période comparée",
    "Évolution",
    "Objectif",
    "Base de l'objectif",
    "Valeur comparée à l'objectif",
    "Écart à l'objectif",
    TECHNICAL_ID,
)
XLSX_SESSION_COLUMNS = {
    "month": "Mois",
    "start_date": "Date",
    "session_id": TECHNICAL_ID,
    "type": "Type",
    "title": "Intitulé",
    "commune": "Commune",
    "department_code": "Département",
    "attendances": "Participations",
}
XLSX_TREND_COLUMNS = ("Mois", "Indicateur", "Valeur", "Objectif mensuel", TECHNICAL_ID)
XLSX_SNAPSHOT_COLUMNS = ("Indicateur", "Valeur figée", "Valeur actuelle", "Écart", TECHNICAL_ID)
UNITS = {
    "nombre": "nombre",
    "jours": "jours",
    "personnes": "personnes",
    "%": "part (0 à 1)",
    "indice": "indice",
}
TARGET_BASIS = {"month": "mois", "ytd": "cumul depuis janvier", "year": "année"}

# The evaluation's before/after progression (page, HTML, PDF, XLSX).
EVALUATION = "Évaluation : progression avant / après"
EVALUATION_SHARE = (
    "{share} des personnes ayant répondu avant et après progressent (score moyen après "
    "supérieur au score avant) ; {respondents} répondant·e·s aux questionnaires sur la période."
)
EVALUATION_NONE = "Aucune réponse à un questionnaire avant / après dans la période."
