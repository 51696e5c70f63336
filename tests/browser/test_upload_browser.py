"""The donnees page in a real browser, on its own server and a tmp copy of the Hauts-de-France
demo: a real xlsx goes through preview, dry run and confirmation; malformed files change nothing."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from observatoire.paths import ROOT, reference_db

pytestmark = pytest.mark.browser

HDF = "demo-hauts-de-france"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
EXCEPTIONS = '[data-testid="stException"]'
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored
VIEWPORT = {"width": 1400, "height": 900}
LIMIT_MB = "0.05"  # about 52 KB: the test workbooks are ~5 KB, the oversized one ~100 KB


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the script run is over (a rerun may start right after the first)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)


def fingerprint(path: Path) -> tuple[str, int, int]:
    """sha256, inode and mtime: all three stay when nothing was written."""
    info = os.stat(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_ino, info.st_mtime_ns


def workbook(path: Path, header: list[str], rows: list[list], sheet: str = "acteurs") -> Path:
    """A real .xlsx written by openpyxl."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def actors_named(path: Path, name: str) -> list[tuple]:
    """The actors of that name in a workspace file (read-only, beside the server's reader)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        sql = "SELECT name, commune_code, circle FROM actors WHERE name = ?"
        return con.execute(sql, [name]).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def upload_server(start_server, hdf_folder):
    """A server of its own: local mode (no account), the tmp data folder, a small size limit."""
    return start_server(
        {
            "OBSERVATOIRE_DATA": str(hdf_folder),
            "OBSERVATOIRE_REFERENCE": str(reference_db()),
            "OBSERVATOIRE_USERS": str(hdf_folder / "absent-users.toml"),
            "OBSERVATOIRE_MAX_IMPORT_MB": LIMIT_MB,
        }
    )


@pytest.fixture
def page(chromium, upload_server):
    """The donnees page of the upload server at 1400×900."""
    context = chromium.new_context(viewport=VIEWPORT, locale="fr-FR")
    p = context.new_page()
    p.goto(f"{upload_server.url}/donnees?espace={HDF}")
    # The uploader comes after the tabs: an idle status alone once came before it was drawn.
    p.wait_for_selector('[data-testid="stFileUploader"]', timeout=90_000)
    settle(p)
    yield p
    context.close()


def upload(page, path: Path) -> None:
    """Give a file to the uploader, as a drop or a pick would."""
    page.locator('input[type="file"]').set_input_files(str(path))
    settle(page)


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_malformed_files_show_a_french_message_and_change_nothing(page, hdf_folder, tmp_path):
    workspace = hdf_folder / f"{HDF}.duckdb"
    before = fingerprint(workspace)
    files = os.listdir(hdf_folder)

    fake = tmp_path / "acteurs.xlsx"
    fake.write_text("nom;commune\nFablab;Arras\n", encoding="utf-8")  # text, not a workbook
    upload(page, fake)
    page.get_by_text("n'est pas un classeur Excel (.xlsx) valide").wait_for()
    assert "Rien n'a été modifié." in main_text(page)
    shot(page, "donnees-fichier-invalide.png")

    empty = workbook(tmp_path / "vide.xlsx", ["nom", "commune", "code_postal"], [])
    upload(page, empty)
    page.get_by_text("ne contient aucune ligne de données").wait_for()

    big = workbook(
        tmp_path / "gros.xlsx",
        ["nom", "commune", "code_postal", "adresse"],
        [[secrets.token_hex(16), "Arras", "62000", secrets.token_hex(24)] for _ in range(2500)],
    )
    assert big.stat().st_size > float(LIMIT_MB) * 1024 * 1024
    upload(page, big)
    page.get_by_text("au-delà de la limite de 0,05 Mo").wait_for(timeout=90_000)

    assert page.locator(EXCEPTIONS).count() == 0
    assert page.get_by_role("button", name="Lancer la simulation").count() == 0
    assert fingerprint(workspace) == before
    assert os.listdir(hdf_folder) == files  # no new workspace, no backup


@pytest.fixture(scope="module")
def imported(chromium, upload_server, hdf_folder, tmp_path_factory):
    """The whole flow once: upload a real xlsx, preview, dry run (1 added), confirm."""
    workspace = hdf_folder / f"{HDF}.duckdb"
    path = workbook(
        tmp_path_factory.mktemp("upload-file") / "nouvel-acteur.xlsx",
        ["Nom de la structure", "Ville", "CP", "cercle", "Remarque"],
        [["Fablab des Essais", "Arras", "62000", 2, "à vérifier"]],
    )
    context = chromium.new_context(viewport=VIEWPORT, locale="fr-FR")
    p = context.new_page()
    p.goto(f"{upload_server.url}/donnees?espace={HDF}")
    settle(p)
    before = fingerprint(workspace)
    upload(p, path)
    p.get_by_text("1. Aperçu du fichier").wait_for()
    preview = main_text(p)
    preview_height = p.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    open_details = p.locator('[data-testid="stExpander"] details[open]').count()
    shot(p, "donnees-apercu.png")
    p.get_by_role("button", name="Lancer la simulation").click()
    settle(p)
    p.get_by_text("rien n'a été écrit").first.wait_for()
    dry_run = main_text(p)
    p.get_by_text("3. Simulation").scroll_into_view_if_needed()
    shot(p, "donnees-simulation.png")
    after_dry_run = fingerprint(workspace)
    p.get_by_role("button", name="Confirmer l'import").click()
    settle(p)
    p.get_by_text("Import terminé").wait_for()
    done = main_text(p)
    links = [
        p.get_by_role("link", name=title).first.get_attribute("href")
        for title in ("Vue d'ensemble", "Annuaire des acteurs", "Carte des territoires")
        if p.get_by_role("link", name=title).count() > 1  # the menu holds one of each already
    ]
    shot(p, "donnees-import-termine.png")
    yield {
        "preview": preview,
        "preview_height": preview_height,
        "open_details": open_details,
        "links": links,
        "dry_run": dry_run,
        "done": done,
        "unchanged_by_dry_run": after_dry_run == before,
        "changed_by_import": fingerprint(workspace) != before,
        "exceptions": p.locator(EXCEPTIONS).count(),
        "workspace": workspace,
    }
    context.close()


def test_upload_preview_dry_run_confirm(imported):
    assert imported["exceptions"] == 0
    preview = imported["preview"]
    assert "Feuille « acteurs » : Acteurs (structures), 1 ligne(s) de données" in preview
    dry_run = imported["dry_run"]
    assert "acteurs : 1 ajouté(s), 0 modifié(s), 0 inchangé(s), 0 rejeté(s)" in dry_run
    assert "Rejets et avertissements (1)" in dry_run  # the "Remarque" column is ignored
    assert imported["unchanged_by_dry_run"]
    assert "Import terminé dans « Démo — Sciences pour toutes et tous" in imported["done"]
    assert "1 ajouté(s)" in imported["done"]
    assert imported["changed_by_import"]
    # Compact preview: one summary table, the details closed (the page was 4,867 px tall).
    assert imported["open_details"] == 0
    assert imported["preview_height"] < 2000
    assert "Voir les données importées" in imported["done"]
    assert len(imported["links"]) == 3
    assert all(f"espace={HDF}" in href for href in imported["links"])
    assert actors_named(imported["workspace"], "Fablab des Essais") == [
        ("Fablab des Essais", "62041", 2)  # Arras
    ]


def test_history_lists_the_import_after_confirming(imported, chromium, upload_server):
    context = chromium.new_context(viewport=VIEWPORT, locale="fr-FR")
    try:
        p = context.new_page()
        p.goto(f"{upload_server.url}/donnees?espace={HDF}")
        settle(p)
        p.get_by_role("tab", name="Historique des imports").click()
        p.wait_for_timeout(500)
        shot(p, "donnees-historique.png")
        p.get_by_role("tab", name="Qualité des données").click()
        p.wait_for_timeout(500)
        quality = main_text(p)
        shot(p, "donnees-qualite.png")
    finally:
        context.close()
    # 83 demo actors placed by commune (40 structures, 29 experts, 14 initiatives), plus the new
    # one (Arras, by its commune too).
    assert (
        "Acteurs placés approximativement (au point de référence de leur commune) : 84" in quality
    )


def test_new_actor_is_listed_in_acteurs(imported, chromium, upload_server):
    if not (ROOT / "pages" / "acteurs.py").exists():
        pytest.skip("pages/acteurs.py n'existe pas encore : l'annuaire ne peut pas être vérifié")
    context = chromium.new_context(viewport=VIEWPORT, locale="fr-FR")
    try:
        p = context.new_page()
        p.goto(f"{upload_server.url}/acteurs?espace={HDF}&recherche=Fablab%20des%20Essais")
        settle(p)
        p.get_by_text("1 acteur(s) correspondent aux critères.").wait_for()
        shot(p, "acteurs-apres-import.png")
        assert p.locator(EXCEPTIONS).count() == 0
    finally:
        context.close()


def test_untouched_template_into_a_new_workspace(page, hdf_folder, tmp_path):
    """The downloaded template as is: examples flagged, nothing to import, no workspace made."""
    from observatoire.importing.template import write_template

    files = sorted(os.listdir(hdf_folder))
    upload(page, write_template(tmp_path / "modele.xlsx"))
    page.get_by_text("1. Aperçu du fichier").wait_for()
    text = main_text(page)
    # One example row in each of the 15 data sheets (7 activity sheets, 8 programme-content ones).
    assert "15 ligne(s) d'exemple du modèle" in text
    page.get_by_text("Un nouvel espace").click()
    settle(page)
    page.get_by_label("Nom du nouvel espace").fill("essai-modele")
    page.get_by_label("Nom du nouvel espace").press("Enter")
    settle(page)
    assert "sans rien créer" in main_text(page)
    page.get_by_role("button", name="Lancer la simulation").click()
    settle(page)
    page.get_by_text("rien n'a été créé").first.wait_for()
    text = main_text(page)
    assert "remplacé d'un seul coup" not in text
    assert "Aucun enregistrement à ajouter" in text
    assert "Rejets et avertissements (15)" in text
    page.get_by_text("Rejets et avertissements (15)").scroll_into_view_if_needed()
    shot(page, "donnees-modele-intact.png")
    assert page.locator(EXCEPTIONS).count() == 0
    assert sorted(os.listdir(hdf_folder)) == files  # no workspace made of examples


def test_uploader_says_its_limit_in_french(page):
    """The label gives the limit in Mo; the English drop zone is explained beside it."""
    text = main_text(page)
    assert "0,05 Mo au plus" in text  # this server's limit (OBSERVATOIRE_MAX_IMPORT_MB)
    assert "« 1MB per file » veut dire « 1 Mo au plus par fichier »" in text
    page.locator('[data-testid="stFileUploader"]').scroll_into_view_if_needed()
    shot(page, "donnees-televersement.png")
