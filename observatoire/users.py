"""Accounts of the app: a git-ignored TOML file of logins, roles and argon2id hashes.

Passwords are never stored: only salted argon2id hashes. The file lives in
``data/users.toml`` (``OBSERVATOIRE_USERS`` overrides it), is written atomically and readable by
its owner only (mode 0600). With no account in it the app runs in local mode.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from observatoire.paths import data_dir
from observatoire.privacy.roles import Role, UnknownRole, parse_strict

LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9._@+-]{1,64}$")
_HASHER = PasswordHasher()  # argon2id, random 16-byte salt per hash
# Verified against for unknown logins, so that a wrong login costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("observatoire")


class UnreadableAccounts(ValueError):
    """The accounts file exists but is not a valid accounts file (damaged, edited by hand)."""


class InvalidLogin(ValueError):
    """A login that is empty, too long or holds characters other than letters, digits and ._@+-."""


class UnknownUser(KeyError):
    """No account has this login."""


@dataclass(frozen=True)
class User:
    """One account, without its hash."""

    login: str
    role: Role


def users_file() -> Path:
    """The accounts file: ``OBSERVATOIRE_USERS``, else ``data/users.toml``."""
    return Path(os.environ.get("OBSERVATOIRE_USERS") or data_dir() / "users.toml")


def check_login(login: str) -> str:
    """The login itself, or ``InvalidLogin``."""
    if not LOGIN_PATTERN.match(login or ""):
        raise InvalidLogin(login)
    return login


def _read(path: Path | None = None) -> dict[str, dict[str, str]]:
    """login -> {"role", "hash"}; empty when the file is absent, ``UnreadableAccounts`` if damaged."""
    path = path or users_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UnreadableAccounts(str(exc)) from exc
    accounts = data.get("users", {})
    if not isinstance(accounts, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("role"), str) and isinstance(v.get("hash"), str)
        for v in accounts.values()
    ):
        raise UnreadableAccounts(str(path))
    return {str(k): dict(v) for k, v in accounts.items()}


def _toml(users: dict[str, dict[str, str]]) -> str:
    """The file's text. JSON strings are valid TOML basic strings, which is all we write."""
    lines = [
        "# Comptes de l'Observatoire CSTI : gérés par « observatoire users ». Ne pas versionner.",
        "",
    ]
    for login in sorted(users):
        lines.append(f"[users.{json.dumps(login)}]")
        lines.append(f"role = {json.dumps(users[login]['role'])}")
        lines.append(f"hash = {json.dumps(users[login]['hash'])}")
        lines.append("")
    return "\n".join(lines)


def _write(users: dict[str, dict[str, str]], path: Path | None = None) -> None:
    """Replace the file atomically (temporary file + ``os.replace``), mode 0600."""
    path = path or users_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(_toml(users))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)  # in case the file pre-existed with wider rights
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def add(login: str, role: Role | str, password: str) -> bool:
    """Create the account, or replace its role and password; True when it is new."""
    check_login(login)
    role = parse_strict(role)
    if not password:
        raise ValueError("empty password")
    users = _read()
    new = login not in users
    users[login] = {"role": str(role), "hash": _HASHER.hash(password)}
    _write(users)
    return new


def remove(login: str) -> None:
    """Delete the account; ``UnknownUser`` when there is none."""
    users = _read()
    if login not in users:
        raise UnknownUser(login)
    del users[login]
    _write(users)


def list_users() -> list[User]:
    """Every account, by login, without hashes."""
    return [User(login, parse_strict(u["role"])) for login, u in sorted(_read().items())]


def role_of(login: str) -> Role | None:
    """The account's current role, ``None`` when it no longer exists (no password needed)."""
    user = _read().get(login)
    try:
        return parse_strict(user["role"]) if user else None
    except UnknownRole:
        return None


def verify(login: str, password: str) -> Role | None:
    """The account's role when the password matches, else ``None``."""
    user = _read().get(login)
    try:
        _HASHER.verify(user["hash"] if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    try:
        return parse_strict(user["role"])
    except UnknownRole:
        return None


def check() -> None:
    """Raise ``UnreadableAccounts`` (or ``OSError``) when the accounts file cannot be used."""
    _read()


def configured() -> bool:
    """Whether at least one account exists (otherwise: local mode)."""
    try:
        return bool(_read())
    except (OSError, UnreadableAccounts):
        # An unreadable accounts file must not silently open the app in local (admin) mode.
        return True
