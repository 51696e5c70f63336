"""Cached coverage results of the zones_blanches page and the planner map's rendering."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import streamlit as st
from streamlit_folium import st_folium

from observatoire import config, theme
from observatoire.coverage import DEFAULT_BASIS, inputs, tables
from observatoire.maps.planner_map import outlines, planner_map
from observatoire.texts import coverage as texts
from observatoire.ui import connections
from observatoire.workspace.territory import territory_departments
from observatoire.workspace.version import file_version


# Resources, not data: the results are never mutated, and st.cache_data would copy a national
# commune table (35,000 rows) on every hit.
@st.cache_resource(show_spinner=False, max_entries=32)
def _ranking(
    path: str, version, level, radius_km, circles, rural_only, qpv_only, basis, period
) -> tables.Ranking:
    """The ranking of one workspace file version and set of parameters."""
    con = connections.workspace(Path(path))
    return tables.ranking(
        con, level, radius_km, circles, rural_only, qpv_only, basis=basis, period=period
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _display(path: str, version, level, radius_km, circles, rural_only, qpv_only, basis, period):
    """The French cells of a ranking (35,000 national communes take seconds to format)."""
    rank = _ranking(path, version, level, radius_km, circles, rural_only, qpv_only, basis, period)
    return tables.display_table(rank)


@st.cache_resource(show_spinner=False, max_entries=32)
def _tour(path: str, version, stops, radius_km, circles, candidates, basis, period):
    """The plan of one workspace file version and set of parameters."""
    con = connections.workspace(Path(path))
    return tables.tour(con, stops, radius_km, circles, candidates, basis=basis, period=period)


@st.cache_resource(show_spinner=False, max_entries=16)
def _default_period(path: str, version):
    """The default coverage period: the 12 months ending at the latest activity."""
    return inputs.default_period(connections.workspace(Path(path)))


@st.cache_resource(show_spinner=False, max_entries=16)
def _outlines(path: str, version) -> list[dict]:
    """The territory's department outlines."""
    con = connections.workspace(Path(path))
    return outlines(con, territory_departments(con))


def default_period(path: Path):
    """``inputs.default_period`` of the workspace at ``path``, cached per file version."""
    return _default_period(str(path), file_version(path))


def ranking(
    path: Path, level, radius_km, circles, rural_only, qpv_only, basis=DEFAULT_BASIS, period=None
) -> tables.Ranking:
    """``tables.ranking`` on the workspace at ``path``, cached per file version."""
    return _ranking(
        str(path),
        file_version(path),
        level,
        radius_km,
        circles,
        rural_only,
        qpv_only,
        basis,
        period,
    )


def display_table(
    path: Path, level, radius_km, circles, rural_only, qpv_only, basis=DEFAULT_BASIS, period=None
):
    """``tables.display_table`` of :func:`ranking`, cached per file version."""
    return _display(
        str(path),
        file_version(path),
        level,
        radius_km,
        circles,
        rural_only,
        qpv_only,
        basis,
        period,
    )


def tour(path: Path, stops, radius_km, circles, candidates, basis=DEFAULT_BASIS, period=None):
    """``tables.tour`` on the workspace at ``path``, cached per file version."""
    return _tour(
        str(path), file_version(path), stops, radius_km, circles, candidates, basis, period
    )


def outlines_of(path: Path) -> list[dict]:
    """The department outlines of the workspace at ``path``, cached per file version."""
    return _outlines(str(path), file_version(path))


def show_planner_map(path: Path, result, communes, leaflet_url: str, height: int = 460) -> None:
    """Draw the planner map; nothing comes back, so panning never reruns the script."""
    m = planner_map(
        result,
        communes,
        _outlines(str(path), file_version(path)),
        stop_color=theme.MAP_HIGHLIGHT,
        uncovered_color=theme.MUTED,
        outline=theme.MAP_OUTLINE,
        background=theme.MAP_BACKGROUND,
        tiles=config.tiles(),
        assets_url=leaflet_url,
    )
    st_folium(m, key="planner_map", height=height, use_container_width=True, returned_objects=[])


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
