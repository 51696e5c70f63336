"""The PTR demo (Occitanie, 2016–2018), from the consortium's first-year review.

Exact figures of the review: the 8 consortium members at their towns; more than 1,400 actors in
3 circles (1,436 here), leisure centres and public reading places in circle 3, listed in a
separate file as the census had a separate tab; 40 Propulseur stops of one week over 2016–2018,
16 of them in 2016–2017 (112 days, 29,870 visitors: "nearly 30,000 over more than 100 days");
84 people in the working groups ("more than 80"); the September 2017 debate training with 24
participants; the debate with 37 pupils after 2 preparation sessions; the territorial forums of
Toulouse (June 2016, 148 people: "nearly 150") and Montpellier (June 2017).
Everything else is synthetic, seeded, and placed by population with rural communes and QPV
represented; Ariège and Lozère are deliberately thin so the coverage views have gaps to find.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from observatoire.demo import content
from observatoire.demo.workbook import Workbook

PROGRAMME = "PTR Occitanie"
NAME = "Démo — PTR Sciences et Société (Occitanie)"
DEPARTMENTS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]
THIN = {"09": 0.25, "48": 0.2}
ACTORS_TOTAL = 1_436
LAST_DAY = date(2018, 12, 31)  # the synthetic records end with the programme's second year

CONSORTIUM = [
    ("Science Animation", "Toulouse", "31"),
    ("Science Animation (bureau de Montpellier)", "Montpellier", "34"),
    ("À Ciel Ouvert", "Fleurance", "32"),
    ("Carrefour des Sciences et des Arts", "Cahors", "46"),
    ("Centre de l'Imaginaire Scientifique et Technique (C.I.S.T.)", "Saint-Jean-de-Fos", "34"),
    ("Délires d'encre", "Labège", "31"),
    ("Fermat Science", "Beaumont-de-Lomagne", "82"),
    ("Kimiyo", "Frontignan", "34"),
    ("Planète Sciences Occitanie", "Ramonville-Saint-Agne", "31"),
]

PROPULSEUR_2016_2017 = [  # (town, department, Monday of the week, visitors)
    ("Albi", "81", date(2016, 3, 7), 2650),
    ("Rodez", "12", date(2016, 4, 4), 1890),
    ("Auch", "32", date(2016, 5, 9), 1620),
    ("Foix", "09", date(2016, 6, 6), 1240),
    ("Tarbes", "65", date(2016, 9, 12), 2810),
    ("Montauban", "82", date(2016, 10, 10), 2760),
    ("Castres", "81", date(2016, 11, 7), 2480),
    ("Figeac", "46", date(2016, 12, 5), 1310),
    ("Millau", "12", date(2017, 2, 6), 1740),
    ("Saint-Gaudens", "31", date(2017, 3, 13), 1660),
    ("Pamiers", "09", date(2017, 4, 10), 1590),
    ("Lourdes", "65", date(2017, 5, 15), 1720),
    ("Cahors", "46", date(2017, 6, 12), 1930),
    ("Villefranche-de-Rouergue", "12", date(2017, 9, 11), 1450),
    ("Lectoure", "32", date(2017, 10, 9), 1180),
    ("Muret", "31", date(2017, 11, 13), 1840),
]
PROPULSEUR_2018 = [
    ("Nîmes", "30"),
    ("Alès", "30"),
    ("Béziers", "34"),
    ("Narbonne", "11"),
    ("Carcassonne", "11"),
    ("Perpignan", "66"),
    ("Mende", "48"),
    ("Sète", "34"),
    ("Lunel", "34"),
    ("Limoux", "11"),
    ("Castelnaudary", "11"),
    ("Prades", "66"),
    ("Céret", "66"),
    ("Marvejols", "48"),
    ("Bagnols-sur-Cèze", "30"),
    ("Le Vigan", "30"),
    ("Lodève", "34"),
    ("Quillan", "11"),
    ("Saint-Girons", "09"),
    ("Lannemezan", "65"),
    ("Gourdon", "46"),
    ("Gaillac", "81"),
    ("Decazeville", "12"),
    ("Mirande", "32"),
]
WORKING_GROUPS = [
    "Rapprocher éducation formelle et éducation informelle",
    "Impliquer les jeunes chercheur·es dans la CSTI",
    "Tourisme scientifique, technique et industriel régional",
    "Médias et nouveaux médias contre les fausses informations",
    "Couvrir tout le territoire, en particulier les zones rurales et les quartiers prioritaires",
    "Trouver de nouvelles sources de financement",
]
TYPES = {
    1: ["Association de CSTI", "Centre de sciences", "Fablab", "Planétarium", "Muséum"],
    2: [
        "Laboratoire de recherche",
        "Université",
        "Musée",
        "Office de tourisme",
        "Entreprise",
        "Établissement scolaire",
    ],
    3: ["Médiathèque", "Bibliothèque", "Centre de loisirs", "MJC", "Centre social"],
}
ACTION_TYPES = [
    "atelier",
    "conférence",
    "exposition",
    "Fête de la science",
    "débat",
    "escape game",
    "café des sciences",
    "visite",
]


def _weights(communes: pd.DataFrame) -> np.ndarray:
    """Population to the power 0.6, so small rural communes still get actors; thin departments."""
    w = communes["population"].fillna(0).to_numpy(float) ** 0.6
    w *= communes["department_code"].map(THIN).fillna(1.0).to_numpy()
    return w / w.sum()


def _actor_rows(rng, communes: pd.DataFrame, qpv: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    census, reading = [], []
    for i, (name, town, dep) in enumerate(CONSORTIUM, 1):
        census.append(
            {
                "identifiant": f"OCC-C{i:02d}",
                "nom": name,
                "type_structure": "Association de CSTI",
                "cercle": 1,
                "categorie": "membre du consortium",
                "commune": town,
                "departement": dep,
                "email": f"contact{i}@exemple-consortium.fr",
                "date_recensement": "15/03/2017",
                "programme": PROGRAMME,
            }
        )
    circles = np.array([1] * 170 + [2] * 420 + [3] * (ACTORS_TOTAL - len(CONSORTIUM) - 590))
    picks = rng.choice(len(communes), size=len(circles), p=_weights(communes))
    qpv_by_commune = qpv.explode("commune_codes").groupby("commune_codes")
    for n, (circle, idx) in enumerate(zip(circles, picks, strict=True), 1):
        c = communes.iloc[idx]
        kind = TYPES[circle][rng.integers(len(TYPES[circle]))]
        row = {
            "identifiant": f"OCC-A{n:04d}",
            "nom": f"{kind} de {c['name']} n° {n}",
            "type_structure": kind,
            "cercle": int(circle),
            "categorie": {
                1: "CSTI",
                2: "recherche, culture et tourisme",
                3: "loisirs et lecture publique",
            }[circle],
            "code_insee": c["code"],
            "departement": c["department_code"],
            "email": f"contact.{n}@exemple-occitanie.fr",
            "date_recensement": f"{rng.integers(1, 28):02d}/{rng.integers(1, 13):02d}/2017",
            "programme": PROGRAMME,
        }
        if c["code"] in qpv_by_commune.groups and rng.random() < 0.35:
            q = qpv.loc[qpv_by_commune.groups[c["code"]][0]]
            row["latitude"], row["longitude"] = float(q["lat"]), float(q["lon"])
        (reading if circle == 3 else census).append(row)
    return census, reading


def _people_and_sessions(rng) -> tuple[list[dict], list[dict], list[dict]]:
    people, sessions, att = [], [], []
    for prefix, count in (("OCC-D", 24), ("OCC-G", 84)):
        for i in range(1, count + 1):
            people.append(
                {
                    "identifiant": f"{prefix}{i:02d}",
                    "genre": "F" if rng.random() < 0.58 else "H",
                    "statut": "salarié" if rng.random() < 0.85 else "bénévole",
                    "departement": DEPARTMENTS[rng.integers(len(DEPARTMENTS))],
                    "categorie": "CSTI",
                }
            )
    sessions.append(
        {
            "identifiant": "OCC-S-DEBAT",
            "type": "formation",
            "intitule": "Formation aux débats sciences-société (Fête de la science 2017)",
            "theme": "débat",
            "format": "présentiel",
            "date_debut": date(2017, 9, 14),
            "jours": 1,
            "commune": "Toulouse",
            "departement": "31",
            "animateur": "L'Arbre des connaissances",
            "programme": PROGRAMME,
        }
    )
    att += [{"session": "OCC-S-DEBAT", "personne": f"OCC-D{i:02d}"} for i in range(1, 25)]
    # The launch and the PTR meeting are steering meetings: see content.occitanie_workbook.
    for g, question in enumerate(WORKING_GROUPS, 1):
        sid = f"OCC-S-GT{g}"
        sessions.append(
            {
                "identifiant": sid,
                "type": "atelier",
                "intitule": f"Groupe de travail : {question}",
                "date_debut": date(2018, 2, 5 + 3 * g),
                "format": "distanciel",
                "programme": PROGRAMME,
            }
        )
        members = range(1 + (g - 1) * 14, 1 + g * 14)  # 6 × 14 = 84 people, each in one group
        att += [{"session": sid, "personne": f"OCC-G{m:02d}"} for m in members]
    # A dozen members also follow a second group.
    att += [{"session": "OCC-S-GT5", "personne": f"OCC-G{m:02d}"} for m in range(1, 13)]
    return people, sessions, att


def _actions(rng, communes: pd.DataFrame, actors: list[dict]) -> list[dict]:
    rows = []
    for i, (town, dep, monday, visitors) in enumerate(PROPULSEUR_2016_2017, 1):
        rows.append(_stop(i, town, dep, monday, visitors))
    for j, (town, dep) in enumerate(PROPULSEUR_2018, len(PROPULSEUR_2016_2017) + 1):
        monday = date(2018, 1, 8) + timedelta(weeks=2 * (j - 17))
        rows.append(_stop(j, town, dep, monday, int(rng.integers(900, 2400))))
    rows += [
        {
            "identifiant": "OCC-F-2016",
            "type": "forum",
            "titre": "Forum territorial de la CSTI",
            "date_debut": date(2016, 6, 16),
            "commune": "Toulouse",
            "departement": "31",
            "participants": 148,
            "structure": "Science Animation",
            "publics": "acteurs de la CSTI",
        },
        {
            "identifiant": "OCC-F-2017",
            "type": "forum",
            "titre": "Forum territorial de la CSTI",
            "date_debut": date(2017, 6, 22),
            "commune": "Montpellier",
            "departement": "34",
            "participants": 160,
            "structure": "Science Animation (bureau de Montpellier)",
            "publics": "acteurs de la CSTI",
        },
        {
            "identifiant": "OCC-DEB-2057",
            "type": "débat",
            "titre": "Débat-jeu de rôles « L'humain augmenté en 2057 »",
            "date_debut": date(2017, 10, 12),
            "commune": "Toulouse",
            "departement": "31",
            "participants": 37,
            "structure": "Science Animation",
            "publics": "lycéen·nes (sport-études, lycée Déodat de Séverac)",
        },
    ]
    for k, day in enumerate((date(2017, 9, 26), date(2017, 10, 3)), 1):
        rows.append(
            {
                "identifiant": f"OCC-DEB-PREP{k}",
                "type": "atelier",
                "titre": f"Séance de préparation du débat {k}/2",
                "date_debut": day,
                "commune": "Toulouse",
                "departement": "31",
                # The same 37 pupils as the debate: counting them again would triple them.
                "participants": None,
                "structure": "Science Animation",
                "publics": "lycéen·nes",
            }
        )
    hosts = [a for a in actors if a["cercle"] in (1, 2) or rng.random() < 0.3]
    for n in range(1, 641):
        a = hosts[int(rng.integers(len(hosts)))]
        # 2017 and 2018 hold 730 days from 2 January 2017: the last draw would fall on
        # 1 January 2019, after the programme's second year, so it is kept on 31 December.
        day = min(date(2017, 1, 2) + timedelta(days=int(rng.integers(0, 730))), LAST_DAY)
        kind = ACTION_TYPES[int(rng.integers(len(ACTION_TYPES)))]
        place = (
            {"code_insee": a.get("code_insee")}
            if a.get("code_insee")
            else {"commune": a["commune"], "departement": a["departement"]}
        )
        if "latitude" in a:
            place |= {"latitude": a["latitude"], "longitude": a["longitude"]}
        rows.append(
            {
                "identifiant": f"OCC-ACT{n:04d}",
                "type": kind,
                "titre": f"{kind.capitalize()} — {a['nom']}",
                "date_debut": day,
                **place,
                "participants": int(rng.integers(8, 320)),
                "structure": a["nom"],
                "publics": ["scolaires", "familles", "tout public", "jeunes 15-25 ans"][n % 4],
            }
        )
    for r in rows:
        r["programme"] = PROGRAMME
    return rows


def _stop(i: int, town: str, dep: str, monday: date, visitors: int) -> dict:
    return {
        "identifiant": f"OCC-PROP{i:02d}",
        "type": "étape de tournée",
        "titre": f"Le Propulseur — étape de {town}",
        "date_debut": monday,
        "date_fin": monday + timedelta(days=6),
        "commune": town,
        "departement": dep,
        "participants": visitors,
        "structure": "Science Animation",
        "publics": "tout public",
    }


def _experiments() -> list[dict]:
    items = [
        (
            "Escape games à caractère scientifique pour les 15-25 ans",
            "nouveaux publics",
            "en cours",
            date(2017, 4, 1),
        ),
        (
            "Partenariats avec des vidéastes scientifiques sur YouTube",
            "nouveaux publics",
            "en cours",
            date(2017, 5, 1),
        ),
        ("Méthodologie de débats menés par des jeunes", "débat", "terminée", date(2017, 9, 1)),
        (
            "Communauté de pratiques des sciences participatives",
            "sciences participatives",
            "en cours",
            date(2017, 11, 1),
        ),
        (
            "Kits de ressources CSTI pour les bibliothèques",
            "lecture publique",
            "en préparation",
            date(2018, 1, 15),
        ),
        (
            "Catalogue d'activités scientifiques pour les médiathèques",
            "lecture publique",
            "en cours",
            date(2017, 10, 1),
        ),
        ("Scénario de débat sur les énergies", "débat", "idée", date(2018, 3, 1)),
        ("Fiches parcours touristiques thématisés", "tourisme", "en préparation", date(2018, 2, 1)),
    ]
    return [
        {
            "identifiant": f"OCC-EXP{i}",
            "titre": t,
            "structure": "Science Animation",
            "theme": th,
            "statut": st,
            "date_debut": d,
            "commune": "Toulouse",
            "departement": "31",
            "programme": PROGRAMME,
        }
        for i, (t, th, st, d) in enumerate(items, 1)
    ]


def _targets() -> list[dict]:
    """Demo targets (not from the review)."""
    yearly = {
        "2017": {
            "actors_total": 1400,
            "actions_total": 300,
            "training_sessions": 2,
            "training_participants": 30,
            "communes_reached": 120,
            # "3 catalogues in progress" (2017 review).
            "resources_catalogues": 3,
        },
        "2018": {
            "actors_total": 1600,
            "actions_total": 350,
            "training_sessions": 4,
            "communes_reached": 150,
            "experiments_total": 8,
            # The Propulseur's 40 towns over 2016-2018: the 24 not yet visited by 2018.
            "tour_stops": 24,
            # "More than 80 people registered" in the working groups.
            "group_members": 80,
        },
    }
    return [
        {"indicateur": k, "periode": y, "valeur": v}
        for y, kv in yearly.items()
        for k, v in kv.items()
    ]


def workbooks(communes: pd.DataFrame, qpv: pd.DataFrame, seed: int = 2017) -> list[Workbook]:
    """The files a PTR coordinator would import, in order."""
    rng = np.random.default_rng(seed)
    census, reading = _actor_rows(rng, communes, qpv)
    people, sessions, att = _people_and_sessions(rng)
    actions = _actions(rng, communes, census + reading)
    return [
        Workbook("recensement-acteurs-csti-2017.xlsx", {"Acteurs": census}),
        Workbook("lecture-publique-et-centres-de-loisirs.xlsx", {"acteurs": reading}),
        Workbook(
            "ptr-activites-2016-2018.xlsx",
            {
                "Personnes": people,
                "Sessions": sessions,
                "Participations": att,
                "Expérimentations": _experiments(),
                "Actions": content.without_stops(actions),
                "Objectifs": _targets(),
            },
        ),
        content.occitanie_workbook(census, reading, actions, WORKING_GROUPS, att),
    ]
