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


def test_carte_runs_and_shows_occitanie(reference_path):
    at = run()
    assert not at.exception
    assert not at.error
    table = at.table[0].value
    assert len(table) == 13
    assert "Haute-Garonne" in table.index
    summary = " ".join(texts(at.markdown))
    assert "4\u202f446 communes dont 4\u202f052 rurales" in summary
    assert at.query_params["region"] == "76"


def test_carte_hauts_de_france_share_of_rural(reference_path):
    at = run(region="32", indicateur="rural")
    assert not at.exception
    table = at.table[0].value
    assert len(table) == 5
    assert "Part des communes rurales" in table.columns
    assert "3\u202f782 communes dont 3\u202f141 rurales" in " ".join(texts(at.markdown))


def test_unknown_region_gives_french_notice_and_falls_back(reference_path):
    at = run(region="99")
    assert not at.exception
    assert any("Région « 99 » inconnue" in w and "Occitanie" in w for w in texts(at.warning))
    assert len(at.table[0].value) == 13
    assert at.query_params["region"] == "76"


def test_unknown_indicator_gives_french_notice(reference_path):
    at = run(indicateur="<script>")
    assert not at.exception
    notices = texts(at.warning)
    assert any("Indicateur « script » inconnu" in w for w in notices), notices
    assert at.query_params["indicateur"] == "population"


def test_choosing_an_indicator_goes_to_the_url(reference_path):
    at = run()
    at.selectbox(key="url_indicateur").select("qpv").run()
    assert not at.exception
    assert at.query_params["indicateur"] == "qpv"
    assert "Nombre de QPV" in at.table[0].value.columns


def test_sources_and_editions_are_listed(reference_path):
    at = run()
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
