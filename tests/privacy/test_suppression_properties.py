"""Property tests: after suppression, no hidden count can be recomputed from what is shown.

For each hidden entry the reader's linear system (every shown cell and total, every row and
column relation) is solved twice with scipy's LP, minimising and maximising that entry: a width
of 0 would mean the entry is recoverable. Two readers are checked: the plain one, who
only knows that counts are non-negative, and a sharper one who also reads the labels ("< 5"
means 1 to 4, "s" means at least 5, a shown 0 is a true zero).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from observatoire.privacy import display, suppress_series, suppress_table

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Mostly small counts, so that suppression has work to do, with some large ones.
counts = st.one_of(st.integers(0, 9), st.integers(0, 9), st.integers(0, 60))
ks = st.sampled_from([3, 5, 5, 5, 10])


def grid(result) -> tuple[np.ndarray, np.ndarray]:
    """Values and mask of a SuppressedTable as one grid, margins as the last row and column."""
    values = result.values.to_numpy().astype(np.int64)
    mask = result.mask.to_numpy()
    if result.row_totals is not None:
        values = np.column_stack([values, result.row_totals.to_numpy()])
        mask = np.column_stack([mask, result.row_totals_mask.to_numpy()])
    if result.col_totals is not None:
        last = result.col_totals.to_numpy()
        last_mask = result.col_totals_mask.to_numpy()
        if result.row_totals is not None:
            last = np.append(last, result.grand_total)
            last_mask = np.append(last_mask, result.grand_total_suppressed)
        values = np.vstack([values, last])
        mask = np.vstack([mask, last_mask])
    return values, mask


def lines_of(shape, row_totals: bool, col_totals: bool) -> list[tuple[list, tuple]]:
    """The additive relations of the grid: (parts, total) as (row, column) positions."""
    rows, cols = shape
    n = rows - (1 if col_totals else 0)
    m = cols - (1 if row_totals else 0)
    lines = []
    if row_totals:
        for i in range(rows):
            lines.append(([(i, j) for j in range(m)], (i, m)))
    if col_totals:
        for j in range(cols):
            lines.append(([(i, j) for i in range(n)], (n, j)))
    return lines


def widths(values, mask, lines, bounds) -> dict[tuple, tuple[float, float]]:
    """For every hidden position, the [min, max] a reader can derive."""
    hidden = [tuple(p) for p in np.argwhere(mask)]
    if not hidden:
        return {}
    index = {p: j for j, p in enumerate(hidden)}
    a_eq, b_eq = [], []
    for parts, total in lines:
        row = np.zeros(len(hidden))
        rhs = 0.0
        for p, sign in [(q, 1.0) for q in parts] + [(total, -1.0)]:
            if p in index:
                row[index[p]] += sign
            else:
                rhs -= sign * values[p]
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs)
        else:
            assert rhs == 0
    var_bounds = [bounds(values[p], display(values[p], True, K[0])) for p in hidden]
    out = {}
    for p, j in index.items():
        ends = []
        for sense in (1.0, -1.0):
            c = np.zeros(len(hidden))
            c[j] = sense
            res = linprog(
                c,
                A_eq=np.array(a_eq) if a_eq else None,
                b_eq=np.array(b_eq) if b_eq else None,
                bounds=var_bounds,
                method="highs",
            )
            if res.status == 3:  # unbounded: as good as it gets
                ends.append(math.inf * -sense)
                continue
            assert res.status == 0, res.message
            ends.append(res.fun * sense)
        out[p] = (ends[0], ends[1])
    return out


K = [5]  # the k of the example under test, for the label-reading reader


def non_negative(value, label):
    """The plain reader: a hidden count is some non-negative number."""
    return (0, None)


def label_reader(value, label):
    """The sharper reader: "< k" is 1..k−1, "s" is k or more (else it would be primary)."""
    k = K[0]
    return (1, k - 1) if label.startswith("<") else (k, None)


def check(values, mask, lines, k):
    """Properties (a) and (b) for one suppressed grid."""
    K[0] = k
    shown = values[~mask]
    # (a) no shown count is small.
    assert not ((shown >= 1) & (shown <= k - 1)).any()
    # Zeros are never hidden (a hidden 0 would read "< 5", which is false).
    assert not (values[mask] == 0).any()
    # (b1) no relation has exactly one hidden entry.
    for parts, total in lines:
        hidden = sum(bool(mask[p]) for p in [*parts, total])
        assert hidden != 1, (parts, total)
    # (b2) no hidden entry is pinned; LP vertices are integral here, so a positive width means
    # two different whole-number tables agree with what is shown.
    for p, (low, high) in widths(values, mask, lines, non_negative).items():
        assert high - low >= 1 - 1e-6, (p, low, high, values, mask)
        assert low - 1e-6 <= values[p] <= high + 1e-6
    # (b3) nor for the label reader, unless the labels alone give it away: every non-zero entry
    # of its relations is already hidden (four cells "< 5" whose total reads "< 5" are each 1),
    # and nothing but hiding a true 0 behind a false "< 5" could help.
    for p, (low, high) in widths(values, mask, lines, label_reader).items():
        assert low - 1e-6 <= values[p] <= high + 1e-6
        if high - low < 1 - 1e-6:
            for parts, total in lines:
                if p in [*parts, total]:
                    entries = [*parts, total]
                    assert all(mask[q] or values[q] == 0 for q in entries), (p, values, mask)


@SETTINGS
@given(st.lists(counts, min_size=1, max_size=7), ks)
def test_series_with_total(data, k):
    result = suppress_series(pd.Series(data), k=k)
    values = np.append(result.values.to_numpy(), result.total)
    mask = np.append(result.mask.to_numpy(), result.total_suppressed)
    n = len(data)
    check(values, mask, [([i for i in range(n)], n)], k)


@SETTINGS
@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.lists(
            st.lists(counts, min_size=3, max_size=3), min_size=rows, max_size=rows
        )
    )
    | st.integers(1, 3).flatmap(
        lambda cols: st.lists(
            st.lists(counts, min_size=cols, max_size=cols), min_size=1, max_size=4
        )
    ),
    ks,
    st.sampled_from([(True, True), (True, True), (True, False), (False, True)]),
)
def test_table_with_margins(rows, k, margins):
    row_totals, col_totals = margins
    result = suppress_table(pd.DataFrame(rows), k=k, row_totals=row_totals, col_totals=col_totals)
    values, mask = grid(result)
    # Positions as tuples for the LP helper.
    lines = lines_of(values.shape, row_totals, col_totals)
    check(values, mask, [([tuple(p) for p in parts], tuple(t)) for parts, t in lines], k)
    # Margins are the true sums: suppression never alters a published number.
    assert (result.values.to_numpy() == np.array(rows)).all()


@SETTINGS
@given(st.lists(counts, min_size=1, max_size=7), ks)
def test_series_without_total_hides_exactly_the_small_counts(data, k):
    result = suppress_series(pd.Series(data), k=k, with_total=False)
    expected = [1 <= x <= k - 1 for x in data]
    assert result.mask.tolist() == expected
    assert result.total is None


@SETTINGS
@given(st.lists(counts, min_size=1, max_size=7), ks)
def test_shares_hidden_with_their_counts(data, k):
    result = suppress_series(pd.Series(data), k=k)
    shares = result.shares()
    assert (shares.mask >= result.mask).all()
    if result.total_suppressed:
        assert shares.mask.all()
    assert shares.values[shares.mask].isna().all()


@SETTINGS
@given(
    st.lists(st.lists(counts, min_size=3, max_size=3), min_size=1, max_size=4),
    st.lists(st.booleans(), min_size=28, max_size=28),
)
def test_bridges_agree_with_the_null_space(rows, hide):
    """The graph shortcut and the general linear algebra find the same pinned entries."""
    from observatoire.privacy.protect import Line, _graphic, pinned_entries

    x = np.array(rows)
    n, m = x.shape
    values = list(x.ravel()) + list(x.sum(1)) + list(x.sum(0)) + [int(x.sum())]
    r, c, g = n * m, n * m + n, n * m + n + m
    lines = [Line(tuple(i * m + j for j in range(m)), r + i) for i in range(n)]
    lines += [Line(tuple(i * m + j for i in range(n)), c + j) for j in range(m)]
    lines += [Line(tuple(r + i for i in range(n)), g), Line(tuple(c + j for j in range(m)), g)]
    member_of = [[] for _ in values]
    for index, line in enumerate(lines):
        for e in line.entries:
            member_of[e].append(index)
    assert _graphic(lines, member_of)
    v = np.array(values)
    mask = np.array(hide[: len(values)]) & (v > 0)
    assert pinned_entries(v, mask, lines, 5, member_of) == pinned_entries(v, mask, lines, 5)
