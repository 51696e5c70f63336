"""Two Streamlit replicas behind HAProxy on one data folder (``make serve REPLICAS=2``).

Sessions speak the browser's websocket protocol (``benchmarks.load.Session``). No timing is
asserted: these tests check routing, session affinity and that an import is seen everywhere.
"""

from __future__ import annotations

import asyncio
import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.load import Session, server_env
from observatoire.replicas import COOKIE, Cluster, ServeError

needs_haproxy = pytest.mark.skipif(
    shutil.which("haproxy") is None,
    reason="haproxy absent : « apt-get install haproxy » (.ci/run le fait)",
)

ESPACE = "demo-hauts-de-france"
QUERY = f"espace={ESPACE}"
ACTORS = "Acteurs recensés"  # the first card of the overview (kpis.BY_ID["actors_total"])
# Three actors in Hauts-de-France communes (Amiens, Lille, Arras), listed before any period.
NEW_ACTORS = [
    ["REP-1", "Structure répliques 1", "Association", "1", "", "", "80", "80021", "", "", "15/01/2020"],
    ["REP-2", "Structure répliques 2", "Musée", "2", "", "", "59", "59350", "", "", "15/01/2020"],
    ["REP-3", "Structure répliques 3", "Médiathèque", "3", "", "", "62", "62041", "", "", "15/01/2020"],
]  # fmt: skip


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, hdf_source):
    """Two replicas and HAProxy on a data folder holding a private copy of the HdF demo."""
    folder = tmp_path_factory.mktemp("replicas")
    data = folder / "data"
    data.mkdir()
    shutil.copyfile(hdf_source, data / hdf_source.name)
    env = server_env(data, [])
    with Cluster(replicas=2, env=env, folder=folder) as c:
        yield c


def _count(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()))


async def _open(url: str, page: str = "accueil", cookie: str = "", resume: str = ""):
    """A session (optionally forced onto a replica, resuming a session id) opening one page."""
    session = Session(url)
    if cookie or resume:
        import websockets

        session.cookie = cookie
        protocols = ["streamlit", "jeton", resume] if resume else ["streamlit"]
        session.ws = await websockets.connect(
            url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=protocols,
            additional_headers={"Cookie": cookie} if cookie else {},
            max_size=None,
        )
    else:
        await session.connect()
    run = await session.open(page, QUERY)
    return session, run


@pytest.mark.slow
@needs_haproxy
def test_a_session_survives_reruns_and_stays_on_its_replica(cluster):
    async def scenario():
        session, first = await _open(cluster.url)
        runs = [first] + [await session.open("accueil", QUERY) for _ in range(3)]
        await session.close()
        # A dropped websocket reconnects with its session id, as the browser does: the affinity
        # cookie sends it to the process that holds the session, which resumes it.
        again, resumed = await _open(cluster.url, cookie=session.cookie, resume=first.session_id)
        await again.close()
        other = "r2" if session.replica == "r1" else "r1"
        elsewhere, fresh = await _open(
            cluster.url, cookie=f"{COOKIE}={other}", resume=first.session_id
        )
        await elsewhere.close()
        return session.replica, runs, resumed, fresh

    replica, runs, resumed, fresh = asyncio.run(scenario())
    assert replica in {"r1", "r2"}
    assert [r.errors for r in runs] == [[], [], [], []]
    assert all(r.elements > 0 and r.metrics.get(ACTORS) for r in runs)
    assert {r.session_id for r in runs} == {runs[0].session_id}
    assert resumed.errors == [] and resumed.session_id == runs[0].session_id
    # The other replica does not know that session: it opens a new one.
    assert fresh.errors == [] and fresh.session_id != runs[0].session_id


@pytest.mark.slow
@needs_haproxy
def test_both_replicas_serve(cluster):
    async def scenario():
        opened = [await _open(cluster.url) for _ in range(4)]
        for session, _ in opened:
            await session.close()
        return [(s.replica, r) for s, r in opened]

    found = asyncio.run(scenario())
    assert {replica for replica, _ in found} == {"r1", "r2"}
    assert all(run.errors == [] and run.metrics.get(ACTORS) for _, run in found)


@pytest.mark.slow
@needs_haproxy
def test_an_import_through_the_cli_is_seen_by_both_replicas(cluster, tmp_path):
    from benchmarks.import_actors import HEADER

    workspace = _data(cluster) / f"{ESPACE}.duckdb"
    source = tmp_path / "acteurs.csv"
    with source.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(NEW_ACTORS)

    async def scenario():
        one, before_one = await _open(cluster.url, cookie=f"{COOKIE}=r1")
        two, before_two = await _open(cluster.url, cookie=f"{COOKIE}=r2")
        proc = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "observatoire", "import", str(source), "--kind", "acteurs",
             "--db", str(workspace)],
            capture_output=True, text=True, env={**cluster.members[0].env},
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-1500:]
        after_one = await one.open("accueil", QUERY)
        after_two = await two.open("accueil", QUERY)
        await one.close()
        await two.close()
        return before_one, before_two, after_one, after_two

    before_one, before_two, after_one, after_two = asyncio.run(scenario())
    for run in (before_one, before_two, after_one, after_two):
        assert run.errors == [], run.errors
    before = _count(before_one.metrics[ACTORS])
    assert _count(before_two.metrics[ACTORS]) == before
    # The same open sessions, one on each replica, see the three new actors.
    assert _count(after_one.metrics[ACTORS]) == before + len(NEW_ACTORS)
    assert _count(after_two.metrics[ACTORS]) == before + len(NEW_ACTORS)


def _data(cluster) -> Path:
    """The data folder the replicas share."""
    return Path(cluster.members[0].env["OBSERVATOIRE_DATA"])


def test_local_mode_never_listens_beyond_this_machine(tmp_path, monkeypatch):
    # No accounts file: every visitor would be an administrator.
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "absent.toml"))
    cluster = Cluster(replicas=1, address="0.0.0.0", folder=tmp_path)
    with pytest.raises(ServeError, match="Mode local"):
        cluster.start()
    assert cluster.members == []  # refused before any process started
