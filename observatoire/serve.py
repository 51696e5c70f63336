"""Start the dashboard without any prompt, print its address in French, open a browser if any.

``make run`` calls this. Streamlit runs headless (no e-mail prompt, which would block or fail
without a terminal), its English welcome is hidden, and the browser is opened here only when a
display and a browser exist.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser

from observatoire.paths import ROOT
from observatoire.texts import serve as texts

DEFAULT_PORT = 8501
PORT_TRIES = 20
START_TIMEOUT = 120
# Text-mode browsers would take over the terminal the server prints to.
TEXT_BROWSERS = {"www-browser", "lynx", "links", "elinks", "w3m"}


def port_is_free(port: int) -> bool:
    """Whether nothing listens on localhost:port."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(first: int) -> int | None:
    """The first free port from ``first`` on, or None."""
    return next((p for p in range(first, first + PORT_TRIES) if port_is_free(p)), None)


def streamlit_command(port: int) -> list[str]:
    """The Streamlit command line: headless, no e-mail prompt, no English welcome or info logs."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.showEmailPrompt",
        "false",
        "--logger.level",
        "warning",
        "--logger.hideWelcomeMessage",
        "true",
    ]


def graphical_browser() -> webbrowser.BaseBrowser | None:
    """A graphical browser to open, or None (no display, no browser, or opening disabled)."""
    if os.environ.get("OBSERVATOIRE_NO_BROWSER"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return None
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return None
    if getattr(browser, "name", "") in TEXT_BROWSERS:
        return None
    return browser


def healthy(url: str) -> bool:
    """Whether Streamlit answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def say(message: str) -> None:
    """One line on stdout, flushed (the output may be a pipe)."""
    print(message, flush=True)


def interrupt(signum, frame) -> None:
    """Turn SIGTERM into the Ctrl+C path, so the server is stopped too."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run the server until it stops or Ctrl+C; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m observatoire.serve")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    port = free_port(args.port)
    if port is None:
        say(texts.NO_FREE_PORT.format(first=args.port, last=args.port + PORT_TRIES - 1))
        return 1
    url = f"http://localhost:{port}"
    say(texts.STARTING)
    proc = subprocess.Popen(streamlit_command(port), cwd=ROOT, stdin=subprocess.DEVNULL)
    # A SIGTERM (e.g. from a process manager) stops the server as Ctrl+C does.
    signal.signal(signal.SIGTERM, interrupt)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not healthy(url):
            if proc.poll() is not None:
                say(texts.FAILED.format(code=proc.returncode))
                return proc.returncode or 1
            if time.monotonic() > deadline:
                say(texts.TIMEOUT.format(seconds=START_TIMEOUT))
                proc.terminate()
                return 1
            time.sleep(0.3)
        say(texts.READY.format(url=url))
        browser = graphical_browser()
        if browser is not None and browser.open(url):
            say(texts.BROWSER_OPENED.format(url=url))
        else:
            say(texts.NO_BROWSER)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        say(texts.STOPPED)
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
