"""Annuaire des acteurs: search and filters in the URL, contacts by role, exports, near a place."""

import streamlit as st

from observatoire.directory import search
from observatoire.texts import directory as texts
from observatoire.ui import directory_view
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_department, url_filter, url_text

ctx = page("acteurs")

with ctx.guard():
    con = connection_or_stop(ctx)
    facets = search.facets(con)
    left, right = st.columns([2, 1])
    text = url_text("recherche", label=texts.SEARCH, help=texts.SEARCH_HELP, container=left)
    commune = url_text("commune", label=texts.COMMUNE, help=texts.COMMUNE_HELP, container=right)
    cols = st.columns(6)
    every = {"": texts.ALL}
    kind = url_filter("type", texts.TYPE, every | facets["type"], cols[0])
    circle = url_filter("cercle", texts.CIRCLE, texts.CIRCLES, cols[1])
    category = url_filter("categorie", texts.CATEGORY, every | facets["category"], cols[2])
    department = url_department(
        facets["department"], cols[3], label=texts.DEPARTMENT, everything=texts.ALL
    )
    qpv = url_filter("qpv", texts.QPV, texts.QPV_CHOICES, cols[4])
    rural = url_filter("rural", texts.RURAL, texts.RURAL_CHOICES, cols[5])
    filters = directory_view.chosen_filters(
        text, commune, kind, circle, category, department, qpv, rural
    )
    directory_view.results_section(ctx, con, filters)
    directory_view.near_section(ctx, con, filters)
