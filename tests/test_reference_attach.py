"""Every workspace connection gets the reference as ``ref``, however many come and go.

DuckDB (1.4 to 2.0) could spin forever in ``ATTACH`` once many database instances had attached
one reference path and been closed: the test suite hung that way. Each instance now attaches
the reference through a hard link of its own, removed at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from observatoire.paths import ROOT, data_dir
from observatoire.workspace import VERSIONS_DIR, connect

HDF = data_dir() / "demo-hauts-de-france.duckdb"

# Distinct workspace files opened and closed in a shuffled order, each attaching the reference:
# before the fix this stopped inside ATTACH within a few hundred rounds (2 runs out of 3).
CHURN = textwrap.dedent(
    """
    import os, random, sys
    from pathlib import Path
    from observatoire.workspace import connect
    source, folder = Path(sys.argv[1]), Path(sys.argv[2])
    rng, alive = random.Random(7), []
    for n in range(600):
        path = folder / f"w{n}.duckdb"
        os.link(source, path)
        con = connect(path)
        assert con.execute("SELECT count(*) FROM ref.regions").fetchone()[0] == 18
        alive.append(con)
        while len(alive) > rng.randrange(1, 6):
            alive.pop(rng.randrange(len(alive))).close()
        path.unlink()
    print("ok")
    """
)


def test_many_instances_attach_the_reference_without_hanging(tmp_path, reference_path):
    env = {**os.environ, "OBSERVATOIRE_REFERENCE": str(reference_path)}
    done = subprocess.run(
        [sys.executable, "-c", CHURN, str(HDF), str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_the_private_link_is_gone_once_attached(reference_path):
    links = reference_path.parent / VERSIONS_DIR
    before = set(links.glob(f"{reference_path.stem}.attach.*")) if links.exists() else set()
    con = connect(HDF, reference=reference_path)
    try:
        # 18 regions (13 metropolitan, 5 overseas), read through the attached reference.
        assert con.execute("SELECT count(*) FROM ref.regions").fetchone()[0] == 18
        second = con.cursor()
        assert second.execute("SELECT count(*) FROM ref.regions").fetchone()[0] == 18
    finally:
        con.close()
    after = set(links.glob(f"{reference_path.stem}.attach.*")) if links.exists() else set()
    assert after == before


def test_a_second_connection_to_one_file_reuses_its_attachment(reference_path):
    first = connect(HDF, reference=reference_path)
    second = connect(HDF, reference=reference_path)  # the same DuckDB instance
    try:
        names = [
            r[0] for r in second.execute("SELECT database_name FROM duckdb_databases()").fetchall()
        ]
        assert names.count("ref") == 1
    finally:
        second.close()
        first.close()
