"""Benchmark: import 100,000 actor rows from CSV (budget 15 s) and from XLSX (budget 60 s).

Run: ``.venv/bin/python benchmarks/import_actors.py [ROWS]``; prints the figures for BENCHMARKS.md.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from observatoire import db
from observatoire.importing import load_resolver, run_import

BUDGETS = {"csv": 15.0, "xlsx": 60.0}
HEADER = ["Identifiant", "Nom de la structure", "Type", "Cercle", "Ville", "CP", "Dépt",
          "Code INSEE", "Courriel", "Téléphone", "Date de recensement"]  # fmt: skip


def actor_rows(n: int) -> list[list]:
    """n realistic actor rows spread over every commune, placed by INSEE code or by name."""
    con = db.connect_reference()
    try:
        communes = db.rows(con, "resolver_communes")
    finally:
        con.close()
    types = ["Association", "Musée", "Médiathèque", "Université", "Centre de loisirs"]
    rows = []
    for i in range(n):
        c = communes[(i * 7919) % len(communes)]
        by_code = i % 2 == 0
        rows.append([
            f"ACT-{i:06d}", f"Structure {i} de {c['name']}", types[i % 5], str(i % 3 + 1),
            "" if by_code else c["name"], "", c["department_code"], c["code"] if by_code else "",
            f"contact{i}@exemple.fr", f"05 61 {i % 100:02d} {i // 100 % 100:02d} 00",
            f"{i % 28 + 1:02d}/{i % 12 + 1:02d}/2018",
        ])  # fmt: skip
    return rows


def write_csv(path: Path, rows: list[list]) -> Path:
    """Windows-1252, semicolons: what Excel in French exports."""
    with path.open("w", encoding="cp1252", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    """An .xlsx with one sheet named acteurs (openpyxl write-only mode)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("acteurs")
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def measure(file: Path, folder: Path, kind: str | None) -> tuple[float, dict]:
    """Seconds for one import into a new workspace, and its counts."""
    start = time.perf_counter()
    report = run_import(file, folder / f"{file.suffix[1:]}.duckdb", kind=kind)
    return time.perf_counter() - start, report.tables


def main(n: int = 100_000) -> int:
    """Time both formats and print the figures; exit 1 when a budget is exceeded."""
    rows = actor_rows(n)
    start = time.perf_counter()
    load_resolver()
    print(f"résolveur chargé en {time.perf_counter() - start:.2f} s (une fois par processus)")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {"csv": write_csv(folder / "acteurs.csv", rows)}
        files["xlsx"] = write_xlsx(folder / "acteurs.xlsx", rows)
        for fmt, file in files.items():
            seconds, tables = measure(file, folder, "acteurs" if fmt == "csv" else None)
            budget = BUDGETS[fmt]
            failed |= seconds > budget
            size = file.stat().st_size / 1024 / 1024
            print(
                f"{n} acteurs, {fmt} ({size:.1f} Mo) : {seconds:.2f} s (budget {budget:g} s) {tables}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
