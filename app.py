"""Routes only: the pages of the registry, Streamlit's menu hidden (ours is in the frame).

No page icons here: a Material icon would make the browser fetch a favicon from Google.
``streamlit run app.py`` finds ``app`` below and serves it, with one middleware (``/pages/carte``
redirects to ``/carte``); each visitor's script run executes this file as ``__main__``.
"""

import streamlit as st


def routes() -> None:
    """Declare the pages and run the one the URL asks for; an unknown path says so in French."""
    # Imported here: when the server imports this file for ``app``, no Streamlit cache may be
    # created before the runtime exists.
    from observatoire.texts import ui as texts
    from observatoire.ui.frame import not_found, requested_page
    from observatoire.ui.registry import pages

    known = pages()
    asked = requested_page()
    unknown = asked if asked not in {p.stem for p in known} else ""

    def home() -> None:
        """The root URL opens the first page of the menu, under its own URL."""
        if unknown:  # a path Streamlit could not route (e.g. percent-encoded): say so too
            not_found(unknown)
        else:
            st.switch_page(str(known[0].path))

    def missing() -> None:
        """A path no page answers: a French notice and the menu, under the path asked for."""
        not_found(unknown)

    extra = []
    if unknown and "/" not in unknown:
        # Routed here rather than to the root, so Streamlit adds no English "Page not found".
        extra.append(st.Page(missing, title=texts.NOT_FOUND_TITLE, url_path=unknown))
    st.navigation(
        [st.Page(home, title=texts.APP_TITLE, url_path="", default=True)]
        + [st.Page(str(p.path), title=p.title, url_path=p.stem) for p in known]
        + extra,
        position="hidden",
    ).run()


if __name__ == "__main__":
    routes()
else:
    from starlette.middleware import Middleware

    from observatoire.ui.legacy_paths import LegacyPaths

    app = st.App(__file__, middleware=[Middleware(LegacyPaths)])
