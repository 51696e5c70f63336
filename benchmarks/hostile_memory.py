"""Benchmark: peak memory of ``observatoire import`` on the hostile import files.

Run: ``.venv/bin/python -m benchmarks.hostile_memory``; prints one line per file. The files are
built by the same builders as the tests (``tests/importing/hostile.py``); each import runs in a
fresh process, and its peak RSS is read from ``getrusage(RUSAGE_CHILDREN)`` in a process of its
own, so that earlier children do not count.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from observatoire.paths import ROOT, reference_db

BUDGET_MB = 500.0
_MEASURE = (
    "import json, resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps([done.returncode, done.stderr, peak]))\n"
)
LABELS = {
    "xfd1048576": "xlsx, une cellule en XFD1048576",
    "xfd8000": "xlsx, une cellule en XFD8000",
    "ods_repeated": "ods, lignes et colonnes répétées (1 000 000 × 16 000)",
    "zip_bomb": "xlsx compressé dont le XML fait 1,3 Go",
}


def _builders():
    spec = importlib.util.spec_from_file_location(
        "hostile_builders", ROOT / "tests" / "importing" / "hostile.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(folder: Path) -> dict[str, Path]:
    """The four hostile files, written into ``folder``."""
    h = _builders()
    return {
        "xfd1048576": h.far_cell_xlsx(folder / "acteurs-xfd1048576.xlsx"),
        "xfd8000": h.far_cell_xlsx(folder / "acteurs-xfd8000.xlsx", "XFD8000"),
        "ods_repeated": h.repeated_ods(folder / "acteurs-repete.ods"),
        "zip_bomb": h.zip_bomb_xlsx(folder / "acteurs-bombe.xlsx"),
    }


def peak_import(file: Path, workspace: Path) -> tuple[int, str, float]:
    """Exit code, stderr and peak RSS (MB) of one ``observatoire import`` process."""
    env = os.environ | {"PYTHONPATH": str(ROOT), "OBSERVATOIRE_REFERENCE": str(reference_db())}
    command = [sys.executable, "-m", "observatoire", "import", str(file), "--db", str(workspace)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    code, err, peak_kb = json.loads(done.stdout)
    return code, err, peak_kb / 1024


def measure() -> list[dict]:
    """For each file: label, size on disk (bytes), exit code, peak RSS in MB, first message line."""
    out = []
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp)
        for key, file in build(folder).items():
            code, err, peak = peak_import(file, folder / "reseau.duckdb")
            out.append(
                {
                    "key": key,
                    "label": LABELS[key],
                    "size": file.stat().st_size,
                    "code": code,
                    "peak_mb": peak,
                    "message": err.strip().splitlines()[0] if err.strip() else "",
                }
            )
    return out


def main() -> int:
    """Print the figures; exit 1 when a file is accepted or passes the memory budget."""
    failed = False
    for r in measure():
        failed |= r["code"] != 1 or r["peak_mb"] > BUDGET_MB
        print(
            f"{r['label']} ({r['size']} octets) : sortie {r['code']}, "
            f"pic {r['peak_mb']:.0f} Mo (budget {BUDGET_MB:.0f} Mo) — {r['message'][:90]}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
