"""Rendered outputs cached across sessions are never shared between the public and staff roles.

The map page caches the rendered map (the st_folium component's arguments) for every session;
these tests fill that cache as the admin first, then open the same view as the public, on the
HdF demo, and check the public gets exactly what it gets from cold caches: no contact, no exact
small count.
"""

from __future__ import annotations

import json
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from observatoire.paths import ROOT, data_dir
from observatoire.workspace import connect

HDF = "demo-hauts-de-france"
PAGES = ROOT / "pages"
TIMEOUT = 120
# folium's element ids are random hex: two renderings of one map differ only there.
_IDS = re.compile(r"_[0-9a-f]{32}")
SMALL = re.compile(r"u003e[1-4] session\(s\)")  # "<br>2 session(s)", JSON-escaped


@pytest.fixture(scope="module")
def contacts(reference_path) -> list[str]:
    """The actors' e-mail addresses of the HdF demo (the staff see them on the map)."""
    con = connect(data_dir() / f"{HDF}.duckdb", read_only=True)
    try:
        rows = con.execute("select email from actors where email is not null").fetchall()
    finally:
        con.close()
    assert rows, "the demo has contacts to hide"
    return [r[0] for r in rows]


def components(page: str, monkeypatch, public: bool, **params) -> list[dict]:
    """The arguments of every custom component (the maps) of one run of ``page``."""
    from observatoire.ui import roles

    monkeypatch.setattr(roles, "local_mode", lambda: not public)  # local mode: admin
    at = AppTest.from_file(str(PAGES / page), default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception and not at.error
    return [json.loads(c.proto.json_args) for c in at.main.get("component_instance")]


def map_text(args: dict) -> str:
    """Script, HTML and header of a drawn map, random ids blanked."""
    return _IDS.sub("_id", args["script"] + args["html"] + args["header"])


def clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


def test_public_map_is_its_own_after_a_staff_view_was_cached(monkeypatch, contacts):
    view = {"espace": HDF, "departement": "62"}
    clear_caches()
    cold = components("carte.py", monkeypatch, public=True, **view)
    clear_caches()
    staff = components("carte.py", monkeypatch, public=False, **view)
    assert any(c in map_text(staff[0]) for c in contacts)  # the staff map holds contacts
    warm = components("carte.py", monkeypatch, public=True, **view)
    public = map_text(warm[0])
    assert public == map_text(cold[0])
    assert not any(c in public for c in contacts)
    # The tooltips: "2 session(s)" for the staff, "< 5" (escaped) for the public.
    assert SMALL.search(map_text(staff[0]))
    assert not SMALL.search(public)
    assert "lt;\\u00a05" in public


def test_staff_map_is_its_own_after_a_public_view_was_cached(monkeypatch, contacts):
    view = {"espace": HDF, "departement": "62"}
    clear_caches()
    components("carte.py", monkeypatch, public=True, **view)
    staff = components("carte.py", monkeypatch, public=False, **view)
    assert any(c in map_text(staff[0]) for c in contacts)
