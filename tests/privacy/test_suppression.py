"""Hand-computed cases of public figures: rounding to k, "< 5", unpublished small breakdowns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from observatoire.privacy import (
    SUPPRESSED,
    display,
    display_share,
    note,
    public_label,
    round_to_k,
    style,
    suppress_kpis,
    suppress_series,
    suppress_table,
    to_public_frame,
)
from observatoire.privacy.suppression import ENV_K, default_k

NBSP = "\u00a0"
LT5 = f"<{NBSP}5"


def test_rounding_to_the_nearest_multiple_of_k():
    # 5, 6, 7 -> 5; 8..12 -> 10; 13 -> 15; halves (k even) go up: 9 -> 12 with k = 6.
    assert [round_to_k(v) for v in (5, 6, 7, 8, 12, 13, 1234)] == [5, 5, 5, 10, 10, 15, 1235]
    assert round_to_k(9, 6) == 12 and round_to_k(8, 6) == 6
    assert [public_label(v) for v in (0, 1, 4, 7, 8)] == ["0", LT5, LT5, "5", "10"]
    assert public_label(7, enabled=False) == "7"


def test_series_rounds_and_hides_small_counts():
    result = suppress_series(pd.Series([12, 3, 8, 0, 22]))
    assert result.total == 45
    assert result.mask.tolist() == [False, True, False, False, False]
    assert not result.total_suppressed
    assert result.labels().tolist() == ["10", LT5, "10", "0", "20"]
    assert result.styles().tolist() == ["value", "suppressed", "value", "zero", "value"]
    assert result.cells().tolist() == [10, SUPPRESSED, 10, 0, 20]
    assert result.total_label() == "45"


def test_zero_is_never_hidden_and_reads_zero():
    result = suppress_series(pd.Series([0, 0, 30]))
    assert not result.mask.any()
    assert result.labels().tolist() == ["0", "0", "30"]
    assert style(0, False) == "zero" != style(3, True)


def test_breakdown_of_a_small_total_is_not_published():
    # 3 women and 0 men: "0" next to a total "< 5" would say all are women.
    result = suppress_series(pd.Series([3, 0], index=["femmes", "hommes"]))
    assert result.mask.tolist() == [True, True]
    assert result.labels().tolist() == ["s", "s"]
    assert result.total_suppressed and result.total_label() == LT5


def test_without_total_only_small_counts_are_hidden():
    result = suppress_series(pd.Series([12, 3, 0]), with_total=False)
    assert result.mask.tolist() == [False, True, False]
    assert result.labels().tolist() == ["10", LT5, "0"]
    assert result.total is None and result.total_label() is None
    with pytest.raises(ValueError):
        result.shares()


def test_label_uses_the_real_k(monkeypatch):
    assert display(3, True, k=10) == f"<{NBSP}10"
    assert display(12, True, k=10) == "s"
    assert display(1234, False) == "1\u202f234"
    assert display(1234, False, exact=False) == "1\u202f235"
    assert display(None, False) == "—"
    monkeypatch.setenv(ENV_K, "7")
    assert default_k() == 7
    result = suppress_series(pd.Series([6, 20, 30]))
    # 20 is nearer 21 than 14; 30 nearer 28 than 35.
    assert result.k == 7 and result.labels().tolist() == [f"<{NBSP}7", "21", "28"]
    monkeypatch.setenv(ENV_K, "deux")
    assert default_k() == 5
    monkeypatch.setenv(ENV_K, "1")  # would show every count: refused, default kept
    assert default_k() == 5


@pytest.mark.parametrize("k", [0, 1, 2, 2.5, True])
def test_k_below_three_is_refused(k):
    with pytest.raises(ValueError):
        suppress_series(pd.Series([1, 2]), k=k)


def test_counts_must_be_non_negative_integers():
    for bad in ([1, -1], [1.5, 2], [1, np.nan]):
        with pytest.raises(ValueError):
            suppress_series(pd.Series(bad))


def test_shares_are_of_published_numbers_and_hidden_with_them():
    # Published: 10, < 5, 10, 0, 20 of 45: shares 10/45, s, 10/45, 0, 20/45.
    shares = suppress_series(pd.Series([12, 3, 8, 0, 22])).shares()
    assert shares.mask.tolist() == [False, True, False, False, False]
    assert shares.labels().tolist() == [f"22{NBSP}%", "s", f"22{NBSP}%", f"0{NBSP}%", f"44{NBSP}%"]
    assert display_share(0.5, True) == "s"


def test_table_with_margins():
    df = pd.DataFrame({"x": [1, 7, 9], "y": [6, 8, 2]}, index=["A", "B", "C"])
    table = suppress_table(df)
    assert table.mask.to_numpy().tolist() == [[True, False], [False, False], [False, True]]
    assert table.row_totals.tolist() == [7, 15, 11]
    assert not table.row_totals_mask.any() and not table.col_totals_mask.any()
    assert table.grand_total == 33 and not table.grand_total_suppressed
    labels = table.labels()
    assert labels.loc["A"].tolist() == [LT5, "5", "5"]
    assert labels.loc["Total"].tolist() == ["15", "15", "35"]
    assert table.styles().loc["C", "y"] == "suppressed"
    # Row B: 5 and 10 of 15.
    assert table.row_shares().labels().loc["B"].tolist() == [f"33{NBSP}%", f"67{NBSP}%"]
    assert table.row_shares().mask.loc["A"].tolist() == [True, False]


def test_table_hides_the_lines_of_small_margins():
    # Row 0 and column x add up to 1: their cells are a breakdown of a small total.
    df = pd.DataFrame({"x": [1, 0], "y": [0, 20]})
    table = suppress_table(df)
    assert table.mask.to_numpy().tolist() == [[True, True], [True, False]]
    assert table.row_totals_mask.tolist() == [True, False]
    assert table.col_totals_mask.tolist() == [True, False]
    assert table.labels().loc[0].tolist() == ["s", "s", LT5]
    assert table.labels().loc["Total"].tolist() == [LT5, "20", "20"]


def test_disabled_gives_the_same_shape_with_exact_figures():
    table = suppress_table(pd.DataFrame({"x": [1, 7]}), enabled=False)
    assert not table.mask.any().any() and not table.row_totals_mask.any()
    assert table.labels()["x"].tolist() == ["1", "7", "8"]


def test_kpis_alone_and_in_breakdowns():
    cards = suppress_kpis(
        {
            "actions_total": 3,
            "webinar_sessions": 0,
            "training_participants": 49,
            "training_participants_women": 46,
            "training_participants_men": 3,
            "actors_total": 4,
            "actors_circle_1": 4,
            "actors_circle_2": 0,
            "experiments_total": None,
        }
    )
    assert cards["actions_total"].label == LT5 and cards["actions_total"].style == "suppressed"
    assert cards["webinar_sessions"].label == "0" and cards["webinar_sessions"].style == "zero"
    assert cards["experiments_total"].label == "—"
    # 49 -> 50, 46 -> 45, 3 -> "< 5": 50 − 45 = 5, not 3.
    assert [cards[i].label for i in ("training_participants", "training_participants_women")] == [
        "50",
        "45",
    ]
    assert cards["training_participants_men"].label == LT5
    # 4 actors, all in circle 1: the circles of a small total are not published.
    assert cards["actors_total"].label == LT5
    assert [cards[f"actors_circle_{c}"].label for c in (1, 2)] == ["s", "s"]
    assert cards["actors_circle_1"].shown is SUPPRESSED
    exact = suppress_kpis({"actions_total": 3, "actors_total": 49}, enabled=False)
    assert [c.label for c in exact.values()] == ["3", "49"]


def test_public_frame_for_exports():
    df = pd.DataFrame(
        {"departement": ["Aude", "Gers", "Lot"], "actions": [3, 10, 12], "public": [0, 102, 200]}
    )
    out = to_public_frame(df, ["actions", "public"])
    assert out["actions"].tolist() == [LT5, "10", "10", "25"]
    assert out["public"].tolist() == ["0", "100", "200", "300"]
    assert out["departement"].tolist() == ["Aude", "Gers", "Lot", "Total"]
    assert df["actions"].tolist() == [3, 10, 12]  # the input is left alone


def test_note_names_the_threshold():
    assert "de 1 à 4" in note() and "7 s'affiche 5, 8 s'affiche 10" in note()
    assert f"<{NBSP}10" in note(10) and "de 1 à 9" in note(10)


def test_an_index_of_a_small_count_is_hidden():
    from observatoire.privacy.suppression import hides_derived

    index = "rural_representation_index"
    assert hides_derived(index, {"communes_reached": 12, "rural_communes_reached": 3})
    assert not hides_derived(index, {"communes_reached": 12, "rural_communes_reached": 0})
    assert not hides_derived(index, {"communes_reached": 12, "rural_communes_reached": 7})
    assert not hides_derived("actions_total", {"actions_total": 3})
