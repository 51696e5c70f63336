"""The catalogue: fixed ids, one definition each, queries that return their columns."""

from __future__ import annotations

import dataclasses

import pytest

from observatoire import db
from observatoire.kpis import KPI_IDS, KPIS, Unit, compute_kpis
from observatoire.kpis.catalogue import COVERAGE_IDS, FIXED_IDS
from observatoire.paths import QUERIES_DIR


def test_every_design_id_is_in_the_catalogue_once():
    assert FIXED_IDS <= KPI_IDS
    assert len(FIXED_IDS) == 28
    assert len(KPI_IDS) == len(KPIS)


def test_each_kpi_has_french_label_definition_unit_query_and_group():
    for kpi in KPIS:
        assert dataclasses.is_dataclass(kpi)
        with pytest.raises(dataclasses.FrozenInstanceError):
            kpi.label = "x"
        assert kpi.label and kpi.definition.endswith(".")
        assert kpi.unit in set(Unit)
        assert kpi.id in COVERAGE_IDS or (QUERIES_DIR / f"{kpi.query}.sql").is_file()
        assert kpi.group_label


def test_query_files_start_with_a_header_comment():
    for query in {k.query for k in KPIS if k.id not in COVERAGE_IDS}:
        sql, params = db.load_query(query)
        assert sql.startswith("-- ")
        assert params <= {"start", "end", "programme", "department"}


def test_each_query_returns_the_columns_of_its_kpis(empty):
    values = compute_kpis(empty, "2023-11")
    assert list(values) == [k.id for k in KPIS]
    for kpi in KPIS:
        if kpi.id not in COVERAGE_IDS:
            columns = set(db.rows(empty, kpi.query, **_params(kpi.query))[0])
            assert kpi.id in columns


def _params(query: str) -> dict:
    """Bind the parameters a query declares with a harmless November 2023."""
    import datetime as dt

    given = {
        "start": dt.date(2023, 11, 1),
        "end": dt.date(2023, 11, 30),
        "programme": None,
        "department": None,
    }
    return {k: v for k, v in given.items() if k in db.load_query(query)[1]}
