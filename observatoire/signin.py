"""Sign-in guards: a throttle kept on disk, and signed session tokens for a cookie.

Failed password attempts are counted per account and per client address in a small JSON file
beside ``users.toml``, shared by every session and process and surviving reloads and restarts.
Accounts and addresses are stored as keyed hashes: a login typed by mistake (sometimes a password)
and visitors' addresses never reach the disk in clear. A signed-in browser keeps a cookie holding
``login, expiry, nonce`` signed with HMAC-SHA256 by a secret key created beside ``users.toml``
(mode 0600); signing out revokes its nonce on disk. Times are passed in, so that everything here
is tested without Streamlit or a clock.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from observatoire import users

ACCOUNT_FREE = 5  # failures of one account before it waits
ADDRESS_FREE = 10  # failures from one address, all accounts together, before it waits
BASE_DELAY = 30.0  # first wait (s), doubled by each further failure
MAX_DELAY = 3600.0
FORGET = 3600.0  # a counter with no failure for this long (after its wait) starts again
SESSION_TTL = 12 * 3600.0  # a signed-in browser stays signed in this long without signing in
COOKIE = "observatoire_session"
LOCAL_ADDRESS = "local"  # a visitor on this machine, without a proxy in front


@dataclass
class Throttle:
    """One counter: after ``free`` failures, wait ``base`` s, doubling with each failure."""

    free: int = ACCOUNT_FREE
    base: float = BASE_DELAY
    cap: float = MAX_DELAY
    failures: int = 0
    blocked_until: float = 0.0
    last_failure: float = 0.0

    def wait(self, now: float) -> float:
        """Seconds left before the next attempt is allowed (0 when allowed)."""
        return max(0.0, self.blocked_until - now)

    def stale(self, now: float) -> bool:
        """Whether the counter has been quiet long enough to be forgotten."""
        return now - max(self.last_failure, self.blocked_until) > FORGET

    def fail(self, now: float) -> float:
        """Record a failed attempt; returns the wait it imposes (0 while under ``free``)."""
        if self.stale(now):
            self.failures = 0
        self.failures += 1
        self.last_failure = now
        extra = self.failures - self.free
        if extra < 0:
            return 0.0
        delay = min(self.cap, self.base * 2**extra)
        self.blocked_until = max(self.blocked_until, now + delay)
        return delay

    def succeed(self) -> None:
        """A successful sign-in clears the count."""
        self.failures = 0
        self.blocked_until = 0.0


def state_file() -> Path:
    """The throttle and revocation state, beside the accounts file."""
    return users.users_file().with_name("signin.json")


def key_file() -> Path:
    """The secret key that signs session cookies, beside the accounts file."""
    return users.users_file().with_name("session.key")


def secret_key(path: Path | None = None) -> bytes:
    """The signing key, created (32 random bytes, mode 0600) on first use."""
    path = path or key_file()
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    except ValueError:
        path.unlink()  # a damaged key only signs out the browsers signed in with it
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it meanwhile: use theirs
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def client_address(ip: str | None, forwarded_for: str | None = None) -> str:
    """The address a throttle counts: the peer's, or the client a local proxy forwarded."""
    if ip:
        return ip
    # Streamlit gives no address for loopback peers: a reverse proxy on this machine, which
    # appends the client it saw last in X-Forwarded-For (earlier entries are the client's say).
    hops = [h.strip() for h in (forwarded_for or "").split(",") if h.strip()]
    return hops[-1] if hops else LOCAL_ADDRESS


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Session:
    """What a valid session token says."""

    login: str
    expires: float
    nonce: str


def sign(key: bytes, login: str, now: float, ttl: float = SESSION_TTL) -> tuple[str, Session]:
    """A new session token for ``login`` (cookie-safe characters only) and what it holds."""
    session = Session(login, round(now + ttl), secrets.token_urlsafe(16))
    payload = _b64(json.dumps({"l": login, "e": session.expires, "n": session.nonce}).encode())
    mac = hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest()
    return f"{payload}.{_b64(mac)}", session


def verify(key: bytes, token: str | None, now: float) -> Session | None:
    """The session of a genuine, unexpired token; ``None`` for anything else."""
    payload, _, mac = (token or "").partition(".")
    if not payload or not mac:
        return None
    expected = hmac.new(key, payload.encode("ascii", "replace"), hashlib.sha256).digest()
    try:
        if not hmac.compare_digest(_unb64(mac), expected):
            return None
        data = json.loads(_unb64(payload))
        session = Session(str(data["l"]), float(data["e"]), str(data["n"]))
    except (ValueError, KeyError, TypeError):
        return None
    return session if session.expires > now else None


@dataclass(frozen=True)
class Outcome:
    """One sign-in attempt: accepted, refused (``checked``), or blocked for ``wait`` s."""

    accepted: bool
    checked: bool  # False: blocked, the password was not even tried
    wait: float  # seconds before the next attempt is allowed


class Attempts:
    """The on-disk state shared by every session: throttle counters and revoked sessions."""

    def __init__(self, path: Path | None = None, key: bytes | None = None):
        self.path = path or state_file()
        self.key = key if key is not None else secret_key()

    def _id(self, kind: str, value: str) -> str:
        """A keyed hash: the file never holds a login or an address in clear."""
        return hmac.new(self.key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:32]

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {"counters": {}, "revoked": {}}
        if not isinstance(data, dict):
            return {"counters": {}, "revoked": {}}
        return {
            "counters": dict(data.get("counters") or {}),
            "revoked": dict(data.get("revoked") or {}),
        }

    def _write(self, data: dict) -> None:
        """Replace the file atomically (temporary file + ``os.replace``), mode 0600."""
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    @contextmanager
    def _locked(self, write: bool) -> Iterator[dict]:
        """The state under an exclusive lock (held across read, change and write)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self.path.with_name(f".{self.path.name}.lock")
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            data = self._read()
            yield data
            if write:
                self._write(data)
        finally:
            os.close(fd)  # closing releases the lock

    def _counters(self, data: dict, login: str, address: str) -> list[tuple[str, Throttle]]:
        """The account's and the address's counters, as saved (fresh when absent or damaged)."""
        pairs = [(self._id("account", login.lower()), ACCOUNT_FREE)]
        pairs.append((self._id("address", address), ADDRESS_FREE))
        return [(key, _throttle(data["counters"].get(key), free)) for key, free in pairs]

    def _wait(self, data: dict, login: str, address: str, now: float) -> float:
        return max(c.wait(now) for _, c in self._counters(data, login, address))

    def _fail(self, data: dict, login: str, address: str, now: float) -> float:
        delay = 0.0
        for key, counter in self._counters(data, login, address):
            delay = max(delay, counter.fail(now))
            data["counters"][key] = asdict(counter)
        self._prune(data, now)
        return delay

    def _succeed(self, data: dict, login: str, now: float) -> None:
        data["counters"].pop(self._id("account", login.lower()), None)
        self._prune(data, now)

    def wait(self, login: str, address: str, now: float) -> float:
        """Seconds before ``login`` may be tried again from ``address`` (0: now)."""
        with self._locked(write=False) as data:
            return self._wait(data, login, address, now)

    def fail(self, login: str, address: str, now: float) -> float:
        """Count a failure for the account and the address; returns the wait imposed."""
        with self._locked(write=True) as data:
            return self._fail(data, login, address, now)

    def succeed(self, login: str, now: float) -> None:
        """A sign-in clears the account's counter; the address keeps its failures."""
        with self._locked(write=True) as data:
            self._succeed(data, login, now)

    def attempt(self, login: str, address: str, now: float, check: Callable[[], bool]) -> Outcome:
        """Run ``check`` (the password) unless blocked, and count its result, under one lock.

        Holding the lock across the check serialises sign-ins, so that many sessions firing at
        once cannot all pass the wait before any failure is counted.
        """
        with self._locked(write=True) as data:
            wait = self._wait(data, login, address, now)
            if wait:
                return Outcome(accepted=False, checked=False, wait=wait)
            if check():
                self._succeed(data, login, now)
                return Outcome(accepted=True, checked=True, wait=0.0)
            return Outcome(accepted=False, checked=True, wait=self._fail(data, login, address, now))

    def revoke(self, session: Session, now: float) -> None:
        """Sign a session out for good: its cookie no longer signs anyone in."""
        with self._locked(write=True) as data:
            data["revoked"][session.nonce] = session.expires
            self._prune(data, now)

    def revoked(self, session: Session) -> bool:
        """Whether the session was signed out."""
        with self._locked(write=False) as data:
            return session.nonce in data["revoked"]

    @staticmethod
    def _prune(data: dict, now: float) -> None:
        """Forget quiet counters and expired revocations, so that the file stays small."""
        counters = data["counters"]
        for key in [k for k, v in counters.items() if _throttle(v).stale(now)]:
            del counters[key]
        revoked = data["revoked"]
        for nonce in [n for n, expires in revoked.items() if expires <= now]:
            del revoked[nonce]


def _throttle(saved, free: int = ACCOUNT_FREE) -> Throttle:
    """A counter from its saved fields; a damaged entry starts afresh."""
    try:
        return Throttle(**{**saved, "free": free})
    except TypeError:
        return Throttle(free=free)
