"""French texts of the page donnees: upload and import, history, data quality."""

# -- tabs -----------------------------------------------------------------------------------------
TAB_IMPORT = "Importer un fichier"
TAB_HISTORY = "Historique des imports"
TAB_QUALITY = "Qualité des données"

# -- upload -----------------------------------------------------------------------------------------
INTRO = (
    "Importez un classeur (.xlsx, .ods) ou un fichier CSV. Chaque feuille nommée d'après un type "
    "de données (acteurs, personnes, sessions, participations, expérimentations, actions, "
    "objectifs) est lue. Vous verrez un aperçu, puis une simulation, avant de confirmer : "
    "rien n'est écrit avant la confirmation."
)
TEMPLATE_BUTTON = "Télécharger le classeur modèle (.xlsx)"
TEMPLATE_FILE = "modele-import-observatoire.xlsx"
UPLOAD_LABEL = "Fichier à importer (.xlsx, .ods ou .csv, {limit} Mo au plus)"
UPLOAD_HELP = "Formats acceptés : .xlsx, .ods, .csv, jusqu'à {limit} Mo par fichier."
# Streamlit draws the drop zone itself, in English, with no way to translate it.
UPLOAD_EXPLAINED = (
    "Cliquez sur « Upload » pour choisir le fichier, ou glissez-le dans le cadre ci-dessous. "
    "Ce cadre est écrit en anglais par Streamlit, sans traduction possible : "
    "« {streamlit}MB per file » veut dire « {streamlit} Mo au plus par fichier » et "
    "« Drag and drop a file here », « déposez un fichier ici »."
)
CSV_KIND = "Type de données du fichier CSV"
NOTHING_CHANGED = "Rien n'a été modifié."
NO_KNOWN_SHEET = (
    "Aucune feuille reconnue dans « {name} ». Feuilles trouvées : {found}. "
    "Noms de feuilles attendus : {expected}. Renommez vos feuilles (voir le classeur modèle)."
)
NO_ROWS = "Le fichier « {name} » ne contient aucune ligne de données à importer sous ses en-têtes."

PREVIEW_TITLE = "1. Aperçu du fichier"
SUMMARY_COLUMNS = {
    "sheet": "Feuille",
    "kind": "Données",
    "rows": "Lignes",
    "examples": "dont exemples",
    "recognised": "Colonnes reconnues",
    "ignored": "Colonnes ignorées",
    "missing": "Obligatoires absentes",
}
SHEET_SKIPPED = "ignorée (nom non reconnu)"
DETAILS_CAPTION = "Le détail de chaque feuille (colonnes et premières lignes) s'ouvre au clic."
EXAMPLES_FOUND = (
    "{count} ligne(s) d'exemple du modèle (identifiant commençant par EXEMPLE-) : elles ne "
    "seront pas importées."
)
SHEET_TITLE = "Feuille « {sheet} » : {kind}, {rows} ligne(s) de données"
SHEET_IGNORED_TITLE = "Feuille « {sheet} » : ignorée (son nom ne correspond à aucun type)"
SHEET_NO_ROWS = "Feuille « {sheet} » : aucune ligne de données sous l'en-tête"
MISSING_COLUMNS = (
    "Colonne(s) obligatoire(s) absente(s) : {columns}. Aucune ligne de cette feuille ne sera "
    "importée."
)
MAPPING_COLUMNS = {
    "header": "Colonne du fichier",
    "field": "Champ reconnu",
    "required": "Obligatoire",
}
FIELD_IGNORED = "ignorée"
YES = "oui"
NO = ""
FIRST_ROWS = "Premières lignes (numéros de ligne du tableur)"
ROW_NUMBER = "ligne"

TARGET_TITLE = "2. Espace de travail de destination"
TARGET_MODE = "Destination"
TARGET_EXISTING = "Un espace existant"
TARGET_NEW = "Un nouvel espace"
TARGET_PICK = "Espace de travail"
TARGET_NEW_NAME = "Nom du nouvel espace (lettres, chiffres, tirets)"
TARGET_NEW_PLACEHOLDER = "mon-reseau"
NAME_EMPTY = "Donnez un nom au nouvel espace de travail."
NAME_BAD = (
    "Nom « {name} » invalide : utilisez de 1 à 40 lettres minuscules sans accent, chiffres, "
    "tirets ou soulignés (par exemple « reseau-occitanie »)."
)
NAME_TAKEN = "Un espace « {name} » existe déjà : choisissez-le dans la liste des espaces existants."
NAME_RESERVED = "Le nom « {name} » est réservé : choisissez-en un autre."
NO_EXISTING = "Aucun espace de travail existant : créez-en un nouveau."

DRY_RUN_TITLE = "3. Simulation"
DRY_RUN_BUTTON = "Lancer la simulation"
DRY_RUN_CAPTION = (
    "La simulation applique toutes les règles d'import sans rien écrire dans « {target} »."
)
DRY_RUN_CAPTION_NEW = (
    "La simulation applique toutes les règles d'import sans rien créer : l'espace « {target} » "
    "n'existera qu'après la confirmation."
)
DRY_RUN_DONE = "Simulation sur « {target} » : rien n'a été écrit."
DRY_RUN_DONE_NEW = "Simulation pour le nouvel espace « {target} » : rien n'a été créé."
COUNT_LINE = (
    "- **{kind}** : {inserted} ajouté(s), {updated} modifié(s), {unchanged} inchangé(s), "
    "{rejected} rejeté(s), {warnings} avertissement(s)"
)
ISSUES_TITLE = "Rejets et avertissements ({count})"
ISSUE_COLUMNS = {
    "severity": "Gravité",
    "sheet": "Feuille",
    "row": "Ligne",
    "column": "Colonne",
    "value": "Valeur",
    "reason": "Motif",
}
NO_ISSUES = "Aucun rejet, aucun avertissement."
EXPORT_CSV = "Télécharger les rejets (.csv)"
EXPORT_XLSX = "Télécharger les rejets (.xlsx)"
EXPORT_NAME = "rejets-{stem}.{ext}"

CONFIRM_TITLE = "4. Confirmation"
CONFIRM_BUTTON = "Confirmer l'import dans « {target} »"
CONFIRM_BUTTON_NEW = "Créer l'espace « {target} » avec ces données"
CONFIRM_CAPTION_NEW = (
    "L'espace « {target} » sera créé avec les données ci-dessus ; vous pourrez y importer "
    "d'autres fichiers ensuite."
)
NOTHING_TO_IMPORT = "Aucun enregistrement à ajouter ni à modifier : il n'y a rien à importer."
CONFIRM_CAPTION = (
    "Les données sont intégrées à « {target} » en une seule fois, après vérification ; "
    "la version précédente de l'espace est gardée dans le dossier des sauvegardes."
)
CHANGED_SINCE = (
    "Le fichier ou l'espace de travail a changé depuis la simulation : relancez la simulation."
)
DONE = "Import terminé dans « {target} » : {inserted} ajouté(s), {updated} modifié(s), {unchanged} inchangé(s), {rejected} rejeté(s)."
DONE_CREATED = "Espace de travail « {target} » créé."
DONE_NOTHING = "Import terminé : rien n'a changé dans « {target} »."
DONE_SEE = "Voir les données importées :"
LOCKED_OR_FAILED = "{detail}"

# -- history ----------------------------------------------------------------------------------------
HISTORY_EMPTY = "Aucun import enregistré dans cet espace de travail."
HISTORY_COLUMNS = {  # display order: the counts before the long lists
    "imported_at": "Date",
    "file_name": "Fichier",
    "inserted": "Ajoutés",
    "updated": "Modifiés",
    "unchanged": "Inchangés",
    "rejected": "Rejetés",
    "warnings": "Avertissements",
    "sha256": "Empreinte (sha256)",
    "kinds": "Données",
}
DATE_TIME = "{date} {time}"

# -- data quality -------------------------------------------------------------------------------------
QUALITY_INTRO = (
    "Enregistrements à compléter dans « {workspace} » (les {limit} premiers sont listés)."
)
CHECKS = {
    "actors_approximate": "Acteurs placés approximativement (au point de référence de leur commune)",
    "actors_without_circle": "Acteurs sans cercle",
    "people_incomplete": "Personnes sans genre ou sans statut",
    "sessions_without_place": "Sessions sans lieu (hors sessions à distance)",
}
CHECK_SHORT = {
    "actors_approximate": "Acteurs placés approximativement",
    "actors_without_circle": "Acteurs sans cercle",
    "people_incomplete": "Personnes sans genre ou statut",
    "sessions_without_place": "Sessions sans lieu",
}
QUALITY_COLUMNS = {
    "actor_id": "Identifiant",
    "name": "Nom",
    "structure_type": "Type de structure",
    "commune": "Commune",
    "postal_code": "Code postal",
    "department_code": "Département",
    "person_id": "Identifiant",
    "gender": "Genre",
    "status": "Statut",
    "structure": "Structure",
    "session_id": "Identifiant",
    "type": "Type",
    "title": "Intitulé",
    "format": "Format",
    "start_date": "Date de début",
}
MISSING_VALUE = "manquant"
GENDER = {"F": "F", "H": "H", "X": "autre"}
STATUS = {"salarie": "salarié·e", "benevole": "bénévole", "autre": "autre"}
QUALITY_NONE = "Rien à signaler."
PEOPLE_HIDDEN = "La liste des personnes est réservée aux rôles coordination et administration."
NO_WORKSPACE = "Aucun espace de travail : importez un fichier pour en créer un."

# What this file changes: each KPI of the current period, before and after the import.
KPI_CHANGES = "Ce que ce fichier change · {period}"
KPI_CHANGES_NONE = "Aucun indicateur de {period} ne change avec ce fichier."
KPI_CHANGES_NEW = "Nouvel espace : les indicateurs de {period} après l'import."
KPI_CHANGES_HELP = (
    "Indicateurs de la période ouverte par défaut, calculés sur une copie privée de l'espace "
    "avec ce fichier, contre l'espace actuel."
)
KPI_CHANGE_COLUMNS = {
    "label": "Indicateur",
    "before": "Actuel",
    "after": "Après l'import",
    "change": "Évolution",
}
