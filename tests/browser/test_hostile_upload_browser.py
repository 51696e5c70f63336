"""A 1.7 KB spreadsheet that asks for half a terabyte, uploaded on donnees by a coordinator while a
signed-out visitor keeps browsing: the uploader gets a French refusal, the other session never
notices, the server lives on and the workspace keeps its bytes."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

import pytest

from observatoire import users
from observatoire.paths import ROOT, reference_db

pytestmark = pytest.mark.browser

HDF = "demo-hauts-de-france"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
EXCEPTIONS = '[data-testid="stException"]'
SIDEBAR = '[data-testid="stSidebar"]'
LOGIN, PASSWORD = "claire", "un-mot-de-passe-solide"
VIEWPORT = {"width": 1400, "height": 900}

# Limits lifted: the reader is then stopped by the child process's memory cap alone.
LIFTED = {
    "OBSERVATOIRE_MAX_IMPORT_ROWS": "2000000",
    "OBSERVATOIRE_MAX_IMPORT_COLUMNS": "20000",
    "OBSERVATOIRE_MAX_IMPORT_CELLS": "1e15",
    "OBSERVATOIRE_IMPORT_MEMORY_MB": "600",
}


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the script run is over (a rerun may start right after the first)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)


def fingerprint(path: Path) -> tuple[str, int, int]:
    """sha256, inode and mtime: all three stay when nothing was written."""
    info = os.stat(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_ino, info.st_mtime_ns


def _workspace_files(folder: Path) -> list[str]:
    """The folder's entries but the app's own hidden bookkeeping (``.versions``)."""
    return sorted(n for n in os.listdir(folder) if not n.startswith("."))


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def _builders():
    spec = importlib.util.spec_from_file_location(
        "hostile_builders", ROOT / "tests" / "importing" / "hostile.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env(folder, extra=None) -> dict[str, str]:
    return {
        "OBSERVATOIRE_DATA": str(folder),
        "OBSERVATOIRE_REFERENCE": str(reference_db()),
        "OBSERVATOIRE_USERS": str(folder / "absent-users.toml"),
        "PYTHONPATH": str(ROOT),
        **(extra or {}),
    }


def _sign_in(page) -> None:
    """The coordinator signs in from the sidebar of the page she is on."""
    sidebar = page.locator(SIDEBAR)
    sidebar.get_by_label("Identifiant").fill(LOGIN)
    sidebar.get_by_label("Mot de passe").fill(PASSWORD)
    sidebar.get_by_role("button", name="Se connecter").click()
    settle(page)


@pytest.fixture(scope="module")
def far_cell(tmp_path_factory):
    path = _builders().far_cell_xlsx(tmp_path_factory.mktemp("hostile") / "acteurs.xlsx")
    assert path.stat().st_size < 1800
    return path


def _pages(chromium, server, sign_in: bool = False):
    contexts = [chromium.new_context(viewport=VIEWPORT, locale="fr-FR") for _ in range(2)]
    uploader, other = (c.new_page() for c in contexts)
    uploader.goto(f"{server.url}/donnees?espace={HDF}")
    other.goto(f"{server.url}/accueil?espace={HDF}")
    settle(uploader)
    settle(other)
    if sign_in:
        _sign_in(uploader)
    uploader.locator('input[type="file"]').wait_for(state="attached", timeout=30_000)
    return contexts, uploader, other


def _upload_while_browsing(server, uploader, other, path, expected: str) -> None:
    uploader.locator('input[type="file"]').set_input_files(str(path))
    # The other visitor keeps working while the file is being read.
    other.goto(f"{server.url}/formations?espace={HDF}&periode=2023")
    settle(other)
    uploader.get_by_text(expected).wait_for(timeout=90_000)
    settle(uploader)
    assert "Rien n'a été modifié." in main_text(uploader)
    assert uploader.get_by_role("button", name="Lancer la simulation").count() == 0
    # Afterwards: the server is up, and the other session still loads pages.
    assert server.proc.poll() is None
    for path_ in (f"/carte?espace={HDF}", f"/actions?espace={HDF}&periode=2023"):
        other.goto(server.url + path_)
        settle(other)
        assert other.locator('[data-testid="stMain"]').inner_text().strip()
        assert other.locator(EXCEPTIONS).count() == 0
    assert uploader.locator(EXCEPTIONS).count() == 0


def test_far_cell_is_refused_in_french_and_others_keep_working(
    chromium, start_server, hdf_folder, far_cell, tmp_path_factory
):
    # A coordinator uploads; the other visitor is signed out (public pages).
    accounts = tmp_path_factory.mktemp("accounts") / "users.toml"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OBSERVATOIRE_USERS", str(accounts))
        users.add(LOGIN, "coordination", PASSWORD)
    server = start_server(_env(hdf_folder, {"OBSERVATOIRE_USERS": str(accounts)}))
    workspace = hdf_folder / f"{HDF}.duckdb"
    before, files = fingerprint(workspace), _workspace_files(hdf_folder)
    contexts, uploader, other = _pages(chromium, server, sign_in=True)
    try:
        _upload_while_browsing(
            server, uploader, other, far_cell, "au-delà de la limite de 200\u202f000 lignes"
        )
    finally:
        for c in contexts:
            c.close()
    assert fingerprint(workspace) == before
    assert _workspace_files(hdf_folder) == files  # no new workspace, no backup


def test_with_limits_lifted_the_memory_cap_still_saves_the_server(
    chromium, start_server, hdf_folder, far_cell
):
    server = start_server(_env(hdf_folder, LIFTED))
    workspace = hdf_folder / f"{HDF}.duckdb"
    before = fingerprint(workspace)
    contexts, uploader, other = _pages(chromium, server)
    try:
        _upload_while_browsing(
            server, uploader, other, far_cell, "demandait plus de mémoire que la limite de 600 Mo"
        )
    finally:
        for c in contexts:
            c.close()
    assert fingerprint(workspace) == before
