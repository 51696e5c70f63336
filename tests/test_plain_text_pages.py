"""Imported text is shown as text: Markdown and HTML payloads in every text field of a workspace.

The workspace is built by the real importer from a workbook whose every free-text cell carries
a payload; each page then runs through AppTest and everything Streamlit renders as Markdown
(texts, notices, titles, ``st.table`` cells, expander labels) must hold the payload escaped.
"""

from __future__ import annotations

import re

import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from observatoire.importing import run_import
from observatoire.paths import ROOT
from observatoire.ui.plain import md
from observatoire.workspace.info import update_info

LINK = "[Se reconnecter ici](https://evil.example/login)"
IMAGE = "![p](http://host/beacon.png)"
HTML = "<img src=x onerror=alert(1)>"
NAME = f"Réseau {IMAGE} {HTML}"
STEM = "hostile"
TIMEOUT = 90

# A link or image that Markdown would build, or a tag that HTML would: never unescaped.
BUILT = re.compile(r"(?<!\\)\]\((?:https?)|(?<!\\)!\[|(?<!\\)<(?:img|script|b)\b")


def text(label: str, n: int = 1) -> str:
    """A free-text cell: a readable label with the three payloads."""
    return f"{label} {n} {LINK} {IMAGE} {HTML}"


SHEETS = {
    "acteurs": [
        ["nom", "type_structure", "categorie", "adresse", "code_insee", "cercle", "programme"],
        *[
            [text("Musée", i), text("Type"), text("Catégorie"), text("Rue"), code, 1, LINK]
            for i, code in enumerate(("31555", "31555", "46102", "81004", "31069", "46042"))
        ],
    ],
    "personnes": [
        ["identifiant", "genre", "statut", "structure", "departement", "categorie"],
        *[[f"P{i}", "F", "bénévole", text("Structure"), "31", text("Cat")] for i in range(7)],
    ],
    "sessions": [
        [
            "identifiant",
            "type",
            "intitule",
            "theme",
            "date_debut",
            "code_insee",
            "animateur",
            "programme",
        ],
        [
            "S1",
            "formation",
            text("Intitulé"),
            text("Thème"),
            "15/03/2024",
            "31555",
            text("Anim"),
            LINK,
        ],
    ],
    "participations": [["session", "personne"], *[["S1", f"P{i}"] for i in range(7)]],
    "experimentations": [
        [
            "identifiant",
            "titre",
            "structure",
            "theme",
            "statut",
            "date_debut",
            "code_insee",
            "publics_cibles",
            "programme",
        ],
        [
            "E1",
            text("Titre"),
            text("Structure"),
            text("Thème"),
            "en cours",
            "01/02/2024",
            "31555",
            text("Publics"),
            LINK,
        ],
    ],
    "actions": [
        [
            "identifiant",
            "type",
            "titre",
            "date_debut",
            "code_insee",
            "structure",
            "participants",
            "publics",
            "programme",
        ],
        *[
            [
                f"A{i}",
                "atelier",
                text("Action", i),
                "20/04/2024",
                "31555",
                text("Structure"),
                30,
                text("Publics"),
                LINK,
            ]
            for i in range(6)
        ],
    ],
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, reference_path):
    """A workspace imported from a workbook full of payloads, named with a payload too."""
    folder = tmp_path_factory.mktemp("hostile")
    book = Workbook()
    book.remove(book.active)
    for sheet, rows in SHEETS.items():
        ws = book.create_sheet(sheet)
        for row in rows:
            ws.append(row)
    source = folder / "hostile.xlsx"
    book.save(source)
    target = folder / f"{STEM}.duckdb"
    report = run_import(source, target)
    assert not report.error and not report.rejects, report.rejects
    update_info(target, name=NAME)
    return folder, reference_path


def shown(at: AppTest) -> list[str]:
    """Everything Streamlit renders as Markdown on the page (sidebar included)."""
    out = []
    for kind in (
        "markdown",
        "caption",
        "title",
        "subheader",
        "header",
        "info",
        "warning",
        "error",
        "success",
    ):
        out += [e.value for e in at.get(kind)]
    out += [e.label for e in at.get("expander")]
    for table in at.table:
        frame = table.value
        out += [str(v) for v in frame.to_numpy().ravel()]
        out += [str(v) for v in frame.index] + [str(c) for c in frame.columns]
    return out


def open_page(page: str, site, monkeypatch, **params) -> AppTest:
    folder, reference = site
    monkeypatch.setenv("OBSERVATOIRE_DATA", str(folder))
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference))
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(folder / "absent-users.toml"))  # local mode
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=TIMEOUT)
    for name, value in {"espace": STEM, **params}.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


PAGES = {
    "accueil": {"programme": LINK},
    "formations": {"programme": LINK, "periode": "2024"},
    "experimentations": {"programme": LINK, "periode": "2024"},
    "actions": {"programme": LINK, "periode": "2024"},
    "revue_mensuelle": {"programme": LINK, "periode": "2024-04"},
    "carte": {"departement": "31", "commune": "31555"},
    "acteurs": {},
    "zones_blanches": {},
    "donnees": {},
}


@pytest.mark.parametrize("page", list(PAGES))
def test_no_link_image_or_tag_is_built_from_imported_text(hostile, monkeypatch, page):
    at = open_page(page, hostile, monkeypatch, **PAGES[page])
    built = [s for s in shown(at) if BUILT.search(s)]
    assert built == [], built


@pytest.mark.parametrize("page", ["accueil", "formations", "experimentations", "actions"])
def test_programme_payload_is_shown_literally_in_the_filter_caption(hostile, monkeypatch, page):
    at = open_page(page, hostile, monkeypatch, **PAGES[page])
    assert at.query_params["programme"] == LINK  # a real programme of the workspace
    assert any(md(LINK) in c.value for c in at.caption), [c.value for c in at.caption]


def test_workspace_name_is_shown_literally_on_carte_and_revue(hostile, monkeypatch):
    carte = open_page("carte", hostile, monkeypatch)
    assert any(m.value.startswith(md(NAME)) for m in carte.markdown)
    revue = open_page("revue_mensuelle", hostile, monkeypatch, **PAGES["revue_mensuelle"])
    assert any(md(NAME) in c.value and md(LINK) in c.value for c in revue.caption)


def test_nearest_actor_name_is_escaped_in_the_commune_panel(hostile, monkeypatch):
    at = open_page("carte", hostile, monkeypatch, departement="31", commune="31555")
    cells = at.table[0].value.iloc[:, 0].tolist()
    assert any(md(LINK) in c for c in cells), cells


def test_forum_escapes_the_workspace_in_html(hostile, monkeypatch):
    at = open_page("forum", hostile, monkeypatch, intervalle="300")
    body = " ".join(h.proto.body for h in at.get("html"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in body  # the name, escaped
    assert "<img src=x" not in body
