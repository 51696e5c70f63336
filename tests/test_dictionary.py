"""The KPI dictionary (/indicateurs): every catalogue KPI is defined there and shown on a page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import dictionary
from observatoire.kpis import KPIS, Group, compute_kpis, group_ids, kpi_value
from observatoire.paths import ROOT, data_dir
from observatoire.ui import registry

HDF = "demo-hauts-de-france"


@pytest.fixture(scope="module", autouse=True)
def _demo(reference_path):
    path = data_dir() / f"{HDF}.duckdb"
    if not path.exists():
        from observatoire.demo.build import build_demo

        build_demo("hauts-de-france", reference=reference_path)


def run(stem: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def test_every_catalogue_kpi_is_on_a_page():
    missing = [k.id for k in KPIS if not dictionary.pages_of(k.id)]
    assert missing == []
    assert set(dictionary.SHOWN_ON) <= {p.stem for p in registry.pages()}


def test_dictionary_page_lists_the_catalogue():
    at = run("indicateurs", espace=HDF)
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert list(table["Indicateur"]) == [k.label for k in KPIS]
    assert list(table["Identifiant technique"]) == [k.id for k in KPIS]
    row = table.set_index("Identifiant technique").loc["regroupement_participants"]
    assert row["Pages qui l'affichent"] == "Formations"
    assert row["Pour le public"] == "arrondi à 5 près, effectifs de 1 à 4 masqués"
    assert row["Tables sources"] == "sessions, attendances"
    share = table.set_index("Identifiant technique").loc["population_within_15km_share"]
    assert share["Pour le public"] == "affiché" and share["Unité"] == "%"


def test_formations_shows_webinars_and_every_session_kind():
    from observatoire.ui import connections

    at = run("formations", espace=HDF, periode="2024")
    assert not at.exception and not at.error
    con = connections.workspace(data_dir() / f"{HDF}.duckdb")
    ids = group_ids(Group.WEBINARS) + group_ids(Group.SESSIONS)
    values = compute_kpis(con, "2024", only=ids)
    shown = {m.label: m.value for m in at.metric}
    by_id = {k.id: k for k in KPIS}
    for kpi_id in ids:
        assert shown[by_id[kpi_id].label] == kpi_value(kpi_id, values[kpi_id]), kpi_id
    # SPTT 2024 (seeds): the regional gathering of 29, 12 at the express awareness session.
    assert shown["Participant·e·s aux regroupements"] == "29"
    assert shown["Participant·e·s aux sensibilisations"] == "12"
