"""``make run``'s command starts without any prompt, in a terminal and without one."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
import urllib.request

import pytest

from observatoire import serve
from observatoire.paths import ROOT
from observatoire.texts import serve as texts

READY_START = texts.READY.split("{url}")[0]
MAKEFILE_RUN = "$(BIN)/python -m observatoire.serve"


def env_without_display() -> dict[str, str]:
    """The current environment with no display and no browser opening."""
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["OBSERVATOIRE_NO_BROWSER"] = "1"
    return env


def wait_ready(read, proc: subprocess.Popen, timeout: float = 120) -> str:
    """Everything printed until the French address line, then check the health URL."""
    out = ""
    deadline = time.monotonic() + timeout
    while not (READY_START in out and "\n" in out.split(READY_START, 1)[1]):
        assert proc.poll() is None, f"serveur arrêté :\n{out}"
        assert time.monotonic() < deadline, f"pas d'adresse après {timeout} s :\n{out}"
        out += read()
    return out


def health(url: str) -> int:
    """The HTTP status of the health check."""
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as r:
        return r.status


def stop(proc: subprocess.Popen) -> None:
    """Stop the server we started."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_makefile_runs_the_serve_module():
    """`make run` calls this module, and no longer forces a non-headless Streamlit."""
    makefile = (ROOT / "Makefile").read_text()
    assert MAKEFILE_RUN in makefile
    assert "headless false" not in makefile


def test_no_browser_without_a_display(monkeypatch):
    """Without DISPLAY (a server, a CI box) nothing tries to open a browser."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "OBSERVATOIRE_NO_BROWSER"):
        monkeypatch.delenv(name, raising=False)
    if sys.platform.startswith("linux"):
        assert serve.graphical_browser() is None


def test_streamlit_command_is_headless_without_email_prompt():
    """The two options that keep Streamlit's English e-mail prompt away."""
    cmd = serve.streamlit_command(8501)
    assert cmd[cmd.index("--server.headless") + 1] == "true"
    assert cmd[cmd.index("--server.showEmailPrompt") + 1] == "false"


def test_serve_without_a_terminal():
    """stdin from /dev/null, output to a pipe: French address line, then health 200."""
    port = serve.free_port(8700)
    proc = subprocess.Popen(
        [sys.executable, "-m", "observatoire.serve", "--port", str(port)],
        cwd=ROOT,
        env=env_without_display(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        os.set_blocking(proc.stdout.fileno(), False)

        def read() -> str:
            select.select([proc.stdout], [], [], 1)
            return (proc.stdout.read() or b"").decode()

        out = wait_ready(read, proc)
        assert f"http://localhost:{port}" in out
        assert "email" not in out.lower()
        assert health(f"http://localhost:{port}") == 200
    finally:
        stop(proc)


def test_serve_in_a_pseudo_terminal():
    """In a terminal (a pty) no prompt waits for an answer: the address comes, health is 200."""
    port = serve.free_port(8720)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "observatoire.serve", "--port", str(port)],
        cwd=ROOT,
        env=env_without_display(),
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    try:

        def read() -> str:
            ready, _, _ = select.select([leader], [], [], 1)
            return os.read(leader, 4096).decode(errors="replace") if ready else ""

        out = wait_ready(read, proc)
        assert f"http://localhost:{port}" in out
        assert "Welcome" not in out and "email" not in out.lower()
        assert health(f"http://localhost:{port}") == 200
    finally:
        stop(proc)
        os.close(leader)


@pytest.fixture(autouse=True)
def _pythonpath(monkeypatch):
    """Child processes import this checkout's package."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
