"""Rendering of map layers in a page: the folium map, its data table, the sources panel."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from observatoire import config, formats
from observatoire.maps.choropleth import Choropleth, department_map
from observatoire.maps.indicators import INDICATORS
from observatoire.texts import maps as map_texts
from observatoire.texts import ui as texts
from observatoire.ui import theme
from observatoire.ui.data import sources


def show_map(choropleth: Choropleth, leaflet_url: str, key: str, height: int = 560) -> dict:
    """Draw the map; only clicks come back, so panning and zooming never rerun the script."""
    m = department_map(
        choropleth,
        theme.SEQUENTIAL,
        no_data=theme.NO_DATA,
        background=theme.MAP_BACKGROUND,
        outline=theme.MAP_OUTLINE,
        highlight=theme.MAP_HIGHLIGHT,
        tiles=config.tiles(),
        assets_url=leaflet_url,
    )
    result = st_folium(
        m,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=["last_object_clicked_tooltip"],
    )
    return result or {}


def indicator_table(choropleth: Choropleth) -> pd.DataFrame:
    """The same figures as the map, as a French table (department names are row headers)."""
    indicator = INDICATORS[choropleth.indicator_id]
    t = choropleth.table
    table = pd.DataFrame(
        {
            map_texts.DEPARTMENT: t["name"],
            map_texts.CODE: t["code"],
            indicator.label: t["label"],
        }
    )
    if indicator.id == "rural":
        table[map_texts.RURAL_COMMUNES] = t["rural_communes"].map(formats.number)
    if indicator.id == "frr":
        table[map_texts.FRR_COMMUNES] = t["frr_communes"].map(formats.number)
    if indicator.share:
        table[map_texts.COMMUNES] = t["communes"].map(formats.number)
    table[map_texts.CLASS] = ["–" if pd.isna(c) else str(int(c) + 1) for c in t["class"]]
    return table.set_index(map_texts.DEPARTMENT)


def region_summary(choropleth: Choropleth, region_name: str) -> str:
    """One French sentence with the region's totals (hand-checkable figures)."""
    t = choropleth.table
    communes, rural = int(t["communes"].sum()), int(t["rural_communes"].sum())
    return texts.REGION_SUMMARY.format(
        region=region_name,
        departments=len(t),
        communes=formats.number(communes),
        rural=formats.number(rural),
        rural_share=formats.percent(rural / communes if communes else None),
        qpv=formats.number(int(t["qpv"].sum())),
        population=formats.number(int(t["population"].sum())),
    )


def sources_panel() -> None:
    """The "Sources et millésimes" expander listing the reference editions."""
    with st.expander(texts.SOURCES, icon=":material/menu_book:"):
        df = sources().rename(columns=texts.SOURCE_COLUMNS)
        st.table(df.set_index(texts.SOURCE_COLUMNS["dataset"]))
