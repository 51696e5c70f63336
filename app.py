"""Routes only: the pages of the registry, Streamlit's menu hidden (ours is in the frame).

No page icons here: a Material icon would make the browser fetch a favicon from Google.
"""

import streamlit as st

from observatoire.ui.registry import pages


def home() -> None:
    """The root URL opens the first page of the menu, under its own URL."""
    st.switch_page(str(pages()[0].path))


st.navigation(
    [st.Page(home, title="Observatoire CSTI", url_path="", default=True)]
    + [st.Page(str(p.path), title=p.title, url_path=p.stem) for p in pages()],
    position="hidden",
).run()
