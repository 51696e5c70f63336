"""The coverage map of a workspace territory: a view (data) and its folium map (HTML).

Two scales: the territory (a departments choropleth, points aggregated per commune, or per
department on a large territory) and one department (a communes choropleth, actors one by one).
A view holds plain data only, so a page can cache it; ``coverage_map`` turns it into a map.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import folium
import pandas as pd
from branca.element import Element
from folium.utilities import JsCode

from observatoire import db, formats
from observatoire.config import Tiles
from observatoire.maps.assets import LEAFLET_URL
from observatoire.maps.base import blank_map, fit
from observatoire.maps.classify import Classes, class_colors, classify
from observatoire.maps.figures import (
    INDICATORS,
    CoverageModel,
    Masked,
    actor_label,
    commune_rows,
    department_table,
    indicator_values,
    mask_counts,
)
from observatoire.maps.layers import PointLayer, SubsetLayer
from observatoire.maps.legend import LEGEND_CSS, Legend, MetricScale
from observatoire.privacy import roles
from observatoire.privacy.suppression import is_small, public_label, published, resolve_k
from observatoire.texts import maps as texts

# Above this many communes, territory-scale point layers are aggregated per department: a
# national workspace would otherwise exceed the 1.5 MB budget of the default view.
DETAIL_LIMIT = 6_000
DEFAULT_BUDGET = 1_500_000
DEPARTMENT_BUDGET = 3_000_000

# Okabe & Ito colours (colour-blind safe), one per actor circle, then "unknown".
CIRCLE_COLORS = ("#0072B2", "#E69F00", "#009E73", "#999999")
LAYER_COLORS = {
    "actions": "#D55E00",
    "sessions": "#CC79A7",
    "reached": "#1A9850",
    "not_reached": "#B2182B",
    "qpv": "#1A9850",
    "qpv_not": "#000000",
    "rural": "#8C510A",
    "frr": "#7B3294",
}
# Layer order in the control and the legend.
LAYER_ORDER = (
    "actors",
    "actions",
    "sessions",
    "reached",
    "not_reached",
    "qpv",
    "qpv_not",
    "rural",
    "frr",
)
# Hollow rings: a flag on a commune (rural, not reached) must not read like a count of actions.
RINGS = {"rural", "not_reached"}
# The legend and the layer control sit on the right: the territory is fitted beside them.
CONTROLS_WIDTH_PX = 270
# Fill colour by class and a highlighted outline under the pointer (doubled braces: str.format).
SHADE_JS = """function (feature, layer) {{
    var k = feature.properties["class"], colors = {colors};
    layer.setStyle({{fillColor: (k === null || k === undefined) ? {no_data} : colors[k]}});
    layer.on({{
        mouseover: function (e) {{ e.target.setStyle({{color: {highlight}, weight: 3}}); }},
        mouseout: function (e) {{ e.target.setStyle({{color: {outline}, weight: {weight}}}); }}
    }});
}}"""
# Layers shown when the map opens; the others wait in the layer control.
SHOWN = {"actors"}
DIGITS = 4  # ~10 m: finer than any reference point
AREA_CLASS = "obs-area"  # CSS class of the choropleth's shapes (tests find them by it)


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


@dataclass
class MapView:
    """Everything one map shows, as plain data (no folium objects)."""

    scale: str  # "territory" or "department"
    indicator_id: str
    department: str | None
    table: pd.DataFrame  # the rows of the choropleth with value, label, class
    classes: Classes
    features: dict  # GeoJSON FeatureCollection of the choropleth
    bounds: list[list[float]]
    points: dict[str, dict] = field(default_factory=dict)  # layer -> PointLayer arguments
    qpv: dict | None = None  # layer -> GeoJSON FeatureCollection of QPV outlines (as shapes)
    subsets: dict[str, str] = field(default_factory=dict)  # layer -> feature property
    masked: bool = False  # some values hidden by small-count suppression
    counts: Masked | None = None  # the table's counts as the role sees them: tables, panel


def _round(x: float) -> float:
    return round(float(x), DIGITS)


def _radius(count: int, role, k: int) -> float:
    """Marker radius in pixels: grows with the square root of the count as shown (hidden: k)."""
    exact = not roles.suppresses_small_counts(role)
    n = published(count, k, exact)
    n = k if n is None else n
    return round(min(3 + 1.6 * math.sqrt(max(n, 1)), 16), 1)


def _count(count: int, role) -> str:
    """A count as the role sees it (the same label as in the tables)."""
    return public_label(count, enabled=roles.suppresses_small_counts(role))


def _text(value) -> str:
    """Text made safe for popup HTML *and* for branca, which parses every rendered script as a
    Jinja template again: an imported name such as ``{{ ... }}`` would run on the server."""
    return html.escape(str(value)).replace("{", "&#123;").replace("}", "&#125;")


def _present(value) -> str | None:
    """A value worth a popup line: None for None, NaN, pandas' NA and blank text."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _popup(title: str, lines: Sequence[str]) -> str:
    """Escaped popup HTML: a bold title and lines."""
    body = "".join(f"<br>{_text(line)}" for line in lines)
    return f"<b>{_text(title)}</b>{body}"


def _classified(table: pd.DataFrame, indicator_id: str, masked) -> tuple[pd.DataFrame, Classes]:
    """The table with value, label and class columns for one indicator."""
    indicator = INDICATORS[indicator_id]
    values, labels = indicator_values(table, indicator, masked)
    out = table.copy()
    out["value"], out["label"] = values.to_numpy(), labels.to_numpy()
    classes = classify(out["value"].tolist())
    out["class"] = [classes.index(v) for v in out["value"]]
    return out, classes


def _feature(code: str, name: str, shape: str, row, extra: dict | None = None) -> dict:
    klass = row["class"]
    props = {
        "code": code,
        "name": f"{name} ({code})",
        "label": row["label"],
        "class": None if klass is None or pd.isna(klass) else int(klass),
    }
    props.update(extra or {})
    return {"type": "Feature", "geometry": json.loads(shape), "properties": props}


def _grouped_points(
    frame: pd.DataFrame,
    key: str,
    names: dict[str, str],
    column: str,
    template: str,
    role,
    color: int,
) -> list[list]:
    """One marker per group of ``frame`` (points at the groups' mean position) with a count popup."""
    k = resolve_k()
    g = (
        frame[frame[column] > 0]
        .groupby(key, sort=True)
        .agg(lat=("lat", "mean"), lon=("lon", "mean"), n=(column, "sum"))
    )
    rows = []
    for code, lat, lon, n in g.itertuples():
        popup = _popup(
            f"{names.get(code, code)} ({code})", [template.format(count=_count(n, role))]
        )
        rows.append([_round(lat), _round(lon), _radius(int(n), role, k), color, popup])
    rows.sort(key=lambda r: -r[2])  # big first, so small markers stay clickable on top
    return rows


def _commune_points(communes: pd.DataFrame, column: str, template: str, role, color: int):
    """One marker per commune with a non-zero count."""
    names = dict(zip(communes["code"], communes["name"], strict=True))
    frame = communes[["code", "lat", "lon", column]]
    return _grouped_points(frame, "code", names, column, template, role, color)


def _circle_index(circle) -> int:
    return 3 if circle is None or pd.isna(circle) else int(circle) - 1


def _actor_groups(actors: pd.DataFrame, key: str, names: dict[str, str], role) -> list[list]:
    """Actors aggregated per (``key``, circle): one marker each, coloured by circle.

    For the public, a place with 1 to k−1 such actors gets one marker without circles: its
    split by circle would be the breakdown of a small total.
    """
    k = resolve_k()
    a = actors.assign(_circle=actors["circle"].fillna(4).astype(int) - 1)
    if roles.suppresses_small_counts(role):
        small = a.groupby(key)[key].transform("size").map(lambda n: is_small(n, k))
        a.loc[small.to_numpy(), "_circle"] = -1
    g = a.groupby([key, "_circle"], sort=True).agg(
        lat=("lat", "mean"), lon=("lon", "mean"), n=("lat", "size")
    )
    rows = []
    for (code, circle), lat, lon, n in g.itertuples():
        count = texts.ACTORS_COUNT.format(count=_count(n, role))
        if circle >= 0:
            name = texts.CIRCLE.format(circle=circle + 1) if circle < 3 else texts.CIRCLE_UNKNOWN
            count = f"{name} : {count}"
        popup = _popup(f"{names.get(code, code)} ({code})", [count])
        color = int(circle) if circle >= 0 else 3
        rows.append([_round(lat), _round(lon), _radius(int(n), role, k), color, popup])
    rows.sort(key=lambda r: -r[2])
    return rows


def _actor_points(actors: pd.DataFrame, role) -> list[list]:
    """One marker per actor: name (when the role may see it), type, circle, contacts."""
    contacts = roles.can_see_contacts(role)
    rows = []
    for actor in actors.to_dict("records"):
        circle = _circle_index(actor["circle"])
        lines = [
            _present(actor.get("structure_type")) or texts.STRUCTURE_UNKNOWN,
            texts.CIRCLE.format(circle=circle + 1) if circle < 3 else texts.CIRCLE_UNKNOWN,
        ]
        if contacts:
            for label, key in ((texts.EMAIL, "email"), (texts.PHONE, "phone")):
                value = _present(actor.get(key))
                if value is not None:
                    lines.append(f"{label} : {value}")
        popup = _popup(actor_label(actor, role), lines)
        rows.append([_round(actor["lat"]), _round(actor["lon"]), 5, circle, popup])
    return rows


def _dots(communes: pd.DataFrame, flag: pd.Series) -> list[list]:
    """Small non-interactive dots at the reference points of the flagged communes."""
    c = communes[flag.to_numpy()]
    return [
        [_round(lat), _round(lon), 2.5, 0, None]
        for lat, lon in zip(c["lat"], c["lon"], strict=True)
    ]


def _qpv_features(q: pd.DataFrame, reached: bool | None = None, codes=frozenset()) -> dict:
    """QPV outlines (only those reached, or not reached, by the period when ``reached`` is set)."""
    if reached is not None:
        q = q[q["code"].isin(codes) == reached]
    features = [
        {
            "type": "Feature",
            "geometry": json.loads(r["shape"]),
            "properties": {
                "name": f"{r['name']} ({r['code']})",
                "population": texts.QPV_POPULATION.format(
                    population=formats.number(r["population"])
                ),
                "reached": texts.QPV_REACHED[r["code"] in codes],
            },
        }
        for r in q.to_dict("records")
    ]
    return {"type": "FeatureCollection", "features": features}


def _qpv_outlines(q: pd.DataFrame, reached_codes) -> dict:
    """The reached and the not reached QPV as two outline layers."""
    return {
        "qpv": _qpv_features(q, True, reached_codes),
        "qpv_not": _qpv_features(q, False, reached_codes),
    }


def _map_view(
    scale: str,
    indicator_id: str,
    department: str | None,
    table: pd.DataFrame,
    classes: Classes,
    features: list[dict],
    masked: Masked,
    **layers,
) -> MapView:
    """The view of these choropleth shapes, framed on them, with its layers and masked counts."""
    return MapView(
        scale=scale,
        indicator_id=indicator_id,
        department=department,
        table=table,
        classes=classes,
        features={"type": "FeatureCollection", "features": features},
        bounds=_bounds([f["geometry"] for f in features]),
        masked=bool(masked.mask.to_numpy().any()),
        counts=masked,
        **layers,
    )


def territory_view(con, model: CoverageModel, indicator_id: str, role) -> MapView:
    """The departments of the territory, with point layers per commune (per department if large)."""
    table = department_table(model)
    masked = mask_counts(table, role)
    table, classes = _classified(table, indicator_id, masked)
    shapes = db.frame(con, "map_department_shapes", departments=model.departments)
    rows = table.set_index("code")
    features = [
        _feature(code, name, shape, rows.loc[code])
        for code, name, shape in shapes.itertuples(index=False)
        if code in rows.index
    ]
    communes = model.communes
    actors = model.actors[model.actors["commune_code"].isin(communes.index)]
    detailed = len(communes) <= DETAIL_LIMIT
    names = model.department_names
    points: dict[str, dict] = {}
    if detailed:
        commune_names = dict(zip(communes["code"], communes["name"], strict=True))
        points["actors"] = {"points": _actor_groups(actors, "commune_code", commune_names, role)}
        for layer, column, template in (
            ("actions", "actions_12m", texts.ACTIONS_COUNT),
            ("sessions", "sessions_12m", texts.SESSIONS_COUNT),
        ):
            points[layer] = {"points": _commune_points(communes, column, template, role, 0)}
        for layer, flag in (
            ("reached", communes["reached"]),
            ("not_reached", ~communes["reached"].astype(bool)),
            ("rural", communes["rural"]),
            ("frr", communes["frr_class"] != "Non classée"),
        ):
            points[layer] = {"points": _dots(communes, flag), "canvas": True}
    else:
        points["actors"] = {"points": _actor_groups(actors, "department_code", names, role)}
        c = communes.assign(
            _reached=communes["reached"].astype(int),
            _not_reached=(~communes["reached"].astype(bool)).astype(int),
            _rural=communes["rural"].astype(int),
            _frr=(communes["frr_class"] != "Non classée").astype(int),
        )
        for layer, column, template in (
            ("actions", "actions_12m", texts.ACTIONS_COUNT),
            ("sessions", "sessions_12m", texts.SESSIONS_COUNT),
            ("reached", "_reached", texts.REACHED_COMMUNES_COUNT),
            ("not_reached", "_not_reached", texts.NOT_REACHED_COMMUNES_COUNT),
            ("rural", "_rural", texts.RURAL_COMMUNES_COUNT),
            ("frr", "_frr", texts.FRR_COMMUNES_COUNT),
        ):
            points[layer] = {
                "points": _grouped_points(c, "department_code", names, column, template, role, 0)
            }
    q = db.frame(con, "map_qpv", departments=model.departments)
    qpv = None
    if detailed:
        qpv = _qpv_outlines(q, model.qpv_reached)
    else:
        for layer, reached in (("qpv", True), ("qpv_not", False)):
            rows = q.dropna(subset=["lat", "lon"])
            rows = rows[rows["code"].isin(model.qpv_reached) == reached]
            points[layer] = {
                "points": [
                    [
                        _round(r["lat"]),
                        _round(r["lon"]),
                        4,
                        0,
                        _popup(f"{r['name']} ({r['code']})", []),
                    ]
                    for r in rows.to_dict("records")
                ]
            }
    return _map_view(
        "territory", indicator_id, None, table, classes, features, masked, points=points, qpv=qpv
    )


def department_view(con, model: CoverageModel, department: str, indicator_id: str, role) -> MapView:
    """The communes of one department, actors one by one, QPV, rural and FRR outlines."""
    table = commune_rows(model, department)
    masked = mask_counts(table, role, extra=("actors_within_radius",))
    table, classes = _classified(table, indicator_id, masked)
    shapes = db.frame(con, "map_commune_shapes", department=department)
    rows = table.set_index("code")
    features = []
    for code, shape in shapes.itertuples(index=False):
        if code not in rows.index:
            continue
        row = rows.loc[code]
        extra = {
            "rural": bool(row["rural"]),
            "frr": row["frr_class"] != "Non classée",
            "reached": bool(row["reached"]),
            "not_reached": not bool(row["reached"]),
        }
        features.append(_feature(code, row["name"], shape, row, extra))
    actors = model.actors[model.actors["commune_code"].isin(rows.index)]
    if roles.suppresses_small_counts(role):
        # The public sees named organisations (circles 1, 2) one by one, the others as counts.
        named = actors["circle"].isin([1, 2])
        commune_names = dict(zip(table["code"], table["name"], strict=True))
        actor_points = _actor_points(actors[named], role) + _actor_groups(
            actors[~named], "commune_code", commune_names, role
        )
    else:
        actor_points = _actor_points(actors, role)
    points = {
        "actors": {"points": actor_points},
        "actions": {"points": _commune_points(table, "actions_12m", texts.ACTIONS_COUNT, role, 0)},
        "sessions": {
            "points": _commune_points(table, "sessions_12m", texts.SESSIONS_COUNT, role, 0)
        },
    }
    q = db.frame(con, "map_qpv", departments=[department])
    return _map_view(
        "department",
        indicator_id,
        department,
        table,
        classes,
        features,
        masked,
        points=points,
        qpv=_qpv_outlines(q, model.qpv_reached),
        subsets={
            "reached": "reached",
            "not_reached": "not_reached",
            "rural": "rural",
            "frr": "frr",
        },
    )


@dataclass(frozen=True)
class MapStyle:
    """Colours and assets of the map (the UI passes its theme)."""

    palette: Sequence[str]
    no_data: str
    background: str
    outline: str
    highlight: str
    tiles: Tiles | None = None
    assets_url: str = LEAFLET_URL


def legend_rows(view: MapView, palette: Sequence[str], no_data: str) -> list[tuple[str, str]]:
    """(colour, French label) per class, then the hidden or missing values when there are some."""
    indicator = INDICATORS[view.indicator_id]
    colors = class_colors(view.classes, palette)

    def labels(decimals: int | None) -> list[str]:
        return [
            indicator.format(low, decimals)
            if low == high
            else texts.RANGE.format(
                low=indicator.format(low, decimals), high=indicator.format(high, decimals)
            )
            for low, high in view.classes.ranges
        ]

    shown = labels(None)
    # Neighbouring classes must not read alike ("0,05" twice): add decimals until they differ.
    finer = {"rate": (3, 4), "share": (2, 3)}.get(indicator.kind, ())
    for decimals in finer:
        if len(set(shown)) == len(shown):
            break
        shown = labels(decimals)
    rows = list(zip(colors, shown, strict=True))
    if view.table["class"].isna().any():
        rows.append((no_data, texts.MASKED if view.masked else texts.NO_DATA))
    return rows


def marker_rows() -> list[tuple[str, str]]:
    """(colour, French label) of every layer: actors by circle, then each other layer."""
    circles = [texts.CIRCLE.format(circle=c) for c in (1, 2, 3)] + [texts.CIRCLE_SHORT_UNKNOWN]
    rows = list(zip(CIRCLE_COLORS, circles, strict=True))
    rows += [(LAYER_COLORS[layer], texts.MARKERS[layer]) for layer in LAYER_ORDER[1:]]
    return rows


# How each layer is drawn, as a swatch in the layer control (which is the layers' legend).
SWATCH_SHAPES = {
    "actions": "dot",
    "sessions": "dot",
    "reached": "dot",
    "not_reached": "ring",
    "qpv": "line",
    "qpv_not": "dashed",
    "rural": "ring",
    "frr": "dashed",
}


def layer_label(layer: str, scale: str = "territory") -> str:
    """The layer control's HTML label: swatches drawn like the layer, then its French name."""
    name = html.escape(texts.LAYERS[layer])
    if layer == "actors":
        swatches = "".join(
            f'<i class="obs-sw obs-dot" style="background:{color}" title="{html.escape(title)}">'
            f"</i>"
            for color, title in marker_rows()[:4]
        )
        return f'<span class="obs-sws">{swatches}</span>{name} <small>{html.escape(texts.ACTORS_SWATCH_NOTE)}</small>'
    shape = SWATCH_SHAPES[layer]
    if scale == "department" and layer in ("reached", "not_reached", "rural"):
        shape = "line" if layer in ("reached", "rural") else "dashed"
    color = LAYER_COLORS[layer]
    style = f"background:{color}" if shape == "dot" else f"border-color:{color}"
    return f'<i class="obs-sw obs-{shape}" style="{style}"></i>{name}'


def method_note(classes: Classes) -> str:
    """The French sentence explaining how the classes were made."""
    method = texts.METHODS[classes.method].format(k=classes.k)
    return texts.LEGEND_METHOD.format(method=method)


def coverage_map(view: MapView, style: MapStyle) -> folium.Map:
    """The folium map of a view: choropleth, toggled layers, legend; Leaflet from the app only."""
    (south, west), (north, east) = view.bounds
    m = blank_map(
        style.assets_url,
        attribution=style.tiles is not None,
        location=[(south + north) / 2, (west + east) / 2],
    )
    m.get_root().header.add_child(Element(LEGEND_CSS.format(background=style.background)))
    if style.tiles is not None:
        folium.TileLayer(
            tiles=style.tiles.url,
            attr=style.tiles.attribution or texts.TILES_ATTRIBUTION,
            name="fond",
            control=False,
        ).add_to(m)
    colors = class_colors(view.classes, style.palette)
    indicator = INDICATORS[view.indicator_id]

    weight = 1 if view.scale == "territory" else 0.5
    area = texts.DEPARTMENT if view.scale == "territory" else texts.COMMUNE
    # Styles are computed in the browser from each feature's class: folium's style_function
    # would write a JavaScript switch over every feature (hundreds of KB for a department).
    shapes = folium.GeoJson(
        view.features,
        name=indicator.label,
        zoom_on_click=False,
        control=False,
        on_each_feature=JsCode(
            SHADE_JS.format(
                colors=json.dumps(colors),
                no_data=json.dumps(style.no_data),
                outline=json.dumps(style.outline),
                highlight=json.dumps(style.highlight),
                weight=weight,
            )
        ),
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "label"], aliases=[area, indicator.label], sticky=True
        ),
        class_name=AREA_CLASS,
        color=style.outline,
        weight=weight,
        fill_opacity=0.75,
    ).add_to(m)
    for layer in LAYER_ORDER:
        group = folium.FeatureGroup(name=layer_label(layer, view.scale), show=layer in SHOWN)
        if layer in view.points:
            spec = view.points[layer]
            canvas = spec.get("canvas", False)
            layer_colors = list(CIRCLE_COLORS) if layer == "actors" else [LAYER_COLORS[layer]]
            ring = layer in RINGS
            PointLayer(
                spec["points"],
                layer_colors,
                line=LAYER_COLORS[layer] if canvas or ring else "#333333",
                weight=1.5 if ring else (0 if canvas else 1),
                fill=0 if ring else (0.9 if canvas else 0.8),
                canvas=canvas,
            ).add_to(group)
        elif view.qpv is not None and view.qpv.get(layer, {}).get("features"):
            folium.GeoJson(
                view.qpv[layer],
                tooltip=folium.GeoJsonTooltip(
                    fields=["name", "population", "reached"], labels=False
                ),
                zoom_on_click=False,
                color=LAYER_COLORS[layer],
                weight=2 if layer == "qpv" else 1.5,
                fill_opacity=0,
                dash_array=None if layer == "qpv" else "4 3",
            ).add_to(group)
        elif layer in view.subsets:
            SubsetLayer(
                shapes,
                view.subsets[layer],
                {
                    "color": LAYER_COLORS[layer],
                    "weight": 2.5 if layer in ("rural", "reached") else 2,
                    "fill": False,
                    "dashArray": None if layer in ("rural", "reached") else "5 4",
                },
            ).add_to(group)
        else:
            continue
        group.add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    Legend(
        indicator.label,
        legend_rows(view, style.palette, style.no_data),
        method_note(view.classes),
    ).add_to(m)
    MetricScale().add_to(m)
    fit(m, view.bounds, padding_top_left=(12, 12), padding_bottom_right=(CONTROLS_WIDTH_PX, 12))
    stable_ids(m)
    return m


def stable_ids(m: folium.Map) -> None:
    """Number the elements in tree order instead of folium's random ids.

    The same view then gives the same HTML on every script run, so the map component is not
    redrawn (nor its zoom reset) when the page reruns for something else, such as a panel.
    """
    counter = 0
    stack = [m.get_root()]
    while stack:
        element = stack.pop(0)
        element._id = f"{counter:08x}"
        counter += 1
        stack.extend(element._children.values())


def map_html(m: folium.Map) -> str:
    """The complete standalone HTML page of a map (what a browser would load)."""
    return m.get_root().render()
