"""The actions of the last 12 months: one window, the same count on the map, the review, the KPIs.

Occitanie once read 350 on the map (12 months ending on the day of the latest action, a stray
1 January 2019), 352 in the review (the calendar months) and 351 on the forum. Every view now
ends the 12 months on the last day of the latest month with an action or a session.
"""

from __future__ import annotations

import pytest

from observatoire.activities import common
from observatoire.coverage import inputs
from observatoire.kpis import Period, compute_kpis, monthly_series
from observatoire.maps.figures import department_table, load_model


@pytest.mark.parametrize("name", ["occ", "hdf"])
def test_actions_over_12_months_agree(request, name):
    con = request.getfixturevalue(name)
    end = inputs.reference_date(con)
    window = Period.rolling_year(end)
    assert window.whole_months and window.end == end
    kpi = compute_kpis(con, window, only=["actions_total"])["actions_total"]
    # The map: the actions of the territory's communes over its 12 months.
    model = load_model(con)
    assert model.end_date == end
    assert int(department_table(model)["actions_12m"].sum()) == kpi
    # The review opens on the latest month with activity; its 12-month trend covers the window.
    month = common.default_month(con)
    assert month.end == end
    trend = monthly_series(con, ["actions_total"], month, 12)
    assert int(trend["actions_total"].sum()) == kpi
    expected = {"occ": 353, "hdf": 2}[name]  # Occitanie: calendar 2018; SPTT: Aug 2023–Jul 2024
    assert kpi == expected


def test_rolling_year_windows():
    import datetime as dt

    assert Period.rolling_year(dt.date(2018, 12, 31)) == Period.year(2018)
    july = Period.rolling_year(dt.date(2024, 7, 31))
    assert (july.start, july.end) == (dt.date(2023, 8, 1), dt.date(2024, 7, 31))
    leap = Period.rolling_year(dt.date(2024, 2, 29))
    assert (leap.start, leap.end) == (dt.date(2023, 3, 1), dt.date(2024, 2, 29))


@pytest.mark.parametrize("name", ["occ", "hdf"])
def test_review_cards_and_charts_follow_the_same_targets(request, name):
    from observatoire.review import monthly

    con = request.getfixturevalue(name)
    month = common.default_month(con)
    review = monthly.review(con, month)
    last = review.trends[review.trends["month"] == month.key].set_index("kpi_id")["target"]
    cards = {c.kpi_id: c for c in review.cards}
    for kpi_id, target in last.items():
        # A chart draws a target for the month exactly when its card states one.
        assert (target == target) == (cards[kpi_id].target is not None), kpi_id
    if name == "occ":  # the 2018 objectives, on the cards as on the charts
        assert cards["actions_total"].target.source == "2018"
        assert monthly.target_text(cards["actions_total"], month) == (
            "Objectif cumulé au 31/12/2018 : 350 · réalisé : 353 (+3)"
        )
