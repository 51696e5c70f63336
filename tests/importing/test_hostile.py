"""Hostile files: refused in French before any grid is allocated, in bounded memory, workspace kept.

Each file is built here (zipfile and hand-written XML). Peak memory is the CLI's own: a fresh
interpreter runs ``observatoire import`` and reports its child's ``ru_maxrss``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from observatoire.importing import run_import, session
from observatoire.importing.isolated import ChildFailed
from observatoire.importing.readers import UnreadableFile, read_sheets
from observatoire.paths import ROOT

from . import hostile
from .conftest import query, sha, write_csv

PEAK_MB = 500
# Runs the command given as arguments, then reports its exit code, output and peak RSS (kB).
MEASURE = (
    "import json, resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps([done.returncode, done.stdout, done.stderr, peak]))\n"
)
BIG_LIMITS = {  # limits lifted, so that only the child's memory cap stands in the way
    "OBSERVATOIRE_MAX_IMPORT_ROWS": "2000000",
    "OBSERVATOIRE_MAX_IMPORT_COLUMNS": "20000",
    "OBSERVATOIRE_MAX_IMPORT_CELLS": "1e15",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """The four files of the issue: 1.6 KB, 1.6 KB, about 0.5 KB and a few MB on disk."""
    folder = tmp_path_factory.mktemp("hostile")
    return {
        "xfd1048576": hostile.far_cell_xlsx(folder / "acteurs-xfd1048576.xlsx"),
        "xfd8000": hostile.far_cell_xlsx(folder / "acteurs-xfd8000.xlsx", "XFD8000"),
        "ods_repeated": hostile.repeated_ods(folder / "acteurs-repete.ods"),
        "zip_bomb": hostile.zip_bomb_xlsx(folder / "acteurs-bombe.xlsx"),
    }


@pytest.fixture
def existing(tmp_path, resolver) -> Path:
    """A workspace holding one actor, so that "unchanged" means unchanged bytes."""
    ws = tmp_path / "data" / "reseau.duckdb"
    rows = [hostile.HEADER, hostile.DATA]
    report = run_import(write_csv(tmp_path / "acteurs.csv", rows), ws, resolver=resolver)
    assert report.written
    return ws


def measured_import(file: Path, ws: Path, reference: Path) -> tuple[int, str, str, float]:
    """Exit code, stdout, stderr and peak RSS in MB of ``observatoire import FILE --db WS``."""
    env = os.environ | {"PYTHONPATH": str(ROOT), "OBSERVATOIRE_REFERENCE": str(reference)}
    command = [sys.executable, "-m", "observatoire", "import", str(file), "--db", str(ws)]
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    code, out, err, peak_kb = json.loads(done.stdout)
    return code, out, err, peak_kb / 1024


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "xfd1048576",
            "jusqu'à la ligne 1\u202f048\u202f576, au-delà de la limite de 200\u202f000",
        ),
        ("xfd8000", "jusqu'à la colonne 16\u202f384, au-delà de la limite de 200 colonnes"),
        ("ods_repeated", "jusqu'à la ligne 1\u202f000\u202f001, au-delà de la limite"),
        ("zip_bomb", "une fois décompressé, il occuperait 1\u202f300 Mo, au-delà de la limite"),
    ],
)
def test_cli_refuses_in_bounded_memory(files, existing, reference_path, name, message):
    before = sha(existing)
    code, out, err, peak_mb = measured_import(files[name], existing, reference_path)
    assert code == 1
    assert message in err
    assert "n'a pas été lu" in err
    assert "Traceback" not in out + err
    assert sha(existing) == before
    assert peak_mb < PEAK_MB, f"{name}: {peak_mb:.0f} MB"


def test_the_small_files_really_are_small(files):
    assert files["xfd1048576"].stat().st_size < 2000
    assert files["ods_repeated"].stat().st_size < 1000
    assert files["zip_bomb"].stat().st_size < 10_000_000
    with zipfile.ZipFile(files["zip_bomb"]) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size > 1_300_000_000


def _sheet_xml(body: str, dimension: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f"{hostile._SHEET_HEAD}{dim}<sheetData>{hostile._first_rows()}{body}</sheetData></worksheet>"


@pytest.mark.parametrize(
    ("body", "dimension"),
    [
        # The declared size alone is refused, even with no far cell.
        ("", "A1:XFD1048576"),
        # A dimension that lies does not hide the far cell.
        ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "A1:C2"),
        # An empty string is still a value to the reader.
        ('<row r="300000"><c r="A300000" t="inlineStr"><is><t></t></is></c></row>', ""),
        # Cells without a reference: their position is implied by their rank.
        ('<row r="300000"><c t="inlineStr"><is><t>x</t></is></c></row>', ""),
        ("<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 201 + "</row>", ""),
        # Prefixed tags and single quotes take the slower, exact scan.
        ("<x:row r='300000'><x:c r='B300000'><x:v>1</x:v></x:c></x:row>", ""),
    ],
)
def test_far_cells_are_refused_however_written(tmp_path, body, dimension):
    xml = _sheet_xml(body, dimension)
    if "x:" in body:
        xml = xml.replace(
            "<worksheet ",
            '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
        )
    path = hostile._xlsx(tmp_path / "acteurs.xlsx", xml)
    with pytest.raises(UnreadableFile, match="n'a pas été lu"):
        read_sheets(path)


def test_styled_empty_cells_and_repeated_blank_rows_are_fine(tmp_path):
    # A formatted but empty cell far away holds nothing: the reader skips it, so do the checks.
    xml = _sheet_xml('<row r="1048576"><c r="XFD1048576" s="0"/></row>')
    (sheet,) = read_sheets(hostile._xlsx(tmp_path / "acteurs.xlsx", xml))
    assert sheet.rows == [(2, hostile.DATA)]
    # LibreOffice pads every sheet with repeated empty rows and columns up to the sheet's end.
    path = hostile.repeated_ods(tmp_path / "acteurs.ods", rows=1, columns=1)
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml").decode()
    padding = (
        '<table:table-cell table:number-columns-repeated="1021"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="1024"/>'
    )
    content = content.replace("</table:table-cell></table:table-row></table:table>",
                              f"</table:table-cell>{padding}</table:table-row></table:table>")  # fmt: skip
    (sheet,) = read_sheets(hostile.write_ods_content(path, content))
    assert sheet.header == hostile.HEADER
    assert sheet.rows == [(2, ["x", "", ""])]


def test_a_doctype_is_refused_as_damaged(tmp_path):
    xml = _sheet_xml("").replace("<worksheet", '<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet', 1)
    # Prefixed cells force the expat scan, which is where a DOCTYPE could expand entities.
    xml = xml.replace("<c ", "<x:c ").replace("</c>", "</x:c>")
    with pytest.raises(UnreadableFile, match="n'est pas un classeur Excel"):
        read_sheets(hostile._xlsx(tmp_path / "acteurs.xlsx", xml))


def test_csv_rows_and_columns_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("OBSERVATOIRE_MAX_IMPORT_ROWS", "3")
    rows = [hostile.HEADER] + [hostile.DATA] * 3
    with pytest.raises(UnreadableFile, match="jusqu'à la ligne 4, au-delà de la limite de 3"):
        read_sheets(write_csv(tmp_path / "acteurs.csv", rows))
    monkeypatch.setenv("OBSERVATOIRE_MAX_IMPORT_COLUMNS", "3")
    (sheet,) = read_sheets(write_csv(tmp_path / "a.csv", [hostile.HEADER + [""] * 50]))
    assert sheet.header == hostile.HEADER  # trailing empty cells are not columns
    with pytest.raises(UnreadableFile, match="jusqu'à la colonne 4, au-delà de la limite de 3"):
        read_sheets(write_csv(tmp_path / "b.csv", [hostile.HEADER + ["x"]]))


# -- the app's steps run in a child process with a memory cap ----------------------------------


def test_app_preview_refuses_in_french(files, tmp_path):
    staged = session.stage("acteurs.xlsx", files["xfd1048576"].read_bytes(), tmp_path)
    with pytest.raises(UnreadableFile, match="au-delà de la limite de 200\u202f000 lignes"):
        session.inspect(staged)


def test_a_child_over_its_memory_cap_gives_french_and_changes_nothing(
    files, existing, tmp_path, monkeypatch
):
    # With the size limits lifted, the reader asks for 4 GB: only the cap stops it.
    for key, value in BIG_LIMITS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("OBSERVATOIRE_IMPORT_MEMORY_MB", "400")
    staged = session.stage("acteurs.xlsx", files["xfd8000"].read_bytes(), tmp_path / "up")
    with pytest.raises(ChildFailed, match="demandait plus de mémoire que la limite de 400 Mo"):
        session.inspect(staged)
    dry = session.dry_run(staged, existing)
    assert "Rien n'a été modifié" in dry.report.error
    before = sha(existing)
    report = session.commit(staged, dry)
    assert report.error and not report.written
    assert sha(existing) == before
    assert query(existing, "SELECT name FROM actors") == [("Muséum",)]


def test_a_real_file_goes_through_the_child(tmp_path, existing):
    rows = [hostile.HEADER, ["Quai des Savoirs", "Toulouse", "31"]]
    staged = session.stage(
        "acteurs.csv", write_csv(tmp_path / "x.csv", rows).read_bytes(), tmp_path
    )
    (sheet,) = session.inspect(staged, "acteurs")
    assert (sheet.kind, sheet.total_rows) == ("acteurs", 1)
    dry = session.dry_run(staged, existing, "acteurs")
    assert dry.report.tables["acteurs"]["inserted"] == 1
    report = session.commit(staged, dry)
    assert report.written
    assert sorted(query(existing, "SELECT name FROM actors")) == [
        ("Muséum",),
        ("Quai des Savoirs",),
    ]
