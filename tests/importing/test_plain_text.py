"""Imported text is plain: control characters removed with a warning, mixed encodings flagged."""

from __future__ import annotations

import pandas as pd
import pytest

from observatoire.cli import main
from observatoire.directory.export import xlsx_bytes
from observatoire.importing import run_import
from observatoire.importing.readers import decode_with_note, read_sheets

from . import hostile
from .conftest import query, write_csv

HEADER = ["nom", "commune", "departement", "courriel"]
ESC = "\x1b"


@pytest.fixture(autouse=True)
def reference_env(monkeypatch, reference_path):
    monkeypatch.setenv("OBSERVATOIRE_REFERENCE", str(reference_path))


def test_control_characters_are_removed_with_a_located_warning(tmp_path, ws, resolver):
    padding = [[f"Club {i}", "Toulouse", "31", ""] for i in range(200)]  # past the first 4 KB
    rows = [
        HEADER,
        *padding,
        ["Musée\x00 des\x0b Arts", "Albi", "81", ""],
        [f"Cap {ESC}[31mSciences{ESC}[0m", "Toulouse", "31", "cap@sciences.fr\x07"],
        ["Ligne\tavec\ntabulation", "Toulouse", "31", ""],
    ]
    path = write_csv(tmp_path / "acteurs.csv", rows)
    assert path.read_bytes().index(b"\x00") > 4096
    report = run_import(path, ws, resolver=resolver)
    assert report.written
    names = {n for (n,) in query(ws, "SELECT name FROM actors WHERE name NOT LIKE 'Club %'")}
    assert names == {"Musée des Arts", "Cap [31mSciences[0m", "Ligne\tavec\ntabulation"}
    (email,) = query(ws, "SELECT email FROM actors WHERE name LIKE 'Cap %'")[0]
    assert email == "cap@sciences.fr"
    warnings = [(w.sheet, w.row, w.column, w.reason) for w in report.warnings]
    first = len(padding) + 2  # the spreadsheet's row number of the first dirty line
    assert ("acteurs", first, "nom", warnings[0][3]) in warnings
    assert "2 caractère(s) de contrôle" in warnings[0][3]
    assert ("acteurs", first + 1, "email", warnings[0][3].replace("2 ", "1 ", 1)) in warnings
    assert len([w for w in warnings if w[1] == first + 1]) == 2  # the name and the e-mail
    assert not [w for w in warnings if w[1] == first + 2]  # tab and line break are text
    # What used to fail silently: the actors' XLSX export (openpyxl refuses control characters).
    stored = pd.DataFrame(query(ws, "SELECT name, email FROM actors"), columns=["nom", "email"])
    assert xlsx_bytes(stored, "Acteurs").startswith(b"PK")


def test_workbook_headers_and_cells_are_cleaned(tmp_path):
    # Excel writes a control character as _x0001_ (XML cannot hold it); the reader decodes it.
    cells = [("A1", "no_x0001_m"), ("B1", "commune"), ("A2", "Mus\x1fée"), ("B2", "Albi")]
    xml = (
        hostile._SHEET_HEAD
        + "<sheetData>"
        + "".join(
            f'<row r="{n}">'
            + "".join(hostile._inline(ref, v) for ref, v in cells if ref.endswith(str(n)))
            + "</row>"
            for n in (1, 2)
        )
        + "</sheetData></worksheet>"
    )
    (sheet,) = read_sheets(hostile._xlsx(tmp_path / "a.xlsx", xml))
    assert sheet.header == ["nom", "commune"]
    assert sheet.notes == [(1, "nom", sheet.notes[0][2])]
    assert "1 caractère(s) de contrôle" in sheet.notes[0][2]
    assert sheet.rows == [(2, ["Mus\x1fée", "Albi"])]  # cells are cleaned by the validator


def test_the_cli_never_prints_raw_control_characters(capsys, tmp_path, ws):
    name = f"acteurs{ESC}]0;titre\x07{ESC}[2J.csv"
    rows = [HEADER, ["Muséum", "Toulouse", "31", f"pas-un-courriel{ESC}[31m"]]
    path = write_csv(tmp_path / name, rows)
    code = main(["import", str(path), "--db", str(ws), "--kind", "acteurs"])
    out, err = capsys.readouterr()
    assert code == 0
    assert ESC not in out + err and "\x07" not in out + err
    assert "\\x1b]0;titre\\x07\\x1b[2J.csv" in out  # shown, not obeyed
    assert "[acteurs" in out and "ligne 2] email « pas-un-courriel[31m »" in out
    code = main(["import", str(path), "--db", str(ws), "--kind", "acteurs", "--json"])
    out, _ = capsys.readouterr()
    assert ESC not in out and "\\u001b" in out


def test_mixed_utf8_and_cp1252_is_read_passage_by_passage_with_a_warning(tmp_path, ws, resolver):
    lines = [
        b"nom;commune;departement",
        "Musée des Abattoirs;Toulouse;31".encode(),
        "Médiathèque José Cabanis;Toulouse;31".encode("cp1252"),
        "Cité de l'espace;Toulouse;31".encode(),
    ]
    path = tmp_path / "acteurs.csv"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    text, note = decode_with_note(path.read_bytes())
    assert "MusÃ©e" not in text
    assert "la ligne 2 est en UTF-8 et la ligne 3 en Windows-1252" in note
    report = run_import(path, ws, resolver=resolver)
    names = {n for (n,) in query(ws, "SELECT name FROM actors")}
    assert names == {"Cité de l'espace", "Médiathèque José Cabanis", "Musée des Abattoirs"}
    (warning,) = [w for w in report.warnings if "encodages" in w.reason]
    assert (warning.sheet, warning.row, warning.column) == ("acteurs", None, None)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Musée;Albi\n".encode(), "Musée;Albi\n"),
        ("Musée;Albi\n".encode("cp1252"), "Musée;Albi\n"),
        ("\ufeffMusée\n".encode(), "Musée\n"),
        ("Musée\n".encode("utf-16"), "Musée\n"),
    ],
)
def test_single_encodings_carry_no_note(data, expected):
    assert decode_with_note(data) == (expected, None)
