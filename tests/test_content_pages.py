"""Programme-content pages through AppTest on the demo workspaces: every figure shown equals the
query layer's (catalogue KPIs and the content views), and the public sees no small counts and
no one's answers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire.content import views
from observatoire.kpis import BY_ID, Group, as_period, compute_kpis, group_ids, kpi_value
from observatoire.paths import ROOT, data_dir
from observatoire.texts import content as texts

TIMEOUT = 60
HDF, OCC = "demo-hauts-de-france", "demo-occitanie"


@pytest.fixture(scope="module", autouse=True)
def _demos(reference_path):
    for name in ("hauts-de-france", "occitanie"):
        if not (data_dir() / f"demo-{name}.duckdb").exists():
            from observatoire.demo.build import build_demo

            build_demo(name, reference=reference_path)


def con(espace):
    from observatoire.ui import connections

    return connections.workspace(data_dir() / f"{espace}.duckdb")


def run(stem: str, role: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    if role:
        at.session_state["test_role"] = role
    return at.run()


def cards(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def assert_cards(at, espace, period, ids):
    values = compute_kpis(con(espace), period, None, only=ids)
    shown = cards(at)
    captions = " ".join(c.value for c in at.caption)
    for kpi_id in ids:
        label = BY_ID[kpi_id].label
        if values[kpi_id] == 0:  # no empty card: named in the "nothing recorded" sentence
            assert label not in shown and label.lower() in captions, kpi_id
        else:
            assert shown[label] == kpi_value(kpi_id, values[kpi_id]), kpi_id


def frame_with(at, column):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_programme_occitanie(reference_path):
    at = run("programme", espace=OCC, periode="2017")
    assert not at.exception and not at.error
    assert_cards(at, OCC, "2017", group_ids(Group.PROGRAMME))
    assert cards(at)[BY_ID["programme_missions"].label] == "9"
    text = " ".join(m.value for m in at.markdown)
    assert "Créer un centre de ressource régional" in text
    assert "Culture technique, industrielle et innovation" in text
    assert "depuis le 14/11/2017" in text
    progress = frame_with(at, texts.RATE)
    items = views.programme_items(con(OCC), None)
    expected = views.progress(con(OCC), views.programme_years(items), None)
    assert progress[texts.VALUE].tolist() == expected[texts.VALUE].tolist()


def test_programme_sptt_dates():
    at = run("programme", espace=HDF, periode="2024")
    assert not at.exception and not at.error
    text = " ".join(m.value for m in at.markdown)
    assert "du 01/01/2023 au 31/12/2025" in text


def test_reseau_hdf_2023():
    at = run("reseau", espace=HDF, periode="2023")
    assert not at.exception and not at.error
    ids = group_ids(Group.NETWORK)
    assert_cards(at, HDF, "2023", ids)
    shown = cards(at)
    assert shown[BY_ID["meetings_experts"].label] == "29"
    assert shown[BY_ID["meetings_structures_in_region"].label] == "16"
    meetings = frame_with(at, texts.MEETINGS)
    assert meetings[texts.MEETINGS].sum() == compute_kpis(con(HDF), "2023")["meetings_total"]
    directory = frame_with(at, texts.ROLE)  # local mode: structure names are shown
    assert len(directory) == 29 + 14


def test_reseau_groups_2024():
    at = run("reseau", espace=HDF, periode="2024")
    assert not at.exception
    groups = frame_with(at, texts.TODO)
    expected = views.groups(con(HDF), as_period("2024"), None)
    assert groups[texts.PEOPLE].tolist() == expected[texts.PEOPLE].tolist()
    assert groups[texts.TODO].sum() == 20


def test_evaluation_hdf_2023():
    at = run("evaluation", espace=HDF, periode="2023")
    assert not at.exception and not at.error
    assert_cards(at, HDF, "2023", group_ids(Group.EVALUATION))
    assert cards(at)[BY_ID["evaluation_interviews"].label] == "45"
    table = frame_with(at, texts.DIMENSION)
    expected = views.progression(con(HDF), as_period("2023"), None)
    assert table.equals(views.progression_shown(expected))
    assert table[texts.AFTER].tolist() == ["6,4", "5,5", "5,5"]  # French decimals
    assert len(at.get("vega_lite_chart")) >= 1  # the chart with its table
    # No person identifier anywhere on the page.
    assert all("person_id" not in d.value.columns for d in at.dataframe)
    assert not any(
        str(v).startswith("P0") for d in at.dataframe for v in d.value.to_numpy().ravel()
    )


def test_ressources_occitanie_by_month():
    at = run("ressources", espace=OCC, periode="2017")
    assert not at.exception and not at.error
    assert_cards(at, OCC, "2017", group_ids(Group.RESOURCES))
    months = frame_with(at, texts.RESOURCE_TYPES["portrait"])
    assert len(months) == 12
    assert (
        months[texts.RESOURCE_TYPES["portrait"]].sum()
        == compute_kpis(con(OCC), "2017")["resources_portraits"]
    )


def test_tours_on_the_actions_page():
    at = run("actions", espace=OCC, periode="2017")
    assert not at.exception and not at.error
    assert_cards(at, OCC, "2017", group_ids(Group.TOURS))
    stops = frame_with(at, texts.TOUR)
    assert len(stops) == compute_kpis(con(OCC), "2017")["tour_stops"] == 8
    assert set(stops[texts.TOUR]) == {"Le Propulseur"}


def test_tour_map_has_the_40_propulseur_stops_numbered_with_popups():
    from observatoire.maps.tour_map import tour_map
    from observatoire.privacy import Viewer
    from observatoire.ui.content import _visitor_labels

    rows = views.tour_rows(con(OCC), as_period("2016..2018"), None, None)
    table = views.tour_stops(rows)
    assert rows["stop"].tolist() == list(range(1, 41))  # 40 towns, one stop each
    public = _visitor_labels(Viewer("public"), table)
    staff = _visitor_labels(Viewer("coordination"), table)
    # Nîmes, 18 January 2018: 2,149 visitors, rounded to 5 for the public as in the table.
    nimes = rows.index[rows["start_date"].astype(str) == "2018-01-08"][0]
    assert (staff[nimes], public[nimes]) == ("2\u202f149", "2\u202f150")
    page = tour_map(rows, public, [], stop_color="#000", outline="#000", background="#fff")
    rendered = page.get_root().render()
    assert rendered.count("obs-stop") == 40
    assert "Étape 17 · Le Propulseur" in rendered and "2\u202f150 visiteurs" in rendered
    assert "cdn" not in rendered.lower()  # Leaflet is served by the app


def test_tours_follow_the_department_filter():
    at = run("actions", espace=OCC, periode="2016..2018", departement="30")
    assert not at.exception and not at.error
    stops = frame_with(at, texts.TOUR)
    assert set(stops[texts.DEPARTMENT]) == {"30"} and len(stops) == 4
    # Numbers are the stops' places in the whole tour, not in the filtered list.
    assert stops[texts.STOP].tolist() == [17, 18, 31, 32]


def test_evaluation_follows_the_department_and_says_surveys_are_programme_wide():
    at = run("evaluation", espace=HDF, periode="2023", departement="80")
    assert not at.exception and not at.error
    shown = cards(at)
    somme = compute_kpis(con(HDF), "2023", department="80")
    assert shown[BY_ID["evaluation_responses"].label] == str(somme["evaluation_responses"])
    assert somme["evaluation_responses"] < compute_kpis(con(HDF), "2023")["evaluation_responses"]
    # The survey of 114 respondents has no place: the whole programme's figure, said plainly.
    assert shown[BY_ID["survey_respondents"].label] == "114"
    assert shown[BY_ID["evaluation_framing_meetings"].label] == "3"
    assert texts.SURVEYS_WHOLE in [c.value for c in at.caption]
    table = frame_with(at, texts.DIMENSION)
    expected = views.progression(con(HDF), as_period("2023"), None, department="80")
    assert table.equals(views.progression_shown(expected))


def test_groups_and_resources_follow_the_department():
    at = run("reseau", espace=HDF, periode="2024", departement="80")
    assert not at.exception and not at.error
    groups = frame_with(at, texts.TODO)
    somme = views.groups(con(HDF), as_period("2024"), None, "80")
    assert groups[texts.PEOPLE].tolist() == somme[texts.PEOPLE].tolist()
    assert groups[texts.PEOPLE].iloc[0] < 33  # the July 2024 group of 33, Somme members only
    assert texts.GROUPS_IN_DEPARTMENT in [c.value for c in at.caption]
    at = run("ressources", espace=OCC, periode="2017", departement="31")
    months = frame_with(at, texts.RESOURCE_TYPES["portrait"])
    assert (
        months[texts.RESOURCE_TYPES["portrait"]].sum()
        == compute_kpis(con(OCC), "2017", department="31")["resources_portraits"]
    )
    at = run("programme", espace=OCC, periode="2017", departement="31")
    assert texts.WHOLE_PROGRAMME in [i.value for i in at.info]


def test_zero_cards_are_named_not_shown():
    """Occitanie has no expert nor initiative: one sentence, not seven cards at 0."""
    at = run("reseau", espace=OCC, periode="2018")
    assert not at.exception and not at.error
    shown = cards(at)
    assert "0" not in shown.values()
    assert shown[BY_ID["group_members"].label] == "84"  # "more than 80"
    sentence = next(c.value for c in at.caption if c.value.startswith("Aucun enregistrement"))
    assert BY_ID["initiatives_total"].label.lower() in sentence
