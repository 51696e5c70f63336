"""Fixtures of the directory tests: the demo workspaces (read-only) and a hand-made workspace."""

from __future__ import annotations

import pytest

from observatoire.paths import data_dir

# Hand-made actors: one named like a spreadsheet formula, placed by INSEE code so that each sits
# on its commune's reference point (Toulouse 31555, Montpellier 34172).
HAND_CSV = (
    "identifiant;nom;type_structure;cercle;categorie;code_insee;email;telephone;site_web\n"
    'H1;"=HYPERLINK(""http://exemple.invalid"",""clic"")";Association de CSTI;1;CSTI;31555;'
    "contact@exemple.fr;05 61 00 00 00;https://exemple.fr\n"
    "H2;Musée de la main;Musée;2;culture;34172;musee@exemple.fr;;\n"
    "H3;@Atelier des curieux;Tiers-lieu;3;+tiers;31555;;;\n"
)


@pytest.fixture(scope="session")
def demo_paths(reference_path):
    """The two demo workspaces (built once if missing)."""
    paths = {}
    for name in ("occitanie", "hauts-de-france"):
        path = data_dir() / f"demo-{name}.duckdb"
        if not path.exists():
            from observatoire.demo.build import build_demo

            build_demo(name, reference=reference_path)
        paths[name] = path
    return paths


@pytest.fixture(scope="session")
def occitanie(demo_paths):
    """A read-only connection to the Occitanie demo, reference attached."""
    from observatoire.workspace import connect

    con = connect(demo_paths["occitanie"], read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="session")
def hauts_de_france(demo_paths):
    """A read-only connection to the Hauts-de-France demo, reference attached."""
    from observatoire.workspace import connect

    con = connect(demo_paths["hauts-de-france"], read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="session")
def hand_path(tmp_path_factory, reference_path):
    """A workspace holding only the three hand-made actors, imported like a user's CSV."""
    from observatoire.importing import run_import

    folder = tmp_path_factory.mktemp("main")
    csv = folder / "acteurs.csv"
    csv.write_text(HAND_CSV, encoding="utf-8")
    path = folder / "essai-main.duckdb"
    report = run_import(csv, path, kind="acteurs", reference=reference_path)
    assert report.tables["acteurs"]["inserted"] == 3, report
    return path


@pytest.fixture(scope="session")
def hand(hand_path):
    """A read-only connection to the hand-made workspace."""
    from observatoire.workspace import connect

    con = connect(hand_path, read_only=True)
    yield con
    con.close()
