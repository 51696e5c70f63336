"""Each demo's pages opened on one period: a KPI shown on several pages shows the same value."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from observatoire.kpis import BY_ID, compute_kpis, kpi_value
from observatoire.paths import ROOT, data_dir

PAGES = ["accueil", "revue_mensuelle", "formations", "experimentations", "actions"]
LABELS = {k.label: k.id for k in BY_ID.values()}


@pytest.fixture(scope="module", autouse=True)
def _demos(reference_path):
    for name in ("hauts-de-france", "occitanie"):
        if not (data_dir() / f"demo-{name}.duckdb").exists():
            from observatoire.demo.build import build_demo

            build_demo(name, reference=reference_path)


@pytest.mark.parametrize(
    "espace, periode", [("demo-hauts-de-france", "2023-11"), ("demo-occitanie", "2018-12")]
)
def test_a_kpi_reads_the_same_on_every_page(espace, periode):
    from observatoire.ui import connections

    seen: dict[str, dict[str, str]] = {}
    for stem in PAGES:
        at = AppTest.from_file(str(ROOT / "pages" / f"{stem}.py"), default_timeout=90)
        at.query_params["espace"] = espace
        at.query_params["periode"] = periode
        at.run()
        assert not at.exception, (stem, at.exception)
        for metric in at.metric:
            assert metric.label in LABELS, (stem, metric.label)  # one catalogue label per KPI
            seen.setdefault(metric.label, {})[stem] = metric.value
    con = connections.workspace(data_dir() / f"{espace}.duckdb")
    values = compute_kpis(con, periode, only=[LABELS[label] for label in seen])

    for label, pages in seen.items():
        expected = kpi_value(LABELS[label], values[LABELS[label]])
        assert set(pages.values()) == {expected}, (label, pages)
    shared = [label for label, pages in seen.items() if len(pages) > 1]
    assert "Participant·e·s aux formations" in shared and "Actions" in shared
