"""French texts of spreadsheet imports, the template workbook and workspace settings."""

from observatoire.texts import content

KIND_LABELS = {
    "acteurs": "Acteurs (structures)",
    "personnes": "Personnes (participant·e·s, pseudonymisées)",
    "sessions": "Sessions (formations, webinaires, regroupements, ateliers, sensibilisations)",
    "participations": "Participations (une ligne par personne et par session)",
    "experimentations": "Expérimentations",
    "actions": "Actions (événements grand public)",
    "objectifs": "Objectifs (valeur cible d'un indicateur pour une période)",
    **content.KIND_LABELS,
}

KIND_SHORT = {
    "acteurs": "Acteurs",
    "personnes": "Personnes",
    "sessions": "Sessions",
    "participations": "Participations",
    "experimentations": "Expérimentations",
    "actions": "Actions",
    "objectifs": "Objectifs",
    **content.KIND_SHORT,
}

# -- file-level problems: the file cannot be read at all (exit code 1) -------------------------
FILE_NOT_FOUND = "Fichier introuvable : {path}."
FILE_EMPTY = "Le fichier « {name} » est vide (0 octet)."
FILE_TOO_BIG = (
    "Le fichier « {name} » pèse {size_mb} Mo, au-delà de la limite de {limit_mb} Mo : "
    "il n'a pas été lu. Découpez-le ou augmentez OBSERVATOIRE_MAX_IMPORT_MB."
)
UNSUPPORTED_EXTENSION = (
    "Format « {ext} » non pris en charge : importez un fichier .xlsx, .ods ou .csv."
)
ENCRYPTED = (
    "Le fichier « {name} » est protégé par un mot de passe (ou enregistré dans l'ancien format "
    ".xls) : enregistrez-le sans mot de passe au format .xlsx, puis importez-le à nouveau."
)
NOT_A_WORKBOOK = (
    "Le fichier « {name} » n'est pas un classeur {format} valide : il est peut-être endommagé, "
    "tronqué ou d'un autre format. Ouvrez-le dans votre tableur et enregistrez-le à nouveau."
)
NOT_TEXT = (
    "Le fichier « {name} » ne ressemble pas à un fichier CSV (texte) : "
    "exportez votre tableau au format CSV ou importez directement le classeur."
)
NO_DATA = "Le fichier « {name} » ne contient aucune donnée."
SIZE_DECLARED = "annonce des données"
SIZE_FOUND = "contient des données"
SHEET_TOO_MANY_ROWS = (
    "La feuille « {sheet} » du fichier « {name} » {how} jusqu'à la ligne {count}, au-delà de la "
    "limite de {limit} lignes : le fichier n'a pas été lu. Une seule cellule remplie loin sous "
    "les données suffit : supprimez les lignes inutiles dans votre tableur, ou découpez le fichier."
)
SHEET_TOO_MANY_COLUMNS = (
    "La feuille « {sheet} » du fichier « {name} » {how} jusqu'à la colonne {count}, au-delà de "
    "la limite de {limit} colonnes : le fichier n'a pas été lu. Une seule cellule remplie loin à "
    "droite des données suffit : supprimez les colonnes inutiles dans votre tableur."
)
SHEET_TOO_MANY_CELLS = (
    "La feuille « {sheet} » du fichier « {name} » couvre {cells} cellules de la première à la "
    "dernière cellule remplie, au-delà de la limite de {limit} : le fichier n'a pas été lu. "
    "Supprimez les cellules isolées loin des données, ou découpez le fichier."
)
ARCHIVE_TOO_BIG = (
    "Le fichier « {name} » est compressé : une fois décompressé, il occuperait {size_mb} Mo, "
    "au-delà de la limite de {limit_mb} Mo : il n'a pas été lu. Découpez-le, ou enregistrez-le "
    "à nouveau depuis votre tableur après avoir supprimé les lignes et colonnes inutiles."
)
IMPORT_KILLED = (
    "L'import de « {name} » a été interrompu : il demandait plus de mémoire que la limite de "
    "{limit_mb} Mo accordée à un import. Rien n'a été modifié. Le fichier contient probablement "
    "une zone immense ou répétée : supprimez les lignes et colonnes inutiles, ou découpez-le."
)
IMPORT_CRASHED = (
    "L'import de « {name} » s'est arrêté de façon inattendue (code {code}). Rien n'a été modifié."
)
MIXED_ENCODING = (
    "Le fichier mélange deux encodages : la ligne {utf8_line} est en UTF-8 et la ligne "
    "{cp1252_line} en Windows-1252 (ANSI). Chaque passage a été lu dans son propre encodage ; "
    "vérifiez les accents, puis enregistrez le fichier en « CSV UTF-8 » pour l'avenir."
)
CONTROL_REMOVED = (
    "{count} caractère(s) de contrôle invisible(s) supprimé(s) (octet nul, tabulation verticale, "
    "échappement…) : la valeur est importée sans eux."
)
NO_KNOWN_SHEET = (
    "Aucune feuille reconnue dans « {name} ». Feuilles trouvées : {found}. "
    "Noms de feuilles attendus : {expected}. Renommez vos feuilles ou précisez --kind."
)
CSV_NEEDS_KIND = (
    "Pour un fichier CSV, précisez le type de données avec --kind ({expected}), "
    "ou nommez le fichier d'après ce type (par exemple acteurs.csv)."
)
UNKNOWN_KIND = "Type de données « {kind} » inconnu. Types possibles : {expected}."
WORKSPACE_LOCKED = (
    "Un autre import ou une autre modification est en cours sur l'espace de travail {path} "
    "depuis plus de {seconds:g} s. Rien n'a été modifié : réessayez dans un instant."
)
WORKSPACE_UNREADABLE = "L'espace de travail {path} n'a pas pu être ouvert : {detail}."
VERIFY_FAILED = (
    "La vérification de la nouvelle version de l'espace de travail a échoué ({detail}) : "
    "l'ancienne version est conservée, rien n'a été modifié."
)
VERIFY_DETAIL = "table {table} : {found} lignes au lieu de {expected}"
STRICT_REFUSED = (
    "Import refusé (--strict) : {count} ligne(s) rejetée(s). Rien n'a été écrit ; "
    "corrigez le fichier ou relancez sans --strict."
)

# -- sheet and column warnings -----------------------------------------------------------------
SHEET_IGNORED = "Feuille ignorée : son nom ne correspond à aucun type de données ({expected})."
SHEET_OTHER_KIND = "Feuille ignorée : seules les données « {kind} » sont importées (--kind)."
SHEET_EMPTY = "Feuille vide : aucune ligne de données sous l'en-tête."
COLUMN_IGNORED = "Colonne non reconnue, ignorée."
COLUMN_DUPLICATE = "Colonne en double (déjà lue sous « {first} ») : seule la première est lue."
EXAMPLE_ROW = (
    "Ligne d'exemple du modèle (valeur commençant par « EXEMPLE- ») : elle n'est pas importée. "
    "Remplacez-la par vos données ou supprimez-la."
)
COLUMN_MISSING = (
    "Colonne obligatoire « {column} » absente : aucune ligne de cette feuille n'est importée."
)

# -- row rejects --------------------------------------------------------------------------------
REQUIRED = "Valeur obligatoire manquante."
UNKNOWN_SESSION = "Session « {value} » inconnue : ni dans ce fichier ni dans l'espace de travail."
UNKNOWN_PERSON = "Personne « {value} » inconnue : ni dans ce fichier ni dans l'espace de travail."
PLACE_REQUIRED = "Lieu obligatoire pour un acteur. {reason}"
PLACE_REQUIRED_BY_KIND = {"tournees": content.PLACE_REQUIRED_STOP}

# -- value problems (a reject for a required value, a warning otherwise) -----------------------
BAD_DATE = "Date « {value} » non reconnue : attendu jj/mm/aaaa ou aaaa-mm-jj."
IMPOSSIBLE_DATE = "Date « {value} » impossible : ce jour n'existe pas."
BAD_NUMBER = "Nombre « {value} » non reconnu."
NOT_INTEGER = "Nombre entier attendu, « {value} » trouvé."
NEGATIVE = "Nombre positif attendu, « {value} » trouvé."
BAD_CIRCLE = "Cercle « {value} » invalide : attendu 1, 2 ou 3."
BAD_EMAIL = "Adresse e-mail « {value} » invalide (attendu nom@domaine.fr)."
BAD_PHONE = "Numéro de téléphone « {value} » invalide."
BAD_URL = "Adresse de site web « {value} » invalide."
BAD_CHOICE = "Valeur « {value} » non reconnue : valeurs possibles {choices}."
BAD_PERIOD = "Période « {value} » invalide : attendu AAAA ou AAAA-MM (par exemple 2025-03)."
UNKNOWN_KPI = (
    "Indicateur « {value} » inconnu : indiquez l'identifiant ou le libellé d'un indicateur de la "
    "feuille « indicateurs » du modèle (par exemple training_sessions ou Sessions de formation)."
)
BAD_COORDINATE = "Coordonnée « {value} » invalide."
BAD_DEPARTMENT = "Département « {value} » inconnu."
DATE_ORDER = "La date de fin ({end}) précède la date de début ({start})."
VALUE_DROPPED = "{reason} La ligne est importée sans cette valeur."
DUPLICATE = (
    "Même enregistrement que la ligne {row}{sheet} ({identity}) : cette ligne-ci, plus récente, "
    "la remplace."
)
DUPLICATE_SHEET = " de la feuille « {sheet} »"
IDENTITY_ID = "même identifiant {value}"
IDENTITY_NAME = "même nom et même commune"

CHOICE_LABELS = {
    "gender": "F, H, autre",
    "status": "salarié·e, bénévole, autre",
    "session_type": "formation, webinaire, regroupement, atelier, sensibilisation",
    "session_format": "présentiel, distanciel",
    "experiment_status": "idée, en préparation, en cours, terminée, abandonnée",
    "employer_type": "association, collectivité, université, entreprise, autre",
    "origin": "programme, région, hors région",
    **content.CHOICE_LABELS,
}

# -- command-line output ------------------------------------------------------------------------
SUMMARY_HEAD = "Import de « {file} »{dry} :"
SUMMARY_DRY = " (simulation, rien n'est écrit)"
SUMMARY_LINE = (
    "  {kind} : {inserted} ajouté(s), {updated} modifié(s), {unchanged} inchangé(s), "
    "{rejected} rejeté(s), {warnings} avertissement(s)"
)
SUMMARY_NOTHING = "  Aucune donnée importable."
SUMMARY_WRITTEN = "Espace de travail mis à jour : {path} (version précédente : {backup})."
SUMMARY_CREATED = "Espace de travail créé : {path}."
SUMMARY_UNCHANGED = "Espace de travail inchangé : {path}."
REJECTS_HEAD = "Lignes rejetées :"
WARNINGS_HEAD = "Avertissements :"
ISSUE_LINE = "  [{where}] {column}{value} : {reason}"
AT_ROW = "{sheet} ligne {row}"
MORE_ISSUES = "  … et {count} autre(s) ; l'option --json donne la liste complète."
TEMPLATE_WRITTEN = "Modèle écrit : {path}"
TEMPLATE_BAD_EXTENSION = "Le modèle s'écrit au format .xlsx : « {path} »."

# -- rejects export -----------------------------------------------------------------------------
EXPORT_HEADERS = {
    "severity": "gravité",
    "sheet": "feuille",
    "row": "ligne",
    "column": "colonne",
    "value": "valeur",
    "reason": "motif",
}
SEVERITY_REJECT = "rejet"
SEVERITY_WARNING = "avertissement"

# -- workspace command --------------------------------------------------------------------------
WORKSPACE_MISSING = "Espace de travail introuvable : {path}. Créez-le en important un fichier."
WORKSPACE_SHOW = (
    "Espace de travail : {path}\n"
    "  nom : {name}\n"
    "  territoire (départements) : {departments}\n"
    "  programmes : {programmes}\n"
    "  démonstration : {demo}\n"
    "  {actors} acteurs, {people} personnes, {sessions} sessions, {attendances} participations, "
    "{experiments} expérimentations, {actions} actions, {targets} objectifs"
)
WORKSPACE_SAVED = "Espace de travail mis à jour : {path}."
WORKSPACE_BAD_DEPARTMENT = "Département « {value} » inconnu : rien n'a été modifié."
NONE = "(aucun)"
YES = "oui"
NO = "non"

# -- template workbook --------------------------------------------------------------------------
README_SHEET = "Lisez-moi"
README_TITLE = "Modèle d'import de l'Observatoire CSTI"
README_INTRO = [
    "Chaque feuille de ce classeur correspond à un type de données ; gardez les noms de feuilles.",
    "La première ligne de chaque feuille est l'en-tête ; la deuxième est un exemple, en gris.",
    "Les lignes d'exemple (identifiant commençant par EXEMPLE-) ne sont jamais importées : "
    "remplacez-les par vos données ou supprimez-les.",
    "Les colonnes marquées * sont obligatoires ; les autres peuvent rester vides ou être supprimées.",
    "Objectifs : la feuille « indicateurs » liste chaque indicateur, son identifiant et son "
    "libellé ; la colonne indicateur accepte l'un ou l'autre.",
    "Dates : jj/mm/aaaa ou aaaa-mm-jj. Nombres : 1,5 ou 1 234. Départements : code (31, 2A) ou nom.",
    "Lieux : code INSEE, ou commune avec code postal ou département, ou coordonnées GPS.",
    "Réimporter le même fichier ne change rien ; une ligne absente d'un fichier n'est jamais supprimée.",
    "Les personnes sont pseudonymisées : n'indiquez jamais de nom, seulement un identifiant.",
]
README_HEADERS = ["Feuille", "Colonne", "Obligatoire", "Description"]
EXAMPLE_NOTE = (
    "Ligne d'exemple : elle n'est jamais importée. Remplacez-la par vos données ou supprimez-la."
)
KPI_SHEET = "indicateurs"
KPI_HEADERS = ["identifiant", "libellé", "groupe", "définition"]
README_SYNONYMS = "Autres en-têtes acceptés"

COLUMN_HELP = {
    "identifiant": "Identifiant unique et stable de la ligne (au choix : code, numéro…).",
    "nom": "Nom de la structure.",
    "type_structure": "Type de structure (association, musée, université, bibliothèque…).",
    "cercle": "Cercle CSTI : 1 = activité principale, 2 = certaines missions, 3 = occasionnelle.",
    "categorie": "Catégorie d'acteur (libre).",
    "adresse": "Adresse postale (numéro et voie).",
    "code_postal": "Code postal (5 chiffres).",
    "commune": "Nom de la commune.",
    "departement": "Département : code (31, 2A) ou nom (Haute-Garonne).",
    "code_insee": "Code INSEE de la commune (COG 2025), le plus sûr pour situer un lieu.",
    "latitude": "Latitude en degrés décimaux (WGS84), par exemple 43,6045.",
    "longitude": "Longitude en degrés décimaux (WGS84), par exemple 1,4440.",
    "email": "Adresse e-mail de contact.",
    "telephone": "Numéro de téléphone.",
    "site_web": "Adresse du site web.",
    "date_recensement": "Date à laquelle la structure a été recensée.",
    "programme": "Programme concerné (par exemple PTR Occitanie, SPTT).",
    "genre": "F, H ou autre.",
    "statut": "salarié·e, bénévole ou autre.",
    "structure": "Nom de la structure ; reliée à un acteur quand le nom correspond.",
    "type": "Type (valeurs possibles selon la feuille, voir l'exemple).",
    "intitule": "Intitulé de la session.",
    "theme": "Thème.",
    "format": "présentiel ou distanciel.",
    "date_debut": "Date de début.",
    "date_fin": "Date de fin.",
    "jours": "Nombre de jours (1,5 accepté).",
    "animateur": "Animateur ou animatrice.",
    "session": "Identifiant de la session (feuille sessions ou déjà importée).",
    "personne": "Identifiant de la personne (feuille personnes ou déjà importée).",
    "titre": "Titre.",
    "publics_cibles": "Publics visés.",
    "personnes_touchees": "Nombre de personnes touchées.",
    "participants": "Nombre de participant·e·s ou de visiteurs.",
    "publics": "Publics présents.",
    "indicateur": (
        "Indicateur : identifiant ou libellé de la feuille « indicateurs » "
        "(par exemple training_sessions ou Sessions de formation)."
    ),
    "periode": "Période : AAAA (année) ou AAAA-MM (mois).",
    "valeur": "Valeur cible.",
    "type_employeur": (
        "Type d'employeur : association, collectivité (territoriale ou EPCI), université "
        "(enseignement supérieur et recherche), entreprise ou autre."
    ),
    "origine": (
        "D'où vient la personne : programme (impliquée dans le programme), région (autre "
        "professionnel·le de la région) ou hors région."
    ),
    "volet": "Volet ou parcours de formation auquel appartient la session (texte libre).",
    **content.COLUMN_HELP,
}
TYPE_HELP = {
    "sessions": "formation, webinaire, regroupement, atelier ou sensibilisation.",
    "actions": "Type d'action (atelier, débat, exposition, étape de tournée, forum…).",
    "experimentations": "",
    **content.TYPE_HELP,
}
STATUS_HELP = {
    "experimentations": "idée, en préparation, en cours, terminée ou abandonnée.",
}

TEMPLATE_EXAMPLES = {
    "acteurs": {
        "identifiant": "EXEMPLE-ACT-0001",
        "nom": "Muséum de Toulouse",
        "type_structure": "Musée",
        "cercle": 1,
        "categorie": "Culture",
        "adresse": "35 allées Jules Guesde",
        "code_postal": "31000",
        "commune": "Toulouse",
        "departement": "31",
        "code_insee": "31555",
        "latitude": 43.5939,
        "longitude": 1.4497,
        "email": "contact@exemple.fr",
        "telephone": "05 00 00 00 00",
        "site_web": "https://www.exemple.fr",
        "date_recensement": "15/03/2018",
        "programme": "PTR Occitanie",
    },
    "personnes": {
        "identifiant": "EXEMPLE-P-0001",
        "genre": "F",
        "statut": "salariée",
        "structure": "Muséum de Toulouse",
        "departement": "Haute-Garonne",
        "categorie": "Médiation",
        "type_employeur": "collectivité",
        "origine": "programme",
    },
    "sessions": {
        "identifiant": "EXEMPLE-S-2024-01",
        "type": "formation",
        "intitule": "Médiation scientifique inclusive",
        "theme": "Inclusion",
        "format": "présentiel",
        "date_debut": "12/03/2024",
        "date_fin": "13/03/2024",
        "jours": 2,
        "commune": "Albi",
        "code_postal": "81000",
        "departement": "81",
        "code_insee": "81004",
        "animateur": "Équipe régionale",
        "programme": "SPTT",
        "volet": "Formation initiale",
    },
    "participations": {"session": "EXEMPLE-S-2024-01", "personne": "EXEMPLE-P-0001"},
    "experimentations": {
        "identifiant": "EXEMPLE-E-001",
        "titre": "Ateliers sciences en médiathèque rurale",
        "structure": "Muséum de Toulouse",
        "theme": "Ruralité",
        "statut": "en cours",
        "date_debut": "01/09/2024",
        "date_fin": "30/06/2025",
        "commune": "Figeac",
        "code_postal": "46100",
        "departement": "46",
        "code_insee": "46102",
        "publics_cibles": "Familles",
        "personnes_touchees": 120,
        "programme": "SPTT",
    },
    "actions": {
        "identifiant": "EXEMPLE-A-001",
        "type": "étape de tournée",
        "titre": "Le Propulseur à Auch",
        "date_debut": "05/05/2018",
        "date_fin": "06/05/2018",
        "commune": "Auch",
        "code_postal": "32000",
        "departement": "32",
        "code_insee": "32013",
        "latitude": 43.6465,
        "longitude": 0.5855,
        "structure": "Muséum de Toulouse",
        "participants": 350,
        "publics": "Scolaires, familles",
        "programme": "PTR Occitanie",
    },
    "objectifs": {
        "indicateur": "training_sessions",
        "periode": "2025",
        "valeur": 6,
        "programme": "EXEMPLE-SPTT",
    },
    **content.TEMPLATE_EXAMPLES,
}
EXPORT_SHEET = "Rejets"
