"""Expérimentations: pilots by theme, status and territory, with a timeline."""

import streamlit as st

from observatoire.activities import experiments
from observatoire.kpis import Group, group_ids
from observatoire.texts import activities as texts
from observatoire.ui import charts, page_data
from observatoire.ui.cards import compared_cards
from observatoire.ui.filters import activity_filters, connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_comparison

ctx = page("experimentations")

KPIS = group_ids(Group.EXPERIMENTS)
LABELS = {
    texts.EXPERIMENTS_BY_THEME: texts.THEME,
    texts.EXPERIMENTS_BY_STATUS: texts.STATUS,
    texts.EXPERIMENTS_BY_DEPARTMENT: texts.DEPARTMENT,
}

with ctx.guard():
    con = connection_or_stop(ctx)
    filters = activity_filters(con)
    period, programme, department = filters
    compare = url_comparison()
    rows = experiments.rows(con, period, programme, department)
    tables = experiments.breakdowns(rows)
    values = page_data.kpis(ctx, period, programme, KPIS, department)
    compared_cards(ctx, values, KPIS, filters, compare, per_row=4)
    st.caption(texts.EXPERIMENT_CAPTION)
    if rows.empty:
        st.info(texts.NO_EXPERIMENT)
        st.stop()
    columns = st.columns(3)
    for column, (title, table) in zip(columns, tables.items(), strict=True):
        with column:
            charts.bars(ctx.viewer, table, title, label=LABELS[title], value=texts.EXPERIMENTS)
    charts.timeline(experiments.timeline(rows, period), texts.TIMELINE)
