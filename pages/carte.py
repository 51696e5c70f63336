"""Carte des territoires: coverage of the workspace territory, one department's communes, a panel."""

import streamlit as st

from observatoire.coverage.inputs import EmptyTerritory
from observatoire.maps.coverage import DEFAULT_INDICATOR, INDICATORS, panel_rows
from observatoire.texts import ui as texts
from observatoire.ui import data, mapview
from observatoire.ui.frame import page
from observatoire.ui.params import url_choice

ctx = page("carte")

with ctx.guard():
    if ctx.workspace is None:
        st.info(texts.MAP_NO_WORKSPACE)
        st.stop()
    left, middle, right = st.columns(3)
    indicator = url_choice(
        "indicateur",
        list(INDICATORS),
        DEFAULT_INDICATOR,
        label=texts.INDICATOR,
        format_func=lambda i: INDICATORS[i].label,
        unknown=texts.INDICATOR_UNKNOWN,
        container=left,
    )
    radius = mapview.url_radius(middle)
    try:
        model = data.coverage_model(ctx.workspace.path, radius, ctx.viewer)
    except EmptyTerritory:
        st.info(texts.MAP_EMPTY_TERRITORY)
        st.stop()
    department = mapview.url_department(model, right)
    model, view = data.coverage_view(ctx.workspace.path, radius, ctx.viewer, indicator, department)
    if model.no_actors:
        st.info(texts.MAP_NO_ACTORS)
    help_text = INDICATORS[indicator].help(radius, model.end_date)
    if department is None:
        st.query_params.pop("commune", None)
        st.caption(f"{help_text} {texts.TERRITORY_CAPTION}")
        clicked = mapview.show_map(view, ctx.leaflet_url)
        if clicked:
            st.query_params["departement"] = clicked
            st.rerun()
        st.write(mapview.territory_summary(model, ctx.workspace.name))
        st.subheader(texts.DEPARTMENT_TABLE_TITLE)
        st.table(mapview.department_frame(view, ctx.viewer))
    else:
        name = model.department_names.get(department, department)
        st.button(
            texts.BACK_TO_TERRITORY,
            icon=":material/arrow_back:",
            on_click=mapview.back_to_territory,
        )
        st.caption(f"{help_text} {texts.DEPARTMENT_CAPTION}")
        map_column, panel_column = st.columns([3, 1])
        with map_column:
            clicked = mapview.show_map(view, ctx.leaflet_url)
        if clicked:
            st.query_params["commune"] = clicked
            st.rerun()
        with panel_column:
            commune = mapview.url_commune(view)
            if commune is None:
                st.caption(texts.PANEL_HINT)
            else:
                rows = panel_rows(model, commune, ctx.viewer.role, view.counts)
                mapview.commune_panel(rows, model.communes.at[commune, "name"], commune)
        st.subheader(texts.COMMUNE_TABLE_TITLE.format(department=f"{name} ({department})"))
        st.dataframe(mapview.commune_frame(view, model, ctx.viewer), width="stretch")
    mapview.suppression_note(ctx.viewer)
    mapview.sources_panel()
