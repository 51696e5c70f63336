"""``/pages/carte`` redirects to ``/carte`` before Streamlit serves a blank page.

Streamlit answers any two-segment path with its HTML, whose relative asset links then fail, so
the browser shows nothing and no script runs. This ASGI middleware, mounted by ``app.py``,
sends the file path of a page (``/pages/carte``, ``/pages/carte.py``) to the page's URL.
"""

from __future__ import annotations

from starlette.responses import RedirectResponse

from observatoire import urlparams


class LegacyPaths:
    """ASGI middleware: a permanent redirect from ``/pages/<stem>`` to ``/<stem>``."""

    def __init__(self, app, base_path: str = ""):
        self.app = app
        self.base_path = base_path

    async def __call__(self, scope, receive, send):
        """Redirect legacy page paths; pass everything else through."""
        if scope["type"] == "http":
            stem = urlparams.legacy_page(scope.get("path", ""), self.base_path)
            if stem:
                query = scope.get("query_string", b"").decode("latin-1")
                base = "/".join(p for p in self.base_path.split("/") if p)
                target = f"/{base}/{stem}" if base else f"/{stem}"
                response = RedirectResponse(target + (f"?{query}" if query else ""), 301)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
