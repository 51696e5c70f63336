"""The workspace picker: every ``data/*.duckdb`` but the reference, with its name and demo mark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import streamlit as st

from observatoire.db import rows
from observatoire.paths import data_dir, reference_db
from observatoire.texts import ui as texts
from observatoire.ui import connections
from observatoire.ui.params import url_choice

TRUE = {"1", "true", "yes", "oui", "vrai"}


@dataclass(frozen=True)
class Workspace:
    """One workspace file as the picker shows it."""

    path: Path
    name: str
    demo: bool
    readable: bool = True

    @property
    def stem(self) -> str:
        """The file stem, used in the URL (``?espace=demo-occitanie``)."""
        return self.path.stem

    @property
    def label(self) -> str:
        """French label of the picker."""
        label = texts.WORKSPACE_DEMO.format(name=self.name) if self.demo else self.name
        return label if self.readable else f"{label} ({texts.WORKSPACE_UNREADABLE})"


@st.cache_data(show_spinner=False, max_entries=64)
def _describe(path: str, version: tuple[int, int]) -> tuple[str, bool, bool]:
    """(name, demo, readable) from a workspace's ``workspace_info``, read once per file version."""
    stem = Path(path).stem
    try:
        con = duckdb.connect(path, read_only=True)
    except duckdb.Error:  # locked by a writer or not a DuckDB file
        return stem, stem.startswith("demo"), False
    try:
        info = {r["key"]: r["value"] for r in rows(con, "workspace_info")}
    except duckdb.Error:  # a DuckDB file without our schema
        return stem, stem.startswith("demo"), False
    finally:
        con.close()
    demo = str(info.get("demo", "")).strip().lower() in TRUE or stem.startswith("demo")
    return info.get("name") or stem, demo, True


def list_workspaces() -> list[Workspace]:
    """Every workspace in the data folder, sorted by file name."""
    ref = reference_db().resolve()
    found = []
    for path in sorted(data_dir().glob("*.duckdb")):
        if path.resolve() == ref or path.name == "reference.duckdb":
            continue
        try:
            name, demo, readable = _describe(str(path), connections.stamp(path))
        except FileNotFoundError:  # swapped away between glob and stat
            continue
        found.append(Workspace(path, name, demo, readable))
    return found


def workspace_picker() -> Workspace | None:
    """The sidebar picker, kept in the URL as ``espace``; ``None`` when there is no workspace."""
    found = list_workspaces()
    if not found:
        st.caption(texts.WORKSPACE_NONE)
        return None
    by_stem = {w.stem: w for w in found}
    stem = url_choice(
        "espace",
        list(by_stem),
        found[0].stem,
        label=texts.WORKSPACE,
        format_func=lambda s: by_stem[s].label,
        unknown=texts.WORKSPACE_UNKNOWN,
    )
    chosen = by_stem[stem]
    if chosen.demo:
        st.caption(texts.DEMO_NOTICES.get(chosen.stem, texts.DEMO_NOTICE))
    return chosen
