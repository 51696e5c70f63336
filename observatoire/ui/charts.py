"""Altair charts of the activity pages, French labels and formats, each with its data table."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from observatoire import formats
from observatoire.reports.vega import LOCALE
from observatoire.texts import activities as texts
from observatoire.ui import theme

# Axis and tooltip formats: whole numbers grouped by thousands, French style through LOCALE.
INTEGER = ",d"
THEME = "observatoire"


@alt.theme.register(THEME, enable=True)
def _french() -> alt.theme.ThemeConfig:
    """Every Altair chart of the app: decimal comma, U+202F thousands, French month names."""
    return {"config": {"locale": LOCALE}}


def show(chart: alt.TopLevelMixin, table: pd.DataFrame) -> None:
    """A chart built elsewhere (e.g. ``observatoire.reports.charts``), then its table."""
    st.altair_chart(chart, width="stretch")
    data_view(table)


def data_view(table: pd.DataFrame) -> None:
    """The table behind a chart, folded under « Voir les données »."""
    with st.expander(texts.SEE_DATA):
        st.dataframe(table, hide_index=True, width="stretch")


def bars(table: pd.DataFrame, title: str, *, label: str, value: str = texts.COUNT) -> None:
    """Horizontal bars of a ``label``/``count`` breakdown, then its table."""
    shown = table.rename(columns={"label": label, "count": value})
    # A band step, not a total height: Streamlit fits the total (title and axes included),
    # which squashes a short fixed-height bar chart to nothing.
    chart = (
        alt.Chart(shown, title=title, height=alt.Step(28))
        .mark_bar(color=theme.PRIMARY)
        .encode(
            x=alt.X(f"{value}:Q", title=value, axis=alt.Axis(format=INTEGER, tickMinStep=1)),
            y=alt.Y(f"{label}:N", title=None, sort="-x"),
            tooltip=[alt.Tooltip(f"{label}:N"), alt.Tooltip(f"{value}:Q", format=INTEGER)],
        )
    )
    st.altair_chart(chart, width="stretch")
    data_view(shown)


def monthly(table: pd.DataFrame, title: str, *, columns: dict[str, str]) -> None:
    """Columns per month (``month`` as ``YYYY-MM``), one bar series each, then the table."""
    shown = table.assign(month=table["month"].map(formats.month_label))
    shown = shown.rename(columns={"month": texts.MONTH, **columns})
    long = shown.melt(texts.MONTH, list(columns.values()), var_name="serie", value_name="valeur")
    order = list(shown[texts.MONTH])
    chart = (
        alt.Chart(long, title=title, height=280)
        .mark_bar()
        .encode(
            x=alt.X(f"{texts.MONTH}:N", sort=order, title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("valeur:Q", title=None, axis=alt.Axis(format=INTEGER, tickMinStep=1)),
            color=alt.Color("serie:N", title=None, scale=alt.Scale(range=list(theme.CATEGORICAL))),
            xOffset="serie:N",
            tooltip=[f"{texts.MONTH}:N", "serie:N", alt.Tooltip("valeur:Q", format=INTEGER)],
        )
    )
    st.altair_chart(chart, width="stretch")
    data_view(shown)


def timeline(table: pd.DataFrame, title: str) -> None:
    """A Gantt-like chart of dated items (title, status, start_date, end_date), then the table."""
    shown = table.rename(
        columns={
            "title": texts.TITLE,
            "theme": texts.THEME,
            "status": texts.STATUS,
            "start_date": texts.START,
            "end_date": texts.END,
        }
    )
    chart = (
        alt.Chart(shown, title=title, height=alt.Step(22))
        .mark_bar()
        .encode(
            x=alt.X(f"{texts.START}:T", title=None, axis=alt.Axis(format="%m/%Y")),
            x2=f"{texts.END}:T",
            y=alt.Y(f"{texts.TITLE}:N", title=None, sort=None),
            color=alt.Color(f"{texts.STATUS}:N", scale=alt.Scale(range=list(theme.CATEGORICAL))),
            tooltip=[
                f"{texts.TITLE}:N",
                f"{texts.STATUS}:N",
                alt.Tooltip(f"{texts.START}:T", format="%d/%m/%Y"),
                alt.Tooltip(f"{texts.END}:T", format="%d/%m/%Y"),
            ],
        )
    )
    st.altair_chart(chart, width="stretch")
    data_view(shown)


def trends(series: pd.DataFrame, labels: dict[str, str], title: str) -> None:
    """Small multiples of monthly KPI series (``month`` + one column per id), then the table."""
    shown = series.assign(month=series["month"].map(formats.month_label))
    shown = shown.rename(columns={"month": texts.MONTH, **labels})
    long = shown.melt(texts.MONTH, list(labels.values()), var_name="kpi", value_name="valeur")
    order = list(shown[texts.MONTH])
    chart = (
        alt.Chart(long, height=140, width=260)
        .mark_line(point=True, color=theme.PRIMARY)
        .encode(
            x=alt.X(f"{texts.MONTH}:N", sort=order, title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("valeur:Q", title=None, axis=alt.Axis(format=INTEGER, tickMinStep=1)),
            tooltip=[f"{texts.MONTH}:N", "kpi:N", alt.Tooltip("valeur:Q", format=INTEGER)],
        )
        .facet(facet=alt.Facet("kpi:N", title=None, sort=list(labels.values())), columns=2)
        .resolve_scale(y="independent")
        .properties(title=title)
    )
    st.altair_chart(chart)
    data_view(shown)
