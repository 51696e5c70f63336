"""Zones blanches: the ranking of uncovered territories and the tour planner (same as the CLI)."""

import streamlit as st

from observatoire.coverage import BASES, DEFAULT_BASIS, LEVELS, tables
from observatoire.coverage.inputs import EmptyTerritory, NoActors
from observatoire.coverage.score import formula_text
from observatoire.texts import coverage as texts
from observatoire.ui import zones
from observatoire.ui.exports import export_buttons
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page
from observatoire.ui.url import (
    url_choice,
    url_flag,
    url_multi,
    url_number,
    url_period,
    url_radius,
)

ctx = page("zones_blanches")

CIRCLES = ("1", "2", "3")

with ctx.guard():
    con = connection_or_stop(ctx)
    path = ctx.workspace.path
    cols = st.columns([1, 1, 2])
    level = url_choice(
        "echelle",
        LEVELS,
        "commune",
        label=texts.PAGE_LEVEL,
        format_func=texts.LEVEL_PICK_LABELS.get,
        container=cols[0],
    )
    radius = url_radius(label=texts.PAGE_RADIUS, help=texts.PAGE_RADIUS_HELP, container=cols[1])
    chosen = url_multi(
        "cercles",
        CIRCLES,
        CIRCLES,
        label=texts.PAGE_CIRCLES,
        format_func=texts.PAGE_CIRCLE_LABELS.get,
        container=cols[2],
    )
    left, right = st.columns(2)
    basis = url_choice(
        "base",
        BASES,
        DEFAULT_BASIS,
        label=texts.PAGE_BASIS,
        format_func=texts.PAGE_BASIS_LABELS.get,
        template=texts.PAGE_BAD_BASIS,
        help=texts.PAGE_BASIS_HELP,
        container=left,
    )
    period = url_period(
        con,
        container=right,
        default=zones.default_period(path),
        label=texts.PAGE_PERIOD,
        hint=texts.PAGE_PERIOD_HELP,
        bad=texts.PAGE_BAD_PERIOD,
    )
    left, right = st.columns(2)
    rural_only = url_flag("rural", label=texts.PAGE_RURAL_ONLY, container=left)
    qpv_only = url_flag("qpv", label=texts.PAGE_QPV_ONLY, container=right)
    if not chosen:
        st.info(texts.PAGE_NO_CIRCLE)
        st.stop()
    # All three circles is the CLI default (no --circles): actors without a circle count too.
    circles = None if len(chosen) == len(CIRCLES) else tuple(int(c) for c in chosen)
    ranked = zones.RankingFilters(level, radius, circles, rural_only, qpv_only, basis, period)
    try:
        rank = zones.ranking(path, ranked)
    except (NoActors, EmptyTerritory) as exc:
        st.info(tables.explain(exc, circles))
        st.stop()

    st.subheader(texts.RANKING_TITLE)
    st.markdown(tables.summary(rank))
    with st.expander(texts.SCORE_EXPANDER, icon=":material/functions:"):
        st.markdown(
            f"**{texts.SCORE_TITLE}**\n\n" + formula_text(basis=basis).replace("\n", "\n\n")
        )
    if rank.table.empty:
        st.info(texts.NO_TERRITORY)
    else:
        st.markdown(
            texts.UNCOVERED_DEFINITION[basis].format(
                period=period.label, radius=tables.radius_label(radius)
            )
        )
        st.caption(texts.JARGON)
        st.dataframe(
            zones.display_table(path, ranked),
            hide_index=True,
            width="stretch",
            column_config={
                texts.COLUMNS["name"]: st.column_config.TextColumn(width="medium"),
                **zones.link_columns(),
            },
        )
        export_buttons(
            lambda: tables.export_table(rank),
            texts.RANKING_EXPORT_FILE.format(level=level, radius=tables.radius_label(radius)),
            texts.RANKING_EXPORT_SHEET,
            key="export_zones",
        )

    st.subheader(texts.PLANNER_TITLE)
    st.caption(tables.planner_intro())
    left, right = st.columns(2)
    stops = url_number("etapes", label=texts.PLANNER_STOPS, container=left)
    candidates = url_choice(
        "candidates",
        ("communes", "actors"),
        "communes",
        label=texts.PLANNER_CANDIDATES,
        format_func=texts.CANDIDATE_LABELS.get,
        container=right,
    )
    planned = zones.TourFilters(stops, radius, circles, candidates, basis, period)
    result, communes = zones.tour(path, planned)
    st.markdown(tables.plan_summary(result, stops))
    if result.stops:
        map_col, table_col = st.columns([1, 1])
        with map_col:
            zones.show_planner_map(path, planned, ctx.leaflet_url)
            st.caption(tables.planner_map_caption(result))
        with table_col:
            st.dataframe(tables.plan_display(result), hide_index=True, width="stretch")
            export_buttons(
                lambda: tables.plan_export(result),
                texts.PLANNER_EXPORT_FILE.format(stops=stops, radius=tables.radius_label(radius)),
                texts.PLANNER_EXPORT_SHEET,
                key="export_tournee",
            )
