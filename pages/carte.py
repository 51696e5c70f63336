"""Carte des territoires: a departments choropleth of one region, its table and sources."""

import streamlit as st

from observatoire.maps.indicators import DEFAULT_INDICATOR, INDICATORS
from observatoire.texts import ui as texts
from observatoire.ui import data, mapview
from observatoire.ui.frame import page
from observatoire.ui.params import url_choice

ctx = page("carte")

DEFAULT_REGION = "76"  # Occitanie, the first network of the observatory

with ctx.guard():
    regions = data.regions()
    left, right = st.columns(2)
    region = url_choice(
        "region",
        list(regions),
        DEFAULT_REGION,
        label=texts.REGION,
        format_func=regions.get,
        unknown=texts.REGION_UNKNOWN,
        container=left,
    )
    indicator = url_choice(
        "indicateur",
        list(INDICATORS),
        DEFAULT_INDICATOR,
        label=texts.INDICATOR,
        format_func=lambda i: INDICATORS[i].label,
        unknown=texts.INDICATOR_UNKNOWN,
        container=right,
    )
    choropleth = data.choropleth(region, indicator)
    st.caption(f"{INDICATORS[indicator].help} {texts.MAP_CAPTION}")
    mapview.show_map(choropleth, ctx.leaflet_url, key="carte")
    st.subheader(texts.TABLE_TITLE.format(indicator=INDICATORS[indicator].label))
    st.write(mapview.region_summary(choropleth, regions[region]))
    st.table(mapview.indicator_table(choropleth))
    mapview.sources_panel()
