"""The programme-content pages: Programme, Réseau, Évaluation, Ressources, and the tours of the
actions page. Each page script calls one function here."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import streamlit as st
from streamlit_folium import st_folium

from observatoire import config, formats, theme
from observatoire.content import views
from observatoire.kpis import BY_ID, Group, compute_kpis, group_ids
from observatoire.maps.planner_map import outlines
from observatoire.maps.tour_map import tour_map
from observatoire.privacy import to_public_frame
from observatoire.texts import content as texts
from observatoire.ui import charts, connections
from observatoire.ui.cards import kpi_cards
from observatoire.ui.filters import activity_filters, connection_or_stop
from observatoire.workspace.territory import territory_departments
from observatoire.workspace.version import file_version

# Framing meetings and surveys are the programme's, not a department's.
PROGRAMME_WIDE = ["evaluation_framing_meetings", "surveys_total", "survey_respondents"]


def cards(
    viewer, values: dict, ids: list[str], per_row: int = 3, zero_text: str = texts.AT_ZERO
) -> None:
    """KPI cards, except those at 0: named in one sentence instead of a row of empty cards."""
    zero = [i for i in ids if values.get(i) == 0]
    shown = [i for i in ids if i not in zero]
    if shown:
        kpi_cards(viewer, values, shown, per_row=per_row)
    if zero:
        labels = ", ".join(BY_ID[i].label.lower() for i in zero)
        st.caption(zero_text.format(labels=labels))


def _filters(ctx, kind: str):
    con = connection_or_stop(ctx)
    return con, activity_filters(con, views.default_year(con, kind))


def programme_page(ctx) -> None:
    """Dates, missions and orientations, phases, and progress against targets by year."""
    con = connection_or_stop(ctx)
    period, programme, department = activity_filters(con)
    items = views.programme_items(con, programme)
    if items.empty:
        st.info(texts.NO_PROGRAMME)
        st.stop()
    for line in views.programme_dates(items):
        st.markdown(f"**{line}**")
    if department:
        st.info(texts.WHOLE_PROGRAMME)
    ids = group_ids(Group.PROGRAMME)
    values = compute_kpis(con, period, programme, ids, department)
    cards(ctx.viewer, values, ids, per_row=2, zero_text=texts.NOT_DESCRIBED)
    for heading, lines in views.programme_lines(items).items():
        st.subheader(heading)
        st.markdown("\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1)))
    if ctx.viewer.suppresses:
        # A value hidden as "< 5" would come back from its target and rate: staff only.
        return
    st.subheader(texts.PROGRESS)
    table = views.progress(con, views.programme_years(items), programme)
    if table.empty:
        st.info(texts.NO_TARGET)
    else:
        st.dataframe(table, hide_index=True, width="stretch")


def reseau_page(ctx) -> None:
    """Meetings, experts and initiatives by field, partners by sector, groups and members."""
    con, (period, programme, department) = _filters(ctx, "meetings")
    ids = group_ids(Group.NETWORK)
    cards(ctx.viewer, compute_kpis(con, period, programme, ids, department), ids)
    meetings = views.meetings_by_type(con, period, programme, department)
    if not meetings.empty:
        charts.bars(
            ctx.viewer, meetings, texts.MEETINGS_BY_TYPE, label=texts.TYPE, value=texts.MEETINGS
        )
    roles = views.directory(con, period, programme, department)
    columns = st.columns(3)
    for column, (title, table) in zip(
        columns, views.network_breakdowns(roles).items(), strict=True
    ):
        if not table.empty:
            with column:
                charts.bars(ctx.viewer, table, title, label=texts.FIELD, value=texts.STRUCTURES)
    groups = views.groups(con, period, programme, department)
    if not groups.empty:
        st.subheader(texts.GROUPS_TITLE)
        if department:
            st.caption(texts.GROUPS_IN_DEPARTMENT)
        charts.table(ctx.viewer, groups, [texts.PEOPLE], totals=False)
    if ctx.viewer.sees_structure_names and not roles.empty:
        st.subheader(texts.DIRECTORY)
        st.dataframe(views.directory_table(roles), hide_index=True, width="stretch")
    if meetings.empty and groups.empty and roles.empty:
        st.info(texts.NO_NETWORK)


def evaluation_page(ctx) -> None:
    """Responses, interviews, the share progressing, and before/after per dimension."""
    con, (period, programme, department) = _filters(ctx, "evaluations")
    ids = group_ids(Group.EVALUATION)
    values = compute_kpis(con, period, programme, ids, department)
    if department:
        # A department view shows the whole programme's for these, and says so.
        values |= compute_kpis(con, period, programme, PROGRAMME_WIDE)
    cards(ctx.viewer, values, ids)
    if department:
        st.caption(texts.SURVEYS_WHOLE)
    # People's answers are never shown: means per dimension, and for the public only where
    # at least k people answered.
    k = ctx.viewer.k if ctx.viewer.suppresses else None
    table = views.progression(con, period, programme, k, department)
    if table.empty:
        st.info(texts.NO_EVALUATION)
        return
    progression_chart(table)
    shown = views.progression_shown(table)
    charts.table(ctx.viewer, shown, [texts.RESPONDENTS, texts.PROGRESSING], totals=False)


def progression_chart(table) -> None:
    """Mean scores before and after per dimension as grouped bars (its table goes below)."""
    long = views.progression_long(table)
    chart = (
        alt.Chart(long, title=texts.PROGRESSION, height=alt.Step(22))
        .mark_bar()
        .encode(
            # Dimension names are sentences: room for them rather than an ellipsis.
            y=alt.Y(f"{texts.DIMENSION}:N", title=None, axis=alt.Axis(labelLimit=360)),
            yOffset=alt.YOffset(f"{texts.MOMENT}:N", sort=[texts.BEFORE, texts.AFTER]),
            x=alt.X(f"{texts.SCORE}:Q", scale=alt.Scale(domain=[0, 10])),
            color=alt.Color(
                f"{texts.MOMENT}:N",
                title=None,
                sort=[texts.BEFORE, texts.AFTER],
                scale=alt.Scale(range=list(theme.CATEGORICAL)),
            ),
            tooltip=[f"{texts.DIMENSION}:N", f"{texts.MOMENT}:N", f"{texts.SCORE}:Q"],
        )
    )
    st.altair_chart(chart, width="stretch")


def ressources_page(ctx) -> None:
    """Resources by type over the months of the period."""
    con, (period, programme, department) = _filters(ctx, "resources")
    ids = group_ids(Group.RESOURCES)
    cards(ctx.viewer, compute_kpis(con, period, programme, ids, department), ids)
    table = views.resources_by_month(con, period, programme, department)
    types = [c for c in table.columns if c != "month"]
    if not types:
        st.info(texts.NO_RESOURCE)
        return
    charts.monthly(ctx.viewer, table, texts.RESOURCES_BY_MONTH, columns={t: t for t in types})


def tours_section(ctx, con, period, programme, department) -> None:
    """The tours' cards, their stops on a map and in a table, on the actions page."""
    rows = views.tour_rows(con, period, programme, department)
    if rows.empty:
        return
    st.subheader(texts.TOURS_TITLE)
    ids = group_ids(Group.TOURS)
    kpi_cards(ctx.viewer, compute_kpis(con, period, programme, ids, department), ids)
    table = views.tour_stops(rows)
    st.markdown(f"**{texts.TOUR_MAP}**")
    st.caption(texts.TOUR_MAP_CAPTION)
    m = tour_map(
        rows,
        _visitor_labels(ctx.viewer, table),
        _outlines(str(ctx.workspace.path), file_version(ctx.workspace.path)),
        stop_color=theme.MAP_HIGHLIGHT,
        outline=theme.MAP_OUTLINE,
        background=theme.MAP_BACKGROUND,
        tiles=config.tiles(),
        assets_url=ctx.leaflet_url,
    )
    st_folium(m, key="tour_map", height=520, use_container_width=True, returned_objects=[])
    unplaced = int(rows[["lon", "lat"]].isna().any(axis=1).sum())
    if unplaced:
        st.caption(texts.TOUR_MAP_UNPLACED.format(count=unplaced))
    charts.table(ctx.viewer, table, [texts.VISITORS], totals=True)


def _visitor_labels(viewer, table) -> list[str | None]:
    """Each stop's visitors as the table shows them to the role; None when not counted."""
    counted = table[texts.VISITORS].notna().tolist()
    if viewer.suppresses:
        shown = to_public_frame(table, [texts.VISITORS], viewer.k, col_totals=True)
        labels = shown[texts.VISITORS].iloc[:-1].tolist()
    else:
        labels = [
            formats.number(v) if c else None
            for v, c in zip(table[texts.VISITORS], counted, strict=True)
        ]
    return [label if c else None for label, c in zip(labels, counted, strict=True)]


@st.cache_data(show_spinner=False, max_entries=8)
def _outlines(path: str, version) -> list[dict]:
    """The territory's department outlines for the tour map."""
    con = connections.workspace(Path(path))
    return outlines(con, territory_departments(con))
