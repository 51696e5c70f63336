"""Period, programme and department filters of the activity pages, kept in the URL."""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from observatoire.activities import common
from observatoire.kpis import Period
from observatoire.texts import activities as texts
from observatoire.ui.plain import md
from observatoire.ui.url import url_department, url_period, url_programme


class Filters(NamedTuple):
    """The filters every activity view applies: period, programme and department (None = all)."""

    period: Period
    programme: str | None
    department: str | None


def connection_or_stop(ctx):
    """The workspace connection of the page, or a French notice and a stop when there is none."""
    con = ctx.workspace_connection()
    if con is None:
        st.info(texts.NO_WORKSPACE)
        st.stop()
    return con


def activity_filters(con, default: Period | None = None) -> Filters:
    """Period, programme and department side by side, and a caption stating them."""
    left, middle, right = st.columns(3)
    default = default or common.default_period(con)
    period = url_period(con, left, default, shortcuts=True)
    programme = url_programme(con, middle)
    names = common.departments(con)
    department = url_department(names, right)
    # Two pages may open on different periods (a month, a year): the caption says which.
    shown = texts.DEFAULT_PERIOD.format(label=period.label) if period == default else period.label
    # The programme is imported text: escaped; the period label is ours.
    st.caption(
        texts.FILTERS.format(
            period=shown,
            programme=md(programme or texts.PROGRAMME_ALL),
            department=md(names[department] if department else texts.DEPARTMENT_ALL),
        )
    )
    return Filters(period, programme, department)
