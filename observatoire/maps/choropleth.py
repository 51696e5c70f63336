"""The departments choropleth of a region: data, classes, and the folium map."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import duckdb
import folium
import pandas as pd
from branca.element import Element

from observatoire.config import Tiles
from observatoire.db import frame
from observatoire.maps.assets import LEAFLET_URL, leaflet_css, leaflet_js
from observatoire.maps.classify import Classes, classify
from observatoire.maps.indicators import INDICATORS, department_indicators
from observatoire.maps.legend import LEGEND_CSS, Legend, MetricScale
from observatoire.texts import maps as texts


@dataclass(frozen=True)
class Choropleth:
    """A classified department layer, ready to draw or to show as a table."""

    indicator_id: str
    table: pd.DataFrame  # code, name, the indicator columns, value, label, class
    features: dict  # GeoJSON FeatureCollection
    classes: Classes
    bounds: list[list[float]]  # [[south, west], [north, east]]


def _points(coordinates) -> Iterator[tuple[float, float]]:
    """Every (lon, lat) pair of nested GeoJSON coordinates."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates[0], coordinates[1]
        return
    for part in coordinates:
        yield from _points(part)


def _bounds(geometries: list[dict]) -> list[list[float]]:
    """Leaflet bounds of a list of GeoJSON geometries."""
    lons, lats = zip(*(p for g in geometries for p in _points(g["coordinates"])), strict=True)
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def class_colors(classes: Classes, palette: Sequence[str]) -> list[str]:
    """One colour per class, spread over the palette when there are fewer classes than colours."""
    if classes.k == 1:
        return [palette[len(palette) // 2]]
    last = len(palette) - 1
    return [palette[round(i * last / (classes.k - 1))] for i in range(classes.k)]


def department_choropleth(
    con: duckdb.DuckDBPyConnection, region: str | None, indicator_id: str, method: str = "jenks"
) -> Choropleth:
    """Classify one indicator over the departments of a region (``None``: all of France)."""
    indicator = INDICATORS[indicator_id]
    table = department_indicators(con, region)
    table["value"] = table[indicator.column].astype(float)
    table["label"] = table["value"].map(indicator.format)
    classes = classify(table["value"].tolist(), method=method)
    table["class"] = [classes.index(v) for v in table["value"]]
    shapes = frame(con, "department_shapes", region=region)
    props = table.set_index("code")
    features = []
    for code, name, shape in shapes.itertuples(index=False):
        geometry = json.loads(shape)
        row = props.loc[code]
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "code": code,
                    "name": f"{name} ({code})",
                    "label": row["label"],
                    "class": None if pd.isna(row["class"]) else int(row["class"]),
                },
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    bounds = _bounds([f["geometry"] for f in features])
    return Choropleth(indicator_id, table, collection, classes, bounds)


def legend_rows(choropleth: Choropleth, palette: Sequence[str]) -> list[tuple[str, str]]:
    """(colour, French range label) per class."""
    indicator = INDICATORS[choropleth.indicator_id]
    rows = []
    for color, (low, high) in zip(
        class_colors(choropleth.classes, palette), choropleth.classes.ranges, strict=True
    ):
        label = (
            indicator.format(low)
            if low == high
            else texts.RANGE.format(low=indicator.format(low), high=indicator.format(high))
        )
        rows.append((color, label))
    return rows


def method_note(classes: Classes) -> str:
    """The French sentence explaining how the classes were made."""
    method = texts.METHODS[classes.method].format(k=classes.k)
    return texts.LEGEND_METHOD.format(method=method)


def department_map(
    choropleth: Choropleth,
    palette: Sequence[str],
    *,
    no_data: str,
    background: str,
    outline: str,
    highlight: str,
    tiles: Tiles | None = None,
    assets_url: str = LEAFLET_URL,
) -> folium.Map:
    """The folium map of a choropleth, loading Leaflet from the app only (no CDN)."""
    (south, west), (north, east) = choropleth.bounds
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=7,
        tiles=None,
        attribution_control=tiles is not None,
        # Fractional zoom lets a region fill the frame instead of the next smaller power of two.
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    # Instance attributes: folium's class defaults pull Leaflet, jQuery, Bootstrap and Font
    # Awesome from CDNs, which leaves the map blank offline.
    m.default_js = leaflet_js(assets_url)
    m.default_css = leaflet_css(assets_url)
    m.get_root().header.add_child(Element(LEGEND_CSS.format(background=background)))
    if tiles is not None:
        folium.TileLayer(
            tiles=tiles.url, attr=tiles.attribution or texts.TILES_ATTRIBUTION, name="fond"
        ).add_to(m)
    colors = class_colors(choropleth.classes, palette)
    indicator = INDICATORS[choropleth.indicator_id]

    def style(feature: dict) -> dict:
        klass = feature["properties"]["class"]
        return {
            "fillColor": no_data if klass is None else colors[klass],
            "fillOpacity": 0.85,
            "color": outline,
            "weight": 1,
        }

    folium.GeoJson(
        choropleth.features,
        name=indicator.label,
        style_function=style,
        highlight_function=lambda _: {"color": highlight, "weight": 3},
        zoom_on_click=False,
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "label"],
            aliases=[texts.DEPARTMENT, indicator.label],
            sticky=True,
        ),
    ).add_to(m)
    Legend(
        indicator.label, legend_rows(choropleth, palette), method_note(choropleth.classes)
    ).add_to(m)
    MetricScale().add_to(m)
    m.fit_bounds(choropleth.bounds, padding=(12, 12))
    return m


def map_html(m: folium.Map) -> str:
    """The complete standalone HTML page of a map (what a browser would load)."""
    return m.get_root().render()
