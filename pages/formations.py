"""Formations: sessions, days, attendances against distinct participants, and their breakdowns;
then the webinars and every kind of session of the period."""

import streamlit as st

from observatoire import dictionary
from observatoire.activities import trainings
from observatoire.kpis import Group, group_ids
from observatoire.texts import activities as texts
from observatoire.texts import kpis as kpi_texts
from observatoire.ui import charts, page_data
from observatoire.ui.cards import compared_cards
from observatoire.ui.filters import activity_filters, connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_comparison

ctx = page("formations")

KPIS = group_ids(Group.TRAININGS)
OTHERS = [Group.WEBINARS, Group.SESSIONS]
LABELS = {
    texts.BY_GENDER: texts.GENDER,
    texts.BY_STATUS: texts.STATUS,
    texts.BY_CATEGORY: texts.CATEGORY,
    texts.BY_DEPARTMENT: texts.DEPARTMENT,
    texts.BY_STRUCTURE: texts.STRUCTURE,
}

with ctx.guard():
    con = connection_or_stop(ctx)
    filters = activity_filters(con, trainings.default_period(con))
    period, programme, department = filters
    compare = url_comparison()
    values = page_data.kpis(ctx, period, programme, dictionary.FORMATIONS, department)
    compared_cards(ctx, values, KPIS, filters, compare)
    found = page_data.trainings_tables(ctx, period, programme, department)
    sessions = found["sessions"]
    if sessions.empty:
        st.info(texts.NO_TRAINING)
    else:
        st.subheader(texts.SESSIONS)
        charts.table(ctx.viewer, sessions, [texts.SESSION_COLUMNS["attendances"]])
        tables = found["breakdowns"]
        if not ctx.viewer.sees_structure_names:
            tables.pop(texts.BY_STRUCTURE)
        left, right = st.columns(2)
        for i, (title, table) in enumerate(tables.items()):
            with left if i % 2 == 0 else right:
                charts.bars(ctx.viewer, table, title, label=LABELS[title], value=texts.PEOPLE)
    extra = found["documents"]
    left, right = st.columns(2)
    for i, (title, table) in enumerate(extra.items()):
        with left if i % 2 == 0 else right:
            charts.bars(ctx.viewer, table, title, label=table.attrs["title"], value=texts.PEOPLE)
            if title == texts.BY_STRAND:
                st.caption(texts.STRAND_NOTE)
    for group in OTHERS:
        st.subheader(kpi_texts.GROUPS[group])
        compared_cards(ctx, values, group_ids(group), filters, compare)
