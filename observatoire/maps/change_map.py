"""The "then and now" map: the territory's outlines, communes gained (green) and lost (red).

Offline like every map of the app (Leaflet from the app's static folder, no tiles by default).
"""

from __future__ import annotations

import folium
import pandas as pd

from observatoire import formats
from observatoire.maps.assets import LEAFLET_URL
from observatoire.maps.base import blank_map, fit
from observatoire.maps.legend import LEGEND_CSS, Legend, MetricScale
from observatoire.texts import maps as texts

STATUS_COLORS = {"gained": "#1A9850", "lost": "#B2182B"}


def change_points(table: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """Gained and lost territories with their reference point (``points``: code, lon, lat)."""
    moved = table[table["status"].isin(tuple(STATUS_COLORS))]
    return moved.merge(points[["code", "lon", "lat"]], on="code", how="inner")


def change_map(
    moved: pd.DataFrame,
    features: list[dict],
    *,
    outline: str,
    background: str,
    assets_url: str = LEAFLET_URL,
) -> folium.Map:
    """Department outlines, one dot per commune gained or lost (tooltip: name, population)."""
    m = blank_map(assets_url)
    m.get_root().header.add_child(folium.Element(LEGEND_CSS.format(background=background)))
    if features:
        outlines = folium.GeoJson(
            {"type": "FeatureCollection", "features": features},
            style_function=lambda _: {"color": outline, "weight": 1, "fillOpacity": 0},
            tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        ).add_to(m)
        fit(m, outlines.get_bounds(), padding_bottom_right=(230, 8))
    for status, color in STATUS_COLORS.items():
        group = folium.FeatureGroup(name=texts.CHANGE_LAYERS[status])
        for row in moved[moved["status"] == status].itertuples(index=False):
            folium.CircleMarker(
                [row.lat, row.lon],
                radius=5 if status == "lost" else 4,
                color=color,
                weight=2,
                fill=status == "gained",
                fill_opacity=0.85,
                tooltip=texts.CHANGE_TOOLTIP.format(
                    name=row.name,
                    code=row.code,
                    population=formats.number(row.population),
                    status=texts.CHANGE_LAYERS[status],
                ),
            ).add_to(group)
        group.add_to(m)
    Legend(
        texts.CHANGE_LEGEND_TITLE,
        [(color, texts.CHANGE_LAYERS[status]) for status, color in STATUS_COLORS.items()],
        texts.CHANGE_LEGEND_NOTE,
    ).add_to(m)
    MetricScale().add_to(m)
    return m
