"""Accounts file and ``observatoire users`` (no Streamlit)."""

from __future__ import annotations

import io
import stat

import pytest

from observatoire import users
from observatoire.cli import main
from observatoire.privacy.roles import Role


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    """An empty accounts file location."""
    path = tmp_path / "secret" / "users.toml"
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(path))
    return path


def test_add_verify_remove(accounts):
    assert not users.configured()
    assert users.add("alice", "coordination", "correct horse") is True
    assert users.configured()
    assert users.verify("alice", "correct horse") is Role.COORDINATION
    assert users.verify("alice", "wrong") is None
    assert users.verify("nobody", "correct horse") is None
    assert users.add("alice", "comite", "new one") is False
    assert users.verify("alice", "correct horse") is None
    assert users.verify("alice", "new one") is Role.COMITE
    assert users.list_users() == [users.User("alice", Role.COMITE)]
    users.remove("alice")
    assert users.list_users() == []
    assert not users.configured()
    with pytest.raises(users.UnknownUser):
        users.remove("alice")


def test_hash_is_salted_argon2id_and_file_is_private(accounts):
    users.add("alice", "admin", "motdepasse")
    users.add("bob", "admin", "motdepasse")
    text = accounts.read_text(encoding="utf-8")
    assert "motdepasse" not in text
    hashes = [line.split('"')[1] for line in text.splitlines() if line.startswith("hash")]
    assert len(hashes) == 2 and all(h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1]  # salted
    assert stat.S_IMODE(accounts.stat().st_mode) == 0o600
    assert not [p for p in accounts.parent.iterdir() if p != accounts]  # no temporary left


def test_unknown_role_and_bad_login_are_refused(accounts):
    with pytest.raises(users.UnknownRole):
        users.add("alice", "chef", "x")
    with pytest.raises(users.InvalidLogin):
        users.add('al"ice\n[users]', "admin", "x")
    assert not accounts.exists()


@pytest.mark.parametrize(
    "text",
    [
        "not = [toml",  # broken TOML
        "users = 3",  # valid TOML, not accounts
        '[users.alice]\nrole = "admin"\n',  # an account without its hash
    ],
)
def test_unreadable_file_is_not_local_mode(accounts, text):
    accounts.parent.mkdir()
    accounts.write_text(text, encoding="utf-8")
    assert users.configured()
    with pytest.raises(users.UnreadableAccounts):
        users.verify("alice", "x")


def test_binary_file_is_unreadable(accounts):
    accounts.parent.mkdir()
    accounts.write_bytes(b"\xff\xfe\x00garbage")
    assert users.configured()
    with pytest.raises(users.UnreadableAccounts):
        users.role_of("alice")


def cli(monkeypatch, capsys, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_add_list_remove(accounts, monkeypatch, capsys):
    code, out, _ = cli(
        monkeypatch, capsys, "users", "add", "alice", "--role", "comite", "--password-stdin",
        stdin="s3cret\n",
    )  # fmt: skip
    assert code == 0 and "Compte « alice » créé (rôle : comite)" in out
    assert users.verify("alice", "s3cret") is Role.COMITE
    code, out, _ = cli(monkeypatch, capsys, "users", "list")
    assert code == 0 and "alice" in out and "comite" in out and "argon2" not in out
    code, out, _ = cli(monkeypatch, capsys, "users", "remove", "alice")
    assert code == 0 and "Compte « alice » supprimé." in out
    code, out, _ = cli(monkeypatch, capsys, "users", "list")
    assert "Aucun compte" in out


def test_cli_exit_codes_and_french_errors(accounts, monkeypatch, capsys):
    code, _, err = cli(
        monkeypatch, capsys, "users", "add", "bob", "--role", "chef", "--password-stdin",
        stdin="x\n",
    )  # fmt: skip
    assert code == 2 and "Rôle inconnu : « chef »" in err and "coordination" in err
    code, _, err = cli(monkeypatch, capsys, "users", "remove", "zed")
    assert code == 1 and "Aucun compte « zed »." in err
    code, _, err = cli(
        monkeypatch, capsys, "users", "add", "bob", "--role", "admin", "--password-stdin"
    )
    assert code == 2 and "vide" in err
    with pytest.raises(SystemExit) as exc:
        main(["users", "add", "bob"])
    assert exc.value.code == 2
    assert "Erreur d'utilisation" in capsys.readouterr().err


def test_cli_prompts_twice(accounts, monkeypatch, capsys):
    answers = iter(["un", "deux"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    code, _, err = cli(monkeypatch, capsys, "users", "add", "bob", "--role", "admin")
    assert code == 2 and "diffèrent" in err and not users.configured()
    answers = iter(["même", "même"])
    code, _, _ = cli(monkeypatch, capsys, "users", "add", "bob", "--role", "admin")
    assert code == 0 and users.verify("bob", "même") is Role.ADMIN
