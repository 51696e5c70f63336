"""Links between the app's pages: they open in the same tab and carry their URL filters."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitAPIException

from observatoire.ui import plain, registry


def page_link(stem: str, *, label: str | None = None, params: dict[str, str] | None = None):
    """A link to page ``stem`` with ``params`` in its URL (the page's own title by default)."""
    spec = registry.get(stem)
    text = label or spec.title
    try:
        st.page_link(str(spec.path), label=text, icon=spec.icon, query_params=params or {})
    except StreamlitAPIException:
        # Pages unknown to this script run (AppTest of a single page): a plain link still works.
        query = f"?{urlencode(params)}" if params else ""
        st.markdown(f"[{plain.md(text)}](./{stem}{query})")
