"""One masked result per public map view: tables, popups and panels show a figure the same way.

On both demos, every commune's counts are read wherever the public map shows them: the
department's communes table, the commune panel (from the view and alone), and the popups of the
actions and sessions layers at both scales. A figure hidden in one place must be hidden in
every place that shows it; in fact every place must show the very same label.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict

import pytest

from observatoire.maps.coverage_map import department_view, territory_view
from observatoire.maps.figures import load_model, panel_rows, radius_label
from observatoire.paths import data_dir
from observatoire.privacy import Viewer
from observatoire.texts import maps as map_texts
from observatoire.ui.mapview import commune_frame, department_frame
from observatoire.workspace import connect

DEMOS = ["demo-hauts-de-france", "demo-occitanie"]
SMALL = "<\u00a05"
POPUP = re.compile(r"\(([0-9AB]{5})\)\n(.+) (action|session)\(s\)")
LAYERS = {"actions": "actions_12m", "sessions": "sessions_12m"}


def popup_labels(view, places: dict) -> None:
    """Record the count label of each commune popup of the actions and sessions layers."""
    for layer, figure in LAYERS.items():
        for point in view.points.get(layer, {}).get("points", []):
            text = html.unescape(
                point[4].replace("<br>", "\n").replace("<b>", "").replace("</b>", "")
            )
            for code, label, _kind in POPUP.findall(text):
                places[(code, figure)][f"popup {view.scale}"] = label


@pytest.mark.parametrize("demo", DEMOS)
def test_a_commune_figure_reads_the_same_everywhere_on_the_public_map(demo, reference_path):
    con = connect(data_dir() / f"{demo}.duckdb", read_only=True)
    try:
        model = load_model(con)
        places: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        territory = territory_view(con, model, "acteurs", "public")
        popup_labels(territory, places)
        radius = radius_label(model.radius_km)
        panel_figures = {
            map_texts.PANEL["actions_12m"]: "actions_12m",
            map_texts.PANEL["actors_within_radius"].format(radius=radius): "actors_within_radius",
        }
        columns = {
            map_texts.COLUMNS["actions_12m"]: "actions_12m",
            map_texts.COLUMNS["sessions_12m"]: "sessions_12m",
            map_texts.COLUMNS["actors"]: "actors",
            map_texts.COLUMNS["actors_within_radius"].format(radius=radius): "actors_within_radius",
        }
        for department in model.departments:
            view = department_view(con, model, department, "acteurs", "public")
            popup_labels(view, places)
            table = commune_frame(view, model, Viewer("public")).set_index(
                map_texts.COLUMNS["code"]
            )
            for code in table.index:
                for title, figure in columns.items():
                    places[(code, figure)]["table"] = table.at[code, title]
                for where, masked in (("panel", view.counts), ("panel alone", None)):
                    for label, value in panel_rows(model, code, "public", masked):
                        if label in panel_figures:
                            places[(code, panel_figures[label])][where] = value
        shown_twice = {key: seen for key, seen in places.items() if len(seen) > 1}
        assert len(shown_twice) > 100  # the same figures were found in several places
        for where in ("popup territory", "popup department", "panel", "table"):
            assert any(where in seen for seen in shown_twice.values()), where
        hidden = [key for key, seen in shown_twice.items() if SMALL in seen.values()]
        assert hidden, "the demo has small commune counts"
        for key, seen in shown_twice.items():
            assert len(set(seen.values())) == 1, (key, seen)
        # The departments table shows the territory view's counts, as computed once for it.
        frame = department_frame(territory, Viewer("public"))
        for column in ("actors", "actions_12m", "sessions_12m"):
            assert list(frame[map_texts.COLUMNS[column]]) == list(territory.counts.labels[column])
    finally:
        con.close()
