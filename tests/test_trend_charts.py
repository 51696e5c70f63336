"""The overview's trend charts: one per KPI, as wide as their column, axis labels readable."""

from __future__ import annotations

import pandas as pd

from observatoire.ui import charts


def test_trend_chart_has_no_fixed_width_and_large_axis_labels():
    long = pd.DataFrame({"Mois": ["janvier 2025", "février 2025"], "kpi": "A", "valeur": [3, 8]})
    spec = charts.trend_chart(long, "Actions", ["janvier 2025", "février 2025"]).to_dict()
    assert "width" not in spec  # the container gives the width (a facet was 2 × 260 px)
    x, y = spec["encoding"]["x"]["axis"], spec["encoding"]["y"]["axis"]
    assert x["labelFontSize"] >= 14 and y["labelFontSize"] >= 14  # was Vega's 10 px (12.75 shown)
    assert x["labelAngle"] == 0
    assert spec["encoding"]["x"]["sort"] == ["janvier 2025", "février 2025"]
