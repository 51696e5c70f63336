"""Dictionnaire des indicateurs: every catalogue KPI, its definition, sources and pages."""

import streamlit as st

from observatoire import dictionary
from observatoire.texts import activities as texts
from observatoire.ui.frame import page

ctx = page("indicateurs")

with ctx.guard():
    st.caption(texts.DICTIONARY_INTRO)
    st.dataframe(dictionary.table(), hide_index=True, width="stretch")
