"""The zones_blanches page's two sections: the ranking of territories and the tour planner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from observatoire.coverage import report, tables
from observatoire.coverage.inputs import EmptyTerritory, NoActors
from observatoire.coverage.score import formula_text
from observatoire.periods import Period
from observatoire.texts import coverage as texts
from observatoire.ui import connections, zones
from observatoire.ui.exports import export_buttons
from observatoire.ui.url import url_choice, url_number
from observatoire.workspace.territory import territory_departments
from observatoire.workspace.version import file_version

# Screen order of the ranking's fields: what ranks a territory first, so that the score is
# visible without scrolling at 1366 px; the less telling counts come last.
SCREEN_FIELDS = {
    "activite": (
        "name",
        "score",
        "population",
        "uncovered",
        "nearest_activity_km",
        "audience_within_radius",
        "rural",
        "frr_class",
        "qpv_count",
        "activities_within_radius",
        "nearest_actor_km",
        "actors_within_radius",
        "reached_12m",
        "code",
    ),
    "presence": (
        "name",
        "score",
        "population",
        "uncovered",
        "nearest_actor_km",
        "actors_within_radius",
        "rural",
        "frr_class",
        "qpv_count",
        "nearest_activity_km",
        "activities_within_radius",
        "audience_within_radius",
        "reached_12m",
        "code",
    ),
}
# Pixel widths: short headers and cells, so that the first nine columns fit 1366 px.
WIDTHS = {
    "name": 170,
    "score": 60,
    "population": 90,
    "uncovered": 95,
    "nearest_activity_km": 105,
    "nearest_actor_km": 105,
    "audience_within_radius": 95,
    "actors_within_radius": 95,
    "activities_within_radius": 95,
    "rural": 70,
    "frr_class": 110,
    "qpv_count": 50,
    "reached_12m": 105,
    "code": 80,
}
LINK_WIDTH = 60
# EPCI and QPV names are long ("Quartier Intercommunal Sud", "CC Thiérache Sambre et Oise").
NAME_WIDTHS = {"epci": 230, "qpv": 230}
CHAR_PX = 6.4  # width of a header character, padding apart
PLAN_WIDTHS = {
    "rank": 55,
    "name": 150,
    "population": 95,
    "cumulative_population": 130,
    "cumulative_share": 85,
    "communes": 95,
    "department_code": 55,
    "code": 90,
    "gain": 110,
}


@dataclass(frozen=True)
class Choice:
    """The page's filters, as read from the URL."""

    path: Path
    level: str
    radius_km: float
    circles: tuple[int, ...] | None
    rural_only: bool
    qpv_only: bool
    basis: str
    period: Period

    @property
    def filters(self) -> zones.RankingFilters:
        """The ranking's key in the caches (the same choices without the path)."""
        return zones.RankingFilters(
            self.level,
            self.radius_km,
            self.circles,
            self.rural_only,
            self.qpv_only,
            self.basis,
            self.period,
        )


@st.cache_resource(show_spinner=False, max_entries=16)
def _department_names(path: str, version) -> dict[str, str]:
    """Names of the territory's departments by code."""
    con = connections.workspace(Path(path))
    return tables.department_names(con, territory_departments(con))


def department_names(path: Path) -> dict[str, str]:
    """Names of the departments of the workspace at ``path``, cached per file version."""
    return _department_names(str(path), file_version(path))


def _column_config(level: str, basis: str, columns) -> dict:
    """Widths and header tooltips of the ranking's screen columns (jargon explained there)."""
    labels = report.column_labels(level, basis)
    helps = dict(texts.COLUMN_HELP)
    if report.is_aggregate(level):
        helps.update(texts.AGGREGATE_COLUMN_HELP)
    widths = {**WIDTHS, "name": NAME_WIDTHS.get(level, WIDTHS["name"])}
    config = {
        labels[field]: st.column_config.Column(
            labels[field],
            width=max(widths[field], round(CHAR_PX * len(labels[field])) + 18),
            help=helps.get(field),
            pinned=True if field == "name" else None,
        )
        for field in columns
    }
    return {**config, **zones.link_columns(LINK_WIDTH)}


def screen_table(choice: Choice) -> pd.DataFrame:
    """The ranking's French cells in screen order, with the profile and planner links."""
    c = choice
    labels = report.column_labels(c.level, c.basis)
    columns = tuple(labels[f] for f in SCREEN_FIELDS[c.basis])
    return zones.screen_table(c.path, c.filters, columns)


def ranking_section(ctx, choice: Choice) -> None:
    """The ranked territories: the summary, the score formula, the definitions, table, exports."""
    c = choice
    try:
        rank = zones.ranking(c.path, c.filters)
    except (NoActors, EmptyTerritory) as exc:
        st.info(tables.explain(exc, c.circles))
        st.stop()
    st.subheader(texts.RANKING_TITLE[c.basis])
    st.markdown(tables.summary(rank))
    with st.expander(texts.SCORE_EXPANDER, icon=":material/functions:"):
        formula = formula_text(basis=c.basis).replace("\n", "\n\n")
        st.markdown(f"**{texts.SCORE_TITLE}**\n\n{formula}")
    if rank.table.empty:
        st.info(texts.NO_TERRITORY)
        return
    radius = tables.radius_label(c.radius_km)
    st.markdown(texts.UNCOVERED_DEFINITION[c.basis].format(period=c.period.label, radius=radius))
    st.caption(texts.JARGON)
    st.dataframe(
        screen_table(c),
        hide_index=True,
        width="stretch",
        column_config=_column_config(c.level, c.basis, SCREEN_FIELDS[c.basis]),
    )
    export_buttons(
        lambda: tables.export_table(rank, department_names(c.path)),
        texts.RANKING_EXPORT_FILE.format(level=c.level, radius=radius),
        texts.RANKING_EXPORT_SHEET,
        key="export_zones",
    )


def planner_section(ctx, choice: Choice) -> None:
    """The tour planner: its widgets, what it targets, the map and the itinerary."""
    c = choice
    st.subheader(texts.PLANNER_TITLE)
    st.caption(tables.planner_intro(c.basis, c.period))
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
    planned = zones.TourFilters(stops, c.radius_km, c.circles, candidates, c.basis, c.period)
    result, _ = zones.tour(c.path, planned)
    st.markdown(tables.plan_summary(result, stops))
    if not result.stops:
        return
    zones.show_planner_map(c.path, planned, ctx.leaflet_url)
    st.caption(tables.planner_map_caption(result))
    st.dataframe(
        tables.plan_display(result),
        hide_index=True,
        width="stretch",
        column_order=[tables.plan_labels(result)[f] for f in PLAN_WIDTHS],
        column_config=_plan_config(result),
    )
    export_buttons(
        lambda: tables.plan_export(result, department_names(c.path)),
        texts.PLANNER_EXPORT_FILE.format(stops=stops, radius=tables.radius_label(c.radius_km)),
        texts.PLANNER_EXPORT_SHEET,
        key="export_tournee",
    )


def _plan_config(result) -> dict:
    """Short headers of the itinerary, the full ones as tooltips: nine columns fit 1366 px."""
    labels = tables.plan_labels(result)
    return {
        labels[field]: st.column_config.Column(
            texts.PLAN_SCREEN_LABELS[field],
            width=width,
            help=texts.PLAN_GAIN_HELP if field == "gain" else labels[field],
        )
        for field, width in PLAN_WIDTHS.items()
    }
