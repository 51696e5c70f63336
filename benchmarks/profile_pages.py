"""Profile script runs on a real server: pyinstrument around each run of a ``streamlit run``.

The server process wraps every script run in a pyinstrument profiler (the run's own thread)
and writes its text profile to a folder; a session of ``benchmarks.load`` opens each page once
to warm the caches, then a NEW session opens each page again: those warm runs are kept.

Run: ``python -m benchmarks.profile_pages --espace demo-national [--out DIR]``.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from observatoire.paths import ROOT, data_dir

OUT_ENV = "OBSERVATOIRE_PROFILE_DIR"


def serve_profiled(args: list[str]) -> None:
    """``streamlit run`` in this process, every script run profiled (server side)."""
    from pyinstrument import Profiler
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web import cli

    out = Path(os.environ[OUT_ENV])
    counter = itertools.count(1)
    original = script_runner.ScriptRunner._run_script

    def profiled(self, rerun_data):
        profiler = Profiler(interval=0.001)
        profiler.start()
        try:
            return original(self, rerun_data)
        finally:
            profiler.stop()
            name = f"{next(counter):03d}-{rerun_data.page_name or 'racine'}.txt"
            text = profiler.output_text(unicode=True, color=False, show_all=False)
            (out / name).write_text(text, encoding="utf-8")

    script_runner.ScriptRunner._run_script = profiled
    sys.argv = ["streamlit", "run", "app.py", *args]
    cli.main()


def main(argv: list[str] | None = None) -> int:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve_profiled(sys.argv[2:])
        return 0
    from benchmarks.load import PAGES, Session, server_env
    from observatoire.replicas import HEALTH, free_port, healthy

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--espace", default="demo-national")
    p.add_argument("--pages", default=",".join(PAGES))
    p.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "profils")
    a = p.parse_args(argv)
    pages = a.pages.split(",")
    shutil.rmtree(a.out, ignore_errors=True)
    a.out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="profile-") as tmp:
        env = {**os.environ, **server_env(Path(tmp), [data_dir() / f"{a.espace}.duckdb"])}
        env[OUT_ENV] = str(a.out)
        port = free_port()
        cmd = [sys.executable, "-m", "benchmarks.profile_pages", "--serve",
               "--server.port", str(port), "--server.headless", "true"]  # fmt: skip
        log = (a.out / "server.log").open("wb")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while not healthy(url + HEALTH) and time.monotonic() < deadline:
                time.sleep(0.3)

            async def visit() -> int:
                cold = 0
                for turn in range(2):  # the second session is the warm one
                    if turn:
                        await asyncio.sleep(1)
                        cold = len(list(a.out.glob("*.txt")))
                    session = Session(url)
                    await session.connect()
                    for page in pages:
                        run = await session.open(page, f"espace={a.espace}")
                        print(f"{page}: {run.seconds:.2f} s {run.errors or ''}", flush=True)
                    await session.close()
                await asyncio.sleep(1)
                return cold

            cold = asyncio.run(visit())
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            log.close()
    warm = sorted(a.out.glob("*.txt"))[cold:]
    print("profils à chaud :", *[str(f) for f in warm], sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
