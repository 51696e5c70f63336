"""Hand-computed cases of small-count suppression, labels, styles, KPIs and exports."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from observatoire.privacy import (
    SUPPRESSED,
    display,
    display_share,
    note,
    style,
    suppress_kpis,
    suppress_series,
    suppress_table,
    to_public_frame,
)
from observatoire.privacy.suppression import ENV_K, default_k

NBSP = "\u00a0"
LT5 = f"<{NBSP}5"


def test_series_hides_small_count_and_its_complement():
    result = suppress_series(pd.Series([12, 3, 8, 0, 20]))
    assert result.total == 43
    assert result.mask.tolist() == [False, True, True, False, False]
    assert not result.total_suppressed
    assert result.labels().tolist() == ["12", LT5, "s", "0", "20"]
    assert result.styles().tolist() == ["value", "suppressed", "suppressed", "zero", "value"]
    assert result.cells().tolist() == [12, SUPPRESSED, SUPPRESSED, 0, 20]
    assert result.total_label() == "43"


def test_zero_is_never_hidden_and_reads_zero():
    result = suppress_series(pd.Series([0, 0, 30]))
    assert not result.mask.any()
    assert result.labels().tolist() == ["0", "0", "30"]
    assert style(0, False) == "zero" != style(3, True)


def test_small_total_is_hidden():
    result = suppress_series(pd.Series([1, 2, 0]))
    assert result.mask.tolist() == [True, True, False]
    assert result.total_suppressed
    assert result.total_label() == LT5


def test_two_ones_with_known_sum_get_a_third_complement():
    # 1 + 1 = 45 − 40 − 3 would pin both at 1 once "< 5" says each is at least 1.
    result = suppress_series(pd.Series([1, 1, 40, 3]))
    assert result.mask.tolist() == [True, True, False, True]


def test_without_total_only_small_counts_are_hidden():
    result = suppress_series(pd.Series([12, 3, 8]), with_total=False)
    assert result.mask.tolist() == [False, True, False]
    assert result.total is None and result.total_label() is None
    with pytest.raises(ValueError):
        result.shares()


def test_label_uses_the_real_k(monkeypatch):
    assert display(3, True, k=10) == f"<{NBSP}10"
    assert display(12, True, k=10) == "s"
    assert display(1234, False) == "1\u202f234"
    assert display(None, False) == "—"
    monkeypatch.setenv(ENV_K, "7")
    assert default_k() == 7
    result = suppress_series(pd.Series([6, 20, 30]))
    assert result.k == 7 and result.labels()[0] == f"<{NBSP}7"
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


def test_shares_are_hidden_with_their_counts():
    shares = suppress_series(pd.Series([12, 3, 8, 0, 20])).shares()
    assert shares.mask.tolist() == [False, True, True, False, False]
    assert shares.labels().tolist() == [f"28{NBSP}%", "s", "s", f"0{NBSP}%", f"47{NBSP}%"]
    assert shares.values.isna().tolist() == [False, True, True, False, False]
    assert display_share(0.5, True) == "s"


def test_table_with_margins():
    df = pd.DataFrame({"x": [1, 7, 9], "y": [6, 8, 2]}, index=["A", "B", "C"])
    table = suppress_table(df)
    assert table.mask.to_numpy().tolist() == [[True, True], [False, False], [True, True]]
    assert table.row_totals.tolist() == [7, 15, 11]
    assert not table.row_totals_mask.any() and not table.col_totals_mask.any()
    assert table.grand_total == 33 and not table.grand_total_suppressed
    labels = table.labels()
    assert labels.loc["A"].tolist() == [LT5, "s", "7"]
    assert labels.loc["Total"].tolist() == ["17", "16", "33"]
    assert table.styles().loc["C", "y"] == "suppressed"
    # Row B is fully shown, so its shares are; rows A and C hide theirs.
    row_shares = table.row_shares()
    assert row_shares.mask.to_numpy().tolist() == [[True, True], [False, False], [True, True]]
    assert row_shares.labels().loc["B"].tolist() == [f"47{NBSP}%", f"53{NBSP}%"]


def test_table_hides_small_margins_and_their_partners():
    # 1 is alone in row 0, column x and in both margins; 21 − 1 would give the 20s away.
    df = pd.DataFrame({"x": [1, 0], "y": [0, 20]})
    table = suppress_table(df)
    assert table.mask.to_numpy().tolist() == [[True, False], [False, True]]
    assert table.row_totals_mask.tolist() == [True, True]
    assert table.col_totals_mask.tolist() == [True, True]
    assert not table.grand_total_suppressed
    assert table.labels().loc["Total"].tolist() == [LT5, "s", "21"]


def test_disabled_gives_the_same_shape_with_nothing_hidden():
    table = suppress_table(pd.DataFrame({"x": [1, 2]}), enabled=False)
    assert not table.mask.any().any() and not table.row_totals_mask.any()
    assert table.labels().loc[0].tolist() == ["1", "1"]


def test_kpis_alone_and_in_breakdowns():
    cards = suppress_kpis(
        {
            "actions_total": 3,
            "webinar_sessions": 0,
            "training_participants": 49,
            "training_participants_women": 46,
            "training_participants_men": 3,
            "training_participants_volunteers": 7,
            "training_participants_employees": 42,
            "experiments_total": None,
        }
    )
    assert cards["actions_total"].label == LT5 and cards["actions_total"].style == "suppressed"
    assert cards["webinar_sessions"].label == "0" and cards["webinar_sessions"].style == "zero"
    assert cards["experiments_total"].label == "—"
    # 3 men would be 49 − 46: women is hidden too; the status breakdown is not touched.
    assert cards["training_participants_men"].suppressed
    assert cards["training_participants_women"].suppressed
    assert cards["training_participants_women"].label == "s"
    assert not cards["training_participants"].suppressed
    assert not cards["training_participants_volunteers"].suppressed
    assert cards["training_participants_women"].shown is SUPPRESSED


def test_kpis_without_breakdowns_hide_only_small_cards():
    cards = suppress_kpis({"a": 3, "b": 46, "c": 49}, parts={})
    assert [c.suppressed for c in cards.values()] == [True, False, False]


def test_public_frame_for_exports():
    df = pd.DataFrame(
        {"departement": ["Aude", "Gers", "Lot"], "actions": [3, 10, 12], "public": [0, 100, 200]}
    )
    out = to_public_frame(df, ["actions", "public"])
    assert out["actions"].tolist() == [LT5, "s", "12", "25"]
    assert out["public"].tolist() == ["0", "100", "200", "300"]
    assert out["departement"].tolist() == ["Aude", "Gers", "Lot", "Total"]
    assert df["actions"].tolist() == [3, 10, 12]  # the input is left alone


def test_note_names_the_threshold():
    assert "de 1 à 4" in note()
    assert f"<{NBSP}10" in note(10) and "de 1 à 9" in note(10)
