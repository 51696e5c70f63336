"""Readers: formats, encodings, delimiters, row numbers, formulas, and files that cannot be read."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from observatoire.importing.readers import UnreadableFile, read_sheets

from .conftest import write_csv, write_ods, write_xlsx

ROWS = [
    ["Nom de la structure", "Ville", "Dépt", "Courriel"],
    ["Médiathèque Émile-Zola", "Montpellier", "34", "mediatheque@montpellier.fr"],
    ["Association « Les Petits Débrouillards »", "Toulouse", "31", "contact@lpd.fr"],
]


def test_csv_windows_1252_semicolons(tmp_path):
    path = write_csv(tmp_path / "acteurs.csv", ROWS, encoding="cp1252", delimiter=";")
    assert "é".encode("cp1252") in path.read_bytes()
    (sheet,) = read_sheets(path)
    assert sheet.name == "acteurs"
    assert sheet.header == ROWS[0]
    assert sheet.rows == [(2, ROWS[1]), (3, ROWS[2])]


def test_csv_utf8_bom_commas(tmp_path):
    path = write_csv(tmp_path / "acteurs.csv", ROWS, encoding="utf-8-sig", delimiter=",")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    (sheet,) = read_sheets(path)
    assert sheet.header[0] == "Nom de la structure"  # no BOM glued to the first header
    assert [r for _, r in sheet.rows] == ROWS[1:]


def test_csv_tabs_and_quoted_delimiters(tmp_path):
    rows = [["nom", "adresse"], ["Musée", "12, rue des Arts; Albi"]]
    (sheet,) = read_sheets(write_csv(tmp_path / "a.csv", rows, delimiter="\t"))
    assert sheet.rows == [(2, rows[1])]
    (sheet,) = read_sheets(write_csv(tmp_path / "b.csv", rows, delimiter=";"))
    assert sheet.rows == [(2, rows[1])]


def test_blank_rows_are_skipped_but_numbering_follows_the_spreadsheet(tmp_path):
    rows = [ROWS[0], ["", "", "", ""], ROWS[1], [" ", None, None, None], ROWS[2]]
    (sheet,) = read_sheets(write_xlsx(tmp_path / "a.xlsx", {"Acteurs": rows}))
    assert [n for n, _ in sheet.rows] == [3, 5]
    (sheet,) = read_sheets(
        write_csv(tmp_path / "a.csv", [["" if c is None else c for c in r] for r in rows])
    )
    assert [n for n, _ in sheet.rows] == [3, 5]


def test_xlsx_types_and_formulas_read_as_cached_values(tmp_path):
    rows = [
        ["nom", "cercle", "date_recensement", "commune"],
        ["Muséum", 1, dt.date(2018, 3, 15), "Toulouse"],
        ["Quai des Savoirs", None, 43174, None],
    ]
    formulas = {
        ("Acteurs", "B3"): ("B2+1", 2),
        ("Acteurs", "D3"): ('UPPER("toulouse")', "TOULOUSE"),
        ("Acteurs", "A4"): ('CONCAT("=", "1+1")', "=1+1"),
    }
    path = write_xlsx(tmp_path / "f.xlsx", {"Acteurs": rows}, formulas)
    (sheet,) = read_sheets(path)
    assert sheet.rows[0] == (2, ["Muséum", 1.0, dt.date(2018, 3, 15), "Toulouse"])
    assert sheet.rows[1] == (3, ["Quai des Savoirs", 2.0, 43174.0, "TOULOUSE"])
    assert sheet.rows[2][1][0] == "=1+1"  # a formula's text result stays text, never evaluated


def test_ods_with_formula_and_dates(tmp_path):
    rows = [
        ["nom", "cercle", "date_recensement"],
        ["Muséum", ("[.B3]-1", 1), dt.date(2018, 3, 15)],
        ["Cap Sciences", 2, None],
    ]
    sheets = read_sheets(write_ods(tmp_path / "a.ods", {"Acteurs": rows, "Notes": [["libre"]]}))
    assert [s.name for s in sheets] == ["Acteurs", "Notes"]
    assert sheets[0].rows[0][1][:2] == ["Muséum", 1.0]
    assert sheets[0].rows[0][1][2] in (dt.date(2018, 3, 15), dt.datetime(2018, 3, 15))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.csv", b"", "est vide"),
        ("vide.xlsx", b"", "est vide"),
        ("blancs.csv", b"\r\n ; ; \r\n\r\n", "ne contient aucune donn"),
        ("hasard.xlsx", bytes(range(256)) * 40, "n'est pas un classeur Excel"),
        ("texte.ods", "nom;commune\nMusée;Albi\n".encode(), "n'est pas un classeur OpenDocument"),
        ("protege.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088), "mot de passe"),
        ("binaire.csv", b"PK\x03\x04\x00\x00" + bytes(100), "ne ressemble pas à un fichier CSV"),
        ("rapport.pdf", b"%PDF-1.4", "Format « .pdf » non pris en charge"),
    ],
)
def test_unreadable_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        read_sheets(path)


def test_truncated_xlsx(tmp_path):
    full = write_xlsx(tmp_path / "full.xlsx", {"Acteurs": ROWS * 200})
    data = full.read_bytes()
    truncated = tmp_path / "tronque.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="endommagé, tronqué"):
        read_sheets(truncated)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "rien")
    with pytest.raises(UnreadableFile, match="n'est pas un classeur Excel"):
        read_sheets(path)


def test_size_limit_refuses_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("OBSERVATOIRE_MAX_IMPORT_MB", "0.001")  # about 1 kB
    path = tmp_path / "gros.xlsx"
    path.write_bytes(bytes(range(256)) * 8)  # garbage: parsing would fail differently
    with pytest.raises(UnreadableFile, match="pèse 0,00195 Mo, au-delà de la limite de 0,001 Mo"):
        read_sheets(path)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableFile, match="introuvable"):
        read_sheets(tmp_path / "absent.xlsx")
