"""Page donnees: the upload logic (stage, preview, dry run, commit) on a tmp copy of a demo
workspace, the connection release after a swap, and the page through AppTest per role."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook, load_workbook
from streamlit.testing.v1 import AppTest

from observatoire import formats, quality, users
from observatoire.importing import UnreadableFile
from observatoire.importing import session as imports
from observatoire.paths import ROOT, data_dir
from observatoire.ui import registry
from tests.apptest import sign_in

TIMEOUT = 60
HDF = "demo-hauts-de-france"
# The demo's actors: 40 network structures, 29 experts and 14 inspiring initiatives.
HDF_ACTORS = 83
PAGE = str(ROOT / "pages" / "donnees.py")
NEW_ACTOR = {"nom": "Fablab des Essais", "commune": "Arras", "code_postal": "62000", "cercle": 2}


def actor_workbook(path: Path, rows: list[dict], sheet: str = "acteurs") -> Path:
    """An .xlsx with one sheet of actors, headers from the first row's keys."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if rows:
        ws.append(list(rows[0]))
        for row in rows:
            ws.append(list(row.values()))
    else:
        ws.append(["nom", "commune", "code_postal"])
    wb.save(path)
    return path


def fingerprint(path: Path) -> tuple[str, int, int]:
    """sha256, inode and mtime of a file: all three stay when nothing was written."""
    info = os.stat(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_ino, info.st_mtime_ns


def actors_named(path: Path, name: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            "SELECT name, commune_code, circle, approximate FROM actors WHERE name = ?", [name]
        ).fetchall()
    finally:
        con.close()


@pytest.fixture
def workspace(tmp_path, reference_path) -> Path:
    """A private copy of the Hauts-de-France demo (data/ is never written)."""
    source = data_dir() / f"{HDF}.duckdb"
    if not source.exists():
        from observatoire.demo.build import build_demo

        build_demo("hauts-de-france", reference=reference_path)
    folder = tmp_path / "data"
    folder.mkdir()
    return Path(shutil.copyfile(source, folder / f"{HDF}.duckdb"))


@pytest.fixture
def upload_dir(tmp_path) -> Path:
    folder = tmp_path / "upload"
    folder.mkdir()
    return folder


def staged_actor_file(tmp_path, upload_dir, rows=None, name="nouveaux-acteurs.xlsx"):
    built = actor_workbook(tmp_path / "built.xlsx", rows if rows is not None else [NEW_ACTOR])
    return imports.stage(name, built.read_bytes(), upload_dir)


# -- logic: preview, dry run, commit -------------------------------------------------------------


def test_preview_shows_mapping_and_rows(tmp_path, upload_dir):
    rows = [NEW_ACTOR | {"Couleur préférée": "bleu"}]
    staged = staged_actor_file(tmp_path, upload_dir, rows)
    (sheet,) = imports.inspect(staged)
    assert (sheet.sheet, sheet.kind, sheet.total_rows) == ("acteurs", "acteurs", 1)
    mapping = imports.mapping_table(sheet)
    as_dict = dict(zip(mapping["Colonne du fichier"], mapping["Champ reconnu"], strict=True))
    assert as_dict == {
        "nom": "nom",
        "commune": "commune",
        "code_postal": "code_postal",
        "cercle": "cercle",
        "Couleur préférée": "ignorée",
    }
    assert list(mapping["Obligatoire"]) == ["oui", "", "", "", ""]
    first = imports.first_rows(sheet)
    assert list(first["ligne"]) == [2]  # header = row 1, as the spreadsheet numbers it
    assert first.loc[0, "nom"] == "Fablab des Essais"
    assert first.loc[0, "cercle"] == "2"  # not the float 2.0 the workbook stores


def test_preview_summary_is_one_row_per_sheet(tmp_path, upload_dir):
    """Sheets, rows, example rows, recognised and ignored columns in one table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "acteurs"
    ws.append(["identifiant", "nom *", "commune", "code_postal", "Couleur préférée"])
    ws.append(["EXEMPLE-ACT-0001", "Muséum", "Toulouse", "31000", "vert"])
    ws.append(["A1", "Fablab des Essais", "Arras", "62000", "bleu"])
    other = wb.create_sheet("Notes")
    other.append(["texte"])
    other.append(["à relire"])
    built = tmp_path / "resume.xlsx"
    wb.save(built)
    staged = imports.stage("resume.xlsx", built.read_bytes(), upload_dir)
    table = imports.summary_table(imports.inspect(staged))
    assert list(table.columns) == [
        "Feuille",
        "Données",
        "Lignes",
        "dont exemples",
        "Colonnes reconnues",
        "Colonnes ignorées",
        "Obligatoires absentes",
    ]
    actors = table.iloc[0]
    assert (actors["Feuille"], actors["Données"], actors["Lignes"]) == ("acteurs", "Acteurs", 2)
    assert (actors["dont exemples"], actors["Colonnes reconnues"]) == (1, 4)
    assert actors["Colonnes ignorées"] == "Couleur préférée"
    assert table.iloc[1]["Données"] == "ignorée (nom non reconnu)"


def test_links_after_import_lead_to_the_pages_of_the_data(tmp_path, upload_dir, workspace):
    """Actors imported: the overview, the directory and the map; nothing else."""
    staged = staged_actor_file(tmp_path, upload_dir)
    report = imports.commit(staged, imports.dry_run(staged, workspace))
    assert imports.pages_to_see(report) == ["accueil", "acteurs", "carte"]
    assert all(registry.get(stem).path.exists() for stem in imports.pages_to_see(report))
    unchanged = imports.dry_run(staged, workspace).report
    assert imports.pages_to_see(unchanged) == ["accueil"]


def test_dry_run_then_commit_inserts_one_actor(tmp_path, upload_dir, workspace):
    staged = staged_actor_file(tmp_path, upload_dir)
    before = fingerprint(workspace)
    dry = imports.dry_run(staged, workspace)
    assert fingerprint(workspace) == before  # a simulation writes nothing
    assert dry.report.tables == {
        "acteurs": {"inserted": 1, "updated": 0, "unchanged": 0, "rejected": 0, "warnings": 0}
    }
    assert imports.count_lines(dry.report) == (
        "- **acteurs** : 1 ajouté(s), 0 modifié(s), 0 inchangé(s), 0 rejeté(s), 0 avertissement(s)"
    )
    assert actors_named(workspace, "Fablab des Essais") == []

    report = imports.commit(staged, dry)
    assert report.written and not report.dry_run
    assert fingerprint(workspace)[0] != before[0]
    # Arras is 62041; placed by its commune only, hence approximate.
    assert actors_named(workspace, "Fablab des Essais") == [("Fablab des Essais", "62041", 2, True)]
    con = duckdb.connect(str(workspace), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM actors").fetchone()[0] == HDF_ACTORS + 1
        history = imports.history(con)
    finally:
        con.close()
    latest = history.iloc[0]
    assert latest["Fichier"] == "nouveaux-acteurs.xlsx"
    assert latest["Empreinte (sha256)"] == staged.sha256[:12]
    assert (latest["Ajoutés"], latest["Données"]) == (1, "acteurs")
    assert len(history) == 4  # the demo's three imports, then ours

    again = imports.dry_run(staged, workspace)
    assert again.report.tables["acteurs"]["unchanged"] == 1
    assert not again.report.importable


def test_dry_run_shows_what_the_file_changes_in_each_kpi(tmp_path, upload_dir, workspace):
    """One new actor: 83 actors listed (40 structures, 29 experts, 14 initiatives) become 84 in the current period, and the committed
    workspace then gives every 'after' value of the dry run."""
    from observatoire.activities.common import default_month
    from observatoire.kpis import KPIS, compute_kpis
    from observatoire.workspace import connect

    staged = staged_actor_file(tmp_path, upload_dir)
    before = fingerprint(workspace)
    dry = imports.dry_run(staged, workspace)
    assert fingerprint(workspace) == before
    found = dry.report.kpi_changes
    con = connect(workspace, read_only=True)
    try:
        assert found.period == default_month(con)
        now = compute_kpis(con, found.period, only=[k.id for k in KPIS])
    finally:
        con.close()
    by_id = {r.kpi_id: r for r in found.rows}
    assert (by_id["actors_total"].before, by_id["actors_total"].after) == (83, 84)
    assert all(r.before == now[r.kpi_id] for r in found.rows)
    assert "actors_total" in [r.kpi_id for r in found.changed]
    assert "training_sessions" not in [r.kpi_id for r in found.changed]
    table = imports.kpi_change_table(dry.report)
    row = table[table["Indicateur"] == "Acteurs recensés"].iloc[0]
    assert (row["Actuel"], row["Après l'import"], row["Évolution"]) == ("83", "84", "+1")

    imports.commit(staged, dry)
    con = connect(workspace, read_only=True)
    try:
        after = compute_kpis(con, found.period, only=[k.id for k in KPIS])
    finally:
        con.close()
    assert all(r.after == after[r.kpi_id] for r in found.rows)
    assert imports.dry_run(staged, workspace).report.kpi_changes is None  # nothing to import


def test_commit_refuses_a_stale_simulation(tmp_path, upload_dir, workspace):
    staged = staged_actor_file(tmp_path, upload_dir)
    dry = imports.dry_run(staged, workspace)
    os.utime(workspace, ns=(1, 1))  # another import swapped a new version in meanwhile
    before = fingerprint(workspace)
    with pytest.raises(imports.ImportRefused, match="relancez la simulation"):
        imports.commit(staged, dry)
    assert fingerprint(workspace) == before


def test_new_workspace_is_created(tmp_path, upload_dir, workspace):
    staged = staged_actor_file(tmp_path, upload_dir)
    target = imports.target_path(workspace.parent, new_name="Essais-62")
    assert target == workspace.parent / "essais-62.duckdb"
    report = imports.commit(staged, imports.dry_run(staged, target))
    assert report.created
    assert actors_named(target, "Fablab des Essais") == [("Fablab des Essais", "62041", 2, True)]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Donnez un nom"),
        ("../etc", "invalide"),
        ("réseau", "invalide"),
        ("reference", "réservé"),
        (HDF, "existe déjà"),
    ],
)
def test_bad_new_workspace_names_are_refused(workspace, name, message):
    with pytest.raises(imports.ImportRefused, match=message):
        imports.target_path(workspace.parent, new_name=name)


def test_rejects_export_escapes_formulas(tmp_path, upload_dir, workspace):
    rows = [
        NEW_ACTOR,
        # Text cells (openpyxl stores "=..." as a formula, read back as its empty cached value).
        {"nom": "+Fablab piège", "commune": "@Nullepart", "code_postal": "", "cercle": 1},
    ]
    staged = staged_actor_file(tmp_path, upload_dir, rows)
    dry = imports.dry_run(staged, workspace)
    assert dry.report.tables["acteurs"]["inserted"] == 1
    assert dry.report.tables["acteurs"]["rejected"] == 1
    issues = imports.issues_table(dry.report)
    reject = issues.iloc[0]
    assert (reject["Gravité"], reject["Feuille"], reject["Ligne"]) == ("rejet", "acteurs", "3")
    assert reject["Valeur"] == "@Nullepart"  # shown as typed; escaped only in exports
    csv_text = imports.issues_export(dry.report, "csv").decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "gravité;feuille;ligne;colonne;valeur;motif"
    assert ";'@Nullepart;" in csv_text
    xlsx = tmp_path / "rejets.xlsx"
    xlsx.write_bytes(imports.issues_export(dry.report, "xlsx"))
    ws = load_workbook(xlsx).active
    cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_csv_needs_the_chosen_kind(tmp_path, upload_dir, workspace):
    data = "Nom de la structure;Ville;CP\nFablab des Essais;Arras;62000\n".encode("cp1252")
    staged = imports.stage("export.csv", data, upload_dir)
    assert staged.is_csv and imports.default_kind(staged) == "acteurs"
    (sheet,) = imports.inspect(staged, "acteurs")
    assert sheet.mapping == {"Nom de la structure": "nom", "Ville": "commune", "CP": "code_postal"}
    dry = imports.dry_run(staged, workspace, "acteurs")
    assert dry.report.tables["acteurs"]["inserted"] == 1


def test_stage_keeps_only_a_safe_file_name(upload_dir):
    staged = imports.stage("../../C:\\temp\\..acteurs?.xlsx", b"PK", upload_dir)
    assert staged.path.parent == upload_dir
    assert staged.name == "acteurs_.xlsx"


# -- malformed files: a French message, the workspace untouched ------------------------------------


def test_text_disguised_as_xlsx_is_refused(tmp_path, upload_dir, workspace):
    before = fingerprint(workspace)
    staged = imports.stage("acteurs.xlsx", b"nom;commune\nFablab;Arras\n", upload_dir)
    with pytest.raises(UnreadableFile, match="n'est pas un classeur Excel \\(.xlsx\\) valide"):
        imports.inspect(staged)
    report = imports.dry_run(staged, workspace).report  # the CLI path says the same
    assert "n'est pas un classeur" in report.error and not report.tables
    assert fingerprint(workspace) == before


def test_empty_sheet_has_no_rows(tmp_path, upload_dir, workspace):
    before = fingerprint(workspace)
    staged = staged_actor_file(tmp_path, upload_dir, rows=[])
    (sheet,) = imports.inspect(staged)
    assert (sheet.kind, sheet.total_rows) == ("acteurs", 0)
    assert not imports.dry_run(staged, workspace).report.importable
    assert fingerprint(workspace) == before


def test_file_over_the_size_limit_is_refused(tmp_path, upload_dir, workspace, monkeypatch):
    monkeypatch.setenv("OBSERVATOIRE_MAX_IMPORT_MB", "0.001")  # about 1 KB
    before = fingerprint(workspace)
    staged = staged_actor_file(tmp_path, upload_dir)  # an openpyxl workbook is ~5 KB
    with pytest.raises(UnreadableFile, match="au-delà de la limite de 0,001 Mo"):
        imports.inspect(staged)
    assert imports.dry_run(staged, workspace).report.error
    assert fingerprint(workspace) == before


def test_template_is_the_cli_workbook():
    path = ROOT / "artifacts" / "template-test.xlsx"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(imports.template_bytes())
    try:
        names = load_workbook(path, read_only=True).sheetnames
    finally:
        path.unlink()
    assert names[1:] == [
        "acteurs",
        "personnes",
        "sessions",
        "participations",
        "experimentations",
        "actions",
        "objectifs",
        "programmes",
        "rencontres",
        "ressources",
        "groupes",
        "membres",
        "tournees",
        "evaluations",
        "enquetes",
        "indicateurs",
    ]


# -- the cached connection follows a swap ------------------------------------------------------------


def test_pages_see_the_new_version_after_an_import(tmp_path, upload_dir, workspace):
    from observatoire.ui import connections

    old = connections.workspace(workspace)
    assert old.cursor().execute("SELECT count(*) FROM actors").fetchone()[0] == HDF_ACTORS
    staged = staged_actor_file(tmp_path, upload_dir)
    imports.commit(staged, imports.dry_run(staged, workspace))
    connections.release(workspace)
    new = connections.workspace(workspace)
    assert new is not old
    assert new.cursor().execute("SELECT count(*) FROM actors").fetchone()[0] == HDF_ACTORS + 1


def test_a_swap_by_another_process_is_noticed_without_release(tmp_path, upload_dir, workspace):
    from observatoire.ui import connections

    old = connections.workspace(workspace)
    assert old.cursor().execute("SELECT count(*) FROM actors").fetchone()[0] == HDF_ACTORS
    staged = staged_actor_file(tmp_path, upload_dir)
    imports.commit(staged, imports.dry_run(staged, workspace))  # e.g. the CLI
    new = connections.workspace(workspace)
    assert new.cursor().execute("SELECT count(*) FROM actors").fetchone()[0] == HDF_ACTORS + 1


# -- the page through AppTest ------------------------------------------------------------------------


@pytest.fixture
def accounts(tmp_path, monkeypatch, reference_path):
    """A committee and a coordination account (signed-in roles instead of local admin)."""
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    users.add("camille", "comite", "mot-de-passe-comite")
    users.add("claire", "coordination", "mot-de-passe-coord")


def signed_in(login: str, password: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.query_params["espace"] = HDF
    at.run()
    return sign_in(at, login, password)


def shown_quality_equals_module(at: AppTest) -> None:
    from observatoire.texts import donnees as texts
    from observatoire.ui import connections

    counts = quality.counts(connections.workspace(data_dir() / f"{HDF}.duckdb"))
    cards = {m.label: m.value for m in at.metric}
    assert cards == {texts.CHECK_SHORT[k]: formats.number(v) for k, v in counts.items()}
    assert counts["actors_approximate"] == HDF_ACTORS  # every demo actor is placed by its commune


def test_committee_sees_quality_and_sources_but_no_upload(accounts):
    at = signed_in("camille", "mot-de-passe-comite")
    assert not at.exception and not at.error
    assert "Connecté·e : camille (comité de pilotage)" in [c.value for c in at.sidebar.caption]
    assert [t.label for t in at.tabs] == ["Qualité des données"]
    assert not at.get("file_uploader")  # no upload, no template, no history for the committee
    assert not at.get("download_button")
    shown_quality_equals_module(at)
    assert any("COG 2025" in e for e in at.table[0].value["Millésime"])


def test_coordination_sees_upload_history_quality(accounts):
    at = signed_in("claire", "mot-de-passe-coord")
    assert not at.exception and not at.error
    assert [t.label for t in at.tabs] == [
        "Importer un fichier",
        "Historique des imports",
        "Qualité des données",
    ]
    assert len(at.get("file_uploader")) == 1
    shown_quality_equals_module(at)
    from observatoire.ui import connections

    expected = imports.history(connections.workspace(data_dir() / f"{HDF}.duckdb"))
    shown = at.dataframe[0].value
    assert list(shown["Fichier"]) == list(expected["Fichier"])
    assert list(shown["Fichier"]) == [
        "sptt-reseau-et-evaluation.xlsx",  # programme content
        "sptt-suivi-2023-2024.xlsx",
        "sptt-structures.xlsx",
    ]
    assert list(shown["Ajoutés"]) == [
        43 + 1 + 32 + 8 + 62 + 180 + 2,
        101 + 20 + 248 + 24 + 6 + 14,  # 14 objectives, 3 of them for the programme content
        40,
    ]


def test_public_is_refused(accounts):
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "réservée aux rôles" in " ".join(e.value for e in at.error)
    assert not at.get("file_uploader")


def test_page_admits_staff_only():
    assert registry.get("donnees").roles == ("comite", "coordination", "admin")
    assert registry.get("donnees").path.exists()


def test_no_workspace_yet_still_offers_the_import(tmp_path, monkeypatch, reference_path):
    monkeypatch.setenv("OBSERVATOIRE_DATA", str(tmp_path))  # an empty data folder
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_path))
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "absent.toml"))  # local mode
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert len(at.get("file_uploader")) == 1
    infos = " ".join(i.value for i in at.info)
    assert "Aucun espace de travail : importez un fichier pour en créer un." in infos
    assert not at.metric
