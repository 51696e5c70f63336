"""Cached coverage results of the zones_blanches page and the planner map's rendering."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from observatoire import config, theme
from observatoire.coverage import DEFAULT_BASIS, inputs, tables
from observatoire.maps.planner_map import outlines, planner_map
from observatoire.periods import Period
from observatoire.texts import coverage as texts
from observatoire.ui import connections, mapcomponent
from observatoire.ui.mapcomponent import Rendered, render
from observatoire.workspace.territory import territory_departments
from observatoire.workspace.version import file_version


@dataclass(frozen=True)
class RankingFilters:
    """The ranking's choices on the page (one key for the ranking and its French cells)."""

    level: str
    radius_km: float
    circles: tuple[int, ...] | None = None
    rural_only: bool = False
    qpv_only: bool = False
    basis: str = DEFAULT_BASIS
    period: Period | None = None


@dataclass(frozen=True)
class TourFilters:
    """The planner's choices on the page (one key for the plan and its rendered map)."""

    stops: int
    radius_km: float
    circles: tuple[int, ...] | None = None
    candidates: str = "communes"
    basis: str = DEFAULT_BASIS
    period: Period | None = None


# Resources, not data: the results are never mutated, and st.cache_data would copy a national
# commune table (35,000 rows) on every hit.
@st.cache_resource(show_spinner=False, max_entries=32)
def _ranking(path: str, version, f: RankingFilters) -> tables.Ranking:
    """The ranking of one workspace file version and set of filters."""
    con = connections.workspace(Path(path))
    return tables.ranking(
        con,
        f.level,
        f.radius_km,
        f.circles,
        f.rural_only,
        f.qpv_only,
        basis=f.basis,
        period=f.period,
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _display(path: str, version, f: RankingFilters):
    """The French cells of a ranking (35,000 national communes take seconds to format)."""
    return tables.display_table(_ranking(path, version, f))


@st.cache_resource(show_spinner=False, max_entries=32)
def _screen(path: str, version, f: RankingFilters, columns: tuple[str, ...]):
    """Some French columns of a ranking with its links (35,000 links take 0.15 s a run)."""
    rank = _ranking(path, version, f)
    table = _display(path, version, f)[list(columns)]
    return with_links(table, rank.table["code"], Path(path).stem, f.level)


@st.cache_resource(show_spinner=False, max_entries=32)
def _tour(path: str, version, f: TourFilters):
    """The plan of one workspace file version and set of filters."""
    con = connections.workspace(Path(path))
    return tables.tour(
        con, f.stops, f.radius_km, f.circles, f.candidates, basis=f.basis, period=f.period
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def _default_period(path: str, version):
    """The default coverage period: the 12 months ending at the latest activity."""
    return inputs.default_period(connections.workspace(Path(path)))


@st.cache_resource(show_spinner=False, max_entries=16)
def _outlines(path: str, version) -> list[dict]:
    """The territory's department outlines."""
    con = connections.workspace(Path(path))
    return outlines(con, territory_departments(con))


# The planner page is for the committee and above, and its map holds public facts only (stops,
# uncovered communes, outlines): one rendering per plan serves every session.
@st.cache_resource(show_spinner=False, max_entries=16)
def _planner_map(path: str, version, f: TourFilters, assets_url: str) -> Rendered:
    """The rendered planner map of one plan."""
    result, communes = _tour(path, version, f)
    m = planner_map(
        result,
        communes,
        _outlines(path, version),
        stop_color=theme.MAP_HIGHLIGHT,
        uncovered_color=theme.MUTED,
        outline=theme.MAP_OUTLINE,
        background=theme.MAP_BACKGROUND,
        tiles=config.tiles(),
        assets_url=assets_url,
    )
    return render(m)


def default_period(path: Path):
    """``inputs.default_period`` of the workspace at ``path``, cached per file version."""
    return _default_period(str(path), file_version(path))


def ranking(path: Path, filters: RankingFilters) -> tables.Ranking:
    """``tables.ranking`` on the workspace at ``path``, cached per file version."""
    return _ranking(str(path), file_version(path), filters)


def display_table(path: Path, filters: RankingFilters):
    """``tables.display_table`` of :func:`ranking`, cached per file version."""
    return _display(str(path), file_version(path), filters)


def screen_table(path: Path, filters: RankingFilters, columns: tuple[str, ...]):
    """``columns`` of :func:`display_table` with the links (:func:`with_links`), cached."""
    return _screen(str(path), file_version(path), filters, columns)


def tour(path: Path, filters: TourFilters):
    """``tables.tour`` on the workspace at ``path``, cached per file version."""
    return _tour(str(path), file_version(path), filters)


def outlines_of(path: Path) -> list[dict]:
    """The department outlines of the workspace at ``path``, cached per file version."""
    return _outlines(str(path), file_version(path))


def show_planner_map(path: Path, filters: TourFilters, leaflet_url: str, height: int = 460):
    """Draw the planner map; nothing comes back, so panning never reruns the script."""
    rendered = _planner_map(str(path), file_version(path), filters, leaflet_url)
    mapcomponent.draw(rendered, key="planner_map", height=height)


def with_links(frame, codes, workspace: str, level: str):
    """The ranking with a link to each territory's profile (first) and to the planner (last)."""
    out = frame.copy()
    out.insert(
        0,
        texts.LINK_PROFILE,
        [f"/territoire?{urlencode({'espace': workspace, 'code': c})}" for c in codes],
    )
    planner = f"/zones_blanches?{urlencode({'espace': workspace, 'echelle': level})}"
    out[texts.LINK_PLANNER] = [f"{planner}#planificateur-de-tournee"] * len(out)
    return out


def link_columns(width="small") -> dict:
    """Column settings of the link columns."""
    return {
        texts.LINK_PROFILE: st.column_config.LinkColumn(
            texts.LINK_PROFILE, display_text=texts.LINK_PROFILE_TEXT, width=width
        ),
        texts.LINK_PLANNER: st.column_config.LinkColumn(
            texts.LINK_PLANNER, display_text=texts.LINK_PLANNER_TEXT, width=width
        ),
    }
