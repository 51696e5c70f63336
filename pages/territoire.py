"""Profil d'un territoire: a department, EPCI, commune or QPV of the workspace, in figures."""

import streamlit as st

from observatoire.texts import profile as texts
from observatoire.ui import profile
from observatoire.ui.filters import connection_or_stop
from observatoire.ui.frame import page

ctx = page("territoire")

with ctx.guard():
    connection_or_stop(ctx)
    code = profile.pick(ctx.workspace.path)
    if code is None:
        st.info(texts.HINT)
        st.stop()
    profile.show(profile.profile(ctx.workspace.path, code, ctx.viewer), ctx.viewer)
