"""The carte page's body: the territory map with its departments, or one department's communes."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from observatoire.coverage.inputs import EmptyTerritory
from observatoire.maps.coverage_map import MapView
from observatoire.maps.figures import INDICATORS, CoverageModel, panel_rows
from observatoire.periods import Period
from observatoire.texts import ui as texts
from observatoire.ui import change, map_data, mapview, plain, url
from observatoire.ui.mapcomponent import Rendered
from observatoire.urlparams import department_label


@dataclass(frozen=True)
class Choice:
    """The page's controls, as read from the URL."""

    indicator: str
    radius_km: float
    basis: str
    period: Period


def show(ctx, choice: Choice, department_column) -> None:
    """The department picker (in ``department_column``), the map, its tables and its notes."""
    c = choice
    try:
        model = map_data.coverage_model(
            ctx.workspace.path, c.radius_km, ctx.viewer, c.basis, c.period
        )
    except EmptyTerritory:
        st.info(texts.MAP_EMPTY_TERRITORY)
        st.stop()
    url.commune_without_department(model.communes["department_code"])
    names = {code: model.department_names.get(code, code) for code in model.departments}
    department = url.url_department(
        names, department_column, label=texts.DEPARTMENT_PICK, everything=texts.DEPARTMENT_ALL
    )
    key = map_data.view_key(
        ctx.workspace.path, c.radius_km, ctx.viewer, c.indicator, department, c.basis, c.period
    )
    model, view = map_data.coverage_view(key)
    rendered = map_data.rendered_map(key, ctx.leaflet_url)
    if model.no_actors:
        st.info(texts.MAP_NO_ACTORS)
    help_text = INDICATORS[c.indicator].help(c.radius_km, model.end_date, model.period)
    st.caption(mapview.reach_caption(model))
    if department is None:
        territory_section(ctx, choice, model, view, rendered, help_text)
    else:
        department_section(ctx, department, names, model, view, rendered, help_text)
    mapview.suppression_note(ctx.viewer)
    mapview.sources_panel()


def territory_section(
    ctx, choice: Choice, model: CoverageModel, view: MapView, rendered: Rendered, help_text: str
) -> None:
    """The whole territory: the map by department (a click opens one), summary, table, change."""
    url.drop("commune")
    st.caption(f"{help_text} {texts.TERRITORY_CAPTION}")
    clicked = mapview.show_map(view, rendered)
    if clicked:
        url.set_param("departement", clicked)
        st.rerun()
    st.markdown(mapview.territory_summary(model, ctx.workspace.name))
    st.subheader(texts.DEPARTMENT_TABLE_TITLE)
    st.table(mapview.department_frame(view, ctx.viewer))
    change.section(ctx, model, choice.period, choice.basis)


def department_section(
    ctx,
    department: str,
    names: dict[str, str],
    model: CoverageModel,
    view: MapView,
    rendered: Rendered,
    help_text: str,
) -> None:
    """One department: the way back, its communes' map beside the commune panel, the table."""
    st.button(
        texts.BACK_TO_TERRITORY,
        icon=":material/arrow_back:",
        on_click=url.drop,
        args=("departement", "commune"),
    )
    st.caption(f"{help_text} {texts.DEPARTMENT_CAPTION}")
    map_column, panel_column = st.columns([3, 1])
    with map_column:
        clicked = mapview.show_map(view, rendered)
    if clicked:
        url.set_param("commune", clicked)
        st.rerun()
    with panel_column:
        commune_panel(ctx, model, view)
    title = department_label(department, names.get(department))
    mapview.profile_link(
        ctx.workspace.path.stem,
        department,
        texts.PROFILE_LINK.format(name=names.get(department, department), code=department),
    )
    st.subheader(plain.fill(texts.COMMUNE_TABLE_TITLE, department=title))
    st.dataframe(mapview.commune_frame(view, model, ctx.viewer), width="stretch")


def commune_panel(ctx, model: CoverageModel, view: MapView) -> None:
    """The commune picker and, once one is chosen, its figures and a link to its profile."""
    communes = dict(zip(view.table["code"], view.table["name"], strict=True))
    commune = url.url_commune(communes, label=texts.COMMUNE_PICK, none=texts.COMMUNE_NONE)
    if commune is None:
        st.caption(texts.PANEL_HINT)
        return
    rows = panel_rows(model, commune, ctx.viewer.role, view.counts)
    name = model.communes.at[commune, "name"]
    mapview.commune_panel(rows, name, commune)
    mapview.profile_link(
        ctx.workspace.path.stem, commune, texts.PROFILE_LINK.format(name=name, code=commune)
    )
