"""Cached reads for the map page: reference sources and coverage views, keyed by file versions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from observatoire.db import frame
from observatoire.maps.coverage_map import MapView, department_view, territory_view
from observatoire.maps.figures import CoverageModel, load_model
from observatoire.paths import reference_db
from observatoire.periods import Period
from observatoire.privacy import Viewer, roles
from observatoire.ui import connections
from observatoire.workspace.version import file_version


def _version() -> tuple[int, int]:
    """The reference file version (raises ``MissingReference`` through the connection if absent)."""
    connections.reference()
    return file_version(reference_db())


@st.cache_data(show_spinner=False)
def _sources(version: tuple[int, int]) -> pd.DataFrame:
    """The sources table of the reference."""
    return frame(connections.reference(), "sources")


def sources() -> pd.DataFrame:
    """Dataset, edition, publisher, licence of every reference source."""
    return _sources(_version())


# Coverage map: the model (distances of every commune) and the views are big and read-only, so
# they are shared (st.cache_resource), never copied; keys carry both file versions.
@st.cache_resource(show_spinner=False, max_entries=8)
def _coverage_model(
    path: str,
    version: tuple[int, int],
    reference: tuple[int, int],
    radius: float,
    contacts: bool,
    basis: str = "presence",
    period: Period | None = None,
) -> CoverageModel:
    """The coverage figures of a workspace's territory at one radius, basis and period."""
    return load_model(connections.workspace(Path(path)), radius, contacts, basis, period)


@st.cache_resource(show_spinner=False, max_entries=32)
def _coverage_view(
    path: str,
    version: tuple[int, int],
    reference: tuple[int, int],
    radius: float,
    role: str,
    indicator: str,
    department: str | None,
    basis: str = "presence",
    period: Period | None = None,
) -> tuple[CoverageModel, MapView]:
    """One view of the coverage map (territory or one department) for one role."""
    contacts = roles.can_see_contacts(role)
    model = _coverage_model(path, version, reference, radius, contacts, basis, period)
    con = connections.workspace(Path(path))
    if department is None:
        return model, territory_view(con, model, indicator, role)
    return model, department_view(con, model, department, indicator, role)


def coverage_view(
    path: Path,
    radius: float,
    viewer: Viewer,
    indicator: str,
    department: str | None,
    basis: str = "presence",
    period: Period | None = None,
) -> tuple[CoverageModel, MapView]:
    """The coverage model and the map view of a workspace file (cached per file version)."""
    role = str(viewer.role)
    return _coverage_view(
        str(path),
        file_version(path),
        _version(),
        radius,
        role,
        indicator,
        department,
        basis,
        period,
    )


def coverage_model(
    path: Path,
    radius: float,
    viewer: Viewer,
    basis: str = "presence",
    period: Period | None = None,
) -> CoverageModel:
    """The coverage model of a workspace file at one radius (contacts only for who sees them)."""
    return _coverage_model(
        str(path), file_version(path), _version(), radius, viewer.sees_contacts, basis, period
    )
