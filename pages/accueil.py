"""Vue d'ensemble: headline KPIs of the period, what changed, and 12-month trends."""

import streamlit as st

from observatoire.activities import common, overview
from observatoire.kpis import BY_ID
from observatoire.texts import activities as texts
from observatoire.ui import charts, page_data
from observatoire.ui.cards import kpi_cards, public_changes
from observatoire.ui.filters import activity_filters, connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_comparison

ctx = page("accueil")

with ctx.guard():
    con = connection_or_stop(ctx)
    # The committee opens on the latest month with activity, not on a whole year.
    period, programme, department = activity_filters(con, common.default_month(con))
    compare = url_comparison()
    view = page_data.overview(ctx, period, programme, department, compare)
    st.subheader(texts.HEADLINES)
    kpi_cards(ctx.viewer, view["current"], overview.HEADLINES)
    st.subheader(texts.CHANGES.format(previous=view["compared_label"]))
    changes = public_changes(ctx.viewer, view, overview.HEADLINES).rename(
        columns=texts.CHANGE_COLUMNS
    )
    st.dataframe(changes, hide_index=True, width="stretch")
    labels = {k: BY_ID[k].label for k in overview.TRENDS}
    charts.trends(ctx.viewer, view["trends"], labels, texts.TRENDS)
