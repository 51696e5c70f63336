"""French texts of the app frame and its pages."""

APP_TITLE = "Observatoire CSTI"
PAGE_TITLE = "{title} · Observatoire CSTI"

# Menu groups, in display order (keys are code identifiers, values are shown).
GROUPS = {
    "pilotage": "Pilotage",
    "territoires": "Territoires",
    "activites": "Activités",
    "donnees": "Données",
    "forum": "Forum",
}
PAGES = {
    "accueil": "Vue d'ensemble",
    "revue_mensuelle": "Revue mensuelle",
    "carte": "Carte des territoires",
    "zones_blanches": "Zones blanches",
    "acteurs": "Annuaire des acteurs",
    "formations": "Formations",
    "experimentations": "Expérimentations",
    "actions": "Actions",
    "donnees": "Données et imports",
    "forum": "Mode forum",
}

LOCAL_MODE = "Mode local : aucun compte configuré, l'application n'écoute que cette machine."
ROLE_REFUSED = "Cette page est réservée aux rôles : {roles}. Votre rôle : {role}."
ROLES = {
    "public": "public",
    "comite": "comité de pilotage",
    "coordination": "coordination",
    "admin": "administration",
}

WORKSPACE = "Espace de travail"
WORKSPACE_DEMO = "{name} (démonstration)"
WORKSPACE_NONE = (
    "Aucun espace de travail dans data/ : importez un fichier (page Données) "
    "ou créez les démonstrations avec « observatoire demo »."
)
WORKSPACE_UNKNOWN = "Espace de travail « {value} » inconnu : affichage de « {default} »."
WORKSPACE_UNREADABLE = "illisible"
DEMO_NOTICE = "Données de démonstration : les chiffres de cet espace ne sont pas réels."

ERROR_TITLE = "Impossible d'afficher cette page."
ERROR_DATABASE = (
    "La base de données n'a pas pu être lue ({detail}). "
    "Vérifiez qu'aucune autre application ne l'utilise en écriture, puis rechargez la page."
)
ERROR_UNEXPECTED = (
    "Une erreur inattendue s'est produite ({detail}). Rien n'a été modifié ; "
    "le détail technique est dans le journal du serveur."
)

# Page carte.
REGION = "Région"
INDICATOR = "Indicateur"
REGION_UNKNOWN = "Région « {value} » inconnue : affichage de la région {default}."
INDICATOR_UNKNOWN = "Indicateur « {value} » inconnu : affichage de « {default} »."
MAP_CAPTION = (
    "Survolez ou touchez un département pour voir sa valeur. "
    "Le tableau ci-dessous reprend les mêmes chiffres."
)
TABLE_TITLE = "Tableau : {indicator} par département"
REGION_SUMMARY = (
    "{region} : {departments} départements, {communes} communes dont {rural} rurales "
    "({rural_share}), {qpv} QPV, {population} habitants."
)
CLICKED = "Département sélectionné : {name}"
SOURCES = "Sources et millésimes"
SOURCE_COLUMNS = {
    "dataset": "Jeu de données",
    "edition": "Millésime",
    "publisher": "Producteur",
    "licence": "Licence",
}
