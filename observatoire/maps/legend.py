"""Leaflet controls of our maps: the legend (swatches, ranges, classing method) and a metric scale."""

from __future__ import annotations

import html

from branca.element import MacroElement
from jinja2 import Template


class Legend(MacroElement):
    """A bottom-right Leaflet control holding ready-made legend HTML (no external assets)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "obs-legend");
            div.innerHTML = {{ this.body|tojson }};
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        title: str,
        rows: list[tuple[str, str]],
        note: str,
        markers: list[tuple[str, str]] = (),
        markers_title: str = "",
    ):
        super().__init__()
        self._name = "Legend"
        swatches = "".join(
            f'<div><i style="background:{color}"></i>{html.escape(label)}</div>'
            for color, label in rows
        )
        # Point layers: round swatches, after the classes.
        dots = "".join(
            f'<div><i class="obs-dot" style="background:{color}"></i>{html.escape(label)}</div>'
            for color, label in markers
        )
        self.body = (
            f"<strong>{html.escape(title)}</strong>{swatches}<small>{html.escape(note)}</small>"
            + (
                f'<div class="obs-markers"><b>{html.escape(markers_title)}</b>{dots}</div>'
                if dots
                else ""
            )
        )


class MetricScale(MacroElement):
    """A kilometre-only scale bar (folium's own also shows miles)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false, position: "bottomleft"}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


# Styles of the legend and the plain background; kept in the map's own header.
LEGEND_CSS = """
<style>
.leaflet-container {{ background: {background}; font-family: "DejaVu Sans", Arial, sans-serif; }}
.obs-legend {{ background: rgba(255,255,255,.92); padding: 8px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 13px; line-height: 18px; color: #222;
  max-width: 240px; }}
.obs-legend strong {{ display: block; margin-bottom: 4px; }}
.obs-legend i {{ display: inline-block; width: 16px; height: 12px; margin-right: 6px;
  vertical-align: -1px; border: 1px solid #555; }}
.obs-legend small {{ display: block; margin-top: 4px; color: #444; }}
.obs-legend i.obs-dot {{ width: 11px; height: 11px; border-radius: 50%; margin: 0 8px 0 2px; }}
.obs-legend .obs-markers {{ margin-top: 6px; padding-top: 4px; border-top: 1px solid #ccc;
  display: grid; grid-template-columns: auto auto; column-gap: 8px; font-size: 12px; }}
.obs-legend .obs-markers b {{ grid-column: 1 / -1; font-weight: 600; }}
.leaflet-tooltip {{ font-size: 13px; }}
.obs-sw {{ display: inline-block; width: 10px; height: 10px; margin: 0 5px 0 2px;
  vertical-align: -1px; box-sizing: border-box; }}
.obs-sw.obs-dot {{ border-radius: 50%; border: 1px solid #333; }}
.obs-sws {{ margin-right: 4px; }}
.obs-sws .obs-sw {{ margin: 0 1px; }}
.obs-sw.obs-ring {{ border-radius: 50%; border: 2px solid; }}
.obs-sw.obs-line {{ height: 0; width: 14px; border-top: 2.5px solid; vertical-align: 3px; }}
.obs-sw.obs-dashed {{ height: 0; width: 14px; border-top: 2px dashed; vertical-align: 3px; }}
.leaflet-control-layers small {{ color: #555; }}
.leaflet-control-layers-expanded {{ font-size: 12.5px; line-height: 1.35; padding: 5px 8px; }}
</style>
"""
