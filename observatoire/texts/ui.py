"""French texts of the app frame and its pages."""

APP_TITLE = "Observatoire CSTI"
PAGE_TITLE = "{title} · Observatoire CSTI"
NOT_FOUND_TITLE = "Page introuvable"
NOT_FOUND = (
    "La page « /{path} » n'existe pas dans l'Observatoire. Choisissez une page dans le menu "
    "ci-dessous ou dans la barre latérale."
)

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
    "territoire": "Profil d'un territoire",
    "acteurs": "Annuaire des acteurs",
    "formations": "Formations",
    "experimentations": "Expérimentations",
    "actions": "Actions",
    "programme": "Programme",
    "reseau": "Réseau",
    "evaluation": "Évaluation",
    "ressources": "Ressources et communication",
    "donnees": "Données et imports",
    "reseaux": "Réseaux côte à côte",
    "indicateurs": "Dictionnaire des indicateurs",
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
WORKSPACE_UNREADABLE = "illisible"
DEMO_NOTICE = "Données de démonstration : les enregistrements de cet espace sont synthétiques."
# The demos built from a programme's document say which figures are real.
DEMO_NOTICES = {
    "demo-occitanie": (
        "Démonstration construite sur le bilan 2017 du PTR Sciences et Société : ses chiffres "
        "sont réels et reproduits à l'identique (8 membres du consortium, plus de 1 400 acteurs "
        "en 3 cercles, 40 étapes du Propulseur, près de 30 000 visiteurs en 2016-2017, formation "
        "au débat de 24 personnes, débat avec 37 lycéen·nes, forums de Toulouse et Montpellier). "
        "Les autres enregistrements (acteurs hors consortium, actions, personnes, dates précises) "
        "sont synthétiques."
    ),
    "demo-hauts-de-france": (
        "Démonstration construite sur le bilan à mi-parcours de Sciences pour toutes et tous "
        "(janvier 2023 – juillet 2024) : ses chiffres sont réels et reproduits à l'identique "
        "(sessions et jours de formation, participant·e·s par genre, statut et volet, "
        "regroupement, ateliers, webinaires et leur public par origine, 24 expérimentations). "
        "Les personnes, leur type d'employeur, les dates dans le mois et les structures non "
        "citées sont synthétiques."
    ),
}

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

# Page carte: the coverage map of the workspace territory.
RADIUS = "Rayon de couverture (km)"
RADIUS_HELP = "Une commune est couverte quand un acteur est à ce rayon au plus de sa mairie."
DEPARTMENT_ALL = "Tout le territoire"
DEPARTMENT_PICK = "Département affiché"
BACK_TO_TERRITORY = "Revenir à tout le territoire"
MAP_NO_WORKSPACE = (
    "Aucun espace de travail : la carte de couverture montre le territoire d'un espace. "
    "Importez un fichier (page Données) ou créez les démonstrations avec « observatoire demo »."
)
MAP_EMPTY_TERRITORY = "Le territoire de cet espace de travail ne contient aucune commune."
MAP_NO_ACTORS = "Aucun acteur dans cet espace : toutes les communes sont comptées non couvertes."
# The legend's "seuils naturels de Jenks", in plain words.
JENKS_NOTE = (
    "Les classes de couleur suivent les seuils naturels de Jenks : les limites entre classes "
    "sont placées là où les valeurs des territoires s'écartent le plus, pour que chaque classe "
    "réunisse des territoires aux valeurs proches."
)
TERRITORY_CAPTION = (
    "Cliquez sur un département pour afficher ses communes. Les couches se règlent avec le "
    "bouton en haut à droite de la carte. Le tableau sous la carte reprend les mêmes chiffres. "
    + JENKS_NOTE
)
DEPARTMENT_CAPTION = (
    "Cliquez sur une commune pour afficher sa fiche. Le tableau sous la carte reprend les "
    "mêmes chiffres. " + JENKS_NOTE
)
TERRITORY_SUMMARY = (
    "{territory} : {departments} départements, {communes} communes, {population} habitants ; "
    "{covered} communes couvertes ({covered_share} ; couverte : {rule}), "
    "{uncovered_population} habitants non couverts. Activités comptées du {start} au {end}."
)
DEPARTMENT_TABLE_TITLE = "Tableau : les départements du territoire"
COMMUNE_TABLE_TITLE = "Tableau : les communes de {department}"
PANEL_TITLE = "Fiche de la commune : {name} ({code})"
PROFILE_LINK = "Profil complet de {name} ({code}) →"
PANEL_HINT = "Cliquez sur une commune de la carte (ou choisissez-la ci-dessous) pour voir sa fiche."
COMMUNE_PICK = "Commune"
COMMUNE_NONE = "Aucune"
