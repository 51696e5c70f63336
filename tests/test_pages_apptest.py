"""Pages run through Streamlit's AppTest: no exception, French notices, figures shown."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire.paths import ROOT, reference_db

CARTE = str(ROOT / "pages" / "carte.py")
TIMEOUT = 60  # the first run imports folium and pandas


def run(path: str = CARTE, **params) -> AppTest:
    """Run a page once with the given URL parameters."""
    at = AppTest.from_file(path, default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def texts(elements) -> list[str]:
    """The text values of a list of elements."""
    return [e.value for e in elements]


HDF, OCC = "demo-hauts-de-france", "demo-occitanie"
NBSP, THIN = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def demos(reference_path):
    """Both demo workspaces exist in data/ (built once if missing)."""
    from observatoire.demo.build import build_demo
    from observatoire.paths import data_dir

    for name in (HDF, OCC):
        if not (data_dir() / f"{name}.duckdb").exists():
            build_demo(name.removeprefix("demo-"), reference=reference_path)


def model_of(name: str, radius: float = 15.0, basis: str | None = None, period=None):
    """The logic layer's coverage model of a demo workspace (what the page must show)."""
    from observatoire.coverage import DEFAULT_BASIS
    from observatoire.maps.figures import load_model
    from observatoire.paths import data_dir
    from observatoire.workspace import connect

    con = connect(data_dir() / f"{name}.duckdb", read_only=True)
    try:
        return load_model(con, radius, basis=basis or DEFAULT_BASIS, period=period)
    finally:
        con.close()


def test_carte_shows_the_workspace_departments(demos):
    from observatoire import formats
    from observatoire.maps.figures import INDICATORS, department_table

    at = run(espace=HDF)
    assert not at.exception
    assert not at.error
    table = at.table[0].value
    expected = department_table(model_of(HDF)).set_index("code")
    assert list(table["Code"]) == ["02", "59", "60", "62", "80"]
    assert "Pas-de-Calais" in table.index
    for name, row in table.iterrows():
        logic = expected.loc[row["Code"]]
        assert row["Population"] == formats.number(logic["population"]), name
        assert row["Acteurs"] == formats.number(logic["actors"]), name
        assert row["Population non couverte"] == formats.number(logic["uncovered_population"])
        assert row["Communes couvertes"] == formats.percent(logic["covered_share"], 1)
        per_10k = INDICATORS["acteurs"].format(logic["actors_per_10k"])
        assert row["Acteurs pour 10 000 habitants"] == per_10k
    assert table.loc["Pas-de-Calais", "Communes"] == "887"
    summary = " ".join(texts(at.markdown))
    assert f"3{THIN}782 communes" in summary  # COG 2025: communes of Hauts-de-France
    assert at.query_params["indicateur"] == "acteurs"
    assert at.query_params["rayon"] == "15"


def test_carte_period_and_basis_in_the_url(demos):
    from observatoire import formats
    from observatoire.maps.figures import INDICATORS, department_table
    from observatoire.periods import parse_period

    at = run(espace=OCC, base="presence", periode="2016..2017", indicateur="audience")
    assert not at.exception and not at.error
    assert at.query_params["base"] == "presence"
    assert at.query_params["periode"] == "2016-01-01..2017-12-31"
    period = parse_period("2016..2017")
    expected = department_table(model_of(OCC, basis="presence", period=period))
    expected = expected.set_index("code")
    table = at.table[0].value
    label = INDICATORS["audience"].label
    for _, row in table.iterrows():
        logic = expected.loc[row["Code"]]
        assert row["Population non couverte"] == formats.number(logic["uncovered_population"])
        assert row[label] == INDICATORS["audience"].format(logic["audience_per_1000"])
    # The Propulseur tour of 2016-2017 reached some communes: the period changes the figures.
    assert expected["audience_held"].sum() > 0
    assert any(period.label in c.value for c in at.caption)


def test_carte_occitanie_thirteen_departments(demos):
    at = run(espace=OCC, indicateur="couverture", rayon="10")
    assert not at.exception
    table = at.table[0].value
    assert len(table) == 13
    assert "Haute-Garonne" in table.index
    assert f"4{THIN}446 communes" in " ".join(texts(at.markdown))
    assert list(table.columns)[1] == "Part des communes couvertes"  # the map's indicator
    assert any("10" + NBSP + "km" in c.value for c in at.caption)


def test_department_view_and_commune_panel(demos):
    from observatoire import formats
    from observatoire.maps.figures import panel_rows
    from observatoire.ui.plain import md

    at = run(espace=HDF, departement="62", commune="62002")
    assert not at.exception and not at.error
    panel = at.table[0].value
    rows = dict(panel_rows(model_of(HDF), "62002", "admin"))
    assert dict(zip(panel.index, panel.iloc[:, 0], strict=True)) == {
        md(k): md(v) for k, v in rows.items()
    }
    assert rows["Distance à l'acteur le plus proche"] == "16,1" + NBSP + "km"  # as the CLI
    communes = at.dataframe[0].value
    assert len(communes) == 887
    assert communes.loc["Ablainzevelle", "Acteur le plus proche"] == "16,1" + NBSP + "km"
    assert communes.loc["Ablainzevelle", "Population"] == formats.number(208)
    assert at.button[0].label == "Revenir à tout le territoire"
    at.button[0].click().run()
    assert "departement" not in at.query_params
    assert "commune" not in at.query_params
    assert len(at.table[0].value) == 5


def test_unknown_department_falls_back_to_the_territory(demos):
    at = run(espace=HDF, departement="75")
    assert not at.exception
    assert any("Département « 75 » hors du territoire" in w for w in texts(at.warning))
    assert len(at.table[0].value) == 5
    assert "departement" not in at.query_params


@pytest.mark.parametrize(
    ("raw", "shown", "notice"),
    [
        ("abc", "15", "Rayon « abc » invalide : il faut un nombre de 1 à 100\u00a0km"),
        ("500", "15", "Rayon « 500 » invalide : il faut un nombre de 1 à 100\u00a0km"),
    ],
)
def test_bad_radius_gives_french_notice(demos, raw, shown, notice):
    at = run(espace=HDF, rayon=raw)
    assert not at.exception
    assert any(notice in w for w in texts(at.warning)), texts(at.warning)
    assert at.query_params["rayon"] == shown


def test_unknown_indicator_gives_french_notice(demos):
    at = run(espace=HDF, indicateur="<script>")
    assert not at.exception
    notices = texts(at.warning)
    assert any("Indicateur « script » inconnu" in w for w in notices), notices
    assert at.query_params["indicateur"] == "acteurs"


def test_public_sees_suppressed_counts(demos, monkeypatch):
    from observatoire.ui import roles

    monkeypatch.setattr(roles, "local_mode", lambda: False)
    at = run(espace=HDF, departement="62")
    assert not at.exception and not at.error
    communes = at.dataframe[0].value
    for column in ("Acteurs", "Actions (12 mois)"):
        shown = set(communes[column])
        assert shown <= {"0", "<" + NBSP + "5"} | {str(n) for n in range(5, 1000, 5)}, shown
    assert "<" + NBSP + "5" in set(communes["Acteurs"])
    assert any("arrondis au multiple de 5" in c.value for c in at.caption)


def test_sources_and_editions_are_listed(demos):
    at = run(espace=HDF)
    sources = at.table[1].value
    assert {"Millésime", "Producteur", "Licence"} <= set(sources.columns)
    assert any("COG 2025" in e for e in sources["Millésime"])


def test_missing_reference_says_how_to_build_it(monkeypatch, tmp_path):
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(tmp_path / "absent.duckdb"))
    at = run()
    assert not at.exception
    errors = " ".join(texts(at.error))
    assert "make databases" in errors and "observatoire reference build" in errors
    assert not at.table


@pytest.fixture
def demo_workspace(workspace_path, monkeypatch):
    """A data folder holding one demo workspace named in its workspace_info."""
    import duckdb

    con = duckdb.connect(str(workspace_path))
    con.execute("INSERT INTO workspace_info VALUES ('name', 'Réseau test'), ('demo', 'true')")
    con.close()
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_db()))
    monkeypatch.setenv("OBSERVATOIRE_DATA", str(workspace_path.parent))
    return workspace_path


def test_workspace_picker_shows_name_and_demo_mark(demo_workspace):
    at = run()
    assert not at.exception
    picker = at.sidebar.selectbox(key="url_espace")
    assert picker.value == "essai"
    assert picker.format_func("essai") == "Réseau test (démonstration)"
    assert at.query_params["espace"] == "essai"


def test_unknown_workspace_falls_back(demo_workspace):
    at = run(espace="inconnu")
    assert not at.exception
    assert any("Espace de travail « inconnu » inconnu" in w for w in texts(at.sidebar.warning))
    assert at.sidebar.selectbox(key="url_espace").value == "essai"


def test_role_not_admitted_is_refused_in_french(reference_path, monkeypatch):
    from dataclasses import replace

    from observatoire.ui import registry, roles

    monkeypatch.setattr(roles, "local_mode", lambda: False)
    monkeypatch.setitem(
        registry.BY_STEM, "carte", replace(registry.BY_STEM["carte"], roles=("admin",))
    )
    at = run()
    assert not at.exception
    assert any("réservée aux rôles : administration" in e for e in texts(at.error))
    assert not at.table


def _page_with_a_database_failure():
    """A page body that fails the way a locked or corrupt workspace would."""
    import duckdb

    from observatoire.ui.errors import guard

    with guard():
        raise duckdb.IOException("Could not set lock on file")


def test_guard_turns_failures_into_french_panels():
    at = AppTest.from_function(_page_with_a_database_failure, default_timeout=TIMEOUT).run()
    assert not at.exception
    (panel,) = texts(at.error)
    assert "Impossible d'afficher cette page." in panel
    assert "n'a pas pu être lue" in panel
    assert "Traceback" not in panel


def test_carte_without_workspace_says_so(reference_path, monkeypatch, tmp_path):
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_path))
    monkeypatch.setenv("OBSERVATOIRE_DATA", str(tmp_path))
    at = run()
    assert not at.exception and not at.error
    assert any("Aucun espace de travail" in i for i in texts(at.info))


def test_carte_of_an_empty_workspace_says_so(demo_workspace):
    at = run()
    assert not at.exception and not at.error
    assert any("aucune commune" in i for i in texts(at.info))
