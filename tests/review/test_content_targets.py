"""A programme-content KPI with a target enters the monthly review's cards like any other."""

from __future__ import annotations

import duckdb

from observatoire.kpis import as_period
from observatoire.review import monthly as view


def test_meetings_target_brings_the_kpi_into_the_review(hdf_copy):
    con = duckdb.connect(str(hdf_copy))
    con.execute("INSERT INTO targets VALUES ('meetings_experts', '2023', '', 30, NULL)")
    con.execute("INSERT INTO targets VALUES ('evaluation_interviews', '2023-11', '', 10, NULL)")
    con.close()
    from observatoire.workspace import connect

    ws = connect(hdf_copy)
    try:
        cards = {c.kpi_id: c for c in view.cards(ws, as_period("2023-11"), None, None)}
    finally:
        ws.close()
    # A yearly target of a flow is prorated: 30 x 11/12 = 27.5 by November, against 29 to date.
    assert cards["meetings_experts"].target.value == 30 * 11 / 12
    assert cards["meetings_experts"].compared == 29
    assert cards["evaluation_interviews"].target.value == 10
    assert cards["evaluation_interviews"].value == 15  # interviews after the October training
