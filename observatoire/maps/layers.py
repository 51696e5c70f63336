"""Compact Leaflet layers written by hand: thousands of points cost bytes, not folium objects.

Folium writes a few hundred bytes of JavaScript per marker; these layers ship one JSON array
and a loop, so a department with thousands of actors stays within the payload budget.
They use core Leaflet only (no plugin, nothing fetched).
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

DOTS_PANE = "obsDots"


class PointLayer(MacroElement):
    """Circle markers added to the parent feature group (itself on the map) from one JSON array.

    ``points`` rows are ``[lat, lon, radius_px, colour_index, popup_html_or_None]``; popup HTML
    must already be escaped. ``canvas`` draws non-interactive dots on a canvas in their own pane,
    which lets clicks through to the shapes below (a canvas would otherwise swallow them).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var d = {{ this.data|tojson }};
            var group = {{ this._parent.get_name() }};
            var opts = {};
            if (d.canvas) {
                var map = {{ this._parent._parent.get_name() }};
                if (!map.getPane("{{ this.pane }}")) {
                    var pane = map.createPane("{{ this.pane }}");
                    pane.style.zIndex = 450;
                    pane.style.pointerEvents = "none";
                }
                opts = {renderer: L.canvas({pane: "{{ this.pane }}"}), interactive: false};
            }
            for (var i = 0; i < d.p.length; i++) {
                var p = d.p[i];
                var m = L.circleMarker([p[0], p[1]], Object.assign({
                    radius: p[2], color: d.line, weight: d.weight, opacity: 0.9,
                    fillColor: d.c[p[3]], fillOpacity: d.fill
                }, opts));
                if (p[4]) { m.bindPopup(p[4]); }
                group.addLayer(m);
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        points: list[list],
        colors: list[str],
        *,
        line: str = "#333333",
        weight: float = 1,
        fill: float = 0.8,
        canvas: bool = False,
    ):
        super().__init__()
        self._name = "PointLayer"
        self.pane = DOTS_PANE
        self.data = {
            "p": points,
            "c": list(colors),
            "line": line,
            "weight": weight,
            "fill": fill,
            "canvas": canvas,
        }


class SubsetLayer(MacroElement):
    """Outlines of the features of an existing folium GeoJson whose property ``key`` is true.

    The geometry is not repeated in the page: it is read back from the drawn GeoJson layer.
    The outlines are not interactive, so clicks reach the shapes beneath.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var source = {{ this.source.get_name() }}.toGeoJSON();
            L.geoJson(source, {
                filter: function (f) { return !!f.properties[{{ this.key|tojson }}]; },
                style: function () { return {{ this.style|tojson }}; },
                interactive: false
            }).addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, source: MacroElement, key: str, style: dict):
        super().__init__()
        self._name = "SubsetLayer"
        self.source = source
        self.key = key
        self.style = style
