"""Safe writes: atomic swap, backups, the lock, killed imports and readers during a swap."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from observatoire.importing import WorkspaceLocked, run_import
from observatoire.workspace.safe_write import KEEP_BACKUPS, PAUSE_ENV, lock_path, locked

from .conftest import query, sha, write_csv

HEADER = ["identifiant", "nom", "code_insee", "cercle"]
COMMUNES = ["31555", "34172", "81004", "32013", "09122", "46042", "12202", "65440"]


def actors_csv(path, start: int, count: int):
    rows = [HEADER] + [
        [f"ACT-{i:06d}", f"Structure {i}", COMMUNES[i % len(COMMUNES)], str(i % 3 + 1)]
        for i in range(start, start + count)
    ]
    return write_csv(path, rows)


def subprocess_env(reference_path, **extra) -> dict:
    env = dict(os.environ, OBSERVATOIRE_REFERENCE=str(reference_path), **extra)
    env.pop(PAUSE_ENV, None) if PAUSE_ENV not in extra else None
    return env


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "observatoire", *map(str, args)]


def wait_for(predicate, proc=None, limit=120.0):
    # A guard against hanging forever, not a timing assertion.
    deadline = time.monotonic() + limit
    while not predicate():
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"process ended early: {proc.communicate()}")
        if time.monotonic() > deadline:
            pytest.fail("condition never met")
        time.sleep(0.05)


@pytest.fixture
def populated(tmp_path, ws, resolver):
    run_import(actors_csv(tmp_path / "acteurs.csv", 0, 50), ws, resolver=resolver)
    return ws


def test_second_import_fails_clearly_while_the_lock_is_held(
    tmp_path, populated, resolver, monkeypatch
):
    monkeypatch.setenv("OBSERVATOIRE_IMPORT_LOCK_WAIT", "0.2")
    before = sha(populated)
    file = actors_csv(tmp_path / "acteurs.csv", 50, 10)
    with locked(populated), pytest.raises(WorkspaceLocked) as exc:
        run_import(file, populated, resolver=resolver)
    assert "Un autre import" in str(exc.value) and "réessayez" in str(exc.value)
    assert sha(populated) == before
    assert run_import(file, populated, resolver=resolver).tables["acteurs"]["inserted"] == 10


def test_second_import_waits_for_the_first(tmp_path, populated, resolver):
    file = actors_csv(tmp_path / "acteurs.csv", 50, 10)
    results = {}
    held, release = threading.Event(), threading.Event()

    def hold():
        with locked(populated):
            held.set()
            release.wait(60)

    # Daemon threads, released in any case: a thread left waiting would keep the test process
    # from ever exiting.
    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    try:
        assert held.wait(30)  # the lock is taken before the import starts
        waiter = threading.Thread(
            target=lambda: results.update(r=run_import(file, populated, resolver=resolver)),
            daemon=True,
        )
        waiter.start()
        time.sleep(0.3)
        assert "r" not in results  # still waiting behind the lock
    finally:
        release.set()
    holder.join(60)
    waiter.join(60)
    assert results["r"].tables["acteurs"]["inserted"] == 10


def test_cli_reports_the_lock_in_french(tmp_path, populated, reference_path):
    file = actors_csv(tmp_path / "acteurs.csv", 50, 10)
    env = subprocess_env(reference_path, OBSERVATOIRE_IMPORT_LOCK_WAIT="0.2")
    before = sha(populated)
    with locked(populated):
        done = subprocess.run(
            cli("import", file, "--db", populated), env=env, capture_output=True, text=True
        )
    assert done.returncode == 1
    assert "Un autre import ou une autre modification est en cours" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert sha(populated) == before


def test_backups_keep_the_last_ten(tmp_path, populated, resolver):
    versions = [sha(populated)]
    for n in range(12):
        run_import(actors_csv(tmp_path / "acteurs.csv", 100 + n, 1), populated, resolver=resolver)
        versions.append(sha(populated))
    backups = sorted((populated.parent / "backups").glob("reseau-*.duckdb"))
    assert len(backups) == KEEP_BACKUPS
    # The newest backup is the version just before the last import, byte for byte.
    assert [sha(b) for b in backups] == versions[-KEEP_BACKUPS - 1 : -1]


def test_killed_before_the_swap_leaves_the_workspace_untouched(tmp_path, populated, reference_path):
    before = sha(populated)
    marker = tmp_path / "paused"
    file = actors_csv(tmp_path / "acteurs.csv", 1000, 5000)
    proc = subprocess.Popen(
        cli("import", file, "--db", populated),
        env=subprocess_env(reference_path, **{PAUSE_ENV: str(marker)}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(marker.exists, proc)
        staged = list(populated.parent.glob(".reseau.duckdb.*.tmp"))
        assert len(staged) == 1  # the complete new version, built and verified, not yet swapped in
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert sha(populated) == before
    assert query(populated, "SELECT count(*) FROM actors") == [(50,)]
    # The next import is not blocked: the lock died with the process, the stray copy is removed.
    done = subprocess.run(cli("import", file, "--db", populated), env=subprocess_env(reference_path),
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert query(populated, "SELECT count(*) FROM actors") == [(5050,)]
    assert not list(populated.parent.glob(".reseau.duckdb.*.tmp"))


def test_killed_at_any_moment_leaves_old_or_complete_new(tmp_path, populated, reference_path):
    before = sha(populated)
    file = actors_csv(tmp_path / "acteurs.csv", 1000, 30000)
    proc = subprocess.Popen(cli("import", file, "--db", populated), env=subprocess_env(reference_path),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    wait_for(lambda: list(populated.parent.glob(".reseau.duckdb.*.tmp")) or proc.poll() is not None)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    (count,) = query(populated, "SELECT count(*) FROM actors")[0]
    if sha(populated) != before:  # the kill came after the swap: then the import is complete
        assert count == 30050
    else:
        assert count == 50


READER = """
import sys, time, duckdb, pathlib
path, stop = sys.argv[1], pathlib.Path(sys.argv[2])
while not stop.exists():
    con = duckdb.connect(path, read_only=True)
    print(*con.execute("SELECT count(*), coalesce(sum(hash(actor_id, circle)), 0) FROM actors").fetchone(), flush=True)
    con.close()
"""


def snapshot_state(path, copy, sql):
    # In this process duckdb.connect(path) would return the instance the open reader holds
    # (the old version): read a copy of the file instead.
    shutil.copyfile(path, copy)
    return tuple(query(copy, sql)[0])


def test_readers_see_old_or_new_never_a_mix(tmp_path, populated, resolver):
    state = "SELECT count(*), coalesce(sum(hash(actor_id, circle)), 0) FROM actors"
    known = {tuple(query(populated, state)[0])}
    reader = duckdb.connect(str(populated), read_only=True)
    old = reader.execute(state).fetchone()
    stop = tmp_path / "stop"
    seen_by_thread = []
    thread_stop = threading.Event()

    def read_in_thread():
        cur = reader.cursor()
        while not thread_stop.is_set():
            seen_by_thread.append(cur.execute(state).fetchone())

    thread = threading.Thread(target=read_in_thread)
    thread.start()
    fresh = subprocess.Popen([sys.executable, "-c", READER, str(populated), str(stop)],
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        for n in range(4):
            # Each import adds actors and changes every circle: a mix would show an unknown state.
            rows = [HEADER] + [
                [
                    f"ACT-{i:06d}",
                    f"Structure {i}",
                    COMMUNES[i % len(COMMUNES)],
                    str((i + n) % 3 + 1),
                ]
                for i in range(0, 50 + 500 * (n + 1))
            ]
            run_import(
                write_csv(tmp_path / f"v{n}.csv", rows),
                populated,
                kind="acteurs",
                resolver=resolver,
            )
            known.add(snapshot_state(populated, tmp_path / f"copy{n}.duckdb", state))
    finally:
        stop.touch()
        thread_stop.set()
        thread.join()
        out, _ = fresh.communicate()
    assert reader.execute(state).fetchone() == old  # an open connection keeps the old version
    reader.close()
    assert set(seen_by_thread) == {old}
    seen_fresh = {tuple(int(x) for x in line.split()) for line in out.splitlines()}
    assert seen_fresh and seen_fresh <= known
    assert len(known) == 5


def test_lock_file_is_removed_after_use(tmp_path):
    """No stray ``.lock`` beside a workspace once the write is done (git status stays clean)."""
    workspace = tmp_path / "espace.duckdb"
    with locked(workspace):
        assert lock_path(workspace).exists()
    assert not lock_path(workspace).exists()
    with locked(workspace):  # and the lock can be taken again
        pass
    assert list(tmp_path.iterdir()) == []


def test_lock_files_are_ignored_by_git():
    """Even a lock left by a killed process never shows in ``git status``."""
    import subprocess

    from observatoire.paths import ROOT

    out = subprocess.run(
        ["git", "check-ignore", "data/demo-occitanie.duckdb.lock"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.stdout.strip() == "data/demo-occitanie.duckdb.lock"
