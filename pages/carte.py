"""Carte des territoires: coverage of the workspace territory, one department's communes, a panel."""

import streamlit as st

from observatoire.coverage import BASES, DEFAULT_BASIS
from observatoire.maps.figures import DEFAULT_INDICATOR, INDICATORS
from observatoire.texts import coverage as coverage_texts
from observatoire.texts import ui as texts
from observatoire.ui import carte_view, url, zones
from observatoire.ui.frame import page

ctx = page("carte")

with ctx.guard():
    if ctx.workspace is None:
        st.info(texts.MAP_NO_WORKSPACE)
        st.stop()
    left, middle, right = st.columns(3)
    indicator = url.url_choice(
        "indicateur", list(INDICATORS), DEFAULT_INDICATOR, label=texts.INDICATOR,
        format_func=lambda i: INDICATORS[i].label, container=left,
    )  # fmt: skip
    radius = url.url_radius(label=texts.RADIUS, help=texts.RADIUS_HELP, container=middle)
    basis_column, period_column = st.columns(2)
    basis = url.url_choice(
        "base", BASES, DEFAULT_BASIS, label=coverage_texts.PAGE_BASIS,
        format_func=coverage_texts.PAGE_BASIS_LABELS.get, template=coverage_texts.PAGE_BAD_BASIS,
        help=coverage_texts.PAGE_BASIS_HELP, container=basis_column,
    )  # fmt: skip
    period = url.url_period(
        ctx.workspace_connection(), container=period_column,
        default=zones.default_period(ctx.workspace.path), label=coverage_texts.PAGE_PERIOD,
        hint=coverage_texts.PAGE_PERIOD_HELP, bad=coverage_texts.PAGE_BAD_PERIOD,
    )  # fmt: skip
    carte_view.show(ctx, carte_view.Choice(indicator, radius, basis, period), right)
