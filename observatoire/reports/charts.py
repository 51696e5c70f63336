"""The review's charts as plain Altair specs: the page shows them, the reports render them."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from observatoire import formats, theme
from observatoire.reports.vega import LOCALE
from observatoire.texts import review as texts

PRIMARY = theme.PRIMARY
TARGET = theme.ACCENT


def trend_table(trends: pd.DataFrame) -> pd.DataFrame:
    """The trends as the reader sees them: French column names and month labels."""
    return pd.DataFrame(
        {
            texts.MONTH_COLUMN: trends["month"].map(formats.month_label),
            texts.KPI: trends["label"],
            texts.TREND_VALUE: trends["value"].map(formats.number),
            texts.TREND_TARGET: [
                "" if t != t else formats.number(t, 0 if float(t).is_integer() else 1)
                for t in trends["target"]
            ],
        }
    )


def trend_chart(trends: pd.DataFrame, *, width: int = 300, height: int = 150) -> alt.FacetChart:
    """Small multiples, one per KPI: the monthly value, and the monthly target dashed."""
    data = pd.DataFrame(
        {
            "mois": trends["month"] + "-01T00:00:00",  # local midnight: no time-zone shift
            "kpi": trends["label"],
            "valeur": trends["value"],
            "objectif": trends["target"],
        }
    )
    order = list(dict.fromkeys(trends["label"]))
    x = alt.X("mois:T", title=None, axis=alt.Axis(format="%b %y", labelAngle=-45, tickCount=12))
    # Small counts get half ticks: ",.2~f" writes them 0,5 rather than rounding to a repeated 1.
    axis = alt.Axis(format=",.2~f", tickMinStep=1)
    base = alt.Chart().encode(x=x)
    # A legend names both lines (the dashed one is the target), on the page and in the reports.
    names = [texts.TREND_VALUE, texts.TREND_TARGET]
    series = alt.Color(
        "série:N",
        scale=alt.Scale(domain=names, range=[PRIMARY, TARGET]),
        legend=alt.Legend(title=None, orient="top", symbolType="stroke", symbolStrokeWidth=2),
    )
    # Same field and legend as the colour: Vega-Lite draws one legend, dashes included.
    dashes = alt.StrokeDash(
        "série:N",
        scale=alt.Scale(domain=names, range=[[1, 0], [5, 3]]),
        legend=alt.Legend(title=None, orient="top", symbolType="stroke", symbolStrokeWidth=2),
    )
    value = (
        base.transform_calculate(série=json.dumps(texts.TREND_VALUE))
        .mark_line(point=True)
        .encode(
            color=series,
            strokeDash=dashes,
            y=alt.Y("valeur:Q", title=None, axis=axis),
            tooltip=[
                alt.Tooltip("mois:T", title=texts.MONTH_COLUMN, format="%B %Y"),
                alt.Tooltip("kpi:N", title=texts.KPI),
                alt.Tooltip("valeur:Q", title=texts.TREND_VALUE, format=",d"),
            ],
        )
    )
    target = (
        base.transform_filter("isValid(datum.objectif)")
        .transform_calculate(série=json.dumps(texts.TREND_TARGET))
        .mark_line()
        .encode(
            color=series,
            strokeDash=dashes,
            y=alt.Y("objectif:Q", title=None, axis=axis),
            tooltip=[
                alt.Tooltip("mois:T", title=texts.MONTH_COLUMN, format="%B %Y"),
                alt.Tooltip("objectif:Q", title=texts.TREND_TARGET, format=",.2~f"),
            ],
        )
    )
    return (
        alt.layer(value, target, data=data)
        .properties(width=width, height=height)
        .facet(facet=alt.Facet("kpi:N", title=None, sort=order), columns=2)
        .resolve_scale(y="independent")
        .configure(locale=LOCALE)
    )
