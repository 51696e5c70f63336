"""Cached reads for the map page: reference sources and coverage views, keyed by file versions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from observatoire import config, theme
from observatoire.db import frame
from observatoire.maps.coverage_map import (
    MapStyle,
    MapView,
    coverage_map,
    department_view,
    territory_view,
)
from observatoire.maps.figures import CoverageModel, load_model
from observatoire.paths import reference_db
from observatoire.periods import Period
from observatoire.privacy import Viewer, roles
from observatoire.ui import connections
from observatoire.ui.mapcomponent import Rendered, render
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


@dataclass(frozen=True)
class ViewKey:
    """Everything one map view depends on: file versions, filters and the viewer's role."""

    path: str
    version: tuple[int, int]
    reference: tuple[int, int]
    radius: float
    role: str
    indicator: str
    department: str | None
    basis: str = "presence"
    period: Period | None = None


@st.cache_resource(show_spinner=False, max_entries=32)
def _coverage_view(key: ViewKey) -> tuple[CoverageModel, MapView]:
    """One view of the coverage map (territory or one department) for one role."""
    contacts = roles.can_see_contacts(key.role)
    model = _coverage_model(
        key.path, key.version, key.reference, key.radius, contacts, key.basis, key.period
    )
    con = connections.workspace(Path(key.path))
    if key.department is None:
        return model, territory_view(con, model, key.indicator, key.role)
    return model, department_view(con, model, key.department, key.indicator, key.role)


# The rendered map is keyed like its view, so a role only ever gets the HTML of its own view.
@st.cache_resource(show_spinner=False, max_entries=32)
def _rendered_map(key: ViewKey, assets_url: str) -> Rendered:
    """The st_folium arguments of one view's map (rendering is most of a map page's run)."""
    _, view = _coverage_view(key)
    return render(coverage_map(view, replace(style(), assets_url=assets_url)))


def view_key(
    path: Path,
    radius: float,
    viewer: Viewer,
    indicator: str,
    department: str | None,
    basis: str = "presence",
    period: Period | None = None,
) -> ViewKey:
    """The key of one map view of a workspace file, at its current file version."""
    return ViewKey(
        str(path),
        file_version(path),
        _version(),
        radius,
        str(viewer.role),
        indicator,
        department,
        basis,
        period,
    )


def coverage_view(key: ViewKey) -> tuple[CoverageModel, MapView]:
    """The coverage model and the map view of a workspace file (cached per file version)."""
    return _coverage_view(key)


def rendered_map(key: ViewKey, assets_url: str) -> Rendered:
    """The rendered map of one view, Leaflet served from ``assets_url`` (cached like the view)."""
    return _rendered_map(key, assets_url)


def style() -> MapStyle:
    """The theme's map colours and the configured basemap."""
    return MapStyle(
        palette=theme.SEQUENTIAL,
        no_data=theme.NO_DATA,
        background=theme.MAP_BACKGROUND,
        outline=theme.MAP_OUTLINE,
        highlight=theme.MAP_HIGHLIGHT,
        tiles=config.tiles(),
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
