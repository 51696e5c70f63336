"""URLs a visitor may type: absurd periods, a commune alone, old and unknown paths (French)."""

from __future__ import annotations

import aio
import pytest
from streamlit.testing.v1 import AppTest

from observatoire.paths import ROOT
from observatoire.ui.legacy_paths import LegacyPaths

TIMEOUT = 90
HDF, OCC = "demo-hauts-de-france", "demo-occitanie"


@pytest.fixture(scope="module")
def demos(reference_path):
    """Both demo workspaces exist in data/ (built once if missing)."""
    from observatoire.demo.build import build_demo
    from observatoire.paths import data_dir

    for name in (HDF, OCC):
        if not (data_dir() / f"{name}.duckdb").exists():
            build_demo(name.removeprefix("demo-"), reference=reference_path)


def run(page: str, **params) -> AppTest:
    """Run a page once with URL parameters."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def notices(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


@pytest.mark.parametrize(
    ("page", "raw"),
    [
        ("formations", "0001"),
        ("formations", "0999-05"),
        ("accueil", "1899"),
        ("revue_mensuelle", "0999-05"),
    ],
)
def test_a_period_before_1900_gives_a_french_warning_and_the_default(demos, page, raw):
    at = run(page, espace=HDF, periode=raw)
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert f"Période « {raw} » hors des années possibles (1900 à 2100) : affichage de" in (
        notices(at)
    )
    assert at.query_params["periode"][:2] in ("20", "19")


def test_a_commune_alone_opens_its_department(demos):
    at = run("carte", espace=OCC, commune="31555")
    assert not at.exception and not at.error and not at.warning
    assert at.query_params["departement"] == "31"
    assert at.query_params["commune"] == "31555"
    assert any("Toulouse" in m.value and "31555" in m.value for m in at.markdown)
    assert at.selectbox(key="url_departement").value == "31"


def test_a_commune_outside_the_territory_says_so(demos):
    at = run("carte", espace=HDF, commune="31555")
    assert not at.exception and not at.error
    assert (
        "Commune « 31555 » hors du territoire de l'espace : affichage de tout le territoire."
        in notices(at)
    )
    assert "commune" not in at.query_params and "departement" not in at.query_params
    assert len(at.table[0].value) == 5  # the five departments of Hauts-de-France


def test_departments_have_one_label_on_every_page(demos):
    carte = run("carte", espace=HDF, departement="80")
    formations = run("formations", espace=HDF, periode="2023", departement="80")
    for at in (carte, formations):
        box = at.selectbox(key="url_departement")
        assert box.value == "80"
        assert "Somme (80)" in box.options


def test_acteurs_radius_has_the_map_bounds(demos):
    at = run("acteurs", espace=OCC, pres_de="Figeac", rayon="150")
    assert not at.exception and not at.error
    assert "Rayon « 150 » invalide : il faut un nombre de 1 à 100\u00a0km" in notices(at)


def test_unknown_page_says_so_with_the_menu(demos):
    def unknown() -> None:
        from observatoire.ui.frame import not_found

        not_found("nexiste_pas")

    at = AppTest.from_function(unknown, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Page introuvable"]
    assert notices(at) == (
        "La page « /nexiste\\_pas » n'existe pas dans l'Observatoire. Choisissez une page dans "
        "le menu ci-dessous ou dans la barre latérale."
    )
    # The menu, in the page and in the sidebar (plain links when AppTest runs one page alone).
    body = " ".join(m.value for m in at.main.markdown)
    assert "Carte des territoires" in body and "Vue d'ensemble" in body
    assert "Carte des territoires" in " ".join(m.value for m in at.sidebar.markdown)


def _asgi(path: str, query: bytes = b"") -> list[dict]:
    """What the middleware sends for one GET (the inner app answers 200 'app')."""
    sent: list[dict] = []

    async def inner(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"app"})

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []}
    aio.run(LegacyPaths(inner)(scope, receive, send))
    return sent


def test_legacy_page_path_redirects_to_the_page():
    start = _asgi("/pages/carte", b"espace=demo-occitanie")[0]
    assert start["status"] == 301
    assert (b"location", b"/carte?espace=demo-occitanie") in start["headers"]
    assert _asgi("/pages/carte.py")[0]["status"] == 301
    assert _asgi("/carte")[0]["status"] == 200
    assert _asgi("/static/js/index.js")[0]["status"] == 200
