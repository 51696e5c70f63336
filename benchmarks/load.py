"""A load test on a real ``streamlit run`` server: N websocket sessions each open M pages.

Each session speaks Streamlit's browser protocol on ``/_stcore/stream``: it sends a
``rerun_script`` BackMsg (page name and query string, as the browser does when a URL is opened
or a menu link followed) and reads ForwardMsgs until ``script_finished`` (a run that ends early
for a rerun, e.g. ``st.rerun`` or ``st.switch_page``, is followed by the next one). A page's time
is from the request to the end of its last run. Errors are exception elements and error panels
in the deltas, disconnects and timeouts. Before the HTTP websocket, a session fetches ``/`` as a
browser does, which gives it the balancer's affinity cookie when there is one.

What a browser does besides is not counted: loading the JavaScript bundle and the components'
iframes (Leaflet is a static file), drawing. The server's CPU time per page is read from
``/proc/<pid>/stat`` around each page of a single session, caches warm.

Run: ``python -m benchmarks.load [--quick] [--sessions 1,5,10,20] [--replicas 0|1|2 ...]``;
``--cpu-only --workspaces demo-national --pages carte --repeat 5`` only measures the server CPU of
each page in new sessions (medians of ``--repeat`` sessions), caches warm, and prints it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from observatoire.paths import ROOT, data_dir, reference_db
from observatoire.replicas import Cluster

PAGES = ("accueil", "carte", "formations", "zones_blanches", "revue_mensuelle")
WORKSPACES = ("demo-hauts-de-france", "demo-national")
SESSIONS = (1, 5, 10, 20)
BUDGET_P95 = 3.0  # p95 page time with 20 sessions
BUDGET_CPU = 0.15  # server CPU of a page run in a new session, caches warm
TIMEOUT = 180.0  # one page; beyond it the page counts as an error
TICKS = os.sysconf("SC_CLK_TCK")
START = "<!-- load:start -->"
END = "<!-- load:end -->"
EARLY = ForwardMsg.FINISHED_EARLY_FOR_RERUN


@dataclass
class PageRun:
    """One page opened by one session."""

    page: str
    seconds: float
    errors: list[str] = field(default_factory=list)
    replica: str = ""
    metrics: dict[str, str] = field(default_factory=dict)  # st.metric label -> shown value
    elements: int = 0  # elements drawn by the last run (a blank page would be a failure too)
    session_id: str = ""


def _elements(msg: ForwardMsg):
    if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
        yield msg.delta.new_element


def back_rerun(page: str, query: str, base: str) -> bytes:
    """The BackMsg a browser sends to open ``/{page}?{query}``."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page  # resolved against st.navigation's url_path; no script hash known
    state.page_script_hash = ""
    info = state.context_info
    info.timezone, info.timezone_offset, info.locale = "Europe/Paris", -60, "fr-FR"
    info.url = f"{base}/{page}" + (f"?{query}" if query else "")
    return msg.SerializeToString()


class Session:
    """One browser tab: an HTTP GET of ``/`` (affinity cookie), then the websocket."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self.cookie = ""
        self.ws = None

    @property
    def replica(self) -> str:
        """The balancer's replica name from the affinity cookie ('' without a balancer)."""
        for part in self.cookie.split(";"):
            name, _, value = part.strip().partition("=")
            if name == "OBSREPLICA":
                return value
        return ""

    async def connect(self) -> None:
        def get_cookie() -> str:
            with urllib.request.urlopen(self.url + "/", timeout=60) as r:
                r.read()
                return "; ".join(c.split(";")[0] for c in r.headers.get_all("Set-Cookie") or [])

        self.cookie = await asyncio.to_thread(get_cookie)
        ws_url = "ws" + self.url[len("http") :] + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.ws = await websockets.connect(
            ws_url, subprotocols=["streamlit"], additional_headers=headers, max_size=None,
            open_timeout=60, ping_interval=None,
        )  # fmt: skip

    async def open(self, page: str, query: str, timeout: float = TIMEOUT) -> PageRun:
        """Open a page and wait for the end of its script run."""
        run = PageRun(page, 0.0, replica=self.replica)
        start = time.perf_counter()
        try:
            await self.ws.send(back_rerun(page, query, self.url))
            async with asyncio.timeout(timeout):
                while True:
                    msg = ForwardMsg()
                    msg.ParseFromString(await self.ws.recv())
                    kind = msg.WhichOneof("type")
                    if kind == "new_session":
                        run.session_id = msg.new_session.initialize.session_id
                    elif kind == "page_not_found":
                        run.errors.append(f"page introuvable : {page}")
                    elif kind == "script_finished":
                        if msg.script_finished != EARLY:
                            break
                        run.elements = 0
                    for el in _elements(msg):
                        run.elements += 1
                        which = el.WhichOneof("type")
                        if which == "exception":
                            run.errors.append(f"exception {el.exception.type}: "
                                              f"{el.exception.message[:160]}")  # fmt: skip
                        elif which == "alert" and el.alert.format == el.alert.ERROR:
                            run.errors.append(f"panneau d'erreur : {el.alert.body[:160]}")
                        elif which == "metric":
                            run.metrics[el.metric.label] = el.metric.body
        except TimeoutError:
            run.errors.append(f"délai dépassé ({timeout:.0f} s)")
        except websockets.ConnectionClosed as exc:
            run.errors.append(f"déconnexion ({exc.__class__.__name__})")
        run.seconds = time.perf_counter() - start
        if not run.errors and not run.elements:
            run.errors.append(f"page vide : {page}")
        return run

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


async def browse(url: str, pages: tuple[str, ...], query: str, delay: float = 0.0):
    """One session opening ``pages`` in turn; a failed connection is one error per page."""
    await asyncio.sleep(delay)
    session = Session(url)
    try:
        await session.connect()
    except (OSError, websockets.InvalidHandshake, TimeoutError) as exc:
        return [PageRun(p, 0.0, [f"connexion refusée : {exc!r}"[:200]]) for p in pages]
    try:
        return [await session.open(page, query) for page in pages]
    finally:
        await session.close()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, int(round(q * len(ordered))) - 1)]


@dataclass
class Result:
    """N sessions × M pages."""

    sessions: int
    runs: list[PageRun]
    wall: float

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs]

    @property
    def errors(self) -> list[str]:
        return [f"{r.page} : {e}" for r in self.runs for e in r.errors]

    def summary(self) -> dict:
        t = self.times
        by_page = {}
        for page in dict.fromkeys(r.page for r in self.runs):
            own = [r.seconds for r in self.runs if r.page == page]
            by_page[page] = statistics.median(own)
        replicas = sorted({r.replica for r in self.runs if r.replica})
        return {"sessions": self.sessions, "runs": len(t), "errors": len(self.errors),
                "error_samples": sorted(set(self.errors))[:5], "p50": statistics.median(t),
                "p95": percentile(t, 0.95), "max": max(t), "wall": self.wall,
                "by_page": by_page, "replicas": replicas}  # fmt: skip


def run_sessions(url: str, sessions: int, pages, espace: str, ramp: float = 0.0) -> Result:
    """``sessions`` sessions at once (spread over ``ramp`` seconds), each opening ``pages``."""
    query = f"espace={espace}"

    async def all_of_them():
        delays = (
            [ramp * i / max(1, sessions - 1) for i in range(sessions)] if ramp else [0.0] * sessions
        )
        return await asyncio.gather(*(browse(url, tuple(pages), query, d) for d in delays))

    start = time.perf_counter()
    done = asyncio.run(all_of_them())
    return Result(sessions, [r for runs in done for r in runs], time.perf_counter() - start)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of processes (all their threads), from ``/proc/<pid>/stat``."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / TICKS


def rss_mb(pids: list[int]) -> float:
    """Resident memory of processes, in MB."""
    total = 0.0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def cpu_per_page(url: str, pids: list[int], pages, espace: str) -> dict[str, tuple[float, float]]:
    """Server CPU and wall time of each page opened by one new session (caches warm)."""
    query = f"espace={espace}"

    async def one():
        session = Session(url)
        await session.connect()
        out = {}
        try:
            for page in pages:
                await asyncio.sleep(0.3)  # let the previous run's tail (forward queue) settle
                before = cpu_seconds(pids)
                run = await session.open(page, query)
                await asyncio.sleep(0.2)
                out[page] = (cpu_seconds(pids) - before, run.seconds)
        finally:
            await session.close()
        return out

    return asyncio.run(one())


def cpu_only(espace: str, pages, repeat: int, tmp: Path, echo=print) -> dict[str, list[float]]:
    """Server CPU of each page in ``repeat`` new sessions, after one warm-up session."""
    env = server_env(tmp / f"data-{espace}", [data_dir() / f"{espace}.duckdb"])
    folder = tmp / f"server-{espace}"
    folder.mkdir()
    found: dict[str, list[float]] = {p: [] for p in pages}
    with Cluster(replicas=1, balancer=False, env=env, folder=folder) as server:
        first = run_sessions(server.url, 1, pages, espace)
        for e in first.errors:
            echo(f"[load] {espace} : {e}")
        for _ in range(repeat):
            runs = cpu_per_page(server.url, server.pids(), pages, espace)
            for page, (cpu, _wall) in runs.items():
                found[page].append(cpu)
        log = log_errors(server.members[0].log)
        if log:
            echo(log)
    for page, values in found.items():
        echo(f"[load] {espace} {page} : CPU serveur médian {statistics.median(values):.3f} s "
             f"({', '.join(f'{v:.2f}' for v in values)})")  # fmt: skip
    return found


def server_env(folder: Path, workspaces: list[Path]) -> dict[str, str]:
    """A data folder holding only ``workspaces`` (links), local mode (no accounts file)."""
    folder.mkdir(parents=True, exist_ok=True)
    for ws in workspaces:
        link = folder / ws.name
        if not link.exists():
            link.symlink_to(ws.resolve())
    return {
        "OBSERVATOIRE_DATA": str(folder),
        "OBSERVATOIRE_REFERENCE": str(reference_db().resolve()),
        "OBSERVATOIRE_USERS": str(folder / "no-users.toml"),
        "PYTHONPATH": str(ROOT),
        "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "full",  # the report says what an error was
    }


@dataclass
class Plan:
    """What one load run measures."""

    workspaces: tuple[str, ...] = WORKSPACES
    sessions: tuple[int, ...] = SESSIONS
    pages: tuple[str, ...] = PAGES
    replicas: tuple[int, ...] = (1, 2)  # behind the balancer, at the largest session count
    replica_workspace: str = "demo-national"
    ramp: float = 0.0
    quick: bool = False


def measure_workspace(plan: Plan, espace: str, tmp: Path, echo=print) -> dict:
    """One server alone: warm-up, CPU per page, then each session count."""
    workspace = data_dir() / f"{espace}.duckdb"
    env = server_env(tmp / f"data-{espace}", [workspace])
    out: dict = {"espace": espace}
    folder = tmp / f"server-{espace}"
    folder.mkdir()
    with Cluster(replicas=1, balancer=False, env=env, folder=folder) as server:
        pids = server.pids()
        start = time.perf_counter()
        first = run_sessions(server.url, 1, plan.pages, espace)
        out["first"] = first.summary()
        echo(f"[load] {espace} : premier passage {time.perf_counter() - start:.1f} s")
        out["cpu"] = cpu_per_page(server.url, pids, plan.pages, espace)
        out["levels"] = []
        for n in plan.sessions:
            res = run_sessions(server.url, n, plan.pages, espace, plan.ramp)
            out["levels"].append(res.summary())
            s = out["levels"][-1]
            echo(f"[load] {espace} : {n} sessions, p50 {s['p50']:.2f} s, p95 {s['p95']:.2f} s, "
                 f"max {s['max']:.2f} s, erreurs {s['errors']}")  # fmt: skip
        out["rss_mb"] = rss_mb(pids)
        out["server_log"] = log_errors(server.members[0].log)
    return out


def log_errors(log: Path, chars: int = 1200) -> str:
    """The end of the last traceback in a server log ('' when there is none)."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    at = text.rfind("Traceback")
    return text[at:][-chars:] if at >= 0 else ""


def measure_replicas(plan: Plan, tmp: Path, echo=print) -> list[dict]:
    """The largest session count through HAProxy, with 1 then 2 (…) replicas."""
    espace = plan.replica_workspace
    env = server_env(tmp / "data-replicas", [data_dir() / f"{espace}.duckdb"])
    n = max(plan.sessions)
    found = []
    for count in plan.replicas:
        folder = tmp / f"replicas-{count}"
        folder.mkdir()
        with Cluster(replicas=count, env=env, folder=folder) as cluster:
            # Warm every replica's caches: sessions land on replicas in turn.
            run_sessions(cluster.url, count, plan.pages, espace)
            res = run_sessions(cluster.url, n, plan.pages, espace, plan.ramp)
            s = res.summary()
            s["replica_count"] = count
            s["rss_mb"] = rss_mb(cluster.pids())
            found.append(s)
            echo(f"[load] {count} réplique(s), {n} sessions : p95 {s['p95']:.2f} s, "
                 f"erreurs {s['errors']}, répliques servies {s['replicas']}")  # fmt: skip
    return found


def measure(plan: Plan, echo=print) -> dict:
    """Every measurement of the plan; the machine's load before and after."""
    started = dt.datetime.now(dt.UTC)
    out = {"plan": plan.__dict__, "load_before": os.getloadavg(), "workspaces": []}
    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        for espace in plan.workspaces:
            if not (data_dir() / f"{espace}.duckdb").exists():
                out["workspaces"].append({"espace": espace, "missing": True})
                continue
            out["workspaces"].append(measure_workspace(plan, espace, Path(tmp), echo))
        out["replicas"] = measure_replicas(plan, Path(tmp), echo) if plan.replicas else []
    out["load_after"] = os.getloadavg()
    out["started"] = started.isoformat()
    out["minutes"] = (dt.datetime.now(dt.UTC) - started).total_seconds() / 60
    return out


# --------------------------------------------------------------------------- report


def num(value: float, digits: int = 1) -> str:
    """A decimal number with a French comma."""
    return f"{value:.{digits}f}".replace(".", ",")


def s(value: float) -> str:
    """Seconds, French decimal comma."""
    return (f"{value:.2f} s" if value < 10 else f"{value:.1f} s").replace(".", ",")


def verdict(ok: bool) -> str:
    return "tenu" if ok else "**dépassé**"


def report(found: dict) -> str:
    """The Markdown section: the load table with its budgets, CPU per page, replicas."""
    plan = found["plan"]
    levels = plan["sessions"]
    load = " ; ".join(num(x, 2) for x in found["load_before"])
    after = " ; ".join(num(x, 2) for x in found["load_after"])
    lines = [
        START,
        "## Charge : un vrai serveur, plusieurs sessions",
        "",
        f"Mesuré par `python -m benchmarks.load` ({num(found['minutes'])} min) : un serveur "
        "`streamlit run app.py` en mode local, des sessions qui parlent son protocole WebSocket "
        "(`/_stcore/stream`, messages protobuf `BackMsg`/`ForwardMsg`) comme un navigateur ; "
        f"chaque session ouvre {', '.join(plan['pages'])}, toutes en même temps. Temps d'une "
        "page : de la demande à la fin de son exécution (`script_finished`), sans le chargement "
        "du JavaScript ni le dessin. Erreurs : exceptions et panneaux d'erreur affichés, "
        f"déconnexions, délais dépassés ({TIMEOUT:.0f} s). Charge moyenne de la machine (1, 5, "
        f"15 min) : {load} au départ, {after} à la fin.",
        "",
    ]
    if plan.get("quick"):
        lines += ["**Mode rapide** : essai de fumée, pas une mesure des budgets.", ""]
    head = ["espace", "1 session, à chaud"]
    head += [f"{n} sessions p95" for n in levels if n > 1]
    top = max(levels)
    head += [f"{top} sessions max", "erreurs", f"p95 ≤ 3 s à {top} sessions", "0 erreur",
             "RSS du serveur"]  # fmt: skip
    lines += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for w in found["workspaces"]:
        if w.get("missing"):
            lines.append(f"| {w['espace']} | absent |" + " — |" * (len(head) - 2))
            continue
        one = next((x for x in w["levels"] if x["sessions"] == 1), None)
        slow = max(one["by_page"].items(), key=lambda kv: kv[1]) if one else None
        warm = f"médiane {s(one['p50'])} ; {slow[0]} {s(slow[1])}" if one else "—"
        cells = [w["espace"], warm]
        cells += [s(x["p95"]) for x in w["levels"] if x["sessions"] > 1]
        last = w["levels"][-1]
        errors = sum(x["errors"] for x in w["levels"]) + w["first"]["errors"]
        cells += [s(last["max"]), str(errors), verdict(last["p95"] <= BUDGET_P95),
                  verdict(errors == 0), f"{w['rss_mb']:.0f} Mo"]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Premier passage après le démarrage du serveur (une session, caches vides) et "
              "temps CPU du serveur par page pour une nouvelle session, caches chauds "
              f"(budget {s(BUDGET_CPU)}, `/proc/<pid>/stat`) :", ""]  # fmt: skip
    lines += ["| espace | page | premier passage | à chaud, horloge | CPU serveur | ≤ 0,15 s |",
              "| --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for w in found["workspaces"]:
        if w.get("missing"):
            continue
        for page, (cpu, wall) in w["cpu"].items():
            first = w["first"]["by_page"].get(page)
            lines.append(f"| {w['espace']} | {page} | {s(first) if first else '—'} | {s(wall)} "
                         f"| {s(cpu)} | {verdict(cpu <= BUDGET_CPU)} |")  # fmt: skip
    samples = sorted({f"{w['espace']}, {x['sessions']} session(s) : {e}"
                      for w in found["workspaces"] if not w.get("missing")
                      for x in [w["first"], *w["levels"]] for e in x["error_samples"]})  # fmt: skip
    if samples:
        lines += ["", "Erreurs relevées (extraits) :", ""]
        lines += [f"- {e}".replace("\n", " ") for e in samples[:8]]
        for w in found["workspaces"]:
            if w.get("server_log"):
                lines += ["", f"Fin du journal du serveur ({w['espace']}) :", "", "```",
                          w["server_log"].strip(), "```"]  # fmt: skip
    if found.get("replicas"):
        lines += ["", f"### Plusieurs processus derrière HAProxy ({plan['replica_workspace']}, "
                  f"{top} sessions)", "",
                  "`python -m observatoire.replicas` (ce que lance `make serve REPLICAS=N`) : "
                  "répliques sur un même dossier de données, cookie d'affinité, contrôle de "
                  "santé ; mêmes sessions que ci-dessus, à travers le répartiteur, après une "
                  "session d'échauffement par réplique.", "",
                  "| répliques | p50 | p95 | max | durée totale | erreurs | répliques servies "
                  "| RSS total |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]  # fmt: skip
        for r in found["replicas"]:
            lines.append(f"| {r['replica_count']} | {s(r['p50'])} | {s(r['p95'])} | "
                         f"{s(r['max'])} | {s(r['wall'])} | {r['errors']} | "
                         f"{', '.join(r['replicas'])} | {r['rss_mb']:.0f} Mo |")  # fmt: skip
        if len(found["replicas"]) >= 2:
            a, b = found["replicas"][0], found["replicas"][-1]
            lines += ["", f"Gain de {b['replica_count']} répliques sur {a['replica_count']} : "
                      f"p95 divisé par {num(a['p95'] / b['p95'], 2)}, durée totale divisée par "
                      f"{num(a['wall'] / b['wall'], 2)} (sur {os.cpu_count()} cœurs partagés)."]  # fmt: skip
    lines.append(END)
    return "\n".join(lines)


def splice(path: Path, section: str) -> None:
    """Put ``section`` into a report in place of the previous one (or at its end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def quick_plan() -> Plan:
    """A smoke test: the HdF demo, 1 and 2 sessions, two pages, 1 and 2 replicas."""
    return Plan(workspaces=("demo-hauts-de-france",), sessions=(1, 2), pages=("accueil", "carte"),
                replicas=(1, 2), replica_workspace="demo-hauts-de-france", quick=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="essai de fumée (aussi LOAD_QUICK=1)")
    p.add_argument("--sessions", default=",".join(map(str, SESSIONS)))
    p.add_argument("--workspaces", default=",".join(WORKSPACES))
    p.add_argument("--pages", default=",".join(PAGES))
    p.add_argument("--replicas", default="1,2", help="0 : pas de mesure à travers HAProxy")
    p.add_argument("--ramp", type=float, default=0.0, help="étaler les arrivées sur N secondes")
    p.add_argument("--out", type=Path, help="rapport où remplacer la section de charge")
    p.add_argument("--json", type=Path, help="écrire aussi les mesures brutes")
    p.add_argument("--cpu-only", action="store_true", help="seulement le CPU serveur par page")
    p.add_argument("--repeat", type=int, default=3, help="sessions mesurées avec --cpu-only")
    a = p.parse_args(argv)
    if a.cpu_only:
        with tempfile.TemporaryDirectory(prefix="load-") as tmp:
            for espace in filter(None, a.workspaces.split(",")):
                cpu_only(espace, tuple(a.pages.split(",")), a.repeat, Path(tmp),
                         echo=lambda m: print(m, flush=True))  # fmt: skip
        return 0
    if a.quick or os.environ.get("LOAD_QUICK"):
        plan = quick_plan()
    else:
        replicas = tuple(int(x) for x in a.replicas.split(",") if int(x) > 0)
        plan = Plan(workspaces=tuple(filter(None, a.workspaces.split(","))),
                    sessions=tuple(int(x) for x in a.sessions.split(",")),
                    pages=tuple(a.pages.split(",")), replicas=replicas, ramp=a.ramp)  # fmt: skip
    found = measure(plan, echo=lambda m: print(m, flush=True))
    if a.json:
        a.json.write_text(json.dumps(found, indent=1, default=str), encoding="utf-8")
    section = report(found)
    if a.out:
        splice(a.out, section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
