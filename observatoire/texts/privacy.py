"""French texts of small-count suppression: cell labels and the notes that explain them."""

# ``{k}`` is the threshold, already formatted; the no-break space keeps "< 5" on one line.
SMALL_COUNT = "<\u00a0{k}"
# A part of a breakdown whose total is small: not published, whatever its value (INSEE's
# "secret statistique").
SECRET = "s"
# A share whose numerator or denominator is hidden.
SHARE = "s"
TOTAL = "Total"

NOTE = (
    "Pour le public, les effectifs sont arrondis au multiple de {k} le plus proche "
    "({low} s'affiche {k}, {high} s'affiche {double}) ; un effectif de 1 à {max} s'affiche "
    "« {small} » et un 0 est un vrai zéro. La répartition d'un total inférieur à {k} n'est pas "
    "publiée (« {secret} »). Ainsi, aucune somme ni différence de chiffres publiés ne redonne "
    "un petit effectif ; un total arrondi peut différer de la somme de ses parties arrondies."
)
NOTE_SHORT = (
    "Effectifs arrondis à {k} près. « {small} » : effectif de 1 à {max}. "
    "« {secret} » : répartition d'un total inférieur à {k}, non publiée."
)

INVALID_K = (
    "Seuil de masquage invalide ({name}={value!r}) : il faut un entier d'au moins {minimum}. "
    "Seuil par défaut utilisé : {default}."
)
K_TOO_SMALL = "Le seuil de masquage doit être un entier d'au moins {minimum} (reçu : {value!r})."
NOT_COUNTS = "Les effectifs à masquer doivent être des entiers positifs ou nuls ({where})."
SHARES_NEED_TOTAL = "Des parts ne peuvent être publiées que si le total correspondant l'est aussi."
