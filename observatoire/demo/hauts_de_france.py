"""The SPTT demo (Hauts-de-France, Jan 2023 – Jul 2024), from the programme's mid-term review.

Every figure of the review is reproduced exactly; where the document is silent (dates inside a
month, who attended which session, the split of a total between sessions), the choice is
deterministic and stated here. The review announces "5 sessions" in 2023 but lists 3 + 2 + 1 = 6
sessions totalling 9 days: the data follow the detailed list.

The "collective" of July 2024 (33 professionals from 24 structures) is the set of distinct people
who attended, between January and July 2024, a session of type regroupement, atelier or
formation. Webinars (open to the whole network) and the express awareness session (colleagues
not yet in the collective) are outside that definition.
"""

from __future__ import annotations

from datetime import date

from observatoire.demo import content
from observatoire.demo.workbook import Workbook

PROGRAMME = "SPTT"
NAME = "Démo — Sciences pour toutes et tous (Hauts-de-France)"
DEPARTMENTS = ["02", "59", "60", "62", "80"]
CATEGORIES = ["CSTI", "éducation populaire", "culture", "environnement", "social"]

# 40 structures: (name, structure type, category, commune, department). The first ones are named in
# the review (participants quoted, survey hosts, trainers); the others are plausible stand-ins.
STRUCTURES = [
    ("Ombelliscience", "Association de CSTI", "CSTI", "Amiens", "80"),
    ("Fort de Condé", "Site patrimonial (collectivité)", "culture", "Chivres-Val", "02"),
    (
        "École-Musée de Boulogne-sur-Mer",
        "Musée (collectivité)",
        "culture",
        "Boulogne-sur-Mer",
        "62",
    ),
    ("Écomusée de l'Avesnois", "Musée de société", "culture", "Fourmies", "59"),
    ("Activ'Cités", "Régie de quartier", "social", "Liévin", "62"),
    (
        "Forum des Sciences",
        "Centre de sciences (Département du Nord)",
        "CSTI",
        "Villeneuve-d'Ascq",
        "59",
    ),
    ("Les Scientivores", "Association de CSTI", "CSTI", "Amiens", "80"),
    ("Signes de Sens", "Association culture et handicap", "culture", "Lille", "59"),
    (
        "Groupe d'Appui et de Solidarité",
        "Association d'éducation populaire",
        "éducation populaire",
        "Amiens",
        "80",
    ),
    ("Maison de la culture d'Amiens", "Scène nationale", "culture", "Amiens", "80"),
    ("Palais des Beaux-Arts de Lille", "Musée (collectivité)", "culture", "Lille", "59"),
    (
        "Boutique des Sciences de Lille",
        "Dispositif universitaire",
        "CSTI",
        "Villeneuve-d'Ascq",
        "59",
    ),
    (
        "Fédération des Centres Sociaux des Pays Picards",
        "Fédération d'éducation populaire",
        "éducation populaire",
        "Amiens",
        "80",
    ),
    (
        "CRAJEP Hauts-de-France",
        "Coordination d'éducation populaire",
        "éducation populaire",
        "Lille",
        "59",
    ),
    ("FRAC Grand Large", "Fonds régional d'art contemporain", "culture", "Dunkerque", "59"),
    ("Université de Picardie Jules Verne", "Université", "CSTI", "Amiens", "80"),
    (
        "Médiathèque de Saint-Quentin",
        "Bibliothèque (collectivité)",
        "culture",
        "Saint-Quentin",
        "02",
    ),
    ("Centre social de Beauvais Saint-Jean", "Centre social", "social", "Beauvais", "60"),
    ("CPIE de l'Oise", "Centre d'éducation à l'environnement", "environnement", "Senlis", "60"),
    (
        "Maison de la nature de Laon",
        "Centre d'éducation à l'environnement",
        "environnement",
        "Laon",
        "02",
    ),
    (
        "Association Les Petits Débrouillards Hauts-de-France",
        "Association de CSTI",
        "CSTI",
        "Lille",
        "59",
    ),
    ("Centre Historique Minier", "Musée", "CSTI", "Lewarde", "59"),
    ("Maison de quartier d'Étouvie", "Centre social", "social", "Amiens", "80"),
    (
        "Parc naturel régional de l'Avesnois",
        "Parc naturel régional",
        "environnement",
        "Maroilles",
        "59",
    ),
    ("Ludothèque de Compiègne", "Équipement de loisirs", "éducation populaire", "Compiègne", "60"),
    ("Musée de Picardie", "Musée (collectivité)", "culture", "Amiens", "80"),
    ("Association Sciences en Boulonnais", "Association de CSTI", "CSTI", "Boulogne-sur-Mer", "62"),
    ("Centre social d'Arras Ouest", "Centre social", "social", "Arras", "62"),
    (
        "Maison de l'environnement de Dunkerque",
        "Centre d'éducation à l'environnement",
        "environnement",
        "Dunkerque",
        "59",
    ),
    ("Bibliothèque de Calais", "Bibliothèque (collectivité)", "culture", "Calais", "62"),
    (
        "Foyer rural de Crécy-en-Ponthieu",
        "Foyer rural",
        "éducation populaire",
        "Crécy-en-Ponthieu",
        "80",
    ),
    ("Planétarium de Cappelle-la-Grande", "Planétarium", "CSTI", "Cappelle-la-Grande", "59"),
    ("Association Arras Sciences", "Association de CSTI", "CSTI", "Arras", "62"),
    ("Centre social de Soissons Presles", "Centre social", "social", "Soissons", "02"),
    ("Médiathèque de Noyon", "Bibliothèque (collectivité)", "culture", "Noyon", "60"),
    (
        "Association Nature et Sciences de Thiérache",
        "Association d'éducation à l'environnement",
        "environnement",
        "Hirson",
        "02",
    ),
    # Structures of the professionals who joined in 2024.
    ("Bibliothèque de Lens", "Bibliothèque (collectivité)", "culture", "Lens", "62"),
    ("Maison pour tous de Creil", "Centre social", "social", "Creil", "60"),
    ("Fablab de Château-Thierry", "Tiers-lieu", "CSTI", "Château-Thierry", "02"),
    (
        "Association Terre d'Opale",
        "Association d'éducation à l'environnement",
        "environnement",
        "Étaples",
        "62",
    ),
]

# Distinct people of the 2023 trainings: P01..P49. P37..P49 share the structures of P01..P13.
PEOPLE_2023 = [f"P{i:02d}" for i in range(1, 50)]
RETURNING = [f"P{i:02d}" for i in [*range(1, 7), *range(37, 43), *range(14, 28)]]  # 26 people
JOINED_AT_GATHERING = ["P50", "P51", "P52"]  # the 3 new people of February 2024
EXPRESS = [f"P{i:02d}" for i in range(53, 65)]  # 12 at the express session
JOINED_AFTER_EXPRESS = EXPRESS[:3]
JOINED_OTHERWISE = ["P65"]
COLLECTIVE = RETURNING + JOINED_AT_GATHERING + JOINED_AFTER_EXPRESS + JOINED_OTHERWISE  # 33
OMBELLISCIENCE_STAFF = [f"P{i:03d}" for i in range(101, 111)]  # 10 staff made aware in 2023
WEBINAR_REGION = [f"W{i:02d}" for i in range(1, 19)]  # 18 other professionals of the region
WEBINAR_ELSEWHERE = [f"W{i:02d}" for i in range(19, 27)]  # 8 from another region
# The three training strands of 2023: 45, 26 and 14 participants.
STRANDS = ["Formation initiale à l'inclusion", "Éducation populaire", "Évaluation"]


def _structure_of(person: str) -> int:
    """Index into STRUCTURES of a person's structure."""
    n = int(person[1:])
    if person.startswith("W"):
        return 16 + n % 20
    if person in OMBELLISCIENCE_STAFF:
        return 0
    if n <= 36:
        return n - 1
    if n <= 49:
        return n - 37  # P37..P49 work alongside P01..P13
    if person in JOINED_AT_GATHERING:
        return n - 50  # the 2024 newcomers join the teams of P01/P37, P02/P38, P03/P39
    if person in EXPRESS:
        return 36 + (n - 53) % 4
    return 39  # P65


def _people() -> list[dict]:
    """Every person with gender, status, structure, department and category."""
    non_returning = [p for p in PEOPLE_2023 if p not in RETURNING]
    newcomers = JOINED_AT_GATHERING + JOINED_AFTER_EXPRESS + JOINED_OTHERWISE
    women = set(RETURNING[:16]) | set(non_returning[:16]) | set(newcomers[:4])
    volunteers = set(RETURNING[-2:]) | set(non_returning[-5:]) | {newcomers[-1]}
    everyone = (
        PEOPLE_2023
        + newcomers
        + EXPRESS[3:]
        + OMBELLISCIENCE_STAFF
        + WEBINAR_REGION
        + WEBINAR_ELSEWHERE
    )
    rows = []
    for i, person in enumerate(everyone):
        name, _type, category, _commune, dep = STRUCTURES[_structure_of(person)]
        if person in WEBINAR_ELSEWHERE:
            dep = ["75", "69", "33", "13", "44", "35", "67", "34"][i % 8]
        outsider = person not in PEOPLE_2023 + newcomers
        gender = "F" if person in women or (outsider and i % 3) else "H"
        rows.append(
            {
                "identifiant": person,
                "genre": {"F": "femme", "H": "homme"}[gender] if i % 4 == 0 else gender,
                "statut": "bénévole" if person in volunteers else "salarié·e",
                "structure": name,
                "departement": dep,
                "categorie": category,
                "type_employeur": _employer_type(person, _type, person in volunteers),
                "origine": _origin(person),
            }
        )
    return rows


def _employer_type(person: str, structure_type: str, volunteer: bool) -> str:
    """The review's employer types: local authorities, associations, universities, entrepreneurs.

    The review lists the types without counting them; they follow the structure here, and the
    volunteers are "bénévoles d'associations locales".
    """
    if person == "P65":
        return "entreprise"  # "Entrepreneur·ses" among the 33 professionals of July 2024
    if volunteer:
        return "association"
    kind = structure_type.lower()
    if "univers" in kind:
        return "universite"
    public = ("collectivité", "bibliothèque", "département", "parc naturel", "scène nationale")
    return "collectivite" if any(word in kind for word in public) else "association"


def _origin(person: str) -> str:
    """Webinar audience origin of the review: SPTT professionals, the region, elsewhere."""
    if person in WEBINAR_ELSEWHERE:
        return "hors région"
    if person in WEBINAR_REGION or person in EXPRESS[3:]:
        return "région"
    return "programme"


def _session(
    ident,
    type_,
    title,
    start,
    end=None,
    days=None,
    commune=None,
    dep=None,
    theme=None,
    fmt="présentiel",
    facilitator=None,
    strand=None,
) -> dict:
    return {
        "identifiant": ident,
        "type": type_,
        "intitule": title,
        "theme": theme,
        "format": fmt,
        "date_debut": start,
        "date_fin": end or start,
        "jours": days,
        "commune": commune,
        "departement": dep,
        "animateur": facilitator,
        "programme": PROGRAMME,
        "volet": strand,
    }


def _sessions_and_attendance() -> tuple[list[dict], list[dict]]:
    s, att = [], []

    def add(session: dict, people: list[str]) -> None:
        s.append(session)
        att.extend({"session": session["identifiant"], "personne": p} for p in people)

    p = PEOPLE_2023
    initial = "Formation initiale à l'inclusion en médiation scientifique"
    trainers = "École de la Médiation ; Agence Phare"
    add(
        _session(
            "SPTT-2023-FI1",
            "formation",
            f"{initial} (1/3)",
            date(2023, 3, 23),
            date(2023, 3, 24),
            2,
            "Amiens",
            "80",
            "inclusion",
            facilitator=trainers,
            strand=STRANDS[0],
        ),
        p[0:15],
    )
    add(
        _session(
            "SPTT-2023-FI2",
            "formation",
            f"{initial} (2/3)",
            date(2023, 5, 25),
            date(2023, 5, 26),
            2,
            "Lille",
            "59",
            "inclusion",
            facilitator=trainers,
            strand=STRANDS[0],
        ),
        p[15:30],
    )
    add(
        _session(
            "SPTT-2023-FI3",
            "formation",
            f"{initial} (3/3)",
            date(2023, 10, 12),
            date(2023, 10, 13),
            2,
            "Arras",
            "62",
            "inclusion",
            facilitator=trainers,
            strand=STRANDS[0],
        ),
        p[30:45],
    )
    edpop = "L'éducation populaire pour des sciences inclusives"
    add(
        _session(
            "SPTT-2023-EP1",
            "formation",
            f"{edpop} (Amiens)",
            date(2023, 9, 21),
            None,
            1,
            "Amiens",
            "80",
            "éducation populaire",
            facilitator="Groupe d'Appui et de Solidarité",
            strand=STRANDS[1],
        ),
        p[23:36],
    )
    add(
        _session(
            "SPTT-2023-EP2",
            "formation",
            f"{edpop} (Arras)",
            date(2023, 11, 9),
            None,
            1,
            "Arras",
            "62",
            "éducation populaire",
            facilitator="Groupe d'Appui et de Solidarité",
            strand=STRANDS[1],
        ),
        p[36:49],
    )
    add(
        _session(
            "SPTT-2023-EV",
            "formation",
            "Journée d'échanges sur l'évaluation",
            date(2023, 11, 23),
            None,
            1,
            "Amiens",
            "80",
            "évaluation",
            facilitator="Agence Phare ; Ombelliscience",
            strand=STRANDS[2],
        ),
        p[0:10] + p[45:49],
    )
    staff = OMBELLISCIENCE_STAFF
    add(
        _session(
            "SPTT-2023-SE1",
            "sensibilisation",
            "Sensibilisation des salarié·es d'Ombelliscience (1/2)",
            date(2023, 6, 12),
            None,
            None,
            "Amiens",
            "80",
            "inclusion",
        ),
        staff[:5],
    )
    add(
        _session(
            "SPTT-2023-SE2",
            "sensibilisation",
            "Sensibilisation des salarié·es d'Ombelliscience (2/2)",
            date(2023, 6, 26),
            None,
            None,
            "Amiens",
            "80",
            "inclusion",
        ),
        staff[5:],
    )

    gathering = RETURNING + JOINED_AT_GATHERING
    add(
        _session(
            "SPTT-2024-RR1",
            "regroupement",
            "1er regroupement régional SPTT",
            date(2024, 2, 15),
            date(2024, 2, 16),
            2,
            "Amiens",
            "80",
            "inclusion",
        ),
        gathering,
    )
    add(
        _session(
            "SPTT-2024-EXP",
            "sensibilisation",
            "Sensibilisation express à l'inclusion (2 h)",
            date(2024, 4, 15),
            None,
            None,
            None,
            None,
            "inclusion",
            "distanciel",
        ),
        EXPRESS,
    )
    themes = ["médiation", "formation-accompagnement", "communication", "scénographie", "publics"]
    workshop_people = [  # 7 + 4 + 3 + 3 + 2 = 19, all of the collective
        JOINED_AFTER_EXPRESS + JOINED_OTHERWISE + RETURNING[0:3],
        RETURNING[3:7],
        RETURNING[7:10],
        RETURNING[10:13],
        JOINED_AT_GATHERING[:2],
    ]
    days = [
        date(2024, 5, 14),
        date(2024, 5, 28),
        date(2024, 6, 4),
        date(2024, 6, 18),
        date(2024, 6, 25),
    ]
    for i, (theme, people, day) in enumerate(zip(themes, workshop_people, days, strict=True), 1):
        add(
            _session(
                f"SPTT-2024-AT{i}",
                "atelier",
                f"Atelier de suivi des expérimentations : {theme}",
                day,
                None,
                None,
                None,
                None,
                theme,
                "distanciel",
            ),
            people,
        )
    sptt_in_webinars = COLLECTIVE[:32]
    webinar_people = [  # 58 participants: 32 of SPTT, 18 of the region, 8 from elsewhere
        sptt_in_webinars[:12] + WEBINAR_REGION[:6] + WEBINAR_ELSEWHERE[:3],
        sptt_in_webinars[12:22] + WEBINAR_REGION[6:12] + WEBINAR_ELSEWHERE[3:6],
        sptt_in_webinars[22:] + WEBINAR_REGION[12:] + WEBINAR_ELSEWHERE[6:],
    ]
    for i, (month, people) in enumerate(zip((5, 6, 7), webinar_people, strict=True), 1):
        add(
            _session(
                f"SPTT-2024-WEB{i}",
                "webinaire",
                f"Webinaire « Initiatives inclusives » n° {i}",
                date(2024, month, 16),
                None,
                None,
                None,
                None,
                "inclusion",
                "distanciel",
                "Ombelliscience",
            ),
            people,
        )
    add(
        _session(
            "SPTT-2024-KAD",
            "formation",
            "Formation Kadeiloscope",
            date(2024, 5, 23),
            None,
            1,
            "Amiens",
            "80",
            "diagnostic inclusion",
            facilitator="Cap Sciences",
        ),
        COLLECTIVE[:17],
    )
    add(
        _session(
            "SPTT-2024-CEI",
            "formation",
            "Formation Culture et inclusion",
            date(2024, 7, 4),
            None,
            1,
            "Oignies",
            "62",
            "handicap et inclusion",
            facilitator="Signes de Sens",
        ),
        COLLECTIVE[15:33],
    )
    return s, att


def _actors() -> list[dict]:
    rows = []
    for i, (name, type_, category, commune, dep) in enumerate(STRUCTURES):
        circle = 1 if category == "CSTI" and "Université" not in name else (2 if i % 3 else 3)
        rows.append(
            {
                "identifiant": f"HDF-A{i + 1:03d}",
                "nom": name,
                "type_structure": type_,
                "cercle": circle,
                "categorie": category,
                "commune": commune,
                "departement": dep,
                "email": f"contact{i + 1}@exemple-sptt.fr",
                "date_recensement": date(2023, 1, 16),
                "programme": PROGRAMME,
            }
        )
    return rows


def _experiments() -> list[dict]:
    themes = ["médiation", "formation-accompagnement", "communication", "scénographie", "publics"]
    members = {STRUCTURES[_structure_of(p)][0] for p in COLLECTIVE}
    hosts = [s for s in STRUCTURES if s[0] in members]
    rows = []
    for i, (name, _t, _c, commune, dep) in enumerate(hosts, 1):
        rows.append(
            {
                "identifiant": f"SPTT-EXP{i:02d}",
                "titre": f"Expérimentation inclusive n° {i} : {themes[(i - 1) % 5]}",
                "structure": name,
                "theme": themes[(i - 1) % 5],
                "statut": "en préparation" if i % 6 == 0 else "en cours",
                "date_debut": date(2024, 3, 1 + i % 27),
                "commune": commune,
                "departement": dep,
                "publics_cibles": [
                    "familles",
                    "jeunes",
                    "personnes en situation de handicap",
                    "habitant·es des QPV",
                ][i % 4],
                "programme": PROGRAMME,
            }
        )
    return rows


def _actions() -> list[dict]:
    def action(ident, type_, title, day, commune, dep, participants, structure=None, publics=None):
        return {
            "identifiant": ident,
            "type": type_,
            "titre": title,
            "date_debut": day,
            "commune": commune,
            "departement": dep,
            "participants": participants,
            "structure": structure,
            "publics": publics,
            "programme": PROGRAMME,
        }

    sis = "Atelier de découverte des enjeux de l'inclusion (3e rencontre Sciences, Innovations, Société)"
    return [
        action(
            "SPTT-ACT-SIS1",
            "atelier",
            f"{sis} 1/2",
            date(2023, 6, 8),
            "Longueil-Annel",
            "60",
            36,
            "Ombelliscience",
            "professionnel·les",
        ),
        action(
            "SPTT-ACT-SIS2",
            "atelier",
            f"{sis} 2/2",
            date(2023, 6, 8),
            "Longueil-Annel",
            "60",
            34,
            "Ombelliscience",
            "professionnel·les",
        ),
        action(
            "SPTT-ACT-INT1",
            "intervention",
            "Sensibilisation à l'inclusion avec le LMA HdF",
            date(2023, 6, 30),
            "Lille",
            "59",
            None,
            "Ombelliscience",
            "professionnel·les",
        ),
        action(
            "SPTT-ACT-INT2",
            "intervention",
            "Sensibilisation des salarié·es de la Fondation C Génial",
            date(2023, 7, 5),
            None,
            None,
            None,
            "Ombelliscience",
            "professionnel·les",
        ),
        action(
            "SPTT-ACT-ENQ1",
            "entretien collectif",
            "Entretien collectif avec des publics exclus des sciences",
            date(2024, 6, 19),
            "Liévin",
            "62",
            7,
            "Activ'Cités",
            "habitant·es",
        ),
        action(
            "SPTT-ACT-ENQ2",
            "entretien collectif",
            "Entretien collectif avec des publics exclus des sciences",
            date(2024, 7, 1),
            "Villeneuve-d'Ascq",
            "59",
            3,
            "Forum des Sciences",
            "habitant·es",
        ),
    ]


def _targets() -> list[dict]:
    """Demo targets (not from the review): the 2023 plan announced 5 sessions."""
    yearly = {
        "2023": {
            "training_sessions": 5,
            "training_days": 9,
            "training_participants": 45,
            "actions_total": 4,
            # One phone interview per person of the initial trainings; 3 framing meetings.
            "evaluation_interviews": 45,
            "evaluation_framing_meetings": 3,
        },
        "2024": {
            "training_sessions": 2,
            "webinar_sessions": 4,
            "webinar_participants": 60,
            "experiments_total": 20,
            "training_participants": 30,
            # The professionals involved by July 2024 (33 counted).
            "group_members": 30,
        },
    }
    rows = [
        {"indicateur": k, "periode": y, "valeur": v}
        for y, kv in yearly.items()
        for k, v in kv.items()
    ]
    rows += [
        {"indicateur": "training_sessions", "periode": "2023-11", "valeur": 2},
        {"indicateur": "training_participants", "periode": "2023-11", "valeur": 25},
    ]
    return rows


def workbooks() -> list[Workbook]:
    """The files a coordinator of SPTT would import, in order."""
    sessions, attendance = _sessions_and_attendance()
    return [
        Workbook("sptt-structures.xlsx", {"Acteurs": _actors()}),
        Workbook(
            "sptt-suivi-2023-2024.xlsx",
            {
                "Personnes": _people(),
                "Sessions": sessions,
                "Participations": attendance,
                "Expérimentations": _experiments(),
                "Actions": _actions(),
                "Objectifs": _targets(),
            },
        ),
        content.hdf_workbook(sessions, attendance, RETURNING + JOINED_AT_GATHERING, COLLECTIVE),
    ]
