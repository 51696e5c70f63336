"""French text of the territory profile page (/territoire)."""

PICK = "Territoire (département, EPCI, commune ou QPV)"
PICK_NONE = "Choisissez un territoire"
BAD_CODE = "Territoire « {value} » inconnu dans cet espace de travail : choisissez-en un."
HINT = (
    "Choisissez un territoire ci-dessus, ou cliquez sur un département ou une commune de la "
    "carte, ou sur une ligne du classement des zones blanches."
)
KINDS = {"department": "Département", "epci": "EPCI", "commune": "Commune", "qpv": "QPV"}
TITLE = "{kind} : {name} ({code})"
OPTION = "{kind} – {name} ({code})"
POPULATION = "Habitants"
DENSITY = "Niveau de densité"
DENSITY_EXPLAINED = {
    1: "grand centre urbain : une ville dense et peuplée",
    2: "centre urbain intermédiaire : une ville moyenne",
    3: "petite ville",
    4: "ceinture urbaine : une commune autour d'une ville",
    5: "bourg rural : une commune rurale avec un petit centre",
    6: "rural à habitat dispersé : des hameaux et des fermes",
    7: "rural à habitat très dispersé : très peu d'habitants au km²",
}
DENSITY_NOTE = (
    "Grille communale de densité de l'Insee, de 1 (le plus dense) à 7 ; les niveaux 5 à 7 sont "
    "ruraux."
)
# Card labels stay short: a metric's label is cut to one line at 1366 px (four cards).
RURAL_SHARE = "Part rurale des habitants"
RURAL_SHARE_HELP = "Part des habitants qui vivent dans une commune rurale."
FRR = "Classe FRR"
FRR_NOTE = (
    "France Ruralités Revitalisation : les communes rurales aidées par l'État ; « socle » est le "
    "zonage de base, « plus » le renforcé."
)
FRR_COUNTS = "{count} commune(s) « {klass} »"
QPV = "Quartiers prioritaires (QPV)"
QPV_NONE = "aucun"
CIRCLES_TITLE = "Acteurs par cercle"
CIRCLES_NOTE = (
    "Cercle 1 : membres du réseau ; cercle 2 : partenaires ; cercle 3 : autres acteurs "
    "recensés. Distance à vol d'oiseau depuis {point}."
)
POINT = {
    "commune": "la mairie",
    "qpv": "le centre du quartier",
    "epci": "le centre des communes, pondéré par leur population",
    "department": "le centre des communes, pondéré par leur population",
}
CIRCLE_COLUMNS = {
    "circle": "Cercle",
    "actors_based": "Acteurs implantés",
    "actors_within_radius": "Acteurs à {radius} au plus",
    "nearest_km": "Le plus proche",
}
CIRCLE_UNKNOWN = "non renseigné"
MONTHS_TITLE = "Activités par mois ({period})"
MONTHS_NOTE = (
    "Actions, sessions en présentiel et expérimentations tenues dans {where}, par mois de début."
)
WHERE = {
    "commune": "la commune",
    "qpv": "la ou les communes du quartier",
    "epci": "les communes de l'EPCI",
    "department": "les communes du département",
}
MONTH_COLUMNS = {"month": "Mois", "activities": "Activités", "audience": "Public"}
AUDIENCE = "Public des 24 mois"
TRAINED = "Personnes formées"
TRAINED_HELP = "Personnes formées en 24 mois venant des structures implantées dans le territoire."
LAST_ACTIVITY = "Dernière activité"
LAST_NONE = "aucune activité enregistrée"
NEAREST_TITLE = "Acteurs les plus proches à contacter"
NEAREST_COLUMNS = {
    "name": "Acteur",
    "structure_type": "Type",
    "circle": "Cercle",
    "km": "Distance",
    "email": "Courriel",
    "phone": "Téléphone",
}
CONTACTS_HIDDEN = "Les coordonnées sont réservées à la coordination."
COMPARISON_TITLE = "Le département face au département moyen de l'espace"
COMPARISON_COLUMNS = {"figure": "Indicateur", "this": "Ce département", "average": "Moyenne"}
COMPARISON_FIGURES = {
    "population": "Habitants",
    "actors_per_10k": "Acteurs pour 10 000 habitants",
    "activities_per_100k": "Activités (24 mois) pour 100 000 habitants",
    "audience_per_1000": "Public (24 mois) pour 1 000 habitants",
    "rural_share": "Part des habitants en commune rurale",
}
MAP_LINK = "Voir sur la carte"
KPIS_TITLE = "Indicateurs de couverture du département ({period})"
KPI_COLUMNS = {"label": "Indicateur", "value": "Valeur"}
