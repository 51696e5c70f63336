"""Données: import a spreadsheet (preview, dry run, confirm), history, data quality, sources."""

import streamlit as st

from observatoire import quality
from observatoire.texts import donnees as texts
from observatoire.ui.frame import page
from observatoire.ui.mapview import sources_panel
from observatoire.ui.upload import history_panel, import_panel, quality_panel
from observatoire.ui.workspaces import list_workspaces

ctx = page("donnees")

with ctx.guard():
    con = ctx.workspace_connection()
    importer = ctx.viewer.may_import
    names = [texts.TAB_IMPORT, texts.TAB_HISTORY] if importer else []
    tabs = dict(zip(names + [texts.TAB_QUALITY], st.tabs(names + [texts.TAB_QUALITY]), strict=True))
    if importer:
        with tabs[texts.TAB_IMPORT]:
            import_panel(list_workspaces(), ctx.workspace)
        with tabs[texts.TAB_HISTORY]:
            if con is None:
                st.info(texts.NO_WORKSPACE)
            else:
                history_panel(con)
    with tabs[texts.TAB_QUALITY]:
        if con is None:
            st.info(texts.NO_WORKSPACE)
        else:
            quality_panel(quality.report(con, ctx.viewer.role), ctx.workspace.label)
    sources_panel()
