"""Formations: sessions, days, attendances against distinct participants, and their breakdowns."""

import streamlit as st

from observatoire.activities import trainings
from observatoire.kpis import Group, compute_kpis, group_ids
from observatoire.texts import activities as texts
from observatoire.ui import charts
from observatoire.ui.cards import kpi_cards
from observatoire.ui.filters import activity_filters, connection_or_stop
from observatoire.ui.frame import page

ctx = page("formations")

KPIS = group_ids(Group.TRAININGS)
LABELS = {
    texts.BY_GENDER: texts.GENDER,
    texts.BY_STATUS: texts.STATUS,
    texts.BY_CATEGORY: texts.CATEGORY,
    texts.BY_DEPARTMENT: texts.DEPARTMENT,
    texts.BY_STRUCTURE: texts.STRUCTURE,
}

with ctx.guard():
    con = connection_or_stop(ctx)
    period, programme, department = activity_filters(con)
    kpi_cards(ctx.viewer, compute_kpis(con, period, programme, KPIS, department), KPIS)
    sessions = trainings.sessions(con, period, programme, department)
    if sessions.empty:
        st.info(texts.NO_TRAINING)
        st.stop()
    st.subheader(texts.SESSIONS)
    charts.table(ctx.viewer, sessions, [texts.SESSION_COLUMNS["attendances"]])
    people = trainings.participants(con, period, programme, department)
    tables = trainings.breakdowns(people)
    if not ctx.viewer.sees_structure_names:
        tables.pop(texts.BY_STRUCTURE)
    left, right = st.columns(2)
    for i, (title, table) in enumerate(tables.items()):
        with left if i % 2 == 0 else right:
            charts.bars(ctx.viewer, table, title, label=LABELS[title], value=texts.PEOPLE)
