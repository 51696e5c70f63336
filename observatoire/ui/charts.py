"""Altair charts of the activity pages, French labels and formats, each with its data table.

Every chart or table of counts takes the run's ``Viewer`` first: for the public it rounds counts
to k and masks small ones (``observatoire.privacy``), so no page can forget.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from observatoire import formats, theme
from observatoire.kpis import BY_ID, Unit
from observatoire.privacy import Viewer, note, suppress_series, suppress_table, to_public_frame
from observatoire.reports.vega import LOCALE
from observatoire.texts import activities as texts

# Axis and tooltip formats: whole numbers grouped by thousands, French style through LOCALE.
INTEGER = ",d"
THEME = "observatoire"


@alt.theme.register(THEME, enable=True)
def _french() -> alt.theme.ThemeConfig:
    """Every Altair chart of the app: decimal comma, U+202F thousands, French month names."""
    # Marks stay out of the accessibility tree: each chart's data table (« Voir les données »)
    # is its text alternative, and unlabelled layered marks fail axe's svg-img-alt.
    return {"config": {"locale": LOCALE, "mark": {"aria": False}}}


# Building an Altair chart and validating its spec costs 20 to 60 ms of CPU per chart, on every
# run of every session. The spec is a pure function of the data the page passes (already
# rounded and masked for the public), so it is cached by content: a role can only ever get the
# spec of the very data it passed.
@st.cache_data(show_spinner=False, max_entries=512)
def _spec(builder: str, data: pd.DataFrame, params: tuple) -> dict:
    """The Vega-Lite spec of ``BUILDERS[builder](data, *params)``, datasets as Arrow bytes."""
    return altair_spec(BUILDERS[builder](data, *params))


def altair_spec(chart: alt.TopLevelMixin) -> dict:
    """The spec ``st.altair_chart`` would send (its own conversion, so the output is the same)."""
    return _convert_altair_to_vega_lite_spec(chart)


def draw(builder, data: pd.DataFrame, *params) -> None:
    """``st.altair_chart(builder(data, *params))``, the spec cached by content."""
    st.vega_lite_chart(spec=_spec(builder.__name__, data, params), width="stretch")


def show(chart: alt.TopLevelMixin, table: pd.DataFrame) -> None:
    """A chart built elsewhere (e.g. ``observatoire.reports.charts``), then its table."""
    st.altair_chart(chart, width="stretch")
    data_view(table)


def data_view(table: pd.DataFrame) -> None:
    """The table behind a chart, folded under « Voir les données »."""
    with st.expander(texts.SEE_DATA):
        st.dataframe(table, hide_index=True, width="stretch")


HIDDEN = "_masque"  # column of the "< 5" / "s" label of a suppressed cell, empty otherwise


def table(viewer: Viewer, frame: pd.DataFrame, counts: list[str], totals: bool = True) -> None:
    """A table whose ``counts`` columns are rounded and masked for the public.

    ``totals``: the column sums are published elsewhere (the KPI cards), so a column whose sum
    is small is not published at all.
    """
    public = viewer.suppresses and len(frame)
    if public:
        frame = to_public_frame(frame, counts, viewer.k, col_totals=totals)
        frame = frame.iloc[:-1] if totals else frame  # the sums are the cards' figures
    st.dataframe(frame, hide_index=True, width="stretch")
    if public:
        st.caption(note(viewer.k, short=True))


def _hidden_bars(shown: pd.DataFrame, label: str, value: str, k: int) -> tuple[pd.DataFrame, list]:
    """Bars with suppressed counts emptied and labelled; hidden rows last, alphabetical."""
    # Hidden rows keep no order by size, which would tell their relative counts.
    cut = suppress_series(shown[value].astype(int), k, with_total=True)
    plot = shown.assign(
        **{value: cut.published(), HIDDEN: cut.labels().where(cut.mask, "")},
        _shown=cut.labels(),
    )
    visible, hidden = plot[~cut.mask], plot[cut.mask].sort_values(label)
    plot = pd.concat([visible, hidden], ignore_index=True)
    return plot, list(plot[label])


def _hidden_text(chart: alt.Chart, **encode) -> alt.Chart:
    """The "< 5" labels of hidden cells, in the suppressed colour, at the axis origin."""
    return (
        chart.transform_filter(alt.datum[HIDDEN] != "")
        .mark_text(
            align="left",
            dx=4,
            color=theme.SUPPRESSED,
            fontStyle="italic",
            fontWeight="bold",
            fontSize=13,
        )
        .encode(text=f"{HIDDEN}:N", **encode)
    )


def _bar_chart(shown: pd.DataFrame, title: str, label: str, value: str) -> alt.Chart:
    """Horizontal bars, longest first."""
    # A band step, not a total height: Streamlit fits the total (title and axes included),
    # which squashes a short fixed-height bar chart to nothing.
    return (
        alt.Chart(shown, title=title, height=alt.Step(28))
        .mark_bar(color=theme.PRIMARY)
        .encode(
            x=alt.X(f"{value}:Q", title=value, axis=alt.Axis(format=INTEGER, tickMinStep=1)),
            y=alt.Y(f"{label}:N", title=None, sort="-x"),
            tooltip=[alt.Tooltip(f"{label}:N"), alt.Tooltip(f"{value}:Q", format=INTEGER)],
        )
    )


def _masked_bar_chart(
    plot: pd.DataFrame, title: str, label: str, value: str, order: tuple, top: float
) -> alt.Chart:
    """Bars of published counts, the hidden ones labelled, in ``order``, axis up to ``top``."""
    base = alt.Chart(plot, title=title, height=alt.Step(28))
    y = alt.Y(f"{label}:N", title=None, sort=list(order))
    return base.mark_bar(color=theme.PRIMARY).encode(
        x=alt.X(
            f"{value}:Q",
            title=value,
            axis=alt.Axis(format=INTEGER, tickMinStep=1),
            scale=alt.Scale(domain=[0, top], nice=True),
        ),
        y=y,
        tooltip=[alt.Tooltip(f"{label}:N"), alt.Tooltip(f"{value}:Q", format=INTEGER)],
    ) + _hidden_text(base, x=alt.datum(0), y=y)


def bars(
    viewer: Viewer, table: pd.DataFrame, title: str, *, label: str, value: str = texts.COUNT
) -> None:
    """Horizontal bars of a ``label``/``count`` breakdown, then its table."""
    # For the public, a count of 1 to 4 has no bar but a "< 5" label in its own colour.
    shown = table.rename(columns={"label": label, "count": value})
    if viewer.suppresses and len(shown):
        plot, order = _hidden_bars(shown, label, value, viewer.k)
        # The axis starts at 0 and reaches at least k, even when every bar is hidden.
        top = max(float(plot[value].max()) if plot[value].notna().any() else 0, viewer.k)
        draw(_masked_bar_chart, plot, title, label, value, tuple(order), top)
        data_view(plot[[label, "_shown"]].rename(columns={"_shown": value}))
        st.caption(note(viewer.k, short=True))
        return
    draw(_bar_chart, shown, title, label, value)
    data_view(shown)


def monthly(viewer: Viewer, table: pd.DataFrame, title: str, *, columns: dict[str, str]) -> None:
    """Columns per month (``month`` as ``YYYY-MM``), one bar series each, then the table."""
    shown = table.assign(month=table["month"].map(formats.month_label))
    shown = shown.rename(columns={"month": texts.MONTH, **columns})
    long = shown.melt(texts.MONTH, list(columns.values()), var_name="serie", value_name="valeur")
    order = list(shown[texts.MONTH])
    hidden = None
    if viewer.suppresses and len(shown):
        # Each series' total is a KPI card: a series whose total is small is not published.
        cut = suppress_table(shown[list(columns.values())].astype(int), viewer.k, row_totals=False)
        labels = cut.labels(with_totals=False)
        hidden = cut.mask.melt(value_name="hidden")["hidden"].to_numpy()
        long = long.assign(
            valeur=cut.published().melt(value_name="v")["v"].to_numpy(),
            **{HIDDEN: labels.melt(value_name="l")["l"].where(hidden, "").to_numpy()},
        )
        shown = shown.assign(**{c: labels[c] for c in columns.values()})
    # With hidden months the axis still starts at 0 and reaches k, so their labels show.
    top = long["valeur"].max() if long["valeur"].notna().any() else 0
    scale = (
        alt.Scale(domain=[0, max(float(top), viewer.k)]) if hidden is not None else alt.Undefined
    )
    chart = (
        alt.Chart(long, title=title, height=280)
        .mark_bar()
        .encode(
            x=alt.X(f"{texts.MONTH}:N", sort=order, title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y(
                "valeur:Q", title=None, axis=alt.Axis(format=INTEGER, tickMinStep=1), scale=scale
            ),
            color=alt.Color("serie:N", title=None, scale=alt.Scale(range=list(theme.CATEGORICAL))),
            xOffset="serie:N",
            tooltip=[f"{texts.MONTH}:N", "serie:N", alt.Tooltip("valeur:Q", format=INTEGER)],
        )
    )
    if hidden is not None:
        text = alt.Chart(long).transform_filter(alt.datum[HIDDEN] != "")
        chart += text.mark_text(
            angle=270, align="left", dx=4, color=theme.SUPPRESSED, fontWeight="bold", fontSize=13
        ).encode(
            x=alt.X(f"{texts.MONTH}:N", sort=order),
            xOffset="serie:N",
            y=alt.datum(0),
            text=f"{HIDDEN}:N",
        )
    st.altair_chart(chart, width="stretch")
    data_view(shown)
    if hidden is not None:
        st.caption(note(viewer.k, short=True))


TIMELINE_LABEL_PX = 460  # room for a 60-character title at 13 px; longer ones end with "…"


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
            # Whole titles: Vega's 180 px default cut them to "Expérimentatio…".
            y=alt.Y(
                f"{texts.TITLE}:N",
                title=None,
                sort=None,
                axis=alt.Axis(labelLimit=TIMELINE_LABEL_PX, labelFontSize=13),
            ),
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


TREND_COLUMNS = 2
# Axis text in px: 12.75 px month labels were too small for a committee room screen.
AXIS_LABEL_PX = 15
TITLE_PX = 17


def trend_chart(long: pd.DataFrame, title: str, order: tuple[str, ...]) -> alt.Chart:
    """One KPI's monthly line, as wide as its container, readable axes."""
    return (
        alt.Chart(long, height=220, title=alt.Title(title, fontSize=TITLE_PX, anchor="start"))
        .mark_line(point=True, color=theme.PRIMARY)
        .encode(
            x=alt.X(
                f"{texts.MONTH}:N",
                sort=list(order),
                title=None,
                # Flat labels, thinned by Vega when they would overlap: the plot keeps its height.
                axis=alt.Axis(labelAngle=0, labelFontSize=AXIS_LABEL_PX, labelOverlap="greedy"),
            ),
            y=alt.Y(
                "valeur:Q",
                title=None,
                axis=alt.Axis(format=INTEGER, tickMinStep=1, labelFontSize=AXIS_LABEL_PX),
            ),
            tooltip=[f"{texts.MONTH}:N", "kpi:N", alt.Tooltip("valeur:Q", format=INTEGER)],
        )
    )


def trends(viewer: Viewer, series: pd.DataFrame, labels: dict[str, str], title: str) -> None:
    """Small multiples of monthly KPI series (``month`` + one column per id), then the table."""
    shown = series.assign(month=series["month"].map(formats.month_label))
    shown = shown.rename(columns={"month": texts.MONTH, **labels})
    long = shown.melt(texts.MONTH, list(labels.values()), var_name="kpi", value_name="valeur")
    suppressing = viewer.suppresses and len(shown)
    if suppressing:
        # A month is not a part of a published total here: small months alone are hidden (gaps).
        counted = [labels[k] for k in labels if BY_ID[k].unit in (Unit.COUNT, Unit.PEOPLE)]
        cut = suppress_table(
            shown[counted].fillna(0).astype(int), viewer.k, row_totals=False, col_totals=False
        )
        values = shown[list(labels.values())].astype(float)
        values[counted] = cut.published()
        long = long.assign(valeur=values.melt()["value"].to_numpy())
        shown = shown.assign(**dict(cut.labels(with_totals=False).items()))
    order = list(shown[texts.MONTH])
    st.subheader(title)
    names = list(labels.values())
    # One chart per KPI, two per row, each as wide as its column (a facet has a fixed width).
    for start in range(0, len(names), TREND_COLUMNS):
        row = st.columns(TREND_COLUMNS)
        for column, name in zip(row, names[start : start + TREND_COLUMNS], strict=False):
            with column:
                draw(trend_chart, long[long["kpi"] == name], name, tuple(order))
                data_view(shown[[texts.MONTH, name]])  # each chart with its own table
    if suppressing:
        st.caption(note(viewer.k, short=True))


# The chart builders ``draw`` may cache, by name (a cache key must be plain data).
BUILDERS = {f.__name__: f for f in (_bar_chart, _masked_bar_chart, trend_chart)}
