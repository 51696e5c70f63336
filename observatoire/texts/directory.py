"""French texts of the actor directory (page acteurs) and of table exports."""

# Search and filters (widget labels; the URL parameter is given in brackets in the code).
SEARCH = "Rechercher un acteur par son nom"
SEARCH_HELP = "Une partie du nom suffit ; majuscules et accents sont ignorés."
TYPE = "Type de structure"
CIRCLE = "Cercle"
CATEGORY = "Catégorie"
DEPARTMENT = "Département"
COMMUNE = "Commune (nom ou code INSEE)"
COMMUNE_HELP = (
    "Le nom exact de la commune (« St » vaut « Saint ») ou son code INSEE à 5 caractères."
)
QPV = "Quartier prioritaire (QPV)"
RURAL = "Commune rurale"
ALL = "Tous"
CIRCLES = {
    "": "Tous",
    "1": "Cercle 1 : la CSTI est l'activité principale",
    "2": "Cercle 2 : une partie des missions",
    "3": "Cercle 3 : ponctuellement",
    "0": "Sans cercle",
}
QPV_CHOICES = {"": "Tous", "oui": "Dans un QPV", "non": "Hors QPV"}
RURAL_CHOICES = {"": "Toutes", "oui": "Rurales", "non": "Urbaines"}

# Results.
COUNT = "{count} acteur(s) correspondent aux critères."
COUNT_PAGE = "{count} acteur(s) correspondent aux critères ; lignes {first} à {last} affichées."
NONE = "Aucun acteur ne correspond à ces critères."
PAGE = "Page"
PAGE_OF = "sur {pages}"
CONTACTS_HIDDEN = (
    "Les coordonnées (courriel, téléphone, site, adresse) sont réservées aux rôles coordination "
    "et administration."
)
COLUMNS = {
    "name": "Nom",
    "structure_type": "Type",
    "circle": "Cercle",
    "category": "Catégorie",
    "commune_name": "Commune",
    "commune_code": "Code INSEE",
    "department_name": "Département",
    "qpv_name": "QPV",
    "rural": "Rurale",
    "distance_km": "Distance (km)",
    "email": "Courriel",
    "phone": "Téléphone",
    "website": "Site web",
    "address": "Adresse",
    "postal_code": "Code postal",
}
YES = "oui"
NO = "non"

# Near a place.
NEAR_TITLE = "Acteurs près d'un lieu"
NEAR_PLACE = "Commune de référence (nom ou code INSEE)"
NEAR_PLACE_HELP = "Par exemple « Figeac » ou « 46102 »."
NEAR_RADIUS = "Rayon (km)"
NEAR_CHOOSE = "Plusieurs communes portent ce nom : choisissez-la"
NEAR_UNKNOWN = (
    "Aucune commune ne correspond à « {value} » : saisissez un nom exact ou un code INSEE."
)
NEAR_RESULT = (
    "{count} acteur(s) répondant aux critères ci-dessus à moins de {radius} km de {name} ({code}), "
    "du plus proche au plus "
    "éloigné (distance à vol d'oiseau entre points de référence)."
)
NEAR_HINT = "Saisissez une commune pour lister les acteurs proches, triés par distance."

# Exports.
EXPORT_CSV = "Exporter en CSV"
EXPORT_XLSX = "Exporter en Excel (XLSX)"
EXPORT_NOTE = "L'export contient toutes les lignes correspondantes ({count})."
EXPORT_SHEET = "Acteurs"
EXPORT_FILE = "annuaire-acteurs"
