"""French texts of the reference territories and the place resolver."""

BUILD_DONE = (
    "Base de référence écrite : {path} ({communes} communes, {qpv} QPV) en {seconds:.1f} s."
)
DERIVE_DONE = "Sources compactes écrites dans {path} :"

NO_PLACE = "Aucun lieu indiqué (code INSEE, commune, code postal ou coordonnées)."
UNKNOWN_INSEE = "Code INSEE {code} inconnu (COG 2025)."
INSEE_MISMATCH = "Le code INSEE {code} ({name}) ne correspond pas au département {department}."
UNKNOWN_DEPARTMENT = "Département « {value} » inconnu."
UNKNOWN_POSTAL_CODE = "Code postal {code} inconnu."
AMBIGUOUS_POSTAL_CODE = (
    "Le code postal {code} est partagé par {count} communes : précisez la commune ou le code INSEE."
)
UNKNOWN_COMMUNE = "Commune « {name} » introuvable{where}."
AMBIGUOUS_COMMUNE = (
    "Commune « {name} » ambiguë : {count} communes portent ce nom{where}. "
    "Précisez le département, le code postal ou le code INSEE."
)
COMMUNE_NOT_IN_POSTAL_CODE = "La commune « {name} » ne correspond pas au code postal {code}."
IN_DEPARTMENT = " dans le département {department}"
WITH_POSTAL_CODE = " avec le code postal {code}"
POINT_OUTSIDE = "Les coordonnées ({lon}, {lat}) ne tombent dans aucune commune française."
BAD_COORDINATES = "Coordonnées invalides : longitude {lon}, latitude {lat}."
FORMER_CODE = "Ancien code {code} : commune devenue {name} ({current})."
CANDIDATES = "Candidates : {items}."
SUGGESTIONS = "Vouliez-vous dire : {items} ?"
