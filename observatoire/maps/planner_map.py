"""The tour planner's small map: territory outlines, uncovered communes, numbered stops.

Offline like every map of the app: Leaflet comes from the app's static folder (no CDN, no tiles
unless configured) and the stop numbers are plain HTML (``DivIcon``), no icon font.
"""

from __future__ import annotations

import html
import json

import folium
import pandas as pd

from observatoire import db, formats
from observatoire.coverage.planner import Plan
from observatoire.maps.assets import LEAFLET_URL
from observatoire.maps.base import blank_map, fit
from observatoire.texts import coverage as texts

# The stop's number is a small tag beside its point, not a disc over it: the radius circle
# around the point stays visible whatever the zoom.
STOP_LABEL_STYLE = (
    "display:inline-block;min-width:16px;height:16px;padding:0 3px;box-sizing:border-box;"
    "border-radius:8px;background:#fff;color:{color};border:2px solid {color};"
    "font:700 11px/12px sans-serif;text-align:center;white-space:nowrap"
)
LABEL_SIZE = (22, 16)
LABEL_ANCHOR = (-5, 20)  # the tag's top-left lies 5 px right of and 20 px above the point


def outlines(con, departments: list[str]) -> list[dict]:
    """GeoJSON features of the territory's departments."""
    shapes = db.frame(con, "map_department_shapes", departments=list(departments))
    return [
        {
            "type": "Feature",
            "geometry": json.loads(shape),
            "properties": {"name": f"{name} ({code})"},
        }
        for code, name, shape in shapes.itertuples(index=False)
    ]


def stop_points(result: Plan, communes: pd.DataFrame) -> pd.DataFrame:
    """The stops with their commune's reference point (rank, code, name, population, lon, lat)."""
    stops = pd.DataFrame(
        [vars(s) for s in result.stops], columns=["rank", "code", "name", "population"]
    )
    points = communes.set_index("code")[["lon", "lat"]]
    return stops.join(points, on="code")


def planner_map(
    result: Plan,
    communes: pd.DataFrame,
    features: list[dict],
    *,
    stop_color: str,
    uncovered_color: str,
    outline: str,
    background: str,
    tiles=None,
    assets_url: str = LEAFLET_URL,
) -> folium.Map:
    """The folium map of a plan: outlines, uncovered communes (grey dots), stops and their radius."""
    m = blank_map(assets_url, attribution=tiles is not None, background=background, tiles=tiles)
    if features:
        folium.GeoJson(
            {"type": "FeatureCollection", "features": features},
            style_function=lambda _: {"color": outline, "weight": 1, "fillOpacity": 0},
            tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        ).add_to(m)
    open_ = communes[communes["uncovered"].astype(bool)]
    if not open_.empty:
        state = texts.SCORE_BASIS_FR[result.basis]["commune"]
        # One GeoJSON layer of points, not a marker each: thousands of uncovered communes
        # would otherwise cost a template render apiece on every new session (seconds).
        points = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(row.lon), float(row.lat)]},
                "properties": {
                    "label": html.escape(
                        texts.MAP_UNCOVERED_TOOLTIP.format(
                            name=row.name,
                            code=row.code,
                            population=formats.number(row.population),
                            state=state,
                        )
                    )
                },
            }
            for row in open_.itertuples(index=False)
        ]
        folium.GeoJson(
            {"type": "FeatureCollection", "features": points},
            name="uncovered",
            marker=folium.CircleMarker(radius=3, weight=1, fill=True),
            style_function=lambda _: {
                "color": uncovered_color,
                "fillColor": uncovered_color,
                "fillOpacity": 0.8,
                "weight": 1,
            },
            tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        ).add_to(m)
    stops = stop_points(result, communes)
    # Circles first, then the points and number tags above them.
    for row in stops.itertuples(index=False):
        folium.Circle(
            [row.lat, row.lon],
            radius=result.radius_km * 1000,
            color=stop_color,
            weight=2,
            opacity=0.9,
            fill=True,
            fill_opacity=0.12,
            class_name="obs-stop-radius",
        ).add_to(m)
    for row in stops.itertuples(index=False):
        tooltip = html.escape(
            texts.MAP_STOP_TOOLTIP.format(
                rank=row.rank,
                name=row.name,
                code=row.code,
                population=formats.number(row.population),
            )
        )
        folium.CircleMarker(
            [row.lat, row.lon],
            radius=4,
            color="#fff",
            weight=1.5,
            fill=True,
            fill_color=stop_color,
            fill_opacity=1,
            tooltip=tooltip,
        ).add_to(m)
        folium.Marker(
            [row.lat, row.lon],
            icon=folium.DivIcon(
                html=f'<div style="{STOP_LABEL_STYLE.format(color=stop_color)}">{row.rank}</div>',
                icon_size=LABEL_SIZE,
                icon_anchor=LABEL_ANCHOR,
                class_name="obs-stop",
            ),
            tooltip=tooltip,
        ).add_to(m)
    bounds = _bounds(communes)
    if bounds:
        fit(m, bounds, padding=(8, 8))
    return m


def _bounds(communes: pd.DataFrame):
    """South-west and north-east corners of the territory's reference points."""
    if communes.empty:
        return None
    return [
        [float(communes["lat"].min()), float(communes["lon"].min())],
        [float(communes["lat"].max()), float(communes["lon"].max())],
    ]
