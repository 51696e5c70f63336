"""Period, programme and department filters of the activity pages, kept in the URL."""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from observatoire.activities import common
from observatoire.kpis import Period, PeriodError, parse_period
from observatoire.kpis.periods import Kind
from observatoire.texts import activities as texts
from observatoire.ui.params import plain, url_choice

ALL = ""


def _to_url(key: str) -> None:
    """Widget callback: the typed period goes to the URL."""
    st.query_params["periode"] = st.session_state[key].strip()


class Filters(NamedTuple):
    """The filters every activity view applies: period, programme and department (None = all)."""

    period: Period
    programme: str | None
    department: str | None


def url_period(con, container=None, default: Period | None = None) -> Period:
    """A year or month typed in a text box, kept as ``?periode=``; bad input falls back."""
    where = container or st
    default = default or common.default_period(con)
    raw = st.query_params.get("periode")
    period = default
    if raw is not None:
        try:
            period = parse_period(raw)
            if period.kind == Kind.RANGE:
                raise PeriodError(raw)
        except PeriodError:
            st.warning(texts.PERIOD_BAD.format(value=plain(raw), default=default.label))
            period = default
    key = "url_periode"
    st.session_state[key] = period.key
    where.text_input(texts.PERIOD, key=key, help=texts.PERIOD_HELP, on_change=_to_url, args=(key,))
    st.query_params["periode"] = period.key
    return period


def url_programme(con, container=None) -> str | None:
    """The optional programme, kept as ``?programme=``; ``None`` means every programme."""
    options = [ALL, *common.programmes(con)]
    choice = url_choice(
        "programme",
        options,
        ALL,
        label=texts.PROGRAMME,
        format_func=lambda p: p or texts.PROGRAMME_ALL,
        unknown=texts.PROGRAMME_UNKNOWN,
        container=container,
    )
    if choice == ALL:
        st.query_params.pop("programme", None)
    return choice or None


def url_department(con, container=None) -> str | None:
    """The optional department, kept as ``?departement=``; ``None`` means every department."""
    names = common.departments(con)
    choice = url_choice(
        "departement",
        [ALL, *names],
        ALL,
        label=texts.DEPARTMENT_FILTER,
        format_func=lambda code: f"{code} · {names[code]}" if code else texts.DEPARTMENT_ALL,
        unknown=texts.DEPARTMENT_UNKNOWN,
        container=container,
    )
    if choice == ALL:
        st.query_params.pop("departement", None)
    return choice or None


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
    period = url_period(con, left, default)
    programme = url_programme(con, middle)
    department = url_department(con, right)
    names = common.departments(con)
    st.caption(
        texts.FILTERS.format(
            period=period.label,
            programme=programme or texts.PROGRAMME_ALL,
            department=names[department] if department else texts.DEPARTMENT_ALL,
        )
    )
    return Filters(period, programme, department)
