"""The tours' map on the actions page: department outlines and each tour's numbered stops.

Offline like every map of the app: Leaflet comes from the app's static folder, the stop numbers
are plain HTML (``DivIcon``), no icon font, no tiles unless configured.
"""

from __future__ import annotations

import html
import json

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from observatoire import formats
from observatoire.maps.assets import LEAFLET_URL
from observatoire.maps.base import blank_map, fit
from observatoire.texts import content as texts

# A numbered disc: the stop's rank in the whole tour.
STOP_STYLE = (
    "display:flex;align-items:center;justify-content:center;width:24px;height:24px;"
    "border-radius:50%;background:{color};color:#fff;font:700 13px sans-serif;"
    "border:2px solid #fff;box-shadow:0 0 2px #000"
)


class PlainPopup(MacroElement):
    """A popup bound to its marker without jQuery (folium's ``Popup`` calls ``$``, which the
    app's local Leaflet does not load)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindPopup({{ this.content }}, {maxWidth: 280});
        {% endmacro %}
        """
    )

    def __init__(self, content: str):
        super().__init__()
        # JSON with "<" escaped: the HTML cannot close the map's script element.
        self.content = json.dumps(content, ensure_ascii=False).replace("<", "\\u003c")


def popup_html(row, visitors: str | None) -> str:
    """A stop's popup: tour and number, town, dates, visitors as the role may read them."""
    start = formats.date(row.start_date)
    dates = (
        texts.TOUR_POPUP_DATES.format(
            start=start, end=formats.date(row.end_date), days=formats.number(int(row.days))
        )
        if pd.notna(row.end_date) and row.end_date != row.start_date
        else texts.TOUR_POPUP_DAY.format(start=start)
    )
    lines = [
        texts.TOUR_POPUP_TITLE.format(stop=row.stop, tour=row.tour),
        texts.TOUR_POPUP_PLACE.format(commune=row.commune or "?", department=row.department_code),
        dates,
        texts.TOUR_POPUP_VISITORS.format(visitors=visitors)
        if visitors
        else texts.TOUR_POPUP_NO_VISITORS,
    ]
    # Tour and town names are imported text.
    first, *rest = (html.escape(str(line)) for line in lines)
    return "<br>".join([f"<b>{first}</b>", *rest])


def tour_map(
    rows: pd.DataFrame,
    visitors: list[str | None],
    features: list[dict],
    *,
    stop_color: str,
    outline: str,
    background: str,
    tiles=None,
    assets_url: str = LEAFLET_URL,
) -> folium.Map:
    """Outlines, a line through each tour's stops in date order and a numbered marker per stop.

    ``visitors``: each row's visitor count as shown to the role (``None`` when not counted).
    """
    m = blank_map(assets_url, attribution=tiles is not None, background=background, tiles=tiles)
    if features:
        folium.GeoJson(
            {"type": "FeatureCollection", "features": features},
            style_function=lambda _: {"color": outline, "weight": 1, "fillOpacity": 0},
        ).add_to(m)
    placed = rows.assign(shown_visitors=visitors).dropna(subset=["lon", "lat"])
    for _, tour in placed.groupby("tour", sort=False):
        if len(tour) > 1:
            folium.PolyLine(
                tour[["lat", "lon"]].astype(float).values.tolist(),
                color=stop_color,
                weight=1.5,
                opacity=0.6,
                dash_array="4 4",
            ).add_to(m)
    for row in placed.itertuples(index=False):
        marker = folium.Marker(
            [float(row.lat), float(row.lon)],
            icon=folium.DivIcon(
                html=f'<div class="obs-stop" style="{STOP_STYLE.format(color=stop_color)}">'
                f"{int(row.stop)}</div>",
                icon_size=(24, 24),
                icon_anchor=(12, 12),
            ),
            tooltip=html.escape(
                texts.TOUR_TOOLTIP.format(stop=int(row.stop), commune=row.commune or "?")
            ),
        ).add_to(m)
        PlainPopup(popup_html(row, row.shown_visitors)).add_to(marker)
    if not placed.empty:
        fit(
            m,
            [
                [float(placed["lat"].min()), float(placed["lon"].min())],
                [float(placed["lat"].max()), float(placed["lon"].max())],
            ],
            padding=(16, 16),
        )
    return m
