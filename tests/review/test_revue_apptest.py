"""The revue_mensuelle page through AppTest on a copy of the Hauts-de-France demo, per role."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire import formats, users
from observatoire.activities.common import default_month
from observatoire.kpis import BY_ID, by_department, compute_kpis, kpi_value
from observatoire.paths import ROOT
from observatoire.periods import parse_period
from observatoire.review import monthly, notes, snapshots
from observatoire.texts import review as texts
from observatoire.workspace import connect
from tests.apptest import open_page

PAGE = str(ROOT / "pages" / "revue_mensuelle.py")
TIMEOUT = 90
HDF = "demo-hauts-de-france"


@pytest.fixture
def site(hdf_copy, tmp_path, monkeypatch, reference_path):
    """The demo copy as the only workspace, and two accounts: committee and coordination."""
    monkeypatch.setenv("OBSERVATOIRE_DATA", str(hdf_copy.parent))
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_path))
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("camille", "comite", "mot-de-passe-comite")
    users.add("claire", "coordination", "mot-de-passe-coordination")
    return hdf_copy


def open_as(login: str | None, password: str = "", **params) -> AppTest:
    """Run the page with URL parameters, signed in as ``login`` (None = signed out)."""
    return open_page(PAGE, {"espace": HDF, **params}, login, password, TIMEOUT)


def read(path, fn, *args, **kwargs):
    con = connect(path, read_only=True)
    try:
        return fn(con, *args, **kwargs)
    finally:
        con.close()


def shown_cards(at: AppTest) -> dict[str, tuple[str, str]]:
    """label -> (value, delta) of every card."""
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def frames(at: AppTest) -> str:
    """Every dataframe shown, as text."""
    return " ".join(df.value.to_string() for df in at.dataframe)


def test_committee_sees_the_catalogue_values_and_cannot_write(site):
    at = open_as("camille", "mot-de-passe-comite", periode="2023-11")
    assert not at.error and not at.warning
    review = read(site, monthly.review, monthly.Period.month(2023, 11))
    ids = [c.kpi_id for c in review.cards]
    now = read(site, compute_kpis, "2023-11", only=ids)
    before = read(site, compute_kpis, "2023-10", only=ids)
    cards = shown_cards(at)
    for kpi_id in ids:
        change = now[kpi_id] - before[kpi_id]
        expected = (
            kpi_value(kpi_id, now[kpi_id]),
            formats.signed(change, monthly.decimals(change)),
        )
        assert cards[BY_ID[kpi_id].label] == expected, kpi_id
    # November: 2 trainings (EP2 in Arras, EV in Amiens) against 1 in October (FI3).
    assert cards["Sessions de formation"] == ("2", "+1")
    shown = frames(at)
    for session in ("SPTT-2023-EP2", "SPTT-2023-EV", "SPTT-2023-FI3"):
        assert session in shown
    assert "Arras" in shown and "Amiens" in shown
    captions = " ".join(c.value for c in at.caption)
    assert "Objectif du mois : 2 · réalisé : 2 (0)" in captions
    assert texts.NOTE_READ_ONLY in captions and texts.FREEZE_READ_ONLY in captions
    assert not at.text_area and not [b for b in at.button if b.label == texts.FREEZE]


def test_filters_apply_to_the_cards(site):
    at = open_as("camille", "mot-de-passe-comite", periode="2023-11", departement="80")
    assert not at.error
    now = read(site, compute_kpis, "2023-11", only=["training_sessions"], department="80")
    assert now == {"training_sessions": 1}  # EV in Amiens
    assert shown_cards(at)["Sessions de formation"] == ("1", "+1")
    assert at.query_params["departement"] == "80" and at.query_params["periode"] == "2023-11"


def test_bad_month_gives_a_french_notice_and_the_default(site):
    at = open_as("camille", "mot-de-passe-comite", periode="2023-13")
    default = read(site, default_month)
    notices = " ".join(w.value for w in at.warning)
    assert "Période « 2023-13 » illisible" in notices and default.label in notices
    assert at.text_input(key="url_periode").value == default.key
    assert at.query_params["periode"] == default.key


def test_public_is_refused(site):
    at = open_as(None, periode="2023-11")
    assert "réservée" in " ".join(e.value for e in at.error)
    assert not at.metric


def test_coordination_writes_the_note_and_freezes_the_month(site):
    at = open_as("claire", "mot-de-passe-coordination", periode="2023-11")
    assert not at.error
    at.text_area[0].input("Deux formations en novembre.")
    at = at.button(key="review_note_save").click().run()
    assert not at.exception and not at.error
    note = read(site, notes.read, "2023-11")
    assert note.text == "Deux formations en novembre." and note.author == "claire"
    assert at.text_area[0].value == "Deux formations en novembre."

    at = at.button(key="review_freeze").click().run()
    assert not at.exception and not at.error
    assert any(texts.FROZEN.split(":")[0] in s.value for s in at.success)
    snap = read(site, snapshots.read, "2023-11", None, None)
    assert snap.values["training_sessions"] == 2 and snap.frozen_by == "claire"
    assert "novembre 2023" in frames(at)  # the list of frozen months
    assert texts.NO_DIFFERENCE in " ".join(c.value for c in at.caption)


def test_what_changed_uses_only_figures_the_page_shows(site):
    import re

    at = open_as("camille", "mot-de-passe-comite", periode="2023-11")
    assert texts.SUMMARY in [s.value for s in at.subheader]
    paragraph = next(m.value for m in at.markdown if m.value.startswith("Par rapport à"))
    assert "sessions de formation (2, +1)" in paragraph
    shown = " ".join(
        [m.value for m in at.metric]
        + [m.proto.delta for m in at.metric]
        + [c.value for c in at.caption]
    )
    for number in re.findall(r"[+\u2212]?\d[\d\u202f]*(?:,\d+)?", paragraph):
        if number in ("2023",):  # the month named
            continue
        assert number in shown, number


def test_sptt_mid_term_range_shows_distinct_people_over_the_range(site):
    """The SPTT mid-term review, January 2023 to July 2024, against the 19 months before."""
    at = open_as("claire", "mot-de-passe-coordination", periode="2023-01..2024-07")
    assert not at.error and not at.warning
    period = parse_period("2023-01..2024-07")
    assert period.previous() == parse_period("2021-06..2022-12")
    review = read(site, monthly.review, period)
    ids = [c.kpi_id for c in review.cards]
    now = read(site, compute_kpis, period, only=ids)
    before = read(site, compute_kpis, period.previous(), only=ids)
    cards = shown_cards(at)
    for kpi_id in ids:
        change = now[kpi_id] - before[kpi_id]
        expected = (
            kpi_value(kpi_id, now[kpi_id]),
            formats.signed(change, monthly.decimals(change)),
        )
        assert cards[BY_ID[kpi_id].label] == expected, kpi_id
    # People are distinct over the whole range: fewer than the months' counts added up.
    months = [read(site, compute_kpis, m, only=["training_participants"]) for m in period.months()]
    added = sum(m["training_participants"] for m in months)
    assert 0 < now["training_participants"] < added
    captions = " ".join(c.value for c in at.caption)
    assert period.label in captions
    assert "Pas d'objectif fixé" in captions  # a range has no target
    paragraph = next(m.value for m in at.markdown if m.value.startswith("Par rapport à"))
    assert paragraph.startswith("Par rapport à la période de juin 2021 à décembre 2022, ")
    # Trends cover the 19 months; notes and freezing stay month-only, said in French.
    assert set(review.trends["month"]) == {m.key for m in period.months()}
    infos = " ".join(i.value for i in at.info)
    assert texts.MONTH_ONLY.format(period=period.label) in infos
    assert not at.text_area and not [b for b in at.button if b.label == texts.FREEZE]
    assert at.query_params["periode"] == "2023-01-01..2024-07-31"


def test_range_compared_with_the_year_before(site):
    at = open_as(
        "camille", "mot-de-passe-comite", periode="2023-01..2024-07", comparaison="annee-precedente"
    )
    assert not at.error and not at.warning
    ids = ["training_sessions", "training_participants", "actions_total"]
    now = read(site, compute_kpis, "2023-01..2024-07", only=ids)
    before = read(site, compute_kpis, "2022-01..2023-07", only=ids)
    cards = shown_cards(at)
    for kpi_id in ids:
        change = now[kpi_id] - before[kpi_id]
        assert cards[BY_ID[kpi_id].label][1] == formats.signed(change, monthly.decimals(change))
    captions = " ".join(c.value for c in at.caption)
    assert parse_period("2022-01..2023-07").label in captions
    # The per-department table follows the range: the shown one is the range's.
    expected = read(site, by_department, "2023-01..2024-07")
    shown = next(df.value for df in at.dataframe if "Département" in df.value.columns)
    assert list(shown["Code"]) == list(expected["department_code"].fillna(""))
    label = BY_ID["training_participants"].label
    assert list(shown[label]) == [formats.number(v) for v in expected["training_participants"]]
    assert expected["training_participants"].sum() > 0
