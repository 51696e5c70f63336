"""Rendering of the coverage map in a page: URL controls, the map, its tables, the commune panel."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from observatoire import formats
from observatoire.coverage import inputs as coverage_inputs
from observatoire.maps.coverage_map import MapView
from observatoire.maps.figures import (
    INDICATORS,
    CoverageModel,
    distance_label,
    indicator_values,
    mask_counts,
    radius_label,
)
from observatoire.maps.hit import area_at
from observatoire.privacy import Viewer
from observatoire.privacy.suppression import note
from observatoire.texts import coverage as coverage_texts
from observatoire.texts import maps as map_texts
from observatoire.texts import ui as texts
from observatoire.ui import links, mapcomponent, plain
from observatoire.ui.map_data import sources
from observatoire.ui.mapcomponent import Rendered

_CODE = re.compile(r"\(([0-9AB]{2,5})\)")


def clicked_code(tooltip: str | None, codes) -> str | None:
    """The department or commune code in a clicked shape's tooltip (``Nom (code)``)."""
    for code in _CODE.findall(tooltip or ""):
        if code in codes:
            return code
    return None


def show_map(view: MapView, rendered: Rendered, height: int = 620) -> str | None:
    """Draw the map; return the code of a newly clicked shape (panning never reruns the page)."""
    key = f"carte-{view.department or 'territoire'}"
    result = mapcomponent.draw(
        rendered,
        key=key,
        height=height,
        returned_objects=["last_object_clicked_tooltip", "last_object_clicked"],
    )
    return new_click(result, key, set(view.table["code"]), view.features)


def new_click(result: dict | None, key: str, codes, features: dict | None = None) -> str | None:
    """The code of a click not yet acted on, from the component's value.

    The component keeps its last value across reruns, so a click is acted on once; it is told
    apart by its position too (clicking the same shape again after leaving it is a new click),
    and a component drawn afresh (no value) forgets what was handled before. A click that landed
    on a marker (an actor, an action) has no shape tooltip: the shape under the point is taken.
    """
    tooltip = (result or {}).get("last_object_clicked_tooltip")
    point = (result or {}).get("last_object_clicked") or {}
    handled = f"{key}-handled"
    if not tooltip and not point:
        st.session_state.pop(handled, None)
        return None
    click = (tooltip, point.get("lat"), point.get("lng"))
    if st.session_state.get(handled) == click:
        return None
    st.session_state[handled] = click
    code = clicked_code(tooltip, codes)
    if code is None and features is not None:
        code = area_at(features, point.get("lat"), point.get("lng"))
    return code


def _share_labels(values: pd.Series) -> pd.Series:
    return values.map(lambda v: formats.percent(v, 1))


def department_frame(view: MapView, viewer: Viewer) -> pd.DataFrame:
    """The departments table: the same figures as the map, counts suppressed for the public."""
    t = view.table
    masked = view.counts or mask_counts(t, viewer.role)
    c = map_texts.COLUMNS
    per_10k = indicator_values(t, INDICATORS["acteurs"], masked)[1]
    frame = pd.DataFrame(
        {
            c["department"]: t["name"],
            c["code"]: t["code"],
            c["population"]: t["population"].map(formats.number),
            c["communes"]: t["communes"].map(formats.number),
            c["covered_share"]: _share_labels(t["covered_share"]),
            c["uncovered_population"]: t["uncovered_population"].map(formats.number),
            c["actors"]: masked.labels["actors"].to_numpy(),
            c["actors_per_10k"]: per_10k.to_numpy(),
            c["actions_12m"]: masked.labels["actions_12m"].to_numpy(),
            c["sessions_12m"]: masked.labels["sessions_12m"].to_numpy(),
            c["class"]: _class_labels(t["class"]),
        }
    )
    return _indicator_first(frame, view).set_index(c["department"])


def _indicator_first(frame: pd.DataFrame, view: MapView) -> pd.DataFrame:
    """The map's indicator, as the map labels it, as the third column, titled like the legend."""
    indicator = INDICATORS[view.indicator_id]
    own = map_texts.COLUMNS.get(indicator.column)
    frame = frame.drop(columns=[own], errors="ignore")
    frame.insert(2, indicator.label, view.table["label"].to_numpy())
    return frame


def _class_labels(classes: pd.Series) -> list[str]:
    return ["–" if c is None or pd.isna(c) else str(int(c) + 1) for c in classes]


def commune_frame(view: MapView, model: CoverageModel, viewer: Viewer) -> pd.DataFrame:
    """The communes table of the opened department, as the map and the panel show them."""
    t = view.table
    masked = view.counts or mask_counts(t, viewer.role, extra=("actors_within_radius",))
    c = map_texts.COLUMNS
    radius = radius_label(model.radius_km)
    frame = pd.DataFrame(
        {
            c["commune"]: t["name"],
            c["code"]: t["code"],
            c["population"]: t["population"].map(formats.number),
            c["density_level"]: t["density_level"].astype(int).astype(str),
            c["frr_class"]: t["frr_class"],
            c["qpv_count"]: t["qpv_count"].map(formats.number),
            c["nearest_actor_km"]: t["nearest_actor_km"].map(distance_label),
            c["actors_within_radius"].format(radius=radius): masked.labels[
                "actors_within_radius"
            ].to_numpy(),
            c["actors"]: masked.labels["actors"].to_numpy(),
            c["actions_12m"]: masked.labels["actions_12m"].to_numpy(),
            c["sessions_12m"]: masked.labels["sessions_12m"].to_numpy(),
            c["class"]: _class_labels(t["class"]),
        }
    )
    return _indicator_first(frame, view).set_index(c["commune"])


def territory_summary(model: CoverageModel, workspace_name: str) -> str:
    """One French sentence (Markdown, the name escaped) with the territory's totals."""
    c = model.communes
    covered = int((~c["uncovered"]).sum())
    period = model.period or coverage_inputs.last_12_months(model.end_date)
    start = period.start
    return plain.fill(
        texts.TERRITORY_SUMMARY,
        territory=workspace_name,
        departments=len(model.departments),
        communes=formats.number(len(c)),
        population=formats.number(int(c["population"].sum())),
        covered=formats.number(covered),
        rule=coverage_texts.PAGE_BASIS_LABELS[model.basis].replace(
            "R km", radius_label(model.radius_km)
        ),
        covered_share=formats.percent(covered / len(c) if len(c) else None, 1),
        uncovered_population=formats.number(int(c["uncovered_population"].sum())),
        start=formats.date(start),
        end=formats.date(model.end_date),
    )


def reach_caption(model: CoverageModel) -> str:
    """What "touchée" means on the map, with the period and the radius."""
    period = model.period.label if model.period is not None else formats.date(model.end_date)
    return map_texts.REACH_CAPTION.format(period=period, radius=radius_label(model.radius_km))


def commune_panel(rows: list[tuple[str, str]], name: str, code: str) -> None:
    """The commune panel: a titled two-column table."""
    plain.markdown(f"**{texts.PANEL_TITLE}**", name=name, code=code)
    # The nearest actor's name is imported text, and st.table renders Markdown.
    plain.table(
        pd.DataFrame(rows, columns=list(map_texts.PANEL_COLUMNS)).set_index(
            map_texts.PANEL_COLUMNS[0]
        )
    )


def suppression_note(viewer: Viewer) -> None:
    """The note explaining rounding and ``< 5``, for the public only."""
    if viewer.suppresses:
        st.caption(note(viewer.k))


def sources_panel() -> None:
    """The "Sources et millésimes" expander listing the reference editions."""
    with st.expander(texts.SOURCES, icon=":material/menu_book:"):
        df = sources().rename(columns=texts.SOURCE_COLUMNS)
        st.table(df.set_index(texts.SOURCE_COLUMNS["dataset"]))


def profile_link(workspace: str, code: str, label: str) -> None:
    """A link to the territory profile page of ``code``."""
    links.page_link("territoire", label=label, params={"espace": workspace, "code": code})
