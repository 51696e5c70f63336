"""The workspace picker: every ``data/*.duckdb`` but the reference, with its name and demo mark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import streamlit as st

from observatoire.paths import data_dir, reference_db
from observatoire.texts import ui as texts
from observatoire.ui.url import url_choice
from observatoire.workspace.info import read_info
from observatoire.workspace.version import Version, file_version


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
def _describe(path: str, version: Version) -> tuple[str, bool, bool]:
    """(name, demo, readable) from a workspace's settings, read once per file version."""
    try:
        info = read_info(Path(path))
    except duckdb.Error:  # locked by a writer, not a DuckDB file, or without our schema
        return Path(path).stem, False, False
    return info.get("name") or Path(path).stem, info["demo"], True


def list_workspaces() -> list[Workspace]:
    """Every workspace in the data folder, sorted by file name."""
    ref = reference_db().resolve()
    found = []
    for path in sorted(data_dir().glob("*.duckdb")):
        if path.resolve() == ref or path.name == "reference.duckdb":
            continue
        version = file_version(path)
        if version is None:  # swapped away between glob and stat
            continue
        name, demo, readable = _describe(str(path), version)
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
    )
    chosen = by_stem[stem]
    if chosen.demo:
        st.caption(texts.DEMO_NOTICES.get(chosen.stem, texts.DEMO_NOTICE))
    return chosen
