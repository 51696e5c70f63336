"""Widgets of the networks page: the attached files in the URL, the table, the map, its legend."""

from __future__ import annotations

import html

import streamlit as st

from observatoire.activities.networks import SHARED_COLOUR, Network, NetworksView, networks
from observatoire.forum.svgmap import filled_map
from observatoire.kpis import Period
from observatoire.texts import activities as texts
from observatoire.ui import connections
from observatoire.ui.slides import _data_url
from observatoire.ui.url import url_multi
from observatoire.ui.workspaces import list_workspaces
from observatoire.workspace.version import file_version


def url_networks() -> list[Network]:
    """The workspace files attached side by side, ``?reseaux=a,b`` (default: every readable one)."""
    found = [w for w in list_workspaces() if w.readable]
    by_stem = {w.stem: Network(w.stem, w.label, w.path) for w in found}
    chosen = url_multi(
        "reseaux",
        list(by_stem),
        list(by_stem),
        label=texts.NETWORKS_PICK,
        format_func=lambda s: by_stem[s].name,
        help=texts.NETWORKS_PICK_HELP,
    )
    return [by_stem[s] for s in chosen]


@st.cache_data(show_spinner=False, max_entries=16)
def _view(chosen: tuple[Network, ...], versions: tuple, period: Period) -> NetworksView:
    """The side-by-side view, once per files' versions and period."""
    return networks(chosen, period)


def networks_view(chosen: list[Network], period: Period) -> NetworksView:
    """The page's data (cached: an import makes a new file version)."""
    versions = tuple(file_version(n.path) for n in chosen)
    return _view(tuple(chosen), versions, period)


def show(view: NetworksView) -> None:
    """The table of KPIs, then the map of territories with its legend."""
    if not view.networks:
        st.info(texts.NETWORKS_NONE)
        return
    st.caption(texts.NETWORKS_READ_ONLY)
    st.subheader(texts.NETWORKS_TABLE.format(period=view.period.label))
    st.dataframe(view.table(), hide_index=True, width="stretch")
    title = texts.NETWORKS_MAP.format(period=view.period.label)
    st.subheader(title)
    svg = filled_map(view.shapes(connections.reference()), title)
    # As the forum's maps: an image, since the HTML sanitizer drops <svg> elements.
    st.html(
        f'<img src="{_data_url(svg)}" alt="{html.escape(title)}" style="max-width:100%;max-height:640px">'
    )
    labels = view.labels()
    items = [(view.colours[n.stem], labels[n.stem]) for n in view.networks]
    if any(len(s) > 1 for s in view.owners().values()):
        items.append((SHARED_COLOUR, texts.NETWORKS_SHARED))
    missing = [labels[n.stem] for n in view.networks if not view.departments[n.stem]]
    legend = "".join(
        f'<span style="display:inline-block;width:1em;height:1em;background:{colour};'
        f'border:1px solid #4d4d4d;margin:0 .4em 0 1em;vertical-align:middle"></span>'
        f"{html.escape(name)}"
        for colour, name in items
    )
    st.html(f'<p aria-label="{html.escape(texts.NETWORKS_LEGEND)}">{legend}</p>')
    if missing:
        st.caption(texts.NETWORKS_NO_TERRITORY.format(names=", ".join(missing)))
