"""The KPI dictionary (page indicateurs): every catalogue KPI, what it means, where it shows."""

from __future__ import annotations

import pandas as pd

from observatoire.activities.overview import HEADLINES
from observatoire.forum.slides import EXPERIMENTS, NETWORK, TRAININGS
from observatoire.kpis import KPIS, Group, group_ids
from observatoire.profile import COVERAGE_KPIS
from observatoire.review.monthly import CARDS
from observatoire.texts import activities as texts
from observatoire.texts import kpis as kpi_texts
from observatoire.texts import ui as ui_texts

# The KPI ids each page shows, by page stem (the pages read the same lists).
FORMATIONS = group_ids(Group.TRAININGS) + group_ids(Group.WEBINARS) + group_ids(Group.SESSIONS)
SHOWN_ON: dict[str, list[str]] = {
    "accueil": list(HEADLINES),
    "revue_mensuelle": list(CARDS),
    "formations": FORMATIONS,
    "experimentations": group_ids(Group.EXPERIMENTS),
    "actions": group_ids(Group.ACTIONS) + group_ids(Group.TOURS),
    "programme": group_ids(Group.PROGRAMME),
    "reseau": group_ids(Group.NETWORK),
    "evaluation": group_ids(Group.EVALUATION),
    "ressources": group_ids(Group.RESOURCES),
    "territoire": list(COVERAGE_KPIS),
    "forum": [*NETWORK, *TRAININGS, *EXPERIMENTS],
}


def pages_of(kpi_id: str) -> list[str]:
    """The stems of the pages showing a KPI, in menu order."""
    return [stem for stem, ids in SHOWN_ON.items() if kpi_id in ids]


def table() -> pd.DataFrame:
    """One row per catalogue KPI, French columns, in catalogue order."""
    rows = [
        {
            "group": k.group_label,
            "label": k.label,
            "definition": k.definition,
            "unit": kpi_texts.UNITS[str(k.unit)],
            "tables": ", ".join(k.tables),
            "public": texts.DICTIONARY_SUPPRESSED if k.whole else texts.DICTIONARY_PUBLIC,
            "pages": ", ".join(ui_texts.PAGES[p] for p in pages_of(k.id)),
            "id": k.id,
        }
        for k in KPIS
    ]
    return pd.DataFrame(rows).rename(columns=texts.DICTIONARY_COLUMNS)
