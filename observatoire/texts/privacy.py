"""French texts of small-count suppression: cell labels and the notes that explain them."""

# ``{k}`` is the threshold, already formatted; the no-break space keeps "< 5" on one line.
SMALL_COUNT = "<\u00a0{k}"
# A cell hidden only so that a small count cannot be recovered by subtraction: its value can be
# anything, so it must not read "< 5" (that would be false). "s" is INSEE's "secret statistique".
COMPLEMENT = "s"
# A share whose numerator or denominator is hidden.
SHARE = "s"
TOTAL = "Total"

NOTE = (
    "Les effectifs de 1 à {max} sont masqués (« {small} ») pour qu'aucun chiffre ne désigne "
    "une personne ; d'autres cases sont masquées (« {complement} ») pour qu'on ne puisse pas "
    "les retrouver par soustraction des totaux. Un 0 est un vrai zéro."
)
NOTE_SHORT = (
    "« {small} » : effectif de 1 à {max}, masqué. « {complement} » : masqué par précaution."
)

INVALID_K = (
    "Seuil de masquage invalide ({name}={value!r}) : il faut un entier d'au moins {minimum}. "
    "Seuil par défaut utilisé : {default}."
)
K_TOO_SMALL = "Le seuil de masquage doit être un entier d'au moins {minimum} (reçu : {value!r})."
NOT_COUNTS = "Les effectifs à masquer doivent être des entiers positifs ou nuls ({where})."
SHARES_NEED_TOTAL = "Des parts ne peuvent être publiées que si le total correspondant l'est aussi."
