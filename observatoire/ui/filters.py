"""Period, programme and department filters of the activity pages, kept in the URL."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import streamlit as st

from observatoire.activities import common
from observatoire.kpis import COMPARISONS, SHORTCUTS, Period, PeriodError, parse_period
from observatoire.kpis import programme_start as first_activity
from observatoire.kpis.periods import Comparison, Kind
from observatoire.texts import activities as texts
from observatoire.ui.params import plain, url_choice

ALL = ""


def _to_url(key: str) -> None:
    """Widget callback: the typed period goes to the URL."""
    st.query_params["periode"] = st.session_state[key].strip()


def _shortcut_to_url(key: str) -> None:
    """Shortcut picker callback: the shortcut's key goes to the URL (it keeps what was chosen)."""
    if st.session_state[key]:
        st.query_params["periode"] = st.session_state[key]


class Filters(NamedTuple):
    """The filters every activity view applies: period, programme and department (None = all)."""

    period: Period
    programme: str | None
    department: str | None


def year_or_month(raw: str) -> Period:
    """A year or a month (no date range), else ``PeriodError``."""
    period = parse_period(raw)
    if period.kind == Kind.RANGE:
        raise PeriodError(raw)
    return period


def any_period(con) -> Callable[[str], Period]:
    """The parser of every period DESIGN §11 allows: months, years, ranges and shortcuts."""
    return lambda raw: parse_period(raw, programme_start=first_activity(con))


def url_period(
    con,
    container=None,
    default: Period | None = None,
    *,
    parse: Callable[[str], Period] | None = None,
    label: str = texts.PERIOD,
    hint: str = texts.PERIOD_HELP,
    bad: str = texts.PERIOD_BAD,
    shortcuts: bool = False,
) -> Period:
    """A period typed in a text box, kept as ``?periode=``; what ``parse`` refuses falls back.

    With ``shortcuts``, a picker of the named periods (``SHORTCUTS``) sits under the box.
    """
    where = container or st
    parse = parse or any_period(con)
    default = default or common.default_period(con)
    raw = st.query_params.get("periode")
    period = default
    if raw is not None:
        try:
            period = parse(raw)
        except PeriodError:
            st.warning(bad.format(value=plain(raw), default=default.label))
            period = default
    key = "url_periode"
    st.session_state[key] = period.key
    where.text_input(label, key=key, help=hint, on_change=_to_url, args=(key,))
    if shortcuts:
        pick = "url_periode_raccourci"
        st.session_state[pick] = period.shortcut or ""
        where.selectbox(
            texts.SHORTCUT,
            ["", *SHORTCUTS],
            key=pick,
            format_func=lambda k: SHORTCUTS.get(k, texts.SHORTCUT_NONE),
            on_change=_shortcut_to_url,
            args=(pick,),
        )
    st.query_params["periode"] = period.key
    return period


def url_comparison(container=None) -> Comparison:
    """The comparison period's kind, kept as ``?comparaison=`` (default: the period before)."""
    choice = url_choice(
        "comparaison",
        list(COMPARISONS),
        Comparison.PREVIOUS.value,
        label=texts.COMPARISON,
        format_func=lambda k: COMPARISONS[k],
        unknown=texts.COMPARISON_UNKNOWN,
        container=container,
    )
    if choice == Comparison.PREVIOUS.value:
        st.query_params.pop("comparaison", None)
    return Comparison(choice)


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


def url_department(names: dict[str, str], container=None) -> str | None:
    """One of ``names`` (code -> name), kept as ``?departement=``; ``None`` means every one."""
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
    default = default or common.default_period(con)
    period = url_period(con, left, default, shortcuts=True)
    programme = url_programme(con, middle)
    names = common.departments(con)
    department = url_department(names, right)
    # Two pages may open on different periods (a month, a year): the caption says which.
    shown = texts.DEFAULT_PERIOD.format(label=period.label) if period == default else period.label
    st.caption(
        texts.FILTERS.format(
            period=shown,
            programme=programme or texts.PROGRAMME_ALL,
            department=names[department] if department else texts.DEPARTMENT_ALL,
        )
    )
    return Filters(period, programme, department)
