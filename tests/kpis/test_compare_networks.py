"""Twenty workspace files side by side: each column is exactly that file's own KPI computation."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from observatoire.activities.networks import Network, networks
from observatoire.kpis import KPIS, compute_kpis, kpi_value, parse_period
from observatoire.kpis.compare import by_workspace, by_workspace_figures
from observatoire.paths import data_dir
from observatoire.workspace import connect
from observatoire.workspace.territory import territory_departments

PERIOD = "2016..2024"  # both demos are active in it: Occitanie 2016-2018, HdF 2023-2024
IDS = [k.id for k in KPIS]
OCC = "demo-occitanie"


@pytest.fixture(scope="module")
def occitanie_source(reference_path):
    """The Occitanie demo file in data/, built once if missing (never written to)."""
    path = data_dir() / f"{OCC}.duckdb"
    if not path.exists():
        from observatoire.demo.build import build_demo

        build_demo("occitanie", reference=reference_path)
    return path


def add_actions(path, count: int, first: int = 1) -> None:
    """Swap in a copy of ``path`` holding ``count`` more actions of 10 participants in 2020."""
    staged = path.with_suffix(".staged")
    shutil.copyfile(path, staged)
    con = connect(staged, read_only=False)
    try:
        for i in range(first, first + count):
            con.execute(
                "INSERT INTO actions (action_id, title, start_date, participants, import_id) "
                "VALUES ($id, 'Ajout du test', $day, 10, 0)",
                {"id": f"test-{i}", "day": dt.date(2020, 6, 1)},
            )
    finally:
        con.close()
    os.replace(staged, path)  # as an import does: a new file (new inode), a new version


def own(path) -> tuple[dict, list[str]]:
    """The file's KPIs and departments, computed on it alone."""
    con = connect(path, read_only=True)
    try:
        return compute_kpis(con, PERIOD, only=IDS), territory_departments(con)
    finally:
        con.close()


@pytest.fixture
def twenty(tmp_path, hdf_source, occitanie_source):
    """Ten copies of each regional demo; copy n holds n added actions, so no two are alike."""
    paths = []
    for n in range(1, 21):
        source = hdf_source if n % 2 else occitanie_source
        path = tmp_path / f"reseau-{n:02d}.duckdb"
        shutil.copyfile(source, path)
        add_actions(path, n)
        paths.append(path)
    return paths


def test_twenty_networks_each_equal_to_its_own_kpis(twenty, hdf_source, occitanie_source):
    base = {
        hdf_source: own(hdf_source)[0]["actions_total"],
        occitanie_source: own(occitanie_source)[0]["actions_total"],
    }
    found = by_workspace_figures(twenty, PERIOD, IDS)
    assert list(found) == [p.stem for p in twenty]
    for n, path in enumerate(twenty, start=1):
        values, departments = own(path)
        assert found[path.stem].values == values, path.stem
        assert found[path.stem].departments == departments, path.stem
        # Hand-checked: the demo's own actions of the period, plus the n added ones.
        source = hdf_source if n % 2 else occitanie_source
        assert values["actions_total"] == base[source] + n
    assert base[hdf_source] == 6 and base[occitanie_source] == 685  # seen in the demo files
    assert by_workspace(twenty, PERIOD, IDS) == {s: f.values for s, f in found.items()}
    # The page's table shows the same values, formatted as every page formats them.
    chosen = [Network(p.stem, p.stem, p) for p in twenty]
    table = networks(chosen, parse_period(PERIOD)).table()
    for path in twenty:
        values = found[path.stem].values
        assert list(table[path.stem]) == [kpi_value(k.id, values[k.id]) for k in KPIS]


def test_an_import_into_one_file_changes_its_column_only(twenty):
    before = by_workspace(twenty, PERIOD, IDS)
    add_actions(twenty[4], 3, first=100)
    after = by_workspace(twenty, PERIOD, IDS)
    changed = twenty[4].stem
    assert after[changed]["actions_total"] == before[changed]["actions_total"] + 3
    assert after[changed]["actions_audience"] == before[changed]["actions_audience"] + 30
    assert after[changed] == own(twenty[4])[0]
    assert {s: v for s, v in after.items() if s != changed} == {
        s: v for s, v in before.items() if s != changed
    }


def test_a_month_and_a_range_are_kept_apart(twenty):
    # A month's coverage KPIs measure the 12 months ending with it; a range is measured as it is.
    month = by_workspace(twenty[:2], "2024-06", IDS)
    dates = by_workspace(twenty[:2], "2024-06-01..2024-06-30", IDS)
    for path in twenty[:2]:
        con = connect(path, read_only=True)
        try:
            assert month[path.stem] == compute_kpis(con, "2024-06", only=IDS)
            assert dates[path.stem] == compute_kpis(con, "2024-06-01..2024-06-30", only=IDS)
        finally:
            con.close()
