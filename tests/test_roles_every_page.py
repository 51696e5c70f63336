"""Every page of the registry with every role (AppTest): refusals, and nothing private for public.

Pages are taken from ``registry.pages()`` at collection time, so a page added later is covered
without editing this file.
"""

from __future__ import annotations

import re

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from observatoire import users
from observatoire.kpis import BY_ID, Unit
from observatoire.paths import data_dir
from observatoire.ui import registry

TIMEOUT = 90
WORKSPACE = "demo-hauts-de-france"  # small programme: many counts of 1 to 4
PAGES = [p.stem for p in registry.pages()]
ROLES = list(registry.ROLES)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", re.I)
# A French number: 0X then four pairs, with one separator used throughout (dates do not match).
PHONE = re.compile(r"(?<![\d-])(?:\+33\s?|0)[1-9]([\s.-]?)\d{2}(?:\1\d{2}){3}(?![\d-])")
SMALL = {1, 2, 3, 4}
COUNT_LABELS = {k.label for k in BY_ID.values() if k.unit in (Unit.COUNT, Unit.PEOPLE)}
# Table columns that hold codes, ranks, scores or durations, not counts of people or records.
NOT_COUNTS = re.compile(
    r"jours|cercle|classe|code|rang|score|niveau|densit|distance|km|part|%|indice|ann[ée]e|mois|date",
    re.I,
)
# URL parameters someone might try to raise their role with.
FORGED = {"role": "admin", "viewer_role": "admin", "login": "admin", "user": "admin"}


@pytest.fixture(scope="module")
def private_values(reference_path):
    """Person identifiers, e-mails and phones stored in the workspace: none may reach public."""
    con = duckdb.connect(str(data_dir() / f"{WORKSPACE}.duckdb"), read_only=True)
    people = {r[0] for r in con.execute("SELECT person_id FROM people").fetchall()}
    contacts = {
        v for row in con.execute("SELECT email, phone FROM actors").fetchall() for v in row if v
    }
    con.close()
    assert people and contacts
    return people, contacts


@pytest.fixture
def accounts(tmp_path, monkeypatch, reference_path):
    """One account per role, so that the app is not in local (admin) mode."""
    monkeypatch.setenv("OBSERVATOIRE_USERS", str(tmp_path / "users.toml"))
    for role in ROLES:
        users.add(f"compte-{role}", role, "mot-de-passe-solide")


def run(stem: str, as_role: str, **params) -> AppTest:
    """One run of a page, signed in with ``as_role`` (signed out for public)."""
    at = AppTest.from_file(str(registry.get(stem).path), default_timeout=TIMEOUT)
    at.query_params["espace"] = WORKSPACE
    for key, value in params.items():
        at.query_params[key] = value
    if as_role != "public":
        at.session_state["login"] = f"compte-{as_role}"  # the role is looked up from it
    return at.run()


def texts_of(at: AppTest) -> list[str]:
    """Everything the page writes as text: metrics, tables, markdown, captions, HTML, notices."""
    out = [f"{m.label} {m.value}" for m in at.metric]
    for kind in ("markdown", "caption", "title", "subheader", "header", "info", "warning", "error"):
        out += [str(e.value) for e in at.get(kind)]
    # Data URLs (images) are long base64 runs: no text in them, and slow to scan.
    out += [re.sub(r"data:[^\"']*", "", h.proto.body) for h in at.get("html")]
    for frame in [d.value for d in at.dataframe] + [t.value for t in at.table]:
        out.append(" ".join(str(c) for c in frame.columns))
        out += [" ".join(str(v) for v in row) for row in frame.astype(str).to_numpy()]
    return out


def small_counts(at: AppTest) -> list[str]:
    """Counts of 1 to 4 shown as plain numbers in KPI cards or table count columns."""
    found = [
        f"{m.label}: {m.value}"
        for m in at.metric
        if m.label in COUNT_LABELS and m.value.strip() in {str(n) for n in SMALL}
    ]
    for frame in [d.value for d in at.dataframe] + [t.value for t in at.table]:
        for column in frame.columns:
            if NOT_COUNTS.search(str(column)):
                continue
            for value in frame[column]:
                if isinstance(value, bool):
                    continue
                if (isinstance(value, int | float) and value in SMALL) or str(value).strip() in {
                    str(n) for n in SMALL
                }:
                    found.append(f"{column}: {value}")
    return found


def refused_only(at: AppTest) -> None:
    """The French refusal and nothing of the page."""
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "Cette page est réservée aux rôles" in errors[0], errors
    assert not at.metric and not at.dataframe and not at.table and not at.title
    assert not at.main.get("arrow_vega_lite_chart") and not at.main.get("deck_gl_json_chart")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("stem", PAGES)
def test_page_with_role(stem, role, accounts, private_values):
    at = run(stem, role)
    assert not at.exception, at.exception
    spec = registry.get(stem)
    if role not in spec.roles:
        refused_only(at)
        return
    assert not any("Cette page est réservée" in e.value for e in at.error)
    if role not in ("public", "comite"):
        return
    # Contacts are for coordination and admin only.
    people, contacts = private_values
    text = "\n".join(texts_of(at))
    assert not EMAIL.search(text), EMAIL.search(text).group(0)
    assert not PHONE.search(text), PHONE.search(text).group(0)
    assert not [c for c in contacts if c in text]
    if role != "public":
        return
    shown_people = [p for p in people if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text)]
    assert not shown_people, shown_people[:5]
    assert not small_counts(at), small_counts(at)[:10]


@pytest.mark.parametrize("stem", PAGES)
def test_url_parameters_cannot_raise_the_role(stem, accounts):
    at = run(stem, "public", **FORGED)
    assert not at.exception
    # Still signed out: no login in the session, the sidebar says so, no role stored anywhere.
    assert "login" not in at.session_state
    assert "role" not in at.session_state and "viewer_role" not in at.session_state
    assert not [c for c in at.sidebar.caption if c.value.startswith("Connecté·e")]
    if "public" not in registry.get(stem).roles:
        refused_only(at)
