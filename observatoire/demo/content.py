"""Demo programme content: what the two reviews report beyond sessions and actions.

Hauts-de-France (SPTT, mid-term review): the 3-year programme 2023–2025; 29 meetings in 2023
with inclusion experts and inspiring initiatives, 28 distinct structures met (16 in the region,
12 outside); an expert directory naming 29 experts by field (10 CSTI, 8 culture, 4 research,
6 popular education, 1 social) although the review announces 28 (the data follow the list) and
14 inspiring initiatives (8 CSTI, 4 culture, 2 popular education); 3 framing meetings of the
evaluation; 45 post-training phone interviews; the 2023 survey whose 114 respondents were invited
to SPTT; the consultation groups of 3–5 people of the February 2024 gathering with their 20 to-do
lists, and the July 2024 collective of 33 as a group. Synthetic where the review is silent: the
structures' names and towns, meeting dates, and the before/after questionnaire scores (the
review announces indicators of "inclusive progression" without figures).

Occitanie (PTR, first-year review): 9 missions and 5 national orientations; the launch
(14 November 2017) and PTR meeting (31 January 2018) as steering meetings; 6 working groups
with 84 members ("more than 80"); the Propulseur as a tour of 40 one-week stops; 134 researcher
portraits from September 2017 ("more than 130"), 3 catalogues, the radio chronicles of
"20 mg de sciences" and "Stimuli"; partners in the 6 sectors outside CSTI; the March 2018
questionnaire to the census.
"""

from __future__ import annotations

from datetime import date, timedelta

from observatoire.demo.workbook import Workbook

TOUR_STOP = "étape de tournée"

# -- Hauts-de-France ---------------------------------------------------------------------------

SPTT = "SPTT"
HDF_TOWNS = [  # towns that already host network actors, so presence coverage is unchanged
    ("Amiens", "80"),
    ("Lille", "59"),
    ("Arras", "62"),
    ("Beauvais", "60"),
    ("Dunkerque", "59"),
    ("Calais", "62"),
    ("Compiègne", "60"),
    ("Lens", "62"),
    ("Saint-Quentin", "02"),
    ("Laon", "02"),
    ("Boulogne-sur-Mer", "62"),
    ("Villeneuve-d'Ascq", "59"),
]
ELSEWHERE = [  # far from the region's borders
    ("Lyon", "69"),
    ("Bordeaux", "33"),
    ("Marseille", "13"),
    ("Nantes", "44"),
    ("Rennes", "35"),
    ("Strasbourg", "67"),
    ("Toulouse", "31"),
    ("Grenoble", "38"),
    ("Montpellier", "34"),
    ("Dijon", "21"),
    ("Clermont-Ferrand", "63"),
    ("Tours", "37"),
]
# The expert directory by field, as the review lists it (29 names although it announces 28).
EXPERT_FIELDS = ["CSTI"] * 10 + ["culture"] * 8 + ["recherche"] * 4
EXPERT_FIELDS += ["éducation populaire"] * 6 + ["social"]
INITIATIVE_FIELDS = ["CSTI"] * 8 + ["culture"] * 4 + ["éducation populaire"] * 2
# Met in 2023: experts X01..X18 and initiatives I01..I10 = 28 structures; X01..X14 and I01..I02
# are in the region (16), X15..X18 and I03..I10 outside (12). X01 was met twice: 29 meetings.
EXPERTS_MET, INITIATIVES_MET = 18, 10
EXPERTS_IN_REGION, INITIATIVES_IN_REGION = 14, 2


def _hdf_directory() -> list[dict]:
    """Experts and inspiring initiatives as actors with their role and field."""
    rows = []
    outside = iter(ELSEWHERE)
    for prefix, role, label, fields, met, in_region in (
        ("X", "expert", "Structure ressource", EXPERT_FIELDS, EXPERTS_MET, EXPERTS_IN_REGION),
        (
            "I",
            "initiative inspirante",
            "Initiative inspirante",
            INITIATIVE_FIELDS,
            INITIATIVES_MET,
            INITIATIVES_IN_REGION,
        ),
    ):
        for n, field in enumerate(fields, 1):
            # The structures met outside the region are the 12 far-away towns; the others
            # (met in the region, or listed but not met) are in the region.
            inside = n <= in_region or n > met
            town, dep = HDF_TOWNS[n % len(HDF_TOWNS)] if inside else next(outside)
            rows.append(
                {
                    "identifiant": f"HDF-{prefix}{n:02d}",
                    "nom": f"{label} n° {n} ({field}, {town})",
                    "type_structure": label,
                    "categorie": field,
                    "commune": town,
                    "departement": dep,
                    "role": role,
                    "date_recensement": date(2023, 1, 16),
                    "programme": SPTT,
                }
            )
    return rows


def _hdf_meetings(directory: list[dict]) -> list[dict]:
    met = [a for a in directory if a["identifiant"][4] == "X"][:EXPERTS_MET]
    met += [a for a in directory if a["identifiant"][4] == "I"][:INITIATIVES_MET]
    met.append(met[0])  # the first expert was met twice
    rows = []
    for n, actor in enumerate(met, 1):
        expert = actor["role"] == "expert"
        rows.append(
            {
                "identifiant": f"SPTT-RDV{n:02d}",
                "type": "expert" if expert else "initiative inspirante",
                "date": date(2023, 2, 1) + timedelta(days=10 * n),
                "intitule": "Rendez-vous d'identification de ressources en inclusion",
                "structure": actor["nom"],
                "en_region": "oui" if actor["departement"] in HDF_DEPARTMENTS else "non",
                "theme": "inclusion",
                "domaine": actor["categorie"],
                "commune": actor["commune"],
                "departement": actor["departement"],
                "programme": SPTT,
            }
        )
    for n, day in enumerate((date(2023, 4, 20), date(2023, 6, 15), date(2023, 9, 28)), 1):
        rows.append(
            {
                "identifiant": f"SPTT-CADRAGE{n}",
                "type": "cadrage de l'évaluation",
                "date": day,
                "intitule": f"Réunion de cadrage de l'évaluation {n}/3",
                "structure": "Ombelliscience",
                "en_region": "oui",
                "theme": "évaluation",
                "programme": SPTT,
            }
        )
    return rows


HDF_DEPARTMENTS = {"02", "59", "60", "62", "80"}


def _hdf_evaluations(sessions: list[dict], attendance: list[dict]) -> list[dict]:
    """45 phone interviews after the initial trainings; before/after answers (synthetic)."""
    initial = {s["identifiant"]: s for s in sessions if s["identifiant"].startswith("SPTT-2023-FI")}
    trained = [(a["session"], a["personne"]) for a in attendance if a["session"] in initial]
    rows = []
    dimensions = [
        "Connaissance des publics éloignés",
        "Posture d'accueil",
        "Confiance pour concevoir une action inclusive",
    ]
    for i, (session, person) in enumerate(trained, 1):
        end = initial[session]["date_fin"]
        rows.append(
            {
                "type": "entretien",
                "personne": person,
                "session": session,
                "dimension": "Ressentis après la formation",
                "date": end + timedelta(days=30),
                "programme": SPTT,
            }
        )
        # Every sixth trainee rates themself lower afterwards: 38 of 45 progress.
        for k, dimension in enumerate(dimensions):
            before = 3 + (i + k) % 3
            after = before - 1 if i % 6 == 0 else before + 2 + (k == 2)
            rows.append(
                {
                    "type": "questionnaire",
                    "personne": person,
                    "session": session,
                    "dimension": dimension,
                    "score_avant": before,
                    "score_apres": after,
                    "satisfaction": 7 + i % 4,
                    "programme": SPTT,
                }
            )
    return rows


def _hdf_groups(gathering: list[str], collective: list[str]) -> tuple[list[dict], list[dict]]:
    """Consultation groups of 3–5 at the February 2024 gathering, and the July collective."""
    sizes = [5, 4, 4, 4, 4, 4, 4]  # 29 people of the gathering
    todo = [3, 3, 3, 3, 3, 3, 2]  # 20 to-do lists filled in
    groups, members, start = [], [], 0
    for g, (size, lists) in enumerate(zip(sizes, todo, strict=True), 1):
        groups.append(
            {
                "identifiant": f"SPTT-GC{g}",
                "nom": f"Groupe de consultation {g} (1er regroupement régional)",
                "type": "consultation",
                "theme": "définition des expérimentations",
                "date_debut": date(2024, 2, 15),
                "date_fin": date(2024, 2, 16),
                "listes_de_taches": lists,
                "programme": SPTT,
            }
        )
        members += [{"groupe": f"SPTT-GC{g}", "personne": p} for p in gathering[start:][:size]]
        start += size
    groups.append(
        {
            "identifiant": "SPTT-COLLECTIF",
            "nom": "Collectif SPTT (juillet 2024)",
            "type": "autre",
            "theme": "professionnel·les impliqué·es dans la démarche",
            "date_debut": date(2024, 1, 1),
            "date_fin": date(2024, 7, 31),
            "programme": SPTT,
        }
    )
    members += [{"groupe": "SPTT-COLLECTIF", "personne": p} for p in collective]
    return groups, members


def hdf_workbook(
    sessions: list[dict], attendance: list[dict], gathering: list[str], collective: list[str]
) -> Workbook:
    """The SPTT content workbook, imported after the activity workbook."""
    directory = _hdf_directory()
    groups, members = _hdf_groups(gathering, collective)
    return Workbook(
        "sptt-reseau-et-evaluation.xlsx",
        {
            "Acteurs": directory,
            "Programmes": [
                {
                    "programme": SPTT,
                    "element": "programme",
                    "intitule": "Sciences pour toutes et tous",
                    "date_debut": date(2023, 1, 1),
                    "date_fin": date(2025, 12, 31),
                }
            ],
            "Rencontres": _hdf_meetings(directory),
            "Groupes": groups,
            "Membres": members,
            "Évaluations": _hdf_evaluations(sessions, attendance),
            "Enquêtes": [
                {
                    "identifiant": "SPTT-ENQ-2023",
                    "titre": "Enquête « Ressources et compétences de la CSTI en Hauts-de-France »",
                    "date_debut": date(2023, 3, 1),
                    "public": "acteurs de la CSTI de la région (2 questions sur l'inclusion)",
                    "repondants": 114,
                    "structure": "Ombelliscience",
                    "programme": SPTT,
                },
                {
                    "identifiant": "SPTT-ENQ-PHARE",
                    "titre": "Enquête auprès des publics exclus des sciences (entretiens collectifs)",
                    "date_debut": date(2024, 6, 19),
                    "date_fin": date(2024, 7, 1),
                    "public": "habitant·es de 3 structures d'accueil",
                    "repondants": 10,
                    "structure": "Agence Phare",
                    "programme": SPTT,
                },
            ],
        },
    )


# -- Occitanie ---------------------------------------------------------------------------------

PTR = "PTR Occitanie"
MISSIONS = [
    "Animer le Pôle Territorial de Référence (PTR) « Sciences et Société » en Occitanie",
    "Structurer et animer le réseau des acteurs de la CSTI",
    "Valoriser tous les acteurs et les activités de CSTI",
    "Impulser et accompagner les projets sur l'ensemble du territoire",
    "Créer un centre de ressource régional",
    "Développer des partenariats avec des acteurs hors CSTI",
    "Mener des actions de recherche et développement sur les nouvelles formes de médiation",
    "Proposer des formations pour l'ensemble des acteurs de la CSTI",
    "Évaluer les actions de CSTI et leurs impacts sur les publics",
]
ORIENTATIONS = [
    "Connaissance et reconnaissance des acteurs",
    "Numérique : connaissance et usage",
    "Débat démocratique et appui aux politiques publiques",
    "Démarche scientifique partagée par la société",
    "Culture technique, industrielle et innovation",
]
PORTRAITS = 134  # "plus de 130"
# The 6 sectors outside CSTI, each with the structure type of the census it is sought among.
SECTORS = [
    ("tourisme", "Office de tourisme"),
    ("lecture publique", "Médiathèque"),
    ("tiers-lieux", "Fablab"),
    ("loisirs périscolaires", "Centre de loisirs"),
    ("médias", "Entreprise"),
    ("entreprises", "Entreprise"),
]


def _occ_programme() -> list[dict]:
    rows = [
        {
            "programme": PTR,
            "element": "programme",
            "intitule": "Pôle Territorial de Référence « Sciences et Société »",
            "date_debut": date(2017, 11, 14),
        }
    ]
    for element, lines in (("mission", MISSIONS), ("orientation", ORIENTATIONS)):
        rows += [
            {"programme": PTR, "element": element, "intitule": text, "rang": n}
            for n, text in enumerate(lines, 1)
        ]
    return rows


def _occ_resources() -> list[dict]:
    rows = [
        {
            "identifiant": f"OCC-PORTRAIT{n:03d}",
            "type": "portrait",
            "titre": f"Chercheur·e d'Occitanie n° {n}",
            "date": date(2017, 9, 4) + timedelta(days=(n - 1) * 150 // PORTRAITS),
            "structure": "Science Animation",
            "collection": "Chercheur.e.s d'Occitanie",
            "programme": PTR,
        }
        for n in range(1, PORTRAITS + 1)
    ]
    catalogues = [
        "Catalogue commun d'offres en matière de CSTI",
        "Banque de portraits de chercheur·es",
        "Catalogue d'activités scientifiques et techniques pour les bibliothèques",
    ]
    rows += [
        {
            "identifiant": f"OCC-CATALOGUE{n}",
            "type": "catalogue",
            "titre": title,
            "date": date(2017, 12, 1),
            "structure": "Science Animation",
            "programme": PTR,
        }
        for n, title in enumerate(catalogues, 1)
    ]
    # Stimuli: the third Thursday of each month, with a chronicle since December 2017.
    for n, day in enumerate((date(2017, 12, 21), date(2018, 1, 18), date(2018, 2, 15)), 1):
        rows.append(
            {
                "identifiant": f"OCC-STIMULI{n}",
                "type": "émission de radio",
                "titre": "Stimuli — chronique « Quand les sciences sortent les couverts »",
                "date": day,
                "structure": "Radio Campus Montpellier",
                "collection": "Stimuli",
                "programme": PTR,
            }
        )
    for n, day in enumerate((date(2017, 10, 5), date(2017, 11, 2), date(2017, 12, 7)), 1):
        rows.append(
            {
                "identifiant": f"OCC-20MG{n}",
                "type": "émission de radio",
                "titre": "20 mg de sciences — agenda d'Echosciences Occitanie",
                "date": day,
                "structure": "Campus FM Toulouse",
                "collection": "20 mg de sciences",
                "programme": PTR,
            }
        )
    return rows


def _occ_groups(questions: list[str], attendance: list[dict]) -> tuple[list[dict], list[dict]]:
    groups = [
        {
            "identifiant": f"OCC-GT{g}",
            "nom": question,
            "type": "travail",
            "date_debut": date(2018, 2, 1),
            "programme": PTR,
        }
        for g, question in enumerate(questions, 1)
    ]
    members = [
        {"groupe": a["session"].replace("OCC-S-GT", "OCC-GT"), "personne": a["personne"]}
        for a in attendance
        if a["session"].startswith("OCC-S-GT")
    ]
    return groups, members


def _occ_partners(census: list[dict], reading: list[dict]) -> list[dict]:
    """Census actors given the partner role in each of the 6 sectors outside CSTI."""
    rows, used = [], set()
    for sector, structure_type in SECTORS:
        actor = next(
            a
            for a in census + reading
            if a["type_structure"] == structure_type and a["identifiant"] not in used
        )
        used.add(actor["identifiant"])
        rows.append(actor | {"role": "partenaire", "secteur": sector})
    return rows


def occitanie_workbook(
    census: list[dict],
    reading: list[dict],
    actions: list[dict],
    questions: list[str],
    attendance: list[dict],
) -> Workbook:
    """The PTR content workbook; the Propulseur stops of ``actions`` become its tour sheet."""
    consortium = [
        a | {"role": "membre du consortium"} for a in census if a["identifiant"].startswith("OCC-C")
    ]
    stops = [
        {
            "tournee": "OCC-PROPULSEUR",
            "nom_tournee": "Le Propulseur",
            **{k: v for k, v in a.items() if k not in ("type", "participants")},
            "visiteurs": a["participants"],
        }
        for a in actions
        if a["type"] == TOUR_STOP
    ]
    groups, members = _occ_groups(questions, attendance)
    steering = [
        ("OCC-COPIL-LANCEMENT", "Lancement du Pôle Territorial de Référence", date(2017, 11, 14)),
        ("OCC-COPIL-0118", "Réunion du PTR Sciences et Société", date(2018, 1, 31)),
    ]
    return Workbook(
        "ptr-reseau-et-ressources.xlsx",
        {
            "Acteurs": consortium + _occ_partners(census, reading),
            "Programmes": _occ_programme(),
            "Rencontres": [
                {
                    "identifiant": ident,
                    "type": "pilotage",
                    "date": day,
                    "intitule": title,
                    "structure": "Région Occitanie / Pyrénées-Méditerranée",
                    "en_region": "oui",
                    "commune": "Toulouse",
                    "departement": "31",
                    "programme": PTR,
                }
                for ident, title, day in steering
            ],
            "Ressources": _occ_resources(),
            "Groupes": groups,
            "Membres": members,
            "Tournées": stops,
            "Enquêtes": [
                {
                    "identifiant": "OCC-ENQ-2018",
                    "titre": "Questionnaire aux acteurs du recensement (1re vague)",
                    "date_debut": date(2018, 3, 1),
                    "public": "acteurs de la CSTI recensés",
                    "structure": "Science Animation",
                    "programme": PTR,
                }
            ],
        },
    )


def without_stops(actions: list[dict]) -> list[dict]:
    """The actions sheet once the tour stops have moved to the tour sheet."""
    return [a for a in actions if a["type"] != TOUR_STOP]
