"""The empty Leaflet map every map of the app starts from: local assets, no lost first click."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.map import FitBounds
from jinja2 import Template

from observatoire.maps.assets import leaflet_css, leaflet_js


class QuietFocus(MacroElement):
    """Leaflet focuses the map on mouse-down; inside an iframe the browser then scrolls the
    host page to show it, the shape moves under the pointer and the click is lost. The focus
    is taken without scrolling instead (keyboard panning still works)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var keyboard = map.keyboard;
            if (!keyboard) { return; }
            keyboard.disable();
            keyboard._onMouseDown = function () {
                if (!this._focused) { this._map._container.focus({preventScroll: true}); }
            };
            keyboard.enable();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


class KeptFit(FitBounds):
    """Fit the bounds, and fit them again when the frame changes size until the user moves.

    A map drawn in a frame that is still being laid out (a column appearing after a click) is
    fitted to a box of no size and opens zoomed out to a dot; the later resize puts it right.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var bounds = {{ this.bounds|tojson }}, options = {{ this.options|tojson }};
            var moved = false;
            ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (type) {
                map.getContainer().addEventListener(type, function () { moved = true; },
                                                    {passive: true});
            });
            map.on("resize", function () { if (!moved) { map.fitBounds(bounds, options); } });
            map.fitBounds(bounds, options);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


def fit(m: folium.Map, bounds, **padding) -> None:
    """Show ``bounds`` (``[[south, west], [north, east]]``), padded as ``folium.FitBounds``."""
    KeptFit(bounds, **padding).add_to(m)


def blank_map(
    assets_url: str,
    *,
    attribution: bool = False,
    location=(46.5, 2.5),
    background: str | None = None,
    tiles=None,
) -> folium.Map:
    """A folium map whose Leaflet comes from the app, not from CDNs (tiles only if configured)."""
    m = folium.Map(
        location=list(location),
        zoom_start=7,
        tiles=None,
        attribution_control=attribution,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    # Instance attributes: folium's class defaults pull Leaflet, jQuery, Bootstrap and Font
    # Awesome from CDNs, which leaves the map blank offline.
    m.default_js = leaflet_js(assets_url)
    m.default_css = leaflet_css(assets_url)
    QuietFocus().add_to(m)
    if background is not None:
        m.get_root().header.add_child(
            folium.Element(f"<style>.leaflet-container {{ background: {background}; }}</style>")
        )
    if tiles is not None:
        folium.TileLayer(tiles=tiles.url, attr=tiles.attribution or "", name="fond").add_to(m)
    return m
