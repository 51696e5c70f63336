"""French texts of the steering committee's monthly review (page revue_mensuelle)."""

from observatoire.texts import kpis as kpi_texts

# Filters.
MONTH = "Période de la revue"
MONTH_HELP = (
    "Un mois (2023-11), une année (2023), une plage de mois (2023-01..2024-07) ou de jours "
    "(2023-09-01..2024-06-30), ou un raccourci."
)
FILTERS = "Espace : {workspace} · Période : {period} · {programme} · {department}"

# Cards.
CARDS = "Indicateurs de la période"
# After "par rapport à": a month or a year reads alone, a range as a period.
COMPARED_RANGE = "la période {dates}"
CHANGE_VS = "Sous chaque valeur : l'évolution par rapport à {previous}, puis l'objectif."
TARGET_MONTH = "Objectif du mois : {target} · réalisé : {value} ({gap})"
TARGET_YTD = "Objectif cumulé au {date} : {target} · réalisé : {value} ({gap})"
TARGET_YEAR = "Objectif {year} : {target} · atteint : {value} ({gap})"
NO_TARGET = "Pas d'objectif fixé"
NO_TARGET_DEPARTMENT = "Les objectifs portent sur tout le réseau : aucun pour un seul département."

# Trends.
TRENDS = "Évolution mois par mois"
TREND_VALUE = "Valeur du mois"
TREND_TARGET = "Objectif mensuel"
SERIES = "Série"
VALUE = "Valeur"
KPI = "Indicateur"
MONTH_COLUMN = "Mois"

# Departments.
DEPARTMENTS = "Par département"
DEPARTMENT_COLUMNS = kpi_texts.DEPARTMENT_COLUMNS

# Sessions.
SESSIONS = "Sessions de la période et de la période comparée"
NO_SESSION = "Aucune session sur la période ni sur la période comparée."
SESSION_COLUMNS = {
    "month": "Mois",
    "start_date": "Date",
    "session_id": "Identifiant",
    "type": "Type",
    "title": "Intitulé",
    "commune": "Commune (département)",
    "attendances": "Participations",
}
SESSION_TYPES = {
    "formation": "Formation",
    "webinaire": "Webinaire",
    "regroupement": "Regroupement",
    "atelier": "Atelier",
    "sensibilisation": "Sensibilisation",
}

# Faits marquants.
NOTES = "Faits marquants"
NOTE_EMPTY = "Aucun fait marquant saisi pour ce mois."
NOTE_LABEL = "Faits marquants du mois"
NOTE_HELP = "Texte libre, conservé dans l'espace de travail pour ce mois et ce programme."
NOTE_SAVE = "Enregistrer les faits marquants"
NOTE_SAVED = "Faits marquants enregistrés (copie de sauvegarde : {backup})."
NOTE_UPDATED = "Mis à jour le {date} par {author}."
NOTE_TOO_LONG = "Le texte dépasse {limit} caractères : raccourcissez-le."
MONTH_ONLY = (
    "Les faits marquants et « Figer le mois » portent sur un mois : saisissez un mois "
    "(AAAA-MM) pour les voir. La période affichée ({period}) n'est pas un mois."
)
NOTE_READ_ONLY = "Seule la coordination peut modifier les faits marquants."

# Snapshots.
SNAPSHOTS = "Mois figés"
FREEZE = "Figer le mois"
FREEZE_HELP = (
    "Enregistre les valeurs affichées pour ce mois, ce programme et ce département : "
    "les imports suivants ne modifieront plus la revue figée."
)
FREEZE_AGAIN = "Figer à nouveau (remplace les valeurs figées)"
FROZEN = "Mois figé : {count} indicateurs enregistrés (copie de sauvegarde : {backup})."
FROZEN_ON = "Revue figée le {date} par {author}."
NOT_FROZEN = "Ce mois n'est pas figé."
FREEZE_READ_ONLY = "Seule la coordination peut figer un mois."
NO_SNAPSHOT = "Aucun mois figé dans cet espace."
SNAPSHOT_LIST_COLUMNS = {
    "month": "Mois",
    "programme": "Programme",
    "department": "Département",
    "kpis": "Indicateurs",
    "frozen_at": "Figé le",
    "frozen_by": "Par",
}
COMPARISON = "Valeurs figées et valeurs actuelles"
COMPARISON_COLUMNS = {
    "label": "Indicateur",
    "frozen": "Figée",
    "current": "Actuelle",
    "difference": "Écart",
}
DIFFERENCES = "{count} indicateur(s) ont changé depuis le gel (surlignés)."
NO_DIFFERENCE = "Aucune différence entre les valeurs figées et les valeurs actuelles."
WRITE_LOCKED = "L'espace de travail est occupé (import en cours ?) : réessayez dans un instant."

# Exports.
EXPORTS = "Exporter la revue"
DOWNLOAD_HTML = "Rapport HTML (imprimable)"
DOWNLOAD_PDF = "Rapport PDF"
DOWNLOAD_XLSX = "Chiffres (XLSX)"

UNKNOWN_AUTHOR = "inconnu"
LOCAL_AUTHOR = "mode local"
ALL_DEPARTMENTS = "Tous les départements"
ALL_PROGRAMMES = "Tous les programmes"

# What changed (top of the review): written from the figures the page shows.
SUMMARY = "Ce qui a changé"
SUMMARY_FIGURE = "{name} ({value}, {change})"
AND = "et"
SUMMARY_UP = "plus forte hausse : {items}"
SUMMARY_UPS = "plus fortes hausses : {items}"
SUMMARY_DOWN = "plus forte baisse : {items}"
SUMMARY_DOWNS = "plus fortes baisses : {items}"
SUMMARY_SEPARATOR = " ; "
SUMMARY_MOVES = "Par rapport à {previous}, {moves}."
SUMMARY_TARGET_ITEM = "{name} ({value} pour un objectif de {target})"
SUMMARY_MET = "Objectifs atteints : {items}."
SUMMARY_MISSED = "Objectifs non atteints : {items}."
SUMMARY_DEPARTMENTS = "Par département ({name}), {items}."
SUMMARY_DEPARTMENT_UP = "plus forte hausse : {department}"
SUMMARY_DEPARTMENT_DOWN = "plus forte baisse : {department}"
SUMMARY_NOTHING = "Aucun indicateur ne bouge par rapport à {previous}."
