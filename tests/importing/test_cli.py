"""The ``import``, ``template`` and ``workspace`` commands: exit codes, JSON, French messages."""

from __future__ import annotations

import json
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from observatoire.cli import main
from observatoire.importing import run_import
from observatoire.importing.columns import KINDS

from .conftest import query, sha, write_csv, write_xlsx

ACTORS = [["Nom de la structure", "Ville", "Dépt", "Courriel"],
          ["Muséum", "Toulouse", "31", "contact@museum.fr"],
          ["Club Montaut", "Montaut", "", "club@montaut"]]  # fmt: skip


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(autouse=True)
def reference_env(monkeypatch, reference_path, tmp_path):
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_path))
    monkeypatch.setenv("OBSERVATOIRE_WORKSPACE", str(tmp_path / "defaut.duckdb"))


def test_json_report_shape(capsys, tmp_path, ws):
    file = write_csv(tmp_path / "acteurs.csv", ACTORS, encoding="cp1252")
    code, out, _ = run(capsys, "import", file, "--db", ws, "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == {"file", "sha256", "dry_run", "tables", "rejects", "warnings"}
    assert report["dry_run"] is False and len(report["sha256"]) == 64
    assert report["tables"] == {
        "acteurs": {"inserted": 1, "updated": 0, "unchanged": 0, "rejected": 1, "warnings": 0}
    }
    (reject,) = report["rejects"]
    assert set(reject) == {"sheet", "row", "column", "value", "reason"}
    assert (reject["sheet"], reject["row"], reject["column"]) == ("acteurs", 3, "commune")
    assert "ambiguë" in reject["reason"]


def test_text_summary_and_default_workspace(capsys, tmp_path):
    file = write_csv(tmp_path / "acteurs.csv", ACTORS)
    code, out, _ = run(capsys, "import", file)
    assert code == 0
    assert "acteurs : 1 ajouté(s), 0 modifié(s), 0 inchangé(s), 1 rejeté(s)" in out
    assert "[acteurs ligne 3] commune « Montaut » : Commune « Montaut » ambiguë" in out
    assert "Espace de travail créé" in out
    assert query(tmp_path / "defaut.duckdb", "SELECT name FROM actors") == [("Muséum",)]


def test_dry_run_and_strict(capsys, tmp_path, ws):
    file = write_csv(tmp_path / "acteurs.csv", ACTORS)
    code, out, _ = run(capsys, "import", file, "--db", ws, "--dry-run")
    assert code == 0 and "simulation" in out and not ws.exists()
    code, _, err = run(capsys, "import", file, "--db", ws, "--strict")
    assert code == 1 and "Import refusé (--strict) : 1 ligne(s) rejetée(s)" in err
    assert not ws.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.xlsx", b"", "est vide"),
        ("hasard.xlsx", bytes(range(256)) * 4, "n'est pas un classeur Excel"),
        ("texte.ods", b"nom;commune\n", "n'est pas un classeur OpenDocument"),
        ("protege.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), "mot de passe"),
    ],
)
def test_unreadable_files_exit_1_and_leave_the_workspace(
    capsys, tmp_path, ws, name, content, message
):
    run_import(write_csv(tmp_path / "acteurs.csv", ACTORS), ws)
    before = sha(ws)
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "import", path, "--db", ws)
    assert code == 1 and message in err
    code, out, err = run(capsys, "import", path, "--db", ws, "--json")
    assert code == 1 and message in err and json.loads(out)["tables"] == {}
    assert sha(ws) == before


def test_truncated_xlsx_and_no_known_sheet(capsys, tmp_path, ws):
    good = write_xlsx(tmp_path / "bon.xlsx", {"Acteurs": ACTORS * 100})
    cut = tmp_path / "coupe.xlsx"
    cut.write_bytes(good.read_bytes()[:3000])
    code, _, err = run(capsys, "import", cut, "--db", ws)
    assert code == 1 and "tronqué" in err
    other = write_xlsx(
        tmp_path / "autre.xlsx", {"Feuil1": ACTORS, "Budget": [["poste", "montant"]]}
    )
    code, _, err = run(capsys, "import", other, "--db", ws)
    assert code == 1
    assert "Feuilles trouvées : « Feuil1 », « Budget »" in err
    assert "Noms de feuilles attendus : acteurs, personnes, sessions, participations" in err
    assert not ws.exists()


def test_usage_errors_exit_2(capsys, tmp_path, ws):
    file = write_csv(tmp_path / "liste.csv", ACTORS)
    code, _, err = run(capsys, "import", file, "--db", ws)
    assert code == 2 and "précisez le type de données avec --kind" in err
    code, _, err = run(capsys, "import", file, "--db", ws, "--kind", "structures-csti")
    assert code == 2 and "Type de données « structures-csti » inconnu" in err
    with pytest.raises(SystemExit) as exc:
        main(["import"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "template", tmp_path / "modele.ods")
    assert code == 2 and ".xlsx" in err


def test_file_over_the_size_limit(capsys, tmp_path, ws, monkeypatch):
    monkeypatch.setenv("OBSERVATOIRE_MAX_IMPORT_MB", "0.01")
    rows = [["nom", "commune"]] + [[f"Structure {i}", "Toulouse"] for i in range(1000)]
    file = write_csv(tmp_path / "acteurs.csv", rows)
    code, _, err = run(capsys, "import", file, "--db", ws)
    assert code == 1 and "au-delà de la limite de 0,01 Mo" in err
    assert not ws.exists()


def test_rejects_export_escapes_formulas(capsys, tmp_path, ws):
    rows = [["nom", "commune", "email"], ["=HYPERLINK(\"http://x\")", "Montaut", "+33@x"],
            ["@SUM(A1)", "Nulle-Part-Sur-Mer", ""], ["-2+3", "Toulouse", "=1+1"]]  # fmt: skip
    file = write_csv(tmp_path / "acteurs.csv", rows)
    out_csv, out_xlsx = tmp_path / "rejets.csv", tmp_path / "rejets.xlsx"
    assert run(capsys, "import", file, "--db", ws, "--rejects", out_csv)[0] == 0
    assert run(capsys, "import", file, "--db", ws, "--dry-run", "--rejects", out_xlsx)[0] == 0
    text = out_csv.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "gravité;feuille;ligne;colonne;valeur;motif"
    cells = [line.split(";") for line in text.splitlines()[1:]]
    assert all(not c.startswith(("=", "+", "-", "@")) for row in cells for c in row)
    assert "'=1+1" in text and "'-2+3" not in text  # the -2+3 row imported fine
    sheet = CalamineWorkbook.from_path(str(out_xlsx)).get_sheet_by_name("Rejets").to_python()
    values = [c for row in sheet[1:] for c in row if isinstance(c, str)]
    assert values and all(not v.startswith(("=", "+", "-", "@")) for v in values)
    with zipfile.ZipFile(out_xlsx) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_template_round_trip(capsys, tmp_path, ws):
    path = tmp_path / "modele.xlsx"
    code, out, _ = run(capsys, "template", path)
    assert code == 0 and "Modèle écrit" in out
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["Lisez-moi", *KINDS, "indicateurs"]
    for kind in KINDS.values():
        header, example = wb.get_sheet_by_name(kind.name).to_python()
        assert header == [c.name + (" *" if c.required else "") for c in kind.columns]
        assert any(cell != "" for cell in example)
    assert wb.get_sheet_by_name("acteurs").to_python()[0][:2] == ["identifiant", "nom *"]
    readme = wb.get_sheet_by_name("Lisez-moi").to_python()
    described = {(r[0], r[1]) for r in readme if len(r) > 3 and r[1] and r[3]}
    assert described >= {(k.name, c.name) for k in KINDS.values() for c in k.columns}
    # Downloaded and imported untouched: nothing comes in, one warning per example row.
    for dry_run in (True, False):
        report = run_import(path, ws, dry_run=dry_run)
        assert report.rejects == [] and report.importable == 0
        assert sorted(w.sheet for w in report.warnings) == sorted(KINDS)
        assert all("Ligne d'exemple" in w.reason and w.row == 2 for w in report.warnings)
        assert {w.value for w in report.warnings} >= {"EXEMPLE-ACT-0001", "EXEMPLE-SPTT"}
    assert not ws.exists()  # nothing to write: no workspace made of examples


def test_template_filled_in_imports_every_sheet(tmp_path, ws):
    """The template's examples with their EXEMPLE- prefixes removed import one row per sheet."""
    from openpyxl import load_workbook

    path = tmp_path / "modele.xlsx"
    from observatoire.importing.template import write_template

    wb = load_workbook(write_template(path))
    for kind in KINDS:
        for cell in wb[kind][2]:
            if isinstance(cell.value, str) and cell.value.startswith("EXEMPLE-"):
                cell.value = cell.value.removeprefix("EXEMPLE-")
    wb["objectifs"]["A2"] = "Sessions de formation"  # the French label, not the id
    wb.save(path)
    report = run_import(path, ws)
    assert report.rejects == [] and report.warnings == []
    assert all(t["inserted"] == 1 for t in report.tables.values()) and len(report.tables) == len(
        KINDS
    )
    assert query(ws, "SELECT kpi_id, programme FROM targets") == [("training_sessions", "SPTT")]


def test_workspace_show_and_set(capsys, tmp_path, ws):
    run_import(write_csv(tmp_path / "acteurs.csv", ACTORS), ws)
    code, out, _ = run(capsys, "workspace", "--db", ws)
    assert code == 0 and "territoire (départements) : 31" in out and "1 acteurs" in out
    code, out, _ = run(capsys, "workspace", "set", "--db", ws, "--name", "Réseau Occitanie",
                       "--departments", "31, Gers,ariège", "--programmes", "PTR Occitanie, SPTT")  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "workspace", "--db", ws, "--json")
    info = json.loads(out)
    assert info["name"] == "Réseau Occitanie"
    assert info["departments"] == ["09", "31", "32"]
    assert info["programmes"] == ["PTR Occitanie", "SPTT"]
    assert info["counts"]["actors"] == 1
    before = sha(ws)
    code, _, err = run(capsys, "workspace", "set", "--db", ws, "--departments", "31,Picardie")
    assert code == 2 and "Département « Picardie » inconnu" in err
    assert sha(ws) == before
    code, _, err = run(capsys, "workspace", "--db", tmp_path / "absent.duckdb")
    assert code == 1 and "introuvable" in err
