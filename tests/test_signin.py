"""Sign-in guards without Streamlit: the throttle on disk, the client address, session tokens."""

from __future__ import annotations

import json
import stat

import pytest

from observatoire import signin

KEY = b"k" * 32
HOUR = 3600.0


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    """The accounts file location: the key and the state file go beside it."""
    path = tmp_path / "users.toml"
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(path))
    return path


def test_throttle_waits_after_five_failures_then_doubles():
    t = signin.Throttle()
    for _ in range(4):
        assert t.fail(now=0) == 0
    assert t.wait(now=0) == 0
    assert t.fail(now=0) == 30  # fifth failure
    assert t.wait(now=10) == 20
    assert t.wait(now=30) == 0
    assert t.fail(now=30) == 60
    assert t.fail(now=90) == 120
    t.succeed()
    assert t.failures == 0 and t.wait(now=90) == 0


def test_throttle_is_capped():
    t = signin.Throttle(free=1, base=30, cap=100)
    assert [t.fail(now=0) for _ in range(4)] == [30, 60, 100, 100]


def test_throttle_forgets_after_an_hour_of_quiet():
    t = signin.Throttle()
    for _ in range(5):
        t.fail(now=0)
    assert t.wait(now=29) == 1  # blocked until 30
    assert not t.stale(now=30 + HOUR)
    assert t.fail(now=31 + HOUR) == 0  # a fresh count: first failure of a new series
    assert t.failures == 1


def test_a_new_store_sees_the_failures_of_another(tmp_path):
    # Two sessions, two processes or a reload: each opens its own store on the same file.
    path = tmp_path / "signin.json"
    first = signin.Attempts(path, KEY)
    for _ in range(4):
        assert first.fail("claire", "10.0.0.1", now=100) == 0
    assert first.fail("claire", "10.0.0.1", now=100) == 30
    again = signin.Attempts(path, KEY)
    assert again.wait("claire", "10.0.0.1", now=110) == 20
    # The same account from another address is blocked too, and the login's case does not help.
    assert again.wait("Claire", "10.0.0.2", now=110) == 20
    assert again.wait("camille", "10.0.0.2", now=110) == 0
    assert again.wait("claire", "10.0.0.2", now=130) == 0


def test_an_address_trying_many_accounts_is_blocked(tmp_path):
    store = signin.Attempts(tmp_path / "signin.json", KEY)
    delays = [store.fail(f"compte{i}", "10.0.0.9", now=0) for i in range(10)]
    assert delays == [0] * 9 + [30]  # ten failures, all accounts together
    assert store.wait("compte-neuf", "10.0.0.9", now=1) == 29
    assert store.wait("compte-neuf", "10.0.0.8", now=1) == 0


def test_success_clears_the_account_but_not_the_address(tmp_path):
    store = signin.Attempts(tmp_path / "signin.json", KEY)
    for _ in range(4):
        store.fail("claire", "10.0.0.1", now=0)
    store.succeed("claire", now=1)
    assert store.fail("claire", "10.0.0.1", now=2) == 0  # the account starts again at 1
    for i in range(4):
        store.fail(f"autre{i}", "10.0.0.1", now=3)
    # 4 + 1 + 4 = 9 failures from the address; the tenth blocks it.
    assert store.fail("autre9", "10.0.0.1", now=4) == 30


def test_state_file_is_private_and_holds_no_login_nor_address(tmp_path):
    path = tmp_path / "signin.json"
    signin.Attempts(path, KEY).fail("claire.martin", "203.0.113.7", now=0)
    text = path.read_text(encoding="utf-8")
    assert "claire" not in text and "203.0.113" not in text
    assert len(json.loads(text)["counters"]) == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [".signin.json.lock", "signin.json"]


def test_damaged_state_starts_afresh(tmp_path):
    path = tmp_path / "signin.json"
    path.write_text("{pas du json", encoding="utf-8")
    store = signin.Attempts(path, KEY)
    assert store.wait("claire", "local", now=0) == 0
    assert store.fail("claire", "local", now=0) == 0
    path.write_text('{"counters": {"x": 3}, "revoked": []}', encoding="utf-8")
    assert store.fail("claire", "local", now=0) == 0


def test_quiet_counters_are_pruned(tmp_path):
    path = tmp_path / "signin.json"
    store = signin.Attempts(path, KEY)
    store.fail("claire", "10.0.0.1", now=0)
    store.fail("camille", "10.0.0.2", now=2 * HOUR)
    counters = json.loads(path.read_text(encoding="utf-8"))["counters"]
    assert len(counters) == 2  # camille's two; claire's were forgotten


@pytest.mark.parametrize(
    ("ip", "forwarded", "expected"),
    [
        ("203.0.113.7", None, "203.0.113.7"),
        ("203.0.113.7", "1.2.3.4", "203.0.113.7"),  # a remote peer cannot choose its address
        (None, None, "local"),
        (None, "9.9.9.9, 198.51.100.4", "198.51.100.4"),  # the hop our local proxy added
        (None, " ", "local"),
    ],
)
def test_client_address(ip, forwarded, expected):
    assert signin.client_address(ip, forwarded) == expected


def test_token_round_trip_and_expiry():
    token, session = signin.sign(KEY, "claire", now=1000, ttl=HOUR)
    assert session.login == "claire" and session.expires == 1000 + HOUR
    assert signin.verify(KEY, token, now=1000 + HOUR - 1) == session
    assert signin.verify(KEY, token, now=1000 + HOUR) is None
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


@pytest.mark.parametrize(
    "forge",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # another signature
        lambda t: signin._b64(b'{"l": "admin", "e": 9999999999, "n": "x"}') + "." + t.split(".")[1],
        lambda t: t.split(".")[0],  # no signature
        lambda t: "",
        lambda t: "é.é",
    ],
)
def test_forged_tokens_are_refused(forge):
    token, _ = signin.sign(KEY, "claire", now=0, ttl=HOUR)
    assert signin.verify(KEY, forge(token), now=1) is None


def test_another_key_refuses_the_token():
    token, _ = signin.sign(KEY, "claire", now=0, ttl=HOUR)
    assert signin.verify(b"x" * 32, token, now=1) is None


def test_secret_key_is_created_once_with_mode_0600(accounts):
    key = signin.secret_key()
    path = accounts.with_name("session.key")
    assert len(key) == 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert signin.secret_key() == key


def test_revoked_session_is_refused_and_forgotten_after_expiry(tmp_path):
    path = tmp_path / "signin.json"
    store = signin.Attempts(path, KEY)
    _, session = signin.sign(KEY, "claire", now=0, ttl=HOUR)
    _, other = signin.sign(KEY, "claire", now=0, ttl=HOUR)
    store.revoke(session, now=10)
    assert signin.Attempts(path, KEY).revoked(session)
    assert not store.revoked(other)  # another browser of the same account stays signed in
    store.fail("x", "local", now=HOUR + 1)  # any write prunes expired revocations
    assert json.loads(path.read_text(encoding="utf-8"))["revoked"] == {}


def test_attempt_checks_the_password_only_when_allowed(tmp_path):
    store = signin.Attempts(tmp_path / "signin.json", KEY)
    tried = []

    def wrong():
        tried.append(1)
        return False

    outcomes = [store.attempt("claire", "local", 0, wrong) for _ in range(5)]
    assert [o.checked for o in outcomes] == [True] * 5
    assert [o.wait for o in outcomes] == [0, 0, 0, 0, 30]
    blocked = store.attempt("claire", "local", 10, lambda: True)
    assert blocked == signin.Outcome(accepted=False, checked=False, wait=20)
    assert len(tried) == 5  # the blocked attempt never reached the password
    assert store.attempt("claire", "local", 30, lambda: True).accepted
    assert store.wait("claire", "local", 30) == 0  # the account's count is cleared


def test_concurrent_attempts_cannot_pass_the_wait_together(tmp_path):
    # Twenty sessions at once: the lock makes each see the failures counted before it.
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "signin.json"
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(
            pool.map(
                lambda _: signin.Attempts(path, KEY).attempt("claire", "x", 0, lambda: False),
                range(20),
            )
        )
    assert sum(o.checked for o in outcomes) == 5
