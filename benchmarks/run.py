"""``make bench``: every performance budget on the national workspace, a naive baseline, concurrency.

Run: ``.venv/bin/python -m benchmarks.run [--quick] [--out PATH] [--runs N]``.

- Each figure is the median and the maximum of ``--runs`` measurements (5 by default) taken after
  one warm-up run that is not counted; page "cold" runs are each in a fresh process.
- Nothing is cached between runs beyond what the application itself caches (Streamlit caches in
  the warm page runs, the place resolver for imports, as in a running app).
- The ``load`` section (``benchmarks/load.py``) drives a real ``streamlit run`` server over its
  websocket with 1, 5, 10 and 20 sessions on the HdF demo and the national workspace, then
  through HAProxy with 1 and 2 replicas.
- ``--quick`` is a smoke mode on the Hauts-de-France demo with tiny sizes (a few seconds per
  section); its report says so and is not a measurement of the budgets.

Internal worker modes (``--page-worker``, ``--memory-worker``, ``--concurrency-worker``) run in
their own processes so that "cold" means a fresh interpreter and memory means one process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from observatoire.kpis import kpi_value
from observatoire.paths import ROOT, data_dir, reference_db

BIN = Path(sys.executable).parent
NATIONAL = "demo-national"
QUICK = "demo-hauts-de-france"
OCCITANIE = "demo-occitanie"
MONTH = "2024-06"
RANGE = ("2020-01-01", "2025-12-31")  # a six-year range over the national workspace
MB = 1_000_000
ANALYSIS = Path(__file__).with_name("analysis.md")
# AppTest keeps per-thread script state that is not meant for threads: its own bookkeeping key
# can go missing under concurrency. Counted apart from the application's errors.
HARNESS_ERROR = "$$STREAMLIT_INTERNAL_KEY_SCRIPT_RUN_WITHOUT_ERRORS"


@dataclass
class Row:
    """One line of the results table: what, budget, median, max, verdict and a note."""

    what: str
    budget: float | None
    samples: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def max(self) -> float | None:
        return max(self.samples) if self.samples else None

    @property
    def verdict(self) -> str:
        if self.budget is None or not self.samples:
            return "—"
        return "tenu" if self.max <= self.budget else "**dépassé**"


def num(n: int) -> str:
    """An integer with a narrow no-break space between thousands."""
    return f"{n:,}".replace(",", "\u202f")


def fmt(value: float | None, unit: str) -> str:
    """A figure with its unit, French decimal comma (benchmark report, not the app)."""
    if value is None:
        return "—"
    if unit == "B":
        text = f"{value / MB:.2f} Mo" if value >= 100_000 else f"{value / 1000:.1f} ko"
    elif unit == "MB":
        text = f"{value:.0f} Mo"
    elif unit == "x":
        text = f"× {value:.1f}"
    elif unit == "budget":
        text = f"{value:g} s"
    else:
        text = f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    return text.replace(".", ",")


def cpu_note(samples: list[float]) -> str:
    """The median CPU time of a measurement (all threads of the process), for the remarks."""
    return f"CPU médian {fmt(statistics.median(samples), 's')}" if samples else ""


def timed(fn, runs: int, warmup: int = 1) -> tuple[list[float], object]:
    """Wall seconds of ``runs`` calls after ``warmup`` uncounted ones, and the last result."""
    result = None
    for _ in range(warmup):
        result = fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def rss_mb() -> tuple[float, float]:
    """Current and peak resident memory of this process, in MB."""
    current = peak = 0.0
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return current, peak


# --------------------------------------------------------------------------- machine, versions


def machine() -> dict:
    """CPU model, cores, RAM, load and OS of this machine."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(ram, 1),
        "load": os.getloadavg(),
        "os": platform.platform(),
    }


def versions() -> dict:
    """Python and the libraries the measured paths use."""
    out = {"Python": platform.python_version()}
    for name in ("duckdb", "streamlit", "pandas", "numpy", "scipy", "shapely", "pyproj", "folium",
                 "streamlit-folium", "openpyxl"):  # fmt: skip
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out


# --------------------------------------------------------------------------- environments


def page_env(folder: Path, workspace: Path) -> dict:
    """Environment where ``workspace`` is the only (so the chosen) workspace, in local mode."""
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / workspace.name
    if not link.exists():
        link.symlink_to(workspace.resolve())
    env = dict(os.environ)
    env["OBSERVATOIRE_DATA"] = str(folder)
    env["OBSERVATOIRE_REFERENCE"] = str(reference_db().resolve())
    # No accounts file: local mode, the admin role, every page admitted.
    env["OBSERVATOIRE_USERS"] = str(folder / "no-users.toml")
    env["PYTHONPATH"] = str(ROOT)
    # The app redacts unexpected errors for users; the benchmark records what they were.
    env["STREAMLIT_CLIENT_SHOW_ERROR_DETAILS"] = "full"
    return env


def worker(args: list[str], env: dict, timeout: float = 600) -> dict:
    """Run this module in a fresh process with ``args``; its last stdout line is JSON."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": (proc.stderr or proc.stdout)[-800:]}
    return json.loads(lines[-1])


# --------------------------------------------------------------------------- workers


def _apptest(stem: str, espace: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=300)
    at.query_params["espace"] = espace
    return at


def _problems(at) -> list[str]:
    """Exceptions (message and last stack line) and error panels a page run showed."""
    found = []
    for e in at.exception:
        where = e.stack_trace[-1].strip() if e.stack_trace else ""
        found.append(f"{e.message[:160]} @ {where[:160]}")
    found += [str(e.value)[:200] for e in at.error]
    return found


def page_worker(stem: str, espace: str, warm: int) -> dict:
    """First run of a page in this fresh process (cold), then ``warm`` reruns after a warm-up."""
    from streamlit.testing.v1 import AppTest  # noqa: F401  (the server is up before the timing)

    at = _apptest(stem, espace)
    start, cpu = time.perf_counter(), time.process_time()
    at.run()
    cold, cold_cpu = time.perf_counter() - start, time.process_time() - cpu
    problems = _problems(at)
    samples, cpus = [], []
    if warm:
        at.run()  # warm-up
        for _ in range(warm):
            start, cpu = time.perf_counter(), time.process_time()
            at.run()
            samples.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
        problems += _problems(at)
    return {"cold": cold, "cold_cpu": cold_cpu, "warm": samples, "warm_cpu": cpus,
            "problems": problems, "rss_mb": rss_mb()}  # fmt: skip


def memory_worker(espace: str, stems: list[str]) -> dict:
    """Every page run once then once more in one process: the app process's resident memory."""
    for stem in stems:
        at = _apptest(stem, espace)
        at.run()
        at.run()
    current, peak = rss_mb()
    return {"rss_mb": current, "peak_mb": peak}


def _cli_value(workspace: Path, month: str, kpi_id: str):
    """A KPI value read by the ``kpis`` command in its own process (a fresh DuckDB instance)."""
    out = subprocess.run(
        [str(BIN / "observatoire"), "kpis", "--month", month, "--db", str(workspace), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)["kpis"][kpi_id]


def concurrency_worker(espace: str, stems: list[str], sessions: int, rounds: int, csv: str):
    """``sessions`` threads browse pages while an import commits; consistency of what they see."""
    from observatoire.kpis import BY_ID

    workspace = data_dir() / f"{espace}.duckdb"
    label = BY_ID["actors_total"].label

    def shown(at) -> str | None:
        for m in at.metric:
            if m.label == label:
                return m.value
        return None

    # Warm the caches and learn the month the overview opens on, and the value before.
    probe = _apptest("accueil", espace)
    probe.run()
    # Each page once before the threads: AppTest has no server runtime, and a component
    # module (the maps') first imported by twenty threads at once fails to register.
    for stem in stems:
        _apptest(stem, espace).run()
    month = probe.query_params.get("periode")
    month = month[0] if isinstance(month, list) else month
    before_shown = shown(probe)
    results: list[tuple[float, float, str, str | None, list[str]]] = []
    lock = threading.Lock()
    t0 = time.perf_counter()

    def browse(i: int) -> None:
        for r in range(rounds):
            stem = stems[(i + r) % len(stems)]
            start = time.perf_counter()
            try:
                at = _apptest(stem, espace)
                at.run()
                problems = _problems(at)
                value = shown(at) if stem == "accueil" else None
            except Exception as exc:  # a crash in a session is what we count
                problems, value = [repr(exc)[:200]], None
            with lock:
                results.append((start - t0, time.perf_counter() - start, stem, value, problems))

    threads = [threading.Thread(target=browse, args=(i,)) for i in range(sessions)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    started = time.perf_counter()
    # The import service is another process (the import CLI), as in docs/scaling.md.
    proc = subprocess.run(
        [str(BIN / "observatoire"), "import", csv, "--kind", "acteurs", "--db", str(workspace),
         "--json"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    committed = time.perf_counter() - t0
    import_s = time.perf_counter() - started
    report = json.loads(proc.stdout) if proc.returncode == 0 else {"error": proc.stderr[-300:]}
    for t in threads:
        t.join()
    after = _cli_value(workspace, month, "actors_total") if month else None
    after_shown = kpi_value("actors_total", after) if after is not None else None
    # A session opened after the commit, in this same server process.
    fresh = _apptest("accueil", espace)
    fresh.run()
    times = sorted(r[1] for r in results)
    # Runs that failed show no card: they are counted as errors, not as values seen.
    seen = [r[3] for r in results if r[2] == "accueil" and not r[4]]
    late = [r[3] for r in results if r[2] == "accueil" and not r[4] and r[0] > committed]
    harness = [p for r in results for p in r[4] if HARNESS_ERROR in p]
    return {
        "runs": len(results),
        "errors": sum(1 for r in results if r[4]),
        "harness_errors": len(harness),
        "error_samples": sorted({p for r in results for p in r[4] if HARNESS_ERROR not in p})[:5],
        "p50": statistics.median(times),
        "p95": times[max(0, int(round(0.95 * len(times))) - 1)],
        "max": times[-1],
        "month": month,
        "before": before_shown,
        "after": after_shown,
        "seen": {v: seen.count(v) for v in set(seen)},
        "consistent": all(v in (before_shown, after_shown) for v in seen),
        "late": {v: late.count(v) for v in set(late)},
        "fresh_session": shown(fresh),
        "import_s": import_s,
        "import_tables": report.get("tables"),
        "import_error": report.get("error"),
    }


# --------------------------------------------------------------------------- sections


def bench_pages(cfg, rows: list[Row], notes: list[str]) -> None:
    """Cold (fresh process) and warm (rerun) script time of every page of the registry."""
    from observatoire.ui.registry import pages

    stems = [p.stem for p in pages() if cfg.page_stems is None or p.stem in cfg.page_stems]
    env = page_env(cfg.tmp / "pages", cfg.workspace)
    espace = cfg.workspace.stem
    for stem in stems:
        cold, warm, problems, cold_cpu, warm_cpu = [], [], [], [], []
        for i in range(cfg.cold_runs):
            out = worker(["--page-worker", stem, "--espace", espace, "--warm",
                          str(cfg.runs if i == 0 else 0)], env)  # fmt: skip
            if "error" in out:
                problems.append(out["error"].strip().splitlines()[-1] if out["error"] else "?")
                continue
            cold.append(out["cold"])
            cold_cpu.append(out["cold_cpu"])
            warm += out["warm"]
            warm_cpu += out["warm_cpu"]
            problems += out["problems"]
        note = f"erreurs : {sorted(set(problems))[:2]} ; " if problems else ""
        rows.append(Row(f"page `{stem}`, exécution à chaud (AppTest)", 1.0, warm,
                        note=note + cpu_note(warm_cpu)))  # fmt: skip
        rows.append(Row(f"page `{stem}`, premier passage après démarrage", 4.0, cold,
                        note=note + cpu_note(cold_cpu)))  # fmt: skip
    out = worker(["--memory-worker", "--espace", espace, "--stems", ",".join(stems)], env)
    if "error" in out:
        notes.append(f"Mémoire : échec du processus ({out['error'][-200:]}).")
    else:
        rows.append(
            Row(
                "mémoire du processus de l'application (toutes les pages ouvertes, RSS)",
                1500,
                [out["rss_mb"]],
                unit="MB",
                note=f"pic {out['peak_mb']:.0f} Mo",
            )
        )


def bench_kpis_cli(cfg, rows: list[Row]) -> None:
    """``observatoire kpis`` as a user types it, a month then a range: process start included."""
    for period in (["--month", MONTH], ["--from", RANGE[0], "--to", RANGE[1]]):
        cmd = [str(BIN / "observatoire"), "kpis", *period, "--db", str(cfg.workspace), "--json"]
        walls, cpus, peaks = [], [], []
        for i in range(cfg.runs + 1):
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                raise RuntimeError(f"kpis CLI failed ({proc.returncode}): {' '.join(cmd)}")
            if i:  # the first run warms the OS file cache
                walls.append(wall)
                cpus.append(usage.ru_utime + usage.ru_stime)
                peaks.append(usage.ru_maxrss / 1024)
        rows.append(
            Row(
                f"`observatoire kpis {' '.join(period)}` (processus complet)",
                1.0,
                walls,
                note=f"temps CPU médian {fmt(statistics.median(cpus), 's')}, "
                f"RSS max {max(peaks):.0f} Mo",
            )
        )


def _network_copies(cfg) -> list[Path]:
    """``cfg.networks`` copies of the regional demos, alternating, in a folder of their own."""
    sources = [p for p in (data_dir() / f"{QUICK}.duckdb", data_dir() / f"{OCCITANIE}.duckdb")
               if p.exists()]  # fmt: skip
    folder = cfg.tmp / "reseaux"
    folder.mkdir(exist_ok=True)
    copies = []
    for i in range(cfg.networks):
        source = sources[i % len(sources)]
        copy = folder / f"{source.stem}-{i + 1:02d}.duckdb"
        shutil.copyfile(source, copy)
        copies.append(copy)
    return copies


def bench_networks(cfg, rows: list[Row]) -> None:
    """The reseaux page's work for ``cfg.networks`` workspace files: values, table, map."""
    from observatoire.activities.networks import Network, networks
    from observatoire.db import connect_reference
    from observatoire.forum.svgmap import filled_map
    from observatoire.periods import Period

    copies = _network_copies(cfg)
    chosen = [Network(p.stem, p.stem, p) for p in copies]
    period = Period(dt.date.fromisoformat(RANGE[0]), dt.date.fromisoformat(RANGE[1]))
    ref = connect_reference()

    def new_version(path: Path) -> None:
        # A new modification time is a new file version (what an import makes): nothing cached.
        os.utime(path, ns=(time.time_ns(), time.time_ns()))

    def page(touched: list[Path]):
        for path in touched:
            new_version(path)
        start_cpu = time.process_time()
        view = networks(chosen, period)
        view.table()
        filled_map(view.shapes(ref), "")
        return time.process_time() - start_cpu

    try:
        samples, cpus = [], []
        for i in range(cfg.runs + 1):
            start = time.perf_counter()
            cpu = page(copies)
            if i:  # the first run warms the OS file cache and the imports
                samples.append(time.perf_counter() - start)
                cpus.append(cpu)
        demos = len({p.stem.rsplit("-", 1)[0] for p in copies})
        rows.append(
            Row(
                f"réseaux côte à côte : {len(copies)} espaces ({demos} démos copiées), "
                f"{period.start:%Y}–{period.end:%Y}, chaque fichier dans une nouvelle version",
                3.0,
                samples,
                note=cpu_note(cpus) + " (tous les fils)",
            )
        )
        samples, cpus = [], []
        for i in range(cfg.runs):
            start = time.perf_counter()
            cpus.append(page(copies[i % len(copies) : i % len(copies) + 1]))
            samples.append(time.perf_counter() - start)
        rows.append(
            Row(
                f"réseaux côte à côte : {len(copies)} espaces, après un import dans l'un d'eux "
                "(les autres lus une fois par version)",
                3.0,
                samples,
                note=cpu_note(cpus),
            )
        )
    finally:
        ref.close()


def bench_coverage(cfg, rows: list[Row]) -> None:
    """Nearest actor of every commune, the coverage KPIs, the commune table and the planner."""
    from observatoire.coverage import change, inputs
    from observatoire.coverage.aggregate import commune_table
    from observatoire.coverage.distances import nearest_km
    from observatoire.coverage.kpis import coverage_kpis
    from observatoire.coverage.planner import plan
    from observatoire.workspace import connect
    from observatoire.workspace.territory import territory_departments

    con = connect(cfg.workspace)
    try:
        end = dt.date(2024, 6, 30)

        def nearest():
            communes = inputs.communes(con, territory_departments(con))
            actors = inputs.actors(con, None, end)
            return (
                len(communes),
                len(actors),
                nearest_km(communes["lon"], communes["lat"], actors["lon"], actors["lat"]),
            )

        samples, (n_communes, n_actors, _) = timed(nearest, cfg.runs)
        rows.append(
            Row(
                f"distance de chaque commune ({num(n_communes)}) à l'acteur le plus proche "
                f"({num(n_actors)}), lecture comprise",
                2.0,
                samples,
            )
        )
        samples, _ = timed(lambda: coverage_kpis(con, end), cfg.runs)
        rows.append(Row("indicateurs de couverture (5 KPI, un mois)", None, samples))
        samples, table = timed(lambda: commune_table(inputs.load(con, end), 15.0), cfg.runs)
        rows.append(
            Row("table des communes (lecture, plus proche acteur, acteurs à 15 km)", 2.0, samples)
        )
        period = inputs.last_12_months(end)

        def reach():
            data = inputs.load(con, period=period, require_actors=False)
            return len(data.events), commune_table(data, 15.0, "activite")

        samples, (n_activities, _) = timed(reach, cfg.runs)
        rows.append(
            Row(
                f"portée : activité à 15 km de chaque commune sur 12 mois ({num(n_activities)} "
                "activités), lecture comprise",
                2.0,
                samples,
            )
        )
        samples, _ = timed(lambda: change.compare(con, period.previous(), period), cfg.runs)
        rows.append(
            Row("portée sur deux périodes de 12 mois, communes gagnées et perdues", None, samples)
        )
        samples, result = timed(lambda: plan(table, stops=10, radius_km=15.0), cfg.runs)
        rows.append(
            Row(
                f"planificateur, 10 étapes à 15 km, {num(len(table))} communes candidates",
                5.0,
                samples,
                note=f"{int(table['uncovered'].sum())} communes non couvertes",
            )
        )
    finally:
        con.close()


def bench_imports(cfg, rows: list[Row]) -> None:
    """Import ``cfg.import_rows`` actor rows from CSV and from XLSX into new workspaces."""
    from benchmarks.import_actors import actor_rows, write_csv, write_xlsx
    from observatoire.importing import load_resolver, run_import

    folder = cfg.tmp / "imports"
    folder.mkdir()
    data = actor_rows(cfg.import_rows)
    files = {
        "csv": write_csv(folder / "acteurs.csv", data),
        "xlsx": write_xlsx(folder / "acteurs.xlsx", data),
    }
    resolver = load_resolver()  # loaded once per process, as in the app and the CLI
    budgets = {"csv": 15.0, "xlsx": 60.0}
    for fmt_, file in files.items():
        counter = iter(range(1_000))

        def once(file=file, fmt_=fmt_, counter=counter):
            target = folder / f"{fmt_}-{next(counter)}.duckdb"
            report = run_import(file, target, kind="acteurs", resolver=resolver)
            target.unlink()
            shutil.rmtree(folder / "backups", ignore_errors=True)
            return report

        samples, report = timed(once, cfg.import_runs)
        inserted = report.tables.get("acteurs", {}).get("inserted")
        rows.append(
            Row(
                f"import de {num(cfg.import_rows)} acteurs, {fmt_} "
                f"({fmt(file.stat().st_size, 'B')})",
                budgets[fmt_],
                samples,
                note=f"{inserted} insérés",
            )
        )
    shutil.rmtree(folder, ignore_errors=True)


def bench_hostile(cfg, rows: list[Row]) -> None:
    """Peak memory of ``observatoire import`` on each hostile file (refused before reading)."""
    from benchmarks.hostile_memory import BUDGET_MB, measure

    for r in measure():
        verdict = "refusé (sortie 1)" if r["code"] == 1 else f"**accepté (sortie {r['code']})**"
        rows.append(
            Row(
                f"import d'un fichier hostile : {r['label']} ({fmt(r['size'], 'B')}), pic RSS",
                BUDGET_MB,
                [r["peak_mb"]],
                unit="MB",
                note=verdict,
            )
        )


def bench_reference(cfg, rows: list[Row]) -> None:
    """``observatoire reference build`` into a temporary file."""
    from observatoire.reference.build import build

    target = cfg.tmp / "reference-bench.duckdb"

    def once():
        build(target)
        size = target.stat().st_size
        target.unlink()
        return size

    samples, _ = timed(once, cfg.reference_runs, warmup=cfg.reference_warmup)
    rows.append(Row("`observatoire reference build`", 60.0, samples))


def _our_map(workspace: Path, department: str | None) -> str:
    """The carte page's map HTML as the admin sees it (contacts in popups: the heaviest role)."""
    from observatoire import theme
    from observatoire.maps.coverage_map import (
        MapStyle,
        coverage_map,
        department_view,
        map_html,
        territory_view,
    )
    from observatoire.maps.figures import DEFAULT_INDICATOR, load_model
    from observatoire.workspace import connect

    con = connect(workspace, read_only=True)
    try:
        model = load_model(con, contacts=True)
        if department is None:
            view = territory_view(con, model, DEFAULT_INDICATOR, "admin")
        else:
            view = department_view(con, model, department, DEFAULT_INDICATOR, "admin")
    finally:
        con.close()
    style = MapStyle(
        theme.SEQUENTIAL,
        theme.NO_DATA,
        theme.MAP_BACKGROUND,
        theme.MAP_OUTLINE,
        theme.MAP_HIGHLIGHT,
    )
    return map_html(coverage_map(view, style))


def _naive_map(department: str | None) -> str:
    """The naive map: every commune at full resolution (stored WKB) in one folium choropleth."""
    import folium
    import shapely

    from observatoire.db import connect_reference, frame

    con = connect_reference()
    try:
        df = frame(con, "commune_geometries", department=department)
    finally:
        con.close()
    shapes = shapely.to_geojson(shapely.from_wkb([bytes(b) for b in df["geometry"]]))
    features = [
        {"type": "Feature", "geometry": json.loads(s), "properties": {"code": c, "name": n}}
        for s, c, n in zip(shapes, df["code"], df["name"], strict=True)
    ]
    m = folium.Map(location=[46.6, 2.4], zoom_start=6)
    folium.Choropleth(
        geo_data={"type": "FeatureCollection", "features": features},
        data=df[["code", "population"]],
        columns=["code", "population"],
        key_on="feature.properties.code",
        fill_color="YlGn",
    ).add_to(m)
    return m.get_root().render()


def bench_maps(cfg, rows: list[Row], ratios: list[tuple]) -> None:
    """Map payloads (default view, densest departments) and the naive full map."""
    samples, html = timed(lambda: _our_map(cfg.workspace, None), cfg.runs)
    ours_bytes = len(html.encode())
    rows.append(Row("carte, vue par défaut (tout le territoire de l'espace) : HTML complet",
                    1.5 * MB, [ours_bytes], unit="B"))  # fmt: skip
    rows.append(Row("carte, vue par défaut : modèle, vue et rendu HTML", None, samples))
    # The densest departments: Nord has the most actors, Pas-de-Calais the most communes.
    for code, name in (("59", "Nord"), ("62", "Pas-de-Calais")):
        dense = len(_our_map(cfg.workspace, code).encode())
        rows.append(Row(f"carte, communes d'un département dense ({name}) : HTML complet",
                        3 * MB, [dense], unit="B"))  # fmt: skip
    naive_samples, naive_html = timed(lambda: _naive_map(cfg.naive_department), cfg.naive_runs)
    naive_bytes = len(naive_html.encode())
    scope = "France entière" if cfg.naive_department is None else cfg.naive_department
    rows.append(Row(f"référence naïve : choroplèthe des communes pleine résolution ({scope}), "
                    "HTML", None, [naive_bytes], unit="B"))  # fmt: skip
    rows.append(Row("référence naïve : construction et rendu HTML", None, naive_samples))
    ratios.append(("poids de la carte (octets)", naive_bytes, ours_bytes, "B"))
    ratios.append(("construction et rendu de la carte", statistics.median(naive_samples),
                   statistics.median(samples), "s"))  # fmt: skip


def naive_kpis(con, start: dt.date, end: dt.date) -> dict:
    """What a typical dashboard does on every rerun: read whole tables, compute in pandas."""
    import pandas as pd

    # Whole tables through DuckDB's relational API: no SQL, every row and column read.
    actors = con.table("actors").df()
    sessions = con.table("sessions").df()
    attendances = con.table("attendances").df()
    people = con.table("people").df()
    actions = con.table("actions").df()
    experiments = con.table("experiments").df()
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    listed = pd.to_datetime(actors["listed_on"])
    trainings = sessions[(sessions["type"] == "formation")
                         & pd.to_datetime(sessions["start_date"]).between(s, e)]  # fmt: skip
    attending = attendances.merge(trainings[["session_id"]], on="session_id")
    participants = people[people["person_id"].isin(attending["person_id"])]
    in_period = pd.to_datetime(actions["start_date"]).between(s, e)
    started = pd.to_datetime(experiments["start_date"])
    return {
        "actors_total": int((listed.isna() | (listed <= e)).sum()),
        "actors_new": int(listed.between(s, e).sum()),
        "training_sessions": len(trainings),
        "training_attendances": len(attending),
        "training_participants": int(participants["person_id"].nunique()),
        "training_participants_women": int((participants["gender"] == "F").sum()),
        "actions_total": int(in_period.sum()),
        # Started: not planned (idea or in preparation), and begun by the end of the period.
        "experiments_total": int(
            (
                ~experiments["status"].isin(["idee", "en_preparation"])
                & (
                    (started <= e)
                    | (started.isna() & experiments["status"].isin(["en_cours", "terminee"]))
                )
            ).sum()
        ),  # fmt: skip
    }


def bench_rerun(cfg, rows: list[Row], ratios: list[tuple], notes: list[str]) -> None:
    """A rerun's KPI work: the catalogue (DuckDB) against the naive pandas recomputation."""
    from observatoire.kpis import as_period, compute_kpis
    from observatoire.workspace import connect

    period = as_period(MONTH)
    con = connect(cfg.workspace)
    try:
        ours, values = timed(lambda: compute_kpis(con, period), cfg.runs)
        naive, naive_values = timed(lambda: naive_kpis(con, period.start, period.end), cfg.runs)
    finally:
        con.close()
    rows.append(Row(f"catalogue complet des KPI d'un mois ({len(values)} KPI), en processus",
                    None, ours))  # fmt: skip
    rows.append(Row(f"référence naïve : {len(naive_values)} KPI recalculés en pandas "
                    "(tables entières lues)", None, naive))  # fmt: skip
    ratios.append(("recalcul des KPI à chaque réexécution", statistics.median(naive),
                   statistics.median(ours), "s"))  # fmt: skip
    differ = {k: (v, values[k]) for k, v in naive_values.items() if values.get(k) != v}
    notes.append(
        "Les KPI de la référence naïve sont égaux à ceux du catalogue."
        if not differ
        else f"Écarts entre la référence naïve et le catalogue : {differ}."
    )


def bench_concurrency(cfg, notes: list[str]) -> dict:
    """20 sessions browse a COPY of the workspace while an import commits into it."""
    from benchmarks.import_actors import actor_rows, write_csv

    folder = cfg.tmp / "concurrency"
    folder.mkdir()
    copy = folder / cfg.workspace.name
    shutil.copyfile(cfg.workspace, copy)
    csv = write_csv(cfg.tmp / "nouveaux.csv", [
        [f"NEW-{r[0]}", *r[1:-1], "15/01/2020"] for r in actor_rows(cfg.concurrency_rows)
    ])  # fmt: skip
    env = page_env(folder, copy)
    stems = [s for s in cfg.concurrency_stems if (ROOT / "pages" / f"{s}.py").exists()]
    out = worker(["--concurrency-worker", "--espace", copy.stem, "--stems", ",".join(stems),
                  "--sessions", str(cfg.sessions), "--rounds", str(cfg.rounds),
                  "--csv", str(csv)], env, timeout=1200)  # fmt: skip
    out["stems"] = stems
    return out


def bench_load(cfg) -> str:
    """A real server under 1, 5, 10 and 20 websocket sessions, then 1 and 2 replicas."""
    from benchmarks import load

    plan = load.quick_plan() if cfg.quick else load.Plan()
    return load.report(load.measure(plan, echo=lambda m: print(m, flush=True)))


# --------------------------------------------------------------------------- report


def tally(counts: dict) -> str:
    """``{"100 000": 3}`` as « 100 000 (3 fois) »; nothing seen as « aucune »."""
    if not counts:
        return "aucune"
    return ", ".join(f"{v} ({n} fois)" for v, n in sorted(counts.items(), key=str))


def write_report(cfg, rows, ratios, concurrency, notes, started, path: Path, load="") -> None:
    """BENCHMARKS.md: machine, versions, method, the budget table, baseline, concurrency."""
    m, v = cfg.machine, versions()
    minutes = (time.time() - started.timestamp()) / 60
    lines = ["# Benchmarks", ""]
    if cfg.quick:
        lines += ["**Mode rapide (`--quick`) : essai de fumée sur la démo Hauts-de-France, "
                  "pas une mesure des budgets.**", ""]  # fmt: skip
    lines += [
        f"Produit par `make bench` (`python -m benchmarks.run`) le {started:%d/%m/%Y à %H:%M} UTC, "
        f"en {minutes:.1f} min.".replace(f"{minutes:.1f}", f"{minutes:.1f}".replace(".", ",")),
        "",
        "## Machine et versions",
        "",
        f"- Machine : {m['cpu']}, {m['cores']} cœurs, {m['ram_gib']} Gio de RAM, {m['os']}.",
        "- Charge moyenne au départ (1, 5, 15 min) : "
        + ", ".join(f"{x:.2f}" for x in m["load"])
        + " — la machine est partagée : les temps d'horloge en dépendent, "
        "le temps CPU du `kpis` est donné à côté.",
        "- Versions : " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".",
        f"- Espace de travail : `{cfg.workspace.name}` ({cfg.counts}).",
        "",
        "## Méthode",
        "",
        f"- Chaque chiffre : médiane et maximum de {cfg.runs} mesures après une exécution "
        "d'échauffement non comptée (imports : "
        f"{cfg.import_runs} ; construction de la référence : {cfg.reference_runs} après "
        f"{cfg.reference_warmup} d'échauffement ; référence naïve : {cfg.naive_runs}).",
        f"- Pages : toutes celles du registre (`observatoire.ui.registry.pages()`), par "
        f"`AppTest` avec `?espace={cfg.workspace.stem}` en mode local (rôle admin). "
        f"« Premier passage » : première exécution dans un processus neuf (Streamlit importé, "
        f"caches vides), {cfg.cold_runs} processus par page ; « à chaud » : réexécutions dans "
        "la même session, caches remplis.",
        "- `kpis` : la commande complète en sous-processus (démarrage de Python compris), "
        "temps d'horloge ; temps CPU et RSS par `wait4`.",
        f"- Réseaux côte à côte : le travail de la page `reseaux` (indicateurs du catalogue et "
        f"départements de chaque fichier, tableau, carte SVG) sur {cfg.networks} copies des démos "
        "régionales ; avant chaque mesure, chaque fichier (ou un seul : « après un import ») "
        "prend une nouvelle date de modification, donc une nouvelle version : rien n'est lu "
        "d'un cache pour ces fichiers.",
        "- Mémoire : RSS d'un processus qui a exécuté toutes les pages deux fois (les caches "
        "`st.cache_resource`/`st.cache_data` de l'application remplis).",
        "- Rien n'est mis en cache entre les mesures hors des caches de l'application "
        "elle-même ; les imports écrivent chaque fois un nouvel espace de travail.",
        "",
        "## Budgets",
        "",
        "| mesure | budget | médiane | max | verdict | remarque |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r.what} | {fmt(r.budget, 'budget' if r.unit == 's' else r.unit) if r.budget else '—'} | {fmt(r.median, r.unit)}"
            f" | {fmt(r.max, r.unit)} | {r.verdict} | {r.note} |"
        )
    lines += ["", "## Référence naïve, mesurée dans la même exécution", "",
              "| quoi | naïf | nous | rapport naïf / nous |", "| --- | --- | --- | --- |"]  # fmt: skip
    for what, naive, ours, unit in ratios:
        ratio = naive / ours if ours else float("inf")
        lines.append(f"| {what} | {fmt(naive, unit)} | {fmt(ours, unit)} | {fmt(ratio, 'x')} |")
    lines += [
        "",
        "Naïf : toutes les communes en pleine résolution (contours WKB stockés, non simplifiés) "
        "dans une seule carte folium `Choropleth` ; KPI recalculés en pandas à partir des tables "
        "entières à chaque réexécution. Nous : la carte de couverture de tout le territoire de "
        "l'espace (départements généralisés, points regroupés, Leaflet local), modèle compris ; "
        "KPI agrégés par DuckDB (catalogue).",
        "",
        "## Concurrence",
        "",
    ]
    c = concurrency
    if "error" in c:
        lines.append(f"Échec du banc de concurrence : `{c['error'][-300:]}`")
    else:
        lines += [
            f"{cfg.sessions} sessions simulées (fils `AppTest` dans un processus, comme les "
            f"sessions d'un serveur Streamlit), {cfg.rounds} pages chacune parmi "
            f"{', '.join(c['stems'])}, sur une copie de l'espace de travail pendant qu'un import "
            f"de {num(cfg.concurrency_rows)} acteurs y est validé par `observatoire import` dans "
            "un autre processus (nouveau fichier remplacé atomiquement).",
            "",
            f"- Exécutions : {c['runs']} ; exécutions en erreur : **{c['errors']}** (objectif 0)"
            + (f", dont {c['harness_errors']} propres au banc `AppTest` en fils"
               if c["harness_errors"] else "")
            + (f" ; erreurs de l'application : {c['error_samples']}" if c["error_samples"] else "")
            + ".",
            f"- Temps par page : médiane {fmt(c['p50'], 's')}, p95 **{fmt(c['p95'], 's')}**, "
            f"max {fmt(c['max'], 's')}.",
            f"- Import pendant la navigation : {fmt(c['import_s'], 's')}, "
            f"{c['import_tables']}{' erreur ' + str(c['import_error']) if c['import_error'] else ''}.",
            f"- Cohérence : la carte « acteurs recensés » de l'accueil ({c['month']}) valait "
            f"{c['before']} avant et {c['after']} après (lue par `observatoire kpis` dans un "
            f"processus neuf) ; valeurs vues : {tally(c['seen'])} — "
            + ("**chaque session a vu l'avant ou l'après, jamais un mélange**."
               if c["consistent"] else "**valeur incohérente observée**."),
            f"- Fraîcheur : pages ouvertes après la validation de l'import : {tally(c['late'])} ; "
            f"nouvelle session ouverte après la fin : {c['fresh_session']}"
            + (" (**données périmées** : voir les notes)."
               if c["fresh_session"] != c["after"] else " (données à jour)."),
        ]  # fmt: skip
    if load:  # the real server under N sessions (benchmarks/load.py)
        lines += ["", load]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    # The hand-written reading of the figures (gaps, causes, profiles) follows the tables.
    if ANALYSIS.exists() and not cfg.quick:
        lines += ["", ANALYSIS.read_text(encoding="utf-8").strip()]
    lines.append("")
    path.write_text("\n".join(lines).replace("\u202f", " "), encoding="utf-8")


@dataclass
class Config:
    """What one run measures and how many times."""

    quick: bool
    workspace: Path
    tmp: Path
    runs: int
    cold_runs: int
    import_rows: int
    import_runs: int
    reference_runs: int
    reference_warmup: int
    naive_runs: int
    naive_department: str | None
    sessions: int
    rounds: int
    concurrency_rows: int
    page_stems: tuple[str, ...] | None = None  # None: every page of the registry
    concurrency_stems: tuple[str, ...] = (
        "accueil",
        "formations",
        "actions",
        "experimentations",
        "carte",
    )
    networks: int = 20  # workspace files side by side on the reseaux page
    machine: dict = field(default_factory=dict)
    counts: str = ""


def counts(path: Path) -> str:
    """The row counts of the workspace's main tables, in French."""
    import duckdb

    from observatoire.db import rows

    con = duckdb.connect(str(path), read_only=True)
    try:
        found = rows(con, "workspace_counts")[0]
    finally:
        con.close()
    tables = ("actors", "sessions", "people", "attendances", "experiments", "actions")
    return ", ".join(f"{num(found[t])} {t}" for t in tables)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    p.add_argument("--runs", type=int, default=None)
    p.add_argument("--skip", default="", help="sections to skip, comma-separated")
    p.add_argument("--page-worker")
    p.add_argument("--memory-worker", action="store_true")
    p.add_argument("--concurrency-worker", action="store_true")
    p.add_argument("--espace")
    p.add_argument("--stems", default="")
    p.add_argument("--warm", type=int, default=0)
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--csv")
    a = p.parse_args(argv)
    if a.page_worker:
        print(json.dumps(page_worker(a.page_worker, a.espace, a.warm)))
        return 0
    if a.memory_worker:
        print(json.dumps(memory_worker(a.espace, a.stems.split(","))))
        return 0
    if a.concurrency_worker:
        out = concurrency_worker(a.espace, a.stems.split(","), a.sessions, a.rounds, a.csv)
        print(json.dumps(out, default=str))
        return 0

    started = dt.datetime.now(dt.UTC)
    quick = a.quick
    workspace = data_dir() / f"{QUICK if quick else NATIONAL}.duckdb"
    if not workspace.exists():
        print(f"construction de {workspace.name}…", flush=True)
        name = "hauts-de-france" if quick else "national"
        subprocess.run([str(BIN / "observatoire"), "demo", "--workspace", name], check=True)
    runs = a.runs or (2 if quick else 5)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        cfg = Config(
            quick=quick,
            workspace=workspace,
            tmp=Path(tmp),
            runs=runs,
            cold_runs=1 if quick else runs,
            import_rows=300 if quick else 100_000,
            import_runs=runs,
            reference_runs=1 if quick else 3,
            reference_warmup=0 if quick else 1,
            naive_runs=1 if quick else 3,
            naive_department="80" if quick else None,
            sessions=2 if quick else 20,
            rounds=1 if quick else 3,
            concurrency_rows=50 if quick else 1_000,
            page_stems=("formations",) if quick else None,
            networks=4 if quick else 20,
            concurrency_stems=("accueil",) if quick else Config.concurrency_stems,
            machine=machine(),
            counts=counts(workspace),
        )
        skip = set(filter(None, a.skip.split(",")))
        if quick:
            skip |= {"reference"}
        rows: list[Row] = []
        ratios: list[tuple] = []
        notes: list[str] = []
        concurrency: dict = {"error": "non mesuré"}
        sections = [
            ("kpis", lambda: bench_kpis_cli(cfg, rows)),
            ("networks", lambda: bench_networks(cfg, rows)),
            ("coverage", lambda: bench_coverage(cfg, rows)),
            ("rerun", lambda: bench_rerun(cfg, rows, ratios, notes)),
            ("maps", lambda: bench_maps(cfg, rows, ratios)),
            ("pages", lambda: bench_pages(cfg, rows, notes)),
            ("imports", lambda: bench_imports(cfg, rows)),
            ("hostile", lambda: bench_hostile(cfg, rows)),
            ("reference", lambda: bench_reference(cfg, rows)),
        ]
        for name, run in sections:
            if name in skip:
                notes.append(f"Section « {name} » non mesurée dans cette exécution.")
                continue
            t = time.perf_counter()
            print(f"[bench] {name}…", flush=True)
            run()
            print(f"[bench] {name} : {time.perf_counter() - t:.1f} s", flush=True)
        if "concurrency" not in skip:
            t = time.perf_counter()
            print("[bench] concurrency…", flush=True)
            concurrency = bench_concurrency(cfg, notes)
            print(f"[bench] concurrency : {time.perf_counter() - t:.1f} s", flush=True)
        load = ""
        if "load" in skip:
            notes.append("Section « load » non mesurée dans cette exécution.")
        else:
            t = time.perf_counter()
            print("[bench] load…", flush=True)
            load = bench_load(cfg)
            print(f"[bench] load : {time.perf_counter() - t:.1f} s", flush=True)
        write_report(cfg, rows, ratios, concurrency, notes, started, a.out, load)
    print(f"rapport écrit : {a.out}")
    missed = [r.what for r in rows if r.verdict.startswith("**")]
    for what in missed:
        print(f"budget dépassé : {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
