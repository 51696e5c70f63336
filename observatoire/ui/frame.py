"""The shared page frame: every page calls ``page(stem)`` on its first line.

A page must stand alone: on a fresh server a deep link such as ``/carte`` runs
``pages/carte.py`` directly (Streamlit's legacy ``pages/`` discovery) without ``app.py``. So the
frame, not ``app.py``, sets the page config, enforces the role and draws our menu.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import duckdb
import streamlit as st

from observatoire import theme, urlparams
from observatoire.db import MissingReference
from observatoire.privacy.roles import PRESENTATION, SIGNED_OUT, Role, Viewer
from observatoire.texts import auth as auth_texts
from observatoire.texts import ui as texts
from observatoire.ui import auth, connections, links, plain, preload, registry, roles
from observatoire.ui.errors import guard, missing_reference
from observatoire.ui.registry import PageSpec
from observatoire.ui.static import ensure_static
from observatoire.ui.url import shared, url_pick
from observatoire.ui.workspaces import Workspace, list_workspaces, workspace_picker

CSS = f"""
<style>
.stMainBlockContainer {{ padding-top: 1.5rem; max-width: 1500px; }}
.obs-brand {{ font-size: 1.35rem; font-weight: 700; color: {theme.PRIMARY}; margin: 0 0 .5rem; }}
.obs-banner {{ background: {theme.BANNER_BACKGROUND}; color: {theme.BANNER_TEXT}; border-left: 4px solid {theme.PRIMARY};
  padding: .35rem .8rem; font-size: .9rem; border-radius: 4px; }}
h1 {{ font-size: 2.1rem !important; padding-top: .4rem !important; }}
/* Streamlit fades captions (opacity .6) to ~4.2:1; WCAG AA asks 4.5:1 for small text. */
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; color: {theme.MUTED} !important; }}
.obs-group {{ font-size: .8rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase;
  color: {theme.MUTED}; margin: .9rem 0 .1rem; }}
</style>
"""
# Presentation pages (forum): no sidebar, no header, no menu; the page owns the whole screen.
BARE_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.stMainBlockContainer { padding: 1rem 2rem !important; max-width: none !important; }
</style>
"""

preload.start()  # the heavy libraries of the other pages, in the background


@dataclass(frozen=True)
class Context:
    """What a page needs after the frame: who (``viewer``), which workspace, connections.

    ``viewer`` is the one value that says who looks at this run; pass it to whatever renders
    figures (cards, charts, tables, maps) and ask it the role rules (``ctx.viewer.sees_contacts``).
    """

    spec: PageSpec
    viewer: Viewer
    local: bool
    workspace: Workspace | None
    leaflet_url: str

    @property
    def ref(self) -> duckdb.DuckDBPyConnection:
        """The cached read-only reference connection (use ``db.*`` helpers: one cursor each)."""
        return connections.reference()

    def workspace_connection(self) -> duckdb.DuckDBPyConnection | None:
        """The cached read-only connection of the chosen workspace, reference attached as ``ref``."""
        return None if self.workspace is None else connections.workspace(self.workspace.path)

    guard = staticmethod(guard)


def _link(spec: PageSpec) -> None:
    """One menu entry, carrying the shared URL filters to the next page."""
    links.page_link(spec.stem, params=shared())


def menu(role: Role) -> None:
    """Our own menu, grouped by user; Streamlit's file-name navigation stays off."""
    for group, specs in registry.menu(role).items():
        st.html(f'<div class="obs-group">{texts.GROUPS[group]}</div>')
        for spec in specs:
            _link(spec)


def refused(spec: PageSpec, role: Role, local: bool) -> None:
    """The French refusal of a page the role may not open, then stop (deep links included)."""
    message = texts.ROLE_REFUSED.format(
        roles=", ".join(texts.ROLES[r] for r in spec.roles), role=texts.ROLES[role]
    )
    if role == SIGNED_OUT and not local:
        message = f"{message} {auth_texts.REFUSED_SIGN_IN}"
    st.error(message)
    st.stop()


def url_workspace() -> Workspace | None:
    """The workspace of ``?espace=`` without a picker (bare pages); unknown: notice, first one."""
    found = {w.stem: w for w in list_workspaces()}
    if not found:
        st.info(texts.WORKSPACE_NONE)
        return None
    stem = url_pick("espace", list(found), next(iter(found)), lambda s: found[s].label)
    return found[stem]


def bare(spec: PageSpec, leaflet_url: str) -> Context:
    """A presentation page: no sidebar nor menu, and always the ``public`` role."""
    # What is projected to a room is public whoever signed in: the signed-in role is ignored.
    st.html(BARE_CSS)
    viewer = Viewer(PRESENTATION)
    if not viewer.may_open(spec.roles):
        refused(spec, viewer.role, roles.local_mode())
    workspace = None
    with guard():
        workspace = url_workspace()
    return Context(spec, viewer, roles.local_mode(), workspace, leaflet_url)


def requested_page() -> str:
    """The page path the browser asked for (``""`` at the root or outside a browser)."""
    return urlparams.requested_page(st.context.url, st.get_option("server.baseUrlPath") or "")


def not_found(path: str) -> None:
    """The French "page introuvable" for a path no page answers, with our menu."""
    st.set_page_config(
        page_title=texts.PAGE_TITLE.format(title=texts.NOT_FOUND_TITLE),
        page_icon=theme.FAVICON,
        layout="wide",
    )
    st.html(CSS)
    with st.sidebar:
        st.html(f'<div class="obs-brand">{texts.APP_TITLE}</div>')
        viewer = auth.account(roles.local_mode())
        menu(viewer.role)
    st.title(texts.NOT_FOUND_TITLE)
    st.warning(plain.fill(texts.NOT_FOUND, path=path))
    menu(viewer.role)


def page(stem: str, chrome: bool = True) -> Context:
    """Set up the page ``stem`` (``chrome=False``: a bare presentation page); stops on refusal."""
    leaflet_url = ensure_static()
    spec = registry.get(stem)
    st.set_page_config(
        page_title=texts.PAGE_TITLE.format(title=spec.title),
        page_icon=theme.FAVICON,
        layout="wide",
        initial_sidebar_state="expanded" if chrome else "collapsed",
    )
    st.html(CSS)
    if not chrome:
        return bare(spec, leaflet_url)
    local = roles.local_mode()
    with st.sidebar:
        st.html(f'<div class="obs-brand">{texts.APP_TITLE}</div>')
        viewer = auth.account(local)
        workspace = None
        with guard():
            workspace = workspace_picker()
        menu(viewer.role)
    if local:
        st.html(f'<div class="obs-banner" role="status">{html.escape(texts.LOCAL_MODE)}</div>')
    if not viewer.may_open(spec.roles):
        refused(spec, viewer.role, local)
    try:
        connections.reference()
    except MissingReference as exc:
        missing_reference(exc)
        st.stop()
    st.title(spec.title)
    return Context(spec, viewer, local, workspace, leaflet_url)
