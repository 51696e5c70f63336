"""Activity pages through AppTest on the demo workspaces: figures shown equal the catalogue's."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire.kpis import compute_kpis, kpi_value
from observatoire.paths import ROOT, data_dir

TIMEOUT = 60
HDF, OCC = "demo-hauts-de-france", "demo-occitanie"


def _demo(name: str, reference_path):
    """A demo workspace in data/, built once if missing."""
    path = data_dir() / f"demo-{name}.duckdb"
    if not path.exists():
        from observatoire.demo.build import build_demo

        build_demo(name, reference=reference_path)
    return path


@pytest.fixture(scope="module", autouse=True)
def _demos(reference_path):
    """Both demo workspaces exist in data/."""
    _demo("hauts-de-france", reference_path)
    _demo("occitanie", reference_path)


@pytest.fixture(scope="module")
def hdf(_demos, reference_path):
    """The pages' own cached connection to the Hauts-de-France demo (one DuckDB instance)."""
    from observatoire.ui import connections

    return connections.workspace(data_dir() / f"{HDF}.duckdb")


def run(stem: str, **params) -> AppTest:
    """Run one page once with the given URL parameters."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    """Shown KPI cards, label -> value."""
    return {m.label: m.value for m in at.metric}


def shown_equal_catalogue(at: AppTest, con, period: str, ids: list[str]) -> dict[str, str]:
    """Assert every card of ``ids`` shows the catalogue's value; return the cards."""
    from observatoire.kpis import BY_ID

    values = compute_kpis(con, period, None, only=ids)
    cards = metrics(at)
    for kpi_id in ids:
        assert cards[BY_ID[kpi_id].label] == kpi_value(kpi_id, values[kpi_id]), kpi_id
    return cards


def test_formations_hdf_2023_seed_figures(hdf):
    at = run("formations", espace=HDF, periode="2023")
    assert not at.exception and not at.error
    ids = [
        "training_sessions",
        "training_days",
        "training_attendances",
        "training_participants",
        "training_participants_women",
        "training_participants_men",
        "training_structures",
    ]
    shown_equal_catalogue(at, hdf, "2023", ids)
    seed = dict(zip(ids, [6, 9, 85, 49, 32, 17, 36], strict=True))
    assert compute_kpis(hdf, "2023", only=ids) == seed
    sessions = at.dataframe[0].value
    assert len(sessions) == 6
    assert sessions["Participations"].sum() == 85
    tables = [d.value for d in at.dataframe[1:]]
    gender = next(t for t in tables if "Genre" in t.columns).set_index("Genre")["Personnes"]
    assert gender.to_dict() == {"Femmes": 32, "Hommes": 17}
    structures = next(t for t in tables if "Structure" in t.columns)
    assert len(structures) == 36 and structures["Personnes"].sum() == 49


@pytest.mark.parametrize("espace", [HDF, OCC])
def test_formations_runs_on_both_demos(espace):
    at = run("formations", espace=espace)
    assert not at.exception and not at.error
    assert at.query_params["periode"].isdigit()


def test_malformed_period_gives_french_warning(hdf):
    at = run("formations", espace=HDF, periode="2023-13")
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("Période « 2023-13 » illisible" in w for w in notices), notices
    assert at.query_params["periode"] == "2024"


@pytest.mark.parametrize("espace", [HDF, OCC])
@pytest.mark.parametrize("stem", ["actions", "experimentations"])
def test_pages_run_on_both_demos_and_show_catalogue_values(stem, espace):
    from observatoire.ui import connections

    at = run(stem, espace=espace)
    assert not at.exception and not at.error
    con = connections.workspace(data_dir() / f"{espace}.duckdb")
    ids = {
        "actions": ["actions_total", "actions_audience"],
        "experimentations": [
            "experiments_total",
            "experiments_active",
            "experiments_completed",
            "experiments_planned",
        ],
    }[stem]
    shown_equal_catalogue(at, con, at.query_params["periode"], ids)
    assert at.dataframe  # every chart has its data table


def test_experimentations_hdf_2024(hdf):
    at = run("experimentations", espace=HDF, periode="2024")
    assert not at.exception
    cards = shown_equal_catalogue(at, hdf, "2024", ["experiments_total", "experiments_planned"])
    # Seed: "24 expérimentations dont certaines en cours de précision": 20 started, 4 planned.
    assert cards["Expérimentations lancées"] == "20"
    assert cards["Expérimentations prévues"] == "4"
    by_theme = next(d.value for d in at.dataframe if "Thème" in d.value.columns)
    assert by_theme["Expérimentations"].sum() == 20


def test_actions_occitanie_2018_by_month_adds_up():
    from observatoire.ui import connections

    at = run("actions", espace=OCC, periode="2018")
    assert not at.exception
    con = connections.workspace(data_dir() / f"{OCC}.duckdb")
    values = compute_kpis(con, "2018", only=["actions_total", "actions_audience"])
    months = at.dataframe[0].value
    assert len(months) == 12
    # 352 dated in 2018, and the draw that fell on 1 January 2019 is kept on 31 December 2018
    assert months["Actions"].sum() == values["actions_total"] == 353
    assert months["Public touché"].sum() == values["actions_audience"]


@pytest.mark.parametrize("stem", ["actions", "experimentations"])
def test_month_period_and_bad_period(stem):
    at = run(stem, espace=HDF, periode="2023-11")
    assert not at.exception and at.query_params["periode"] == "2023-11"
    at = run(stem, espace=HDF, periode="novembre")
    assert not at.exception
    assert any("Période « novembre » illisible" in w.value for w in at.warning)


@pytest.mark.parametrize("espace", [HDF, OCC])
def test_accueil_shows_catalogue_headlines_and_changes(espace):
    from observatoire.activities.overview import HEADLINES
    from observatoire.ui import connections

    at = run("accueil", espace=espace)
    assert not at.exception and not at.error
    con = connections.workspace(data_dir() / f"{espace}.duckdb")
    period = at.query_params["periode"]
    shown_equal_catalogue(at, con, period, HEADLINES)
    changes = at.dataframe[0].value
    assert list(changes.columns) == ["Indicateur", "Période", "Précédente", "Évolution"]
    assert len(at.dataframe[1].value) == 12  # the trends' table, one row per month


def test_accueil_month_of_hdf():
    at = run("accueil", espace=HDF, periode="2023-11")
    assert not at.exception
    assert metrics(at)["Sessions de formation"] == "2"
    assert "octobre 2023" in " ".join(s.value for s in at.subheader)


def test_breakdown_counts_missing_as_not_given():
    import pandas as pd

    from observatoire.activities.common import breakdown

    table = breakdown(pd.Series(["F", None, "H", "F", ""]), {"F": "Femmes", "H": "Hommes"})
    assert table.to_dict("records") == [
        {"label": "Femmes", "count": 2},
        {"label": "Non renseigné", "count": 2},
        {"label": "Hommes", "count": 1},
    ]


def test_changes_are_signed_in_french():
    from observatoire.activities.overview import changes

    table = changes({"actions_total": 1200}, {"actions_total": 1500}, ["actions_total"])
    assert table.iloc[0].to_dict() == {
        "label": "Actions",
        "current": "1\u202f200",
        "previous": "1\u202f500",
        "change": "\u2212300",
    }


def test_programme_filter_is_kept_and_unknown_falls_back(hdf):
    at = run("formations", espace=HDF, periode="2023", programme="SPTT")
    assert not at.exception and at.query_params["programme"] == "SPTT"
    assert metrics(at)["Sessions de formation"] == "6"
    at = run("formations", espace=HDF, periode="2023", programme="Inconnu")
    assert any("Programme « Inconnu » inconnu" in w.value for w in at.warning)
    assert "programme" not in at.query_params


def test_formations_somme_2023(hdf):
    at = run("formations", espace=HDF, periode="2023", departement="80")
    assert not at.exception and not at.error and not at.warning
    # Amiens (Somme) hosted three of the six 2023 trainings: FI1 (2 days), EP1 and the
    # evaluation day (1 day each).
    cards = metrics(at)
    assert cards[_label("training_sessions")] == "3"
    assert cards[_label("training_days")] == kpi_value("training_days", 4.0)
    assert len(at.dataframe[0].value) == 3
    values = compute_kpis(hdf, "2023", department="80", only=["training_participants"])
    shown = cards[_label("training_participants")]
    assert shown == kpi_value("training_participants", values["training_participants"])
    assert at.query_params["departement"] == "80"


def test_unknown_department_gives_a_french_notice_and_every_department(hdf):
    at = run("formations", espace=HDF, periode="2023", departement="99")
    assert not at.exception
    assert any("Département « 99 » hors du territoire" in w.value for w in at.warning)
    assert metrics(at)[_label("training_sessions")] == "6"
    assert "departement" not in at.query_params


def test_accueil_opens_on_the_latest_month_with_activity(hdf):
    at = run("accueil", espace=HDF)
    assert not at.exception and not at.error
    # The last SPTT record is the July 2024 professionals' day; nothing is dated later.
    assert at.query_params["periode"] == "2024-07"


def _label(kpi_id: str) -> str:
    """The French label a KPI card shows."""
    from observatoire.kpis import BY_ID

    return BY_ID[kpi_id].label


def test_formations_over_the_review_range_count_people_once(hdf):
    # The SPTT mid-term review covers January 2023 to July 2024.
    at = run("formations", espace=HDF, periode="2023-01..2024-07")
    assert not at.exception and not at.warning
    cards = shown_equal_catalogue(at, hdf, "2023-01..2024-07", ["training_participants"])
    y2023, y2024 = (compute_kpis(hdf, y, only=["training_participants"]) for y in ("2023", "2024"))
    shown = int(cards["Participant·e·s aux formations"])
    assert shown < y2023["training_participants"] + y2024["training_participants"]
    assert any("de janvier 2023 à juillet 2024" in c.value for c in at.caption)
    assert at.query_params["periode"] == "2023-01-01..2024-07-31"


def test_shortcut_programme_to_date_is_kept_in_the_url(hdf):
    at = run("actions", espace=HDF, periode="programme-a-ce-jour")
    assert not at.exception and not at.warning
    assert at.query_params["periode"] == "programme-a-ce-jour"
    caption = " ".join(c.value for c in at.caption)
    assert "Programme à ce jour (du 23/03/2023 au " in caption  # the first SPTT training


def test_default_period_is_stated_and_formations_open_on_a_year_with_trainings():
    at = run("formations", espace=OCC)
    assert not at.exception
    assert at.query_params["periode"] == "2017"  # the September 2017 debate training
    assert any("2017 (période par défaut" in c.value for c in at.caption)
    assert metrics(at)["Sessions de formation"] != "0"


def test_accueil_compares_with_the_same_month_a_year_before():
    at = run("accueil", espace=HDF, periode="2024-02", comparaison="annee-precedente")
    assert not at.exception and not at.warning
    assert any("février 2023" in s.value for s in at.subheader)
    at = run("accueil", espace=HDF, periode="2024-02", comparaison="hier")
    assert any("Comparaison « hier » inconnue" in w.value for w in at.warning)
    assert any("janvier 2024" in s.value for s in at.subheader)


def test_activity_cards_show_the_change_against_the_comparison_period():
    # SPTT actions: 4 in 2023 (two workshops, two interventions), 2 in 2024 (two interviews).
    at = run("actions", espace=HDF, periode="2024", comparaison="annee-precedente")
    assert not at.exception and not at.warning
    card = next(m for m in at.metric if m.label == "Actions")
    assert (card.value, card.delta) == ("2", "\u22122")
    at = run("formations", espace=HDF, periode="2024-05..2024-07")  # the period before: Feb–Apr
    webinars = next(m for m in at.metric if m.label == "Webinaires")
    assert (webinars.value, webinars.delta) == ("3", "+3")
