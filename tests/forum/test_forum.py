"""Forum slides on the demo workspaces: seed figures, suppression, nothing personal, the interval."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import db
from observatoire.forum import slides as forum
from observatoire.kpis import BY_ID, Period, compute_kpis
from observatoire.paths import ROOT, data_dir
from observatoire.texts import forum as forum_texts
from observatoire.ui.slides import slide_html
from observatoire.workspace import connect

LABEL = {i: k.label for i, k in BY_ID.items()}

DEMOS = ("demo-occitanie", "demo-hauts-de-france")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(?:\+33|0)\s?[1-9](?:[\s.-]?\d{2}){4}")
SMALL = {"1", "2", "3", "4"}


@pytest.fixture(scope="module")
def ref(reference_path):
    con = db.connect_reference(reference_path)
    yield con
    con.close()


def open_demo(name: str):
    return connect(data_dir() / f"{name}.duckdb", read_only=True)


@pytest.fixture(scope="module")
def hdf(reference_path):
    con = open_demo("demo-hauts-de-france")
    yield con
    con.close()


def test_trainings_slide_shows_the_sptt_2023_seed_figures(hdf):
    # SPTT 2023 (seeds): 6 sessions, 49 people, 32 women, 17 men, 7 volunteers, 42 employees.
    values = compute_kpis(hdf, "2023", only=list(forum.TRAININGS))
    exact = [values[i] for i in forum.TRAININGS if i != "training_structures"]
    assert exact == [6, 49, 32, 17, 7, 42]
    slide = forum.trainings_slide(hdf, Period.year(2023), "en 2023")
    shown = {f.label: (f.value, f.detail) for f in slide.figures}
    # Public figures are rounded to 5 (6 -> 5, 49 -> 50, 32 -> 30, 17 -> 15, 7 -> 5, 42 -> 40)
    # and shares are of the rounded figures: 30/50, 15/50, 5/50, 40/50.
    of = " des participant·e·s aux formations"
    assert shown[LABEL["training_sessions"]] == ("5", "")
    assert shown[LABEL["training_participants"]] == ("50", "")
    assert shown[LABEL["training_participants_women"]] == ("30", "60\u00a0%" + of)
    assert shown[LABEL["training_participants_men"]] == ("15", "30\u00a0%" + of)
    assert shown[LABEL["training_participants_volunteers"]] == ("5", "10\u00a0%" + of)
    assert shown[LABEL["training_participants_employees"]] == ("40", "80\u00a0%" + of)


def test_slides_name_figures_with_the_catalogue_labels():
    for labels in (forum.NETWORK, forum.TRAININGS, forum.EXPERIMENTS):
        assert labels == {i: LABEL[i] for i in labels}


def test_small_counts_are_hidden_and_the_rest_rounded(hdf):
    # HDF 2024: 2 training sessions (< 5); 33 people trained, 3 volunteers, 30 employees:
    # 35 − 30 = 5 gives no small count back.
    values = compute_kpis(hdf, "2024", only=list(forum.TRAININGS))
    assert values["training_sessions"] == 2
    assert values["training_participants_volunteers"] == 3
    slide = forum.trainings_slide(hdf, Period.year(2024), "en 2024")
    shown = {f.label: f for f in slide.figures}
    sessions = shown[LABEL["training_sessions"]]
    assert sessions.value == "<\u00a05" and sessions.style == "suppressed"
    assert shown[LABEL["training_participants_volunteers"]].value == "<\u00a05"
    assert shown[LABEL["training_participants"]].value == "35"
    employees = shown[LABEL["training_participants_employees"]]
    # 30/35 of the published figures.
    assert employees.value == "30"
    assert employees.detail == "86\u00a0% des participant·e·s aux formations"


def test_zero_stays_zero(hdf):
    slide = forum.experiments_slide(hdf, Period.year(2024), "en 2024")
    shown = {f.label: f for f in slide.figures}
    completed = shown[LABEL["experiments_completed"]]
    assert completed.value == "0" and completed.style == "zero"
    # seed: 24 experiments in 2024, "some still being specified": 20 started, 4 planned
    assert shown[LABEL["experiments_total"]].value == "20"
    assert shown[LABEL["experiments_planned"]].value == "<\u00a05"
    # 4 started experiments per theme: every cell is small, so one sentence replaces the table.
    assert slide.table is None
    assert slide.lines == (forum_texts.THEMES_HIDDEN.format(k="5"),)


def _text(slide) -> str:
    """The slide's HTML without the map images (their data URLs are coordinates)."""
    return re.sub(r'src="data:[^"]*"', "", slide_html(slide, 1, 6))


def _cells(slide) -> list[str]:
    values = [f.value for f in slide.figures]
    if slide.table is not None:
        values += [str(v) for v in slide.table.iloc[:, 1:].to_numpy().ravel()]
    return values


@pytest.mark.parametrize("name", DEMOS)
def test_no_contact_no_person_no_small_count(name, ref):
    con = open_demo(name)
    deck = forum.slides(con, ref, name, True)
    # Hauts-de-France has no tour and no resource: those slides are left out.
    story = ["tournees", "ressources"] if name == "demo-occitanie" else []
    assert [s.key for s in deck] == [
        "reseau",
        "carte",
        "territoires",
        "formations",
        "experimentations",
        *story,
        "rencontres",
        "fin",
    ]
    person_ids = {r[0] for r in con.execute("SELECT person_id FROM people").fetchall()}
    emails = {
        r[0] for r in con.execute("SELECT email FROM actors WHERE email IS NOT NULL").fetchall()
    }
    circle3 = {
        r[0]
        for r in con.execute(
            "SELECT name FROM actors WHERE circle = 3 OR circle IS NULL"
        ).fetchall()
    }
    assert emails and person_ids and circle3
    for slide in deck:
        text = _text(slide)
        assert not EMAIL.search(text), slide.key
        assert not PHONE.search(text), slide.key
        assert not any(f">{p}<" in text or f" {p} " in text for p in person_ids), slide.key
        assert not any(n in text for n in circle3 if len(n) > 6), slide.key
        assert not SMALL & set(_cells(slide)), slide.key
        for panel in slide.panels:  # the map SVG: outlines and discs only
            assert "@" not in panel.svg and "<text" not in panel.svg
    con.close()


def test_map_discs_hide_small_counts(hdf, ref):
    slide = forum.map_slide(hdf, ref, forum.inputs.reference_date(hdf))
    actors = slide.table.set_index(slide.table.columns[0])
    # 40 structures, 29 experts, 14 initiatives = 83, shown to the public rounded to 5: 85.
    assert actors.loc["Total", "Acteurs"] == "85"
    svg = slide.panels[0].svg
    # Every commune with 1 to 4 actors is a hollow ring of one size, whatever its count.
    rings = re.findall(r'<circle [^>]*fill="none"[^>]*>', svg)
    assert rings and len({re.search(r'r="([\d.]+)"', r).group(1) for r in rings}) == 1


def _page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "forum.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def _html(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("role", ["public", "comite", "coordination", "admin"])
def test_page_is_public_whatever_the_role(role, tmp_path, monkeypatch, reference_path):
    from observatoire import users

    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("claire", "coordination", "bon-mot-de-passe")
    at = _page(espace="demo-hauts-de-france", intervalle="20")
    at.session_state["role"] = role
    at.run()
    assert not at.exception and not at.error
    body = _html(at)
    assert "Le réseau en chiffres" in body and "Diapositive 1 sur 7" in body
    assert not EMAIL.search(body)
    assert not at.sidebar.selectbox and not at.sidebar.text_input  # no sidebar, no menu


def test_bad_url_parameters_give_french_notices_and_defaults(reference_path):
    at = _page(espace="n'existe-pas", intervalle="10000").run()
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "Espace de travail « nexiste-pas » inconnu" in notices
    assert (
        "Intervalle « 10000 » invalide : il faut un nombre entier de 5 à 300\u00a0s ; "
        "valeur par défaut utilisée (20\u00a0s)." in notices
    )
    assert at.query_params["intervalle"] == "20"


def test_arrow_buttons_move_between_slides(reference_path):
    at = _page(espace="demo-hauts-de-france", intervalle="300").run()
    at.button(key="forum_next").click().run()
    assert "Où agit le réseau" in _html(at)
    at.button(key="forum_previous").click().run()
    at.button(key="forum_previous").click().run()
    assert "Merci !" in _html(at)  # wraps around to the closing slide


def test_projected_deck_has_no_zero_and_explains_masks_where_they_are(ref):
    """Occitanie: no "0 structures" beside 24 people; "< 5" and rounding explained."""
    con = open_demo("demo-occitanie")
    try:
        deck = {s.key: s for s in forum.slides(con, ref, "Occitanie", True)}
    finally:
        con.close()
    trainings = deck["formations"]
    labels = {f.label: f.value for f in trainings.figures}
    # 24 people, 2 volunteers, 22 employees: rounded to 25, "< 5" and 20 (25 − 20 = 5, not 2).
    assert labels[LABEL["training_participants"]] == "25"
    # 0 in this workspace: not projected
    assert LABEL["training_structures"] not in labels
    assert labels[LABEL["training_participants_volunteers"]] == "<\u00a05"
    assert labels[LABEL["training_participants_employees"]] == "20"
    assert "arrondis à 5 près" in trainings.footnote and "« <\u00a05 »" in trainings.footnote
    assert all(f.style != "zero" for s in deck.values() for f in s.figures)
    # The network slide shows no mask, so it explains none; its figures are rounded, as said.
    assert deck["reseau"].footnote == "Nombres arrondis à 5 près."


def test_every_theme_masked_gives_one_sentence_not_a_column_of_masks(ref):
    """Occitanie has 8 experiments, each theme fewer than 5: no table of "< 5"."""
    con = open_demo("demo-occitanie")
    try:
        slide = forum.presentable(forum.experiments_slide(con, forum.span(con)[0], "x"))
    finally:
        con.close()
    assert slide.table is None
    assert slide.lines == (
        "Chaque thème compte moins de 5 expérimentations : le détail n'est pas affiché.",
    )


def test_a_slide_with_nothing_to_show_is_skipped():
    """Only zeros and masks, no table, no map: the slide leaves the deck."""
    empty = forum.Slide(
        "formations",
        "t",
        "s",
        (forum.Figure("0", "a", "zero"), forum.Figure("<\u00a05", "b", "suppressed")),
    )
    assert forum.presentable(empty) is None
    kept = forum.Slide("formations", "t", "s", (forum.Figure("10", "a", "value"),))
    assert forum.presentable(kept).figures == kept.figures
    assert forum.presentable(kept).footnote == "Nombres arrondis à 5 près."


def test_closing_slide_has_no_internal_wording(ref):
    """The thanks slide names the sources plainly: no edition notes in brackets."""
    slide = forum.closing_slide(ref, "Réseau", False, __import__("datetime").date(2025, 1, 1))
    text = " ".join(slide.lines)
    for word in ("millésime", "non confirmé", "COG", "(("):
        assert word not in text
    assert "découpage communal de 2025" in text
    assert "Les nombres sont arrondis à 5 près et ceux de 1 à 4 sont masqués" in text


def test_reach_slide_uses_the_map_reach_layers(hdf):
    from observatoire.coverage import inputs
    from observatoire.coverage.layers import reach_layers
    from observatoire.privacy import suppress_kpis

    end = inputs.reference_date(hdf)
    layers = reach_layers(hdf, inputs.last_12_months(end), 15, "activite")
    c = layers.communes
    rural = int((c["rural"] & c["reached"]).sum())
    # The HdF trainings and actions reach rural communes (the KPI of held actions said 0).
    assert rural >= 5
    slide = forum.reach_slide(hdf, end)
    shown = {f.label: f.value for f in slide.figures}
    label = forum_texts.REACH_FIGURES["rural_communes"]
    # The public sees the count rounded as every public count is (the privacy helpers).
    expected = suppress_kpis({"rural": rural}, parts={})["rural"].label
    assert shown[label] == expected
    assert abs(int(expected.replace("\u202f", "")) - rural) < 5
    assert "0" not in shown.values()
    for line in slide.lines:
        assert "Aucun" in line or "masqué" in line


def test_tour_slide_tells_the_propulseur_in_public_figures(ref):
    con = open_demo("demo-occitanie")
    try:
        period, label = forum.span(con)
        slide = forum.presentable(forum.tour_slide(con, ref, period, label))
    finally:
        con.close()
    shown = {f.label: f.value for f in slide.figures}
    # 40 towns, one week each (7 days x 40 = 280); 67,342 visitors in 2016-2018 shown as 67,340.
    assert shown == {
        LABEL["tour_stops"]: "40",
        forum_texts.TOUR_TOWNS: "40",
        LABEL["tour_days"]: "280",
        LABEL["tour_visitors"]: "67\u202f340",
    }
    assert slide.subtitle == "Le Propulseur · de 2016 à 2018"
    svg = slide.panels[0].svg
    assert svg.count("<circle") == 40 and "<text" not in svg


def test_resources_and_network_slides_say_hidden_figures_in_words(ref):
    con = open_demo("demo-occitanie")
    try:
        period, label = forum.span(con)
        resources = forum.presentable(forum.resources_slide(con, period, label))
        network = forum.presentable(forum.meetings_slide(con, period, label))
    finally:
        con.close()
    shown = {f.label: f.value for f in resources.figures}
    # 134 portraits ("more than 130") rounded to 135; 6 radio programmes to 5.
    assert shown[LABEL["resources_portraits"]] == "135"
    assert shown["Émissions de radio"] == "5"
    # 3 catalogues: no "< 5" card, a plain sentence.
    assert LABEL["resources_catalogues"] not in shown
    assert resources.lines == (
        "Catalogues : moins de 5, chiffre masqué pour protéger les petits effectifs.",
    )
    # 6 working groups -> 5, 82 members ("more than 80") -> 80 or 85; six sectors named.
    values = {f.label: f.value for f in network.figures}
    assert values[LABEL["groups_total"]] == "5"
    assert int(values[LABEL["group_members"]]) >= 80
    assert network.lines[0] == (
        "Partenaires visés hors CSTI : entreprises, lecture publique, loisirs périscolaires, "
        "médias, tiers-lieux, tourisme."
    )
    # The 2 steering meetings are hidden: said, not shown as "< 5".
    assert all(f.style == "value" for f in network.figures)


def test_network_slide_hdf_meetings(hdf):
    period, label = forum.span(hdf)
    slide = forum.presentable(forum.meetings_slide(hdf, period, label))
    shown = {f.label: f.value for f in slide.figures}
    # 29 expert meetings + 3 framing meetings = 32 -> 30; 28 structures -> 30; 14 initiatives
    # -> 15; 29 experts as listed (the document announces 28) -> 30.
    assert shown[LABEL["meetings_total"]] == "30"
    assert shown[LABEL["meetings_structures"]] == "30"
    assert shown[LABEL["initiatives_total"]] == "15"
    assert shown[LABEL["experts_total"]] == "30"
