"""A folium map rendered once to the st_folium component's arguments, then drawn from them.

``st_folium`` renders the whole map to HTML and JavaScript on every script run (three Jinja
passes over every shape: 0.2 to 2 s of CPU for a territory map). The rendering depends only on
the map, so the pages cache a :class:`Rendered` (keyed like the view it was drawn from: file
versions, filters and role) and :func:`draw` sends it to the same front-end component, as
``st_folium`` would, at the cost of a dictionary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import branca
import folium
import folium.elements
import streamlit as st
import streamlit_folium as sf

# The component value before any interaction, as st_folium gives it (those asked for only).
_DEFAULTS = (
    "last_clicked",
    "last_object_clicked",
    "last_object_clicked_count",
    "last_object_clicked_tooltip",
    "last_object_clicked_popup",
    "all_drawings",
    "last_active_drawing",
    "last_circle_radius",
    "last_circle_polygon",
    "selected_layers",
    "selected_tags",
    "last_geocoder_result",
)


D3_CDN = "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"


@dataclass(frozen=True)
class Rendered:
    """What the st_folium component needs to draw a map, without the map object."""

    script: str
    header: str
    html: str
    map_id: str
    bounds: dict
    zoom: object
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]


def _assets(m: folium.Map) -> tuple[list[str], list[str]]:
    """The CSS and JavaScript links of the map's elements, as st_folium collects them."""

    def walk(element):
        if isinstance(element, (branca.colormap.ColorMap, folium.elements.JSCSSMixin)):
            yield element
        for child in getattr(element, "_children", {}).values():
            yield from walk(child)

    css, js = [], []
    for element in walk(m):
        if isinstance(element, branca.colormap.ColorMap):  # st_folium adds d3 for legends
            js[:0] = ["https://d3js.org/d3.v4.min.js", D3_CDN]
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def render(m: folium.Map) -> Rendered:
    """Render ``m`` as ``st_folium`` does (same helpers, same order: the calls alter the map)."""
    m.get_root().render()
    m.render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    try:
        south_west, north_east = m.get_bounds()
    except AttributeError:
        south_west, north_east = [None, None], [None, None]
    bounds = {
        "_southWest": {"lat": south_west[0], "lng": south_west[1]},
        "_northEast": {"lat": north_east[0], "lng": north_east[1]},
    }
    css, js = _assets(m)
    return Rendered(
        script=script,
        header=header,
        html=html,
        map_id=sf.get_full_id(m),
        bounds=bounds,
        zoom=m.options.get("zoom"),
        css_links=tuple(css),
        js_links=tuple(js),
    )


def draw(
    rendered: Rendered,
    *,
    key: str,
    height: int,
    returned_objects: Iterable[str] = (),
):
    """Draw a rendered map with the st_folium component; return its value (clicks)."""
    asked = list(returned_objects)
    defaults = {k: None for k in _DEFAULTS if k in asked}
    if "bounds" in asked:
        defaults["bounds"] = rendered.bounds
    if "zoom" in asked:
        defaults["zoom"] = rendered.zoom
    hash_key = sf.generate_js_hash(rendered.script, key, False)

    def on_change():
        st.session_state[key] = st.session_state.get(hash_key, {})

    return sf._component_func(
        script=rendered.script,
        header=rendered.header,
        html=rendered.html,
        id=rendered.map_id,
        key=hash_key,
        height=height,
        width=None,  # the container's width
        returned_objects=asked,
        default=defaults,
        zoom=None,
        center=None,
        feature_group=None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(rendered.css_links),
        js_links=list(rendered.js_links),
        on_change=on_change,
        wrap_longitude=False,
    )
