"""A real Streamlit server and Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from observatoire.paths import ROOT
from observatoire.replicas import terminate

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}
VIEWPORT = {"width": 1400, "height": 900}


def pytest_collection_modifyitems(config, items):
    """Skip browser tests, with the reason, when Debian's Chromium or Playwright is missing."""
    reason = None
    if not CHROMIUM.exists():
        reason = (
            f"{CHROMIUM} absent : installez-le avec « apt-get install chromium » (.ci/run le fait)"
        )
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright absent du .venv (make install)"
    if reason:
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """``streamlit run app.py`` as a subprocess from the repo root, with its log kept."""

    def __init__(self, log_dir: Path, env: dict[str, str] | None = None):
        self.log_dir = log_dir
        self.env = {**os.environ, **(env or {})}  # e.g. OBSERVATOIRE_DATA, OBSERVATOIRE_USERS
        self.proc: subprocess.Popen | None = None
        self.visited = False
        self.port = 0

    @property
    def url(self) -> str:
        """Base URL."""
        return f"http://localhost:{self.port}"

    def start(self, timeout: float = 90) -> None:
        """Start on a free port and wait for ``/_stcore/health``."""
        self.port = free_port()
        self.log = self.log_dir / f"streamlit-{self.port}.log"
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py"]
        cmd += ["--server.port", str(self.port), "--server.headless", "true"]
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        self.visited = False
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not answer in {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        """Terminate the server we started (and only it)."""
        terminate(self.proc)

    def fresh(self) -> StreamlitServer:
        """This server, restarted if a page has already been opened on it."""
        if self.visited:
            self.stop()
            self.start()
        return self


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One Streamlit server for the session (OBSERVATOIRE_DATA left as it is)."""
    srv = StreamlitServer(tmp_path_factory.mktemp("streamlit"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser page that records every request it (or its iframes) makes."""

    def __init__(self, context, server: StreamlitServer):
        self.context = context
        self.server = server
        self.requests: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        self.page = context.new_page()

    def goto(self, path: str):
        """Open a path of the app."""
        self.server.visited = True
        self.page.goto(self.server.url + path)
        return self.page

    def external_requests(self) -> list[str]:
        """Requests that left the local machine."""
        bad = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in LOCAL_SCHEMES:
                continue
            if parsed.hostname not in LOCAL_HOSTS:
                bad.append(url)
        return bad


@pytest.fixture
def visit(chromium, server):
    """A fresh browser context at 1400×900 on the session server."""
    context = chromium.new_context(viewport=VIEWPORT, locale="fr-FR")
    yield Visit(context, server)
    context.close()


@pytest.fixture(scope="session")
def start_server(tmp_path_factory):
    """Start an extra server with its own environment (stopped at the end of the session)."""
    started: list[StreamlitServer] = []

    def start(env: dict[str, str]) -> StreamlitServer:
        srv = StreamlitServer(tmp_path_factory.mktemp("streamlit-extra"), env=env)
        srv.start()
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


PROJECTOR = {"width": 1920, "height": 1080}


@pytest.fixture
def projector(chromium, server):
    """A fresh browser context at 1920×1080 (a projector: the forum mode) on the session server."""
    context = chromium.new_context(viewport=PROJECTOR, locale="fr-FR")
    yield Visit(context, server)
    context.close()


@pytest.fixture(scope="module")
def hdf_folder(tmp_path_factory, hdf_source) -> Path:
    """A data folder of its own holding only a copy of the Hauts-de-France demo (servers that write)."""
    import shutil

    path = tmp_path_factory.mktemp("hdf-data")
    shutil.copyfile(hdf_source, path / hdf_source.name)
    return path
