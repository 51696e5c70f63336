"""``make serve REPLICAS=N``: N ``streamlit run`` replicas on one data folder behind HAProxy.

Each replica is a plain ``streamlit run app.py`` on a localhost port; HAProxy (from Debian) binds
the public port, keeps every browser on its replica with a cookie (the websocket and the media
files a session fetches live in one process), checks ``/_stcore/health`` and forwards the
client's address (``X-Forwarded-For``, which the sign-in throttle reads). The replicas share the
data folder: imports swap workspace files atomically and every replica opens the new version on
its next run (``workspace.version``); accounts, the throttle and the cookie key are files in
that folder too. The HAProxy configuration and the logs go to a temporary folder, removed on exit.

Run: ``python -m observatoire.replicas --replicas N [--port 8501] [--address localhost]``.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from observatoire import users
from observatoire.config import SECRETS
from observatoire.paths import ROOT
from observatoire.texts import replicas as texts

HEALTH = "/_stcore/health"
COOKIE = "OBSREPLICA"  # HAProxy's affinity cookie: the replica's name
LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class ServeError(RuntimeError):
    """A replica or the balancer could not start (French message)."""


def free_port(address: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


def healthy(url: str, timeout: float = 2) -> bool:
    """Whether ``url`` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def local_mode() -> bool:
    """No account and no OIDC ``[auth]`` table: local mode (every visitor is admin)."""
    if users.configured():
        return False
    try:
        return "auth" not in tomllib.loads(SECRETS.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return True


def is_loopback(address: str) -> bool:
    """Whether a bind address only accepts connections from this machine."""
    if address in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _tail(path: Path, chars: int = 1500) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-chars:]
    except OSError:
        return ""


@dataclass
class Replica:
    """One ``streamlit run app.py`` listening on localhost."""

    name: str
    port: int
    log: Path
    env: dict[str, str]
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """Base URL of the replica itself (not through the balancer)."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start the process (returns at once; see ``wait``)."""
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py",
               "--server.port", str(self.port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--server.showEmailPrompt", "false",
               "--logger.hideWelcomeMessage", "true"]  # fmt: skip
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )

    def wait(self, timeout: float) -> None:
        """Wait until ``/_stcore/health`` answers, or raise ``ServeError``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            if healthy(self.url + HEALTH):
                return
            time.sleep(0.3)
        raise ServeError(texts.REPLICA_FAILED.format(name=self.name, log=self.log,
                                                     tail=_tail(self.log)))  # fmt: skip

    def stop(self) -> None:
        """Terminate the process we started (and only it)."""
        terminate(self.proc)


def terminate(proc: subprocess.Popen | None) -> None:
    """Stop a child process politely, then firmly after 10 s."""
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def haproxy_config(address: str, port: int, replicas: list[Replica]) -> str:
    """HAProxy configuration: sticky cookie, health checks, websocket-friendly timeouts."""
    servers = "\n".join(
        f"    server {r.name} 127.0.0.1:{r.port} check inter 3s fastinter 1s fall 5 rise 1 "
        f"cookie {r.name}"
        for r in replicas
    )
    bind = f"[{address}]" if ":" in address else address
    return f"""global
    maxconn 4096

defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # A websocket stays open as long as its browser tab: the tunnel timeout applies to it.
    timeout tunnel 1h
    timeout http-request 30s

frontend observatoire
    bind {bind}:{port}
    default_backend replicas

backend replicas
    balance roundrobin
    cookie {COOKIE} insert indirect nocache httponly
    # A busy replica answers its health check late (its scripts hold the GIL): a long check
    # timeout keeps it in; a stopped one refuses connections and is taken out within seconds.
    option httpchk GET {HEALTH}
    http-check expect status 200
    timeout check 20s
    # A connection refused by a replica that just stopped is retried on another one.
    option redispatch
    retries 2
{servers}
"""


@dataclass
class Cluster:
    """N replicas behind HAProxy, or one replica alone (``balancer=False``)."""

    replicas: int = 2
    port: int = 0  # 0: a free port
    address: str = "localhost"
    env: dict[str, str] = field(default_factory=dict)
    balancer: bool = True
    folder: Path | None = None  # configuration and logs; a temporary folder by default
    members: list[Replica] = field(default_factory=list)
    haproxy: subprocess.Popen | None = None
    _own_folder: bool = False

    @property
    def url(self) -> str:
        """Where browsers go: the balancer, or the only replica."""
        if not self.balancer:
            return self.members[0].url
        host = "127.0.0.1" if self.address in LOOPBACK else self.address
        return f"http://{host}:{self.port}"

    def pids(self) -> list[int]:
        """Process ids of the replicas (not of the balancer)."""
        return [r.proc.pid for r in self.members if r.proc]

    def start(self, timeout: float = 120) -> Cluster:
        """Start the replicas, wait for their health, then the balancer; raise ``ServeError``."""
        if not is_loopback(self.address) and local_mode():
            raise ServeError(texts.LOCAL_BIND.format(address=self.address))
        if self.balancer and shutil.which("haproxy") is None:
            raise ServeError(texts.NO_HAPROXY)
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="observatoire-replicas-"))
            self._own_folder = True
        env = {**os.environ, **self.env}
        env.setdefault("PYTHONPATH", str(ROOT))
        # One key for Streamlit's own signed cookies (XSRF, OIDC) on every replica.
        env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_urlsafe(32))
        try:
            for i in range(self.replicas):
                port = free_port()
                name = f"r{i + 1}"
                self.members.append(Replica(name, port, self.folder / f"{name}.log", env))
                self.members[-1].start()
            for r in self.members:
                r.wait(timeout)
            if self.balancer:
                self._start_balancer(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _start_balancer(self, timeout: float) -> None:
        self.port = self.port or free_port()
        config = self.folder / "haproxy.cfg"
        config.write_text(haproxy_config(self.address, self.port, self.members), encoding="utf-8")
        log = self.folder / "haproxy.log"
        with log.open("ab") as out:
            # -db: stay in the foreground, so that this process supervises it.
            self.haproxy = subprocess.Popen(
                ["haproxy", "-db", "-f", str(config)], stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.haproxy.poll() is None and healthy(self.url + HEALTH):
                return
            if self.haproxy.poll() is not None:
                break
            time.sleep(0.2)
        raise ServeError(texts.BALANCER_FAILED.format(log=log, tail=_tail(log)))

    def supervise(self, interval: float = 1.0, echo=print) -> None:
        """Restart a replica that exits; return when the balancer exits (or on Ctrl-C)."""
        while True:
            if self.haproxy is not None and self.haproxy.poll() is not None:
                log = self.folder / "haproxy.log"
                raise ServeError(texts.BALANCER_FAILED.format(log=log, tail=_tail(log)))
            for r in self.members:
                code = r.proc.poll() if r.proc else None
                if code is not None:
                    echo(texts.RESTARTED.format(name=r.name, code=code))
                    r.start()
            time.sleep(interval)

    def stop(self) -> None:
        """Stop the balancer and the replicas we started; remove our temporary folder."""
        if self.haproxy and self.haproxy.poll() is None:
            self.haproxy.terminate()
            try:
                self.haproxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.haproxy.kill()
                self.haproxy.wait()
        for r in self.members:
            r.stop()
        if self._own_folder and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _replicas(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not 1 <= n <= 32:
        raise argparse.ArgumentTypeError(texts.BAD_REPLICAS.format(value=value))
    return n


def _interrupt(*_) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--replicas", type=_replicas, default=2)
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="localhost")
    a = p.parse_args(argv)
    # Ctrl-C and a service manager's stop both end in ``finally``.
    signal.signal(signal.SIGTERM, _interrupt)
    cluster = Cluster(replicas=a.replicas, port=a.port, address=a.address, folder=None)
    print(texts.STARTING.format(replicas=a.replicas), flush=True)
    try:
        cluster.start()
        ports = ", ".join(str(r.port) for r in cluster.members)
        print(texts.READY.format(address=a.address, port=cluster.port, ports=ports,
                                 folder=cluster.folder), flush=True)  # fmt: skip
        cluster.supervise()
    except KeyboardInterrupt:
        print(texts.STOPPING, flush=True)
    except ServeError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
