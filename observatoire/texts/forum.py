"""French texts of the forum mode: slide titles, figure labels, navigation and notices."""

# URL parameter notices.
NO_WORKSPACE = "Aucun espace de travail à présenter : ajoutez « ?espace=… » à l'adresse."

# Navigation.
PREVIOUS = "Précédente"
NEXT = "Suivante"
PAUSE = "Pause"
PLAY = "Lecture"
POSITION = "Diapositive {number} sur {count}"
HELP = "Flèches ← → : changer de diapositive · défilement toutes les {seconds} s"
HELP_PAUSED = "Flèches ← → : changer de diapositive · défilement en pause"

# Slide 1: the network in figures.
NETWORK_TITLE = "Le réseau en chiffres"
NETWORK_SUBTITLE = "{name} · {period}"
SPAN = "de {first} à {last}"
SPAN_ONE = "en {year}"

# Slide 2: the map.
MAP_TITLE = "Où agit le réseau"
MAP_SUBTITLE = "Acteurs et actions des 12 mois jusqu'au {date}, regroupés par commune"
MAP_ACTORS = "Acteurs"
MAP_ACTIONS = "Actions et sessions des 12 derniers mois"
MAP_SMALL = "cercle vide : moins de {k} dans la commune"
MAP_SIZE = "surface du disque proportionnelle au nombre"
MAP_ALT = (
    "Carte des départements {departments} : {actors} acteurs répartis dans {actor_communes} "
    "communes ; {events} actions et sessions dans {event_communes} communes sur 12 mois."
)
MAP_TABLE_DEPARTMENT = "Département"
MAP_TABLE_ACTORS = "Acteurs"
MAP_TABLE_EVENTS = "Actions et sessions"
MAP_TABLE_CAPTION = "Par département"

# Slide 3: reach.
REACH_TITLE = "Jusque dans les territoires ruraux et les quartiers prioritaires"
REACH_SUBTITLE = (
    "Territoires touchés {period} : une action, une session ou une expérimentation à {radius} "
    "au plus de la mairie (QPV : dans le quartier ou à 300 m)"
)
REACH_FIGURES = {
    "communes": "Communes touchées",
    "rural_communes": "Communes rurales touchées",
    "rural_population": "Habitants des communes rurales touchées",
    "qpv": "Quartiers prioritaires (QPV) touchés",
}
REACH_NONE = {
    "communes": "Aucune commune touchée sur la période.",
    "rural_communes": "Aucune commune rurale touchée sur la période.",
    "rural_population": "",
    "qpv": "Aucun quartier prioritaire (QPV) touché sur la période.",
}
REACH_HIDDEN = "{label} : moins de {k}, chiffre masqué pour protéger les petits effectifs."

# Slide 4: trainings.
TRAININGS_TITLE = "Former les acteurs, pour toutes et tous"
TRAININGS_SUBTITLE = "Formations {period}"
SHARE_OF = "{share} des participant·e·s aux formations"
NO_TRAINING = "Aucune formation sur cette période."

# Slide 5: experiments.
EXPERIMENTS_TITLE = "Des expérimentations sur le terrain"
EXPERIMENTS_SUBTITLE = "Lancées {period}"
BY_THEME = "Par thème"
NO_EXPERIMENT = "Aucune expérimentation enregistrée."
THEMES_HIDDEN = "Chaque thème compte moins de {k} expérimentations : le détail n'est pas affiché."

# Tours.
TOUR_TITLE = "Une exposition sur les routes du territoire"
TOUR_SUBTITLE = "{tours} · {period}"
TOUR_TOWNS = "Villes étapes"
TOUR_MAP = "Les étapes"
TOUR_SIZE = "surface du disque proportionnelle aux visiteurs de l'étape"
TOUR_ALT = "Carte des étapes de {tours} {period} : {stops} étapes."

# Resources and communication.
RESOURCES_TITLE = "La science racontée"
RESOURCES_SUBTITLE = "Ressources et communication produites {period}"

# The network at work.
MEETINGS_TITLE = "Un réseau qui se rencontre et s'organise"
MEETINGS_SUBTITLE = "Le réseau au travail {period}"
PARTNER_SECTORS = "Partenaires visés hors CSTI : {sectors}."

# A figure between 1 and k−1 on a story slide, said in words rather than shown as a mask.
FIGURE_HIDDEN = "{label} : moins de {k}, chiffre masqué pour protéger les petits effectifs."

# Under a slide that shows masks (only the kinds of mask on that slide).
MASK_SMALL = "« {small} » : un nombre entre 1 et {max}, masqué pour qu'aucun chiffre ne désigne une personne."
MASK_SECRET = "« {mask} » : répartition d'un total inférieur à {k}, non publiée."
MASK_ROUNDED = "Nombres arrondis à {k} près."

# Slide 6: closing.
CLOSING_TITLE = "Merci !"
CLOSING_SUBTITLE = "Observatoire de la culture scientifique, technique et industrielle"
DATA_DATE = "Données jusqu'au {date} (fin du dernier mois avec une action ou une session)."
DATA_WORKSPACE = "Réseau : {name}."
DATA_DEMO = (
    "Données de démonstration : les chiffres repris des documents des programmes sont réels, "
    "les autres enregistrements sont synthétiques."
)
PRIVACY = (
    "Les nombres sont arrondis à {k} près et ceux de 1 à {max} sont masqués : aucun chiffre, "
    "ni aucune différence entre deux chiffres, ne désigne une personne."
)
SOURCES = (
    "Territoires : communes, populations légales et grille de densité de l'Insee, quartiers "
    "prioritaires de la politique de la ville (découpage communal de {year})."
)
SOURCES_NO_YEAR = (
    "Territoires : communes, populations légales et grille de densité de l'Insee, quartiers "
    "prioritaires de la politique de la ville."
)
SOURCES_MORE = "Toutes les sources et leurs licences : page « Carte des territoires »."
