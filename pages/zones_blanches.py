"""Zones blanches: the ranking of uncovered territories and the tour planner (same as the CLI)."""

import streamlit as st

from observatoire.coverage import BASES, DEFAULT_BASIS, LEVELS
from observatoire.texts import coverage as texts
from observatoire.ui import zones, zones_view
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import url_choice, url_flag, url_multi, url_period, url_radius

ctx = page("zones_blanches")
CIRCLES = ("1", "2", "3")

with ctx.guard():
    con = connection_or_stop(ctx)
    level_col, radius_col, circles_col = st.columns([1, 1, 2])
    level = url_choice(
        "echelle", LEVELS, "commune", label=texts.PAGE_LEVEL,
        format_func=texts.LEVEL_PICK_LABELS.get, container=level_col,
    )  # fmt: skip
    radius = url_radius(label=texts.PAGE_RADIUS, help=texts.PAGE_RADIUS_HELP, container=radius_col)
    chosen = url_multi(
        "cercles", CIRCLES, CIRCLES, label=texts.PAGE_CIRCLES, help=texts.CIRCLES_HELP_PAGE,
        format_func=texts.PAGE_CIRCLE_LABELS.get, container=circles_col,
    )  # fmt: skip
    basis_col, period_col = st.columns(2)
    basis = url_choice(
        "base", BASES, DEFAULT_BASIS, label=texts.PAGE_BASIS,
        format_func=texts.PAGE_BASIS_LABELS.get, template=texts.PAGE_BAD_BASIS,
        help=texts.PAGE_BASIS_HELP, container=basis_col,
    )  # fmt: skip
    period = url_period(
        con, container=period_col, default=zones.default_period(ctx.workspace.path),
        label=texts.PAGE_PERIOD, hint=texts.PAGE_PERIOD_HELP, bad=texts.PAGE_BAD_PERIOD,
    )  # fmt: skip
    rural_col, qpv_col = st.columns(2)
    rural_only = url_flag("rural", label=texts.PAGE_RURAL_ONLY, container=rural_col)
    qpv_only = url_flag("qpv", label=texts.PAGE_QPV_ONLY, container=qpv_col)
    if not chosen:
        st.info(texts.PAGE_NO_CIRCLE)
        st.stop()
    # All three circles is the CLI default (no --circles): actors without a circle count too.
    circles = None if len(chosen) == len(CIRCLES) else tuple(int(c) for c in chosen)
    choice = zones_view.Choice(
        ctx.workspace.path, level, radius, circles, rural_only, qpv_only, basis, period
    )
    zones_view.ranking_section(ctx, choice)
    zones_view.planner_section(ctx, choice)
