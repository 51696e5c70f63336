"""Carte des territoires: coverage of the workspace territory, one department's communes, a panel."""

import streamlit as st

from observatoire.coverage import BASES, DEFAULT_BASIS
from observatoire.coverage.inputs import EmptyTerritory
from observatoire.maps.figures import DEFAULT_INDICATOR, INDICATORS, panel_rows
from observatoire.texts import coverage as coverage_texts
from observatoire.texts import ui as texts
from observatoire.ui import change, map_data, mapview, plain, url, zones
from observatoire.ui.frame import page
from observatoire.urlparams import department_label

ctx = page("carte")

with ctx.guard():
    if ctx.workspace is None:
        st.info(texts.MAP_NO_WORKSPACE)
        st.stop()
    left, middle, right = st.columns(3)
    indicator = url.url_choice(
        "indicateur",
        list(INDICATORS),
        DEFAULT_INDICATOR,
        label=texts.INDICATOR,
        format_func=lambda i: INDICATORS[i].label,
        container=left,
    )
    radius = url.url_radius(label=texts.RADIUS, help=texts.RADIUS_HELP, container=middle)
    basis_column, period_column = st.columns(2)
    basis = url.url_choice(
        "base",
        BASES,
        DEFAULT_BASIS,
        label=coverage_texts.PAGE_BASIS,
        format_func=coverage_texts.PAGE_BASIS_LABELS.get,
        template=coverage_texts.PAGE_BAD_BASIS,
        help=coverage_texts.PAGE_BASIS_HELP,
        container=basis_column,
    )
    period = url.url_period(
        ctx.workspace_connection(),
        container=period_column,
        default=zones.default_period(ctx.workspace.path),
        label=coverage_texts.PAGE_PERIOD,
        hint=coverage_texts.PAGE_PERIOD_HELP,
        bad=coverage_texts.PAGE_BAD_PERIOD,
    )
    try:
        model = map_data.coverage_model(ctx.workspace.path, radius, ctx.viewer, basis, period)
    except EmptyTerritory:
        st.info(texts.MAP_EMPTY_TERRITORY)
        st.stop()
    url.commune_without_department(model.communes["department_code"])
    names = {c: model.department_names.get(c, c) for c in model.departments}
    department = url.url_department(
        names, right, label=texts.DEPARTMENT_PICK, everything=texts.DEPARTMENT_ALL
    )
    key = map_data.view_key(
        ctx.workspace.path, radius, ctx.viewer, indicator, department, basis, period
    )
    model, view = map_data.coverage_view(key)
    rendered = map_data.rendered_map(key, ctx.leaflet_url)
    if model.no_actors:
        st.info(texts.MAP_NO_ACTORS)
    help_text = INDICATORS[indicator].help(radius, model.end_date, model.period)
    st.caption(mapview.reach_caption(model))
    if department is None:
        url.drop("commune")
        st.caption(f"{help_text} {texts.TERRITORY_CAPTION}")
        clicked = mapview.show_map(view, rendered)
        if clicked:
            url.set_param("departement", clicked)
            st.rerun()
        st.markdown(mapview.territory_summary(model, ctx.workspace.name))
        st.subheader(texts.DEPARTMENT_TABLE_TITLE)
        st.table(mapview.department_frame(view, ctx.viewer))
        change.section(ctx, model, period, basis)
    else:
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
            communes = dict(zip(view.table["code"], view.table["name"], strict=True))
            commune = url.url_commune(communes, label=texts.COMMUNE_PICK, none=texts.COMMUNE_NONE)
            if commune is None:
                st.caption(texts.PANEL_HINT)
            else:
                rows = panel_rows(model, commune, ctx.viewer.role, view.counts)
                name = model.communes.at[commune, "name"]
                mapview.commune_panel(rows, name, commune)
                mapview.profile_link(
                    ctx.workspace.path.stem,
                    commune,
                    texts.PROFILE_LINK.format(name=name, code=commune),
                )
        title = department_label(department, names.get(department))
        mapview.profile_link(
            ctx.workspace.path.stem,
            department,
            texts.PROFILE_LINK.format(name=names.get(department, department), code=department),
        )
        st.subheader(plain.fill(texts.COMMUNE_TABLE_TITLE, department=title))
        st.dataframe(mapview.commune_frame(view, model, ctx.viewer), width="stretch")
    mapview.suppression_note(ctx.viewer)
    mapview.sources_panel()
