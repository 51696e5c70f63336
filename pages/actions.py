"""Actions: public-facing events by type and month, their audience, and where they took place."""

import streamlit as st

from observatoire.activities import actions
from observatoire.kpis import Group, group_ids
from observatoire.texts import activities as texts
from observatoire.ui import charts, content, page_data
from observatoire.ui.cards import compared_cards
from observatoire.ui.filters import activity_filters, connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_comparison

ctx = page("actions")

KPIS = group_ids(Group.ACTIONS)
SERIES = {"actions": texts.ACTIONS, "audience": texts.AUDIENCE}

with ctx.guard():
    con = connection_or_stop(ctx)
    filters = activity_filters(con)
    period, programme, department = filters
    compare = url_comparison()
    values = page_data.kpis(ctx, period, programme, KPIS, department)
    compared_cards(ctx, values, KPIS, filters, compare)
    rows = actions.rows(con, period, programme, department)
    if rows.empty:
        st.info(texts.NO_ACTION)
        st.stop()
    charts.monthly(
        ctx.viewer, actions.by_month(rows, period), texts.ACTIONS_BY_MONTH, columns=SERIES
    )
    tables = actions.breakdowns(rows)
    left, right = st.columns(2)
    with left:
        charts.bars(
            ctx.viewer, tables[texts.ACTIONS_BY_TYPE], texts.ACTIONS_BY_TYPE, label=texts.TYPE
        )
    with right:
        audience = tables[texts.AUDIENCE_BY_PUBLIC]
        charts.bars(
            ctx.viewer,
            audience,
            texts.AUDIENCE_BY_PUBLIC,
            label=texts.PUBLICS,
            value=texts.AUDIENCE,
        )
    st.subheader(texts.ACTIONS_BY_DEPARTMENT)
    departments = actions.by_department(rows).rename(
        columns={"department": texts.DEPARTMENT, **SERIES}
    )
    charts.table(ctx.viewer, departments, list(SERIES.values()))
    content.tours_section(ctx, con, period, programme, department)
