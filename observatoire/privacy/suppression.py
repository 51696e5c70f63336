"""Small-count suppression for public figures: one result used by pages, exports and charts.

A count between 1 and k−1 is hidden and labelled "< k"; a 0 stays 0. Where a total is published,
complements are hidden too (label "s") so that no hidden count can be recomputed: see
``observatoire.privacy.protect`` for the algorithm. Shares are hidden with their numerator or
their denominator.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from observatoire import formats
from observatoire.privacy.protect import Line, protect
from observatoire.texts import privacy as texts

log = logging.getLogger(__name__)

DEFAULT_K = 5
ENV_K = "OBSERVATOIRE_SUPPRESSION_K"
# "< 2" would say "1": the label must cover at least two values to hide anything.
MIN_K = 3

# Style keys for the UI and charts: a hidden cell must not look like a zero.
STYLE_VALUE = "value"
STYLE_ZERO = "zero"
STYLE_SUPPRESSED = "suppressed"
STYLE_MISSING = "missing"

# KPI cards that break another card down: the parts of each total, per breakdown. Parts may not
# add up to the total (a person of gender "X", an actor with no circle): the gap is assumed known.
KPI_PARTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "actors_total": (("actors_circle_1", "actors_circle_2", "actors_circle_3"),),
    "training_participants": (
        ("training_participants_women", "training_participants_men"),
        ("training_participants_volunteers", "training_participants_employees"),
    ),
}


class Suppressed:
    """The sentinel that stands for a hidden count wherever a value would be."""

    _instance: Suppressed | None = None

    def __new__(cls) -> Suppressed:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "SUPPRESSED"

    def __reduce__(self):
        return (Suppressed, ())


SUPPRESSED = Suppressed()


def default_k() -> int:
    """The threshold from ``OBSERVATOIRE_SUPPRESSION_K``, else 5; a bad setting falls back to 5."""
    raw = os.environ.get(ENV_K, "").strip()
    if not raw:
        return DEFAULT_K
    try:
        k = int(raw)
    except ValueError:
        k = 0
    if k < MIN_K:
        log.warning(texts.INVALID_K.format(name=ENV_K, value=raw, minimum=MIN_K, default=DEFAULT_K))
        return DEFAULT_K
    return k


def resolve_k(k: int | None = None) -> int:
    """``k`` itself, checked, or the configured default when ``None``."""
    if k is None:
        return default_k()
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < MIN_K:
        raise ValueError(texts.K_TOO_SMALL.format(minimum=MIN_K, value=k))
    return int(k)


def is_small(value, k: int | None = None) -> bool:
    """Whether a count is between 1 and k−1, the counts that are always hidden."""
    return 1 <= value <= resolve_k(k) - 1


def _missing(value) -> bool:
    """None or NaN: a count nobody computed, shown as a dash."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def display(value, suppressed: bool, k: int | None = None) -> str:
    """A count as the reader sees it: ``< 5`` (hidden, small), ``s`` (hidden complement), ``1 234``."""
    # A complement is never small (else it would be primary), so "< 5" on it would be false.
    if _missing(value):
        return formats.number(None)
    if suppressed:
        k = resolve_k(k)
        if value < k:
            return texts.SMALL_COUNT.format(k=formats.number(k))
        return texts.COMPLEMENT
    return formats.number(value)


def display_share(share, suppressed: bool, decimals: int = 0) -> str:
    """A share as the reader sees it: ``12 %``, or ``s`` when it would reveal a hidden count."""
    if suppressed:
        return texts.SHARE
    return formats.percent(share, decimals)


def style(value, suppressed: bool) -> str:
    """The style key of a cell: ``suppressed``, ``zero``, ``missing`` or ``value``."""
    if suppressed:
        return STYLE_SUPPRESSED
    if _missing(value):
        return STYLE_MISSING
    return STYLE_ZERO if value == 0 else STYLE_VALUE


def note(k: int | None = None, short: bool = False) -> str:
    """The French sentence that explains the masks, for a caption or an export footer."""
    k = resolve_k(k)
    template = texts.NOTE_SHORT if short else texts.NOTE
    return template.format(
        max=formats.number(k - 1),
        small=texts.SMALL_COUNT.format(k=formats.number(k)),
        complement=texts.COMPLEMENT,
    )


@dataclass(frozen=True)
class Cell:
    """One count after suppression, e.g. a KPI card."""

    value: int | None
    suppressed: bool
    k: int

    @property
    def label(self) -> str:
        """The text to show."""
        return display(self.value, self.suppressed, self.k)

    @property
    def style(self) -> str:
        """The style key (``suppressed``, ``zero``, ``missing``, ``value``)."""
        return style(self.value, self.suppressed)

    @property
    def shown(self):
        """The value, or ``SUPPRESSED``."""
        return SUPPRESSED if self.suppressed else self.value


@dataclass(frozen=True)
class Shares:
    """Shares after suppression: NaN where hidden (charts skip it), and the mask."""

    values: pd.Series | pd.DataFrame
    mask: pd.Series | pd.DataFrame

    def labels(self, decimals: int = 0):
        """Display strings: ``12 %`` or ``s``."""
        if isinstance(self.values, pd.DataFrame):
            return pd.DataFrame(
                {c: Shares(self.values[c], self.mask[c]).labels(decimals) for c in self.values}
            )
        return pd.Series(
            [display_share(s, m, decimals) for s, m in zip(self.values, self.mask, strict=True)],
            index=self.values.index,
            name=self.values.name,
            dtype=object,
        )


def _labels(values, mask, k: int):
    """Display strings of a Series or DataFrame of counts with their mask."""
    if isinstance(values, pd.DataFrame):
        return pd.DataFrame(
            {c: _labels(values[c], mask[c], k) for c in values.columns}, index=values.index
        )
    return pd.Series(
        [display(v, m, k) for v, m in zip(values, mask, strict=True)],
        index=values.index,
        name=values.name,
        dtype=object,
    )


def _styles(values, mask):
    """Style keys of a Series or DataFrame of counts with their mask."""
    if isinstance(values, pd.DataFrame):
        return pd.DataFrame({c: _styles(values[c], mask[c]) for c in values.columns})
    return pd.Series(
        [style(v, m) for v, m in zip(values, mask, strict=True)],
        index=values.index,
        name=values.name,
        dtype=object,
    )


def _cells(values, mask):
    """Values with ``SUPPRESSED`` in place of hidden ones (object dtype)."""
    return values.astype(object).mask(mask, SUPPRESSED)


def _shares(counts, count_mask, totals, totals_mask, axis=None) -> Shares:
    """counts / totals, hidden with either side; ``axis`` aligns totals like DataFrame.div."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if axis is None:
            shares = counts / totals if totals else counts * np.nan
            hidden = count_mask | bool(totals_mask)
        else:
            shares = counts.div(totals.where(totals != 0), axis=axis)
            hidden = count_mask | pd.DataFrame(
                np.broadcast_to(
                    totals_mask.to_numpy()[:, None] if axis == 0 else totals_mask.to_numpy(),
                    counts.shape,
                ),
                index=counts.index,
                columns=counts.columns,
            )
    return Shares(values=shares.astype(float).mask(hidden), mask=hidden)


@dataclass(frozen=True)
class SuppressedSeries:
    """A 1-D table of counts after suppression, with its total when one is published."""

    values: pd.Series
    mask: pd.Series
    total: int | None
    total_suppressed: bool
    k: int

    def cells(self) -> pd.Series:
        """Values with ``SUPPRESSED`` in place of hidden counts."""
        return _cells(self.values, self.mask)

    def labels(self) -> pd.Series:
        """Display strings (``< 5``, ``s``, ``0``, ``1 234``)."""
        return _labels(self.values, self.mask, self.k)

    def styles(self) -> pd.Series:
        """Style keys, for colouring ``< 5`` apart from 0."""
        return _styles(self.values, self.mask)

    def total_label(self) -> str | None:
        """The total as shown, ``None`` when no total is published."""
        if self.total is None:
            return None
        return display(self.total, self.total_suppressed, self.k)

    def shares(self) -> Shares:
        """Each count's share of the total; needs a published total."""
        if self.total is None:
            raise ValueError(texts.SHARES_NEED_TOTAL)
        return _shares(self.values, self.mask, self.total, self.total_suppressed)


@dataclass(frozen=True)
class SuppressedTable:
    """A 2-D table of counts after suppression, with its published margins and their masks."""

    values: pd.DataFrame
    mask: pd.DataFrame
    row_totals: pd.Series | None
    row_totals_mask: pd.Series | None
    col_totals: pd.Series | None
    col_totals_mask: pd.Series | None
    grand_total: int | None
    grand_total_suppressed: bool
    k: int

    def cells(self) -> pd.DataFrame:
        """Values with ``SUPPRESSED`` in place of hidden counts."""
        return _cells(self.values, self.mask)

    def labels(self, with_totals: bool = True) -> pd.DataFrame:
        """Display strings, with a ``Total`` row and/or column for the published margins."""
        values, mask = self._framed() if with_totals else (self.values, self.mask)
        return _labels(values, mask, self.k)

    def styles(self, with_totals: bool = True) -> pd.DataFrame:
        """Style keys, laid out like ``labels``."""
        values, mask = self._framed() if with_totals else (self.values, self.mask)
        return _styles(values, mask)

    def row_shares(self) -> Shares:
        """Each cell's share of its row total; needs published row totals."""
        if self.row_totals is None:
            raise ValueError(texts.SHARES_NEED_TOTAL)
        return _shares(self.values, self.mask, self.row_totals, self.row_totals_mask, axis=0)

    def col_shares(self) -> Shares:
        """Each cell's share of its column total; needs published column totals."""
        if self.col_totals is None:
            raise ValueError(texts.SHARES_NEED_TOTAL)
        return _shares(self.values, self.mask, self.col_totals, self.col_totals_mask, axis=1)

    def _framed(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Values and mask with the margins appended as a ``Total`` row and column."""
        values, mask = self.values.astype(object), self.mask.copy()
        if self.row_totals is not None:
            values[texts.TOTAL] = self.row_totals
            mask[texts.TOTAL] = self.row_totals_mask
        if self.col_totals is not None:
            row, row_mask = self.col_totals.astype(object), self.col_totals_mask.copy()
            if self.row_totals is not None:
                row[texts.TOTAL] = self.grand_total
                row_mask[texts.TOTAL] = self.grand_total_suppressed
            values.loc[texts.TOTAL] = row
            mask.loc[texts.TOTAL] = row_mask
        return values, mask.astype(bool)


def _counts(values, where: str) -> np.ndarray:
    """Non-negative integer counts as an int64 array; anything else is a caller's bug."""
    array = np.asarray(values, dtype=float)
    if np.isnan(array).any() or (array < 0).any() or (array != np.round(array)).any():
        raise ValueError(texts.NOT_COUNTS.format(where=where))
    return array.astype(np.int64)


def suppress_series(
    values: pd.Series, k: int | None = None, with_total: bool = True, enabled: bool = True
) -> SuppressedSeries:
    """Hide the small counts of a 1-D table, with complements when its total is published."""
    # enabled=False (a role that sees everything) keeps one code path in pages: nothing hidden.
    k = resolve_k(k)
    counts = _counts(values, "suppress_series")
    n = len(counts)
    total = int(counts.sum())
    entries = np.append(counts, total) if with_total else counts
    lines = [Line(tuple(range(n)), n)] if with_total else []
    mask = protect(entries, lines, k) if enabled else np.zeros(len(entries), dtype=bool)
    return SuppressedSeries(
        values=pd.Series(counts, index=values.index, name=values.name),
        mask=pd.Series(mask[:n], index=values.index, name=values.name),
        total=total if with_total else None,
        total_suppressed=bool(mask[n]) if with_total else False,
        k=k,
    )


def suppress_table(
    df: pd.DataFrame,
    k: int | None = None,
    row_totals: bool = True,
    col_totals: bool = True,
    enabled: bool = True,
) -> SuppressedTable:
    """Hide the small counts of a 2-D table of counts and the complements its margins need."""
    # With both margins the grand total is published too.
    k = resolve_k(k)
    counts = _counts(df.to_numpy(), "suppress_table").reshape(df.shape)
    n, m = counts.shape
    both = row_totals and col_totals
    # Entries: cells row by row, then row totals, column totals, grand total.
    entries = list(counts.ravel())
    lines: list[Line] = []
    row_index = col_index = grand_index = None
    if row_totals:
        row_index = len(entries)
        entries += list(counts.sum(axis=1))
        lines += [Line(tuple(i * m + j for j in range(m)), row_index + i) for i in range(n)]
    if col_totals:
        col_index = len(entries)
        entries += list(counts.sum(axis=0))
        lines += [Line(tuple(i * m + j for i in range(n)), col_index + j) for j in range(m)]
    if both:
        grand_index = len(entries)
        entries.append(int(counts.sum()))
        lines += [
            Line(tuple(row_index + i for i in range(n)), grand_index),
            Line(tuple(col_index + j for j in range(m)), grand_index),
        ]
    mask = protect(entries, lines, k) if enabled else np.zeros(len(entries), dtype=bool)
    entries = np.asarray(entries, dtype=np.int64)

    def margin(start, size, index):
        if start is None:
            return None, None
        part = slice(start, start + size)
        return pd.Series(entries[part], index=index), pd.Series(mask[part], index=index)

    row_values, row_mask = margin(row_index, n, df.index)
    col_values, col_mask = margin(col_index, m, df.columns)
    return SuppressedTable(
        values=pd.DataFrame(counts, index=df.index, columns=df.columns),
        mask=pd.DataFrame(mask[: n * m].reshape(n, m), index=df.index, columns=df.columns),
        row_totals=row_values,
        row_totals_mask=row_mask,
        col_totals=col_values,
        col_totals_mask=col_mask,
        grand_total=int(entries[grand_index]) if both else None,
        grand_total_suppressed=bool(mask[grand_index]) if both else False,
        k=k,
    )


def suppress_kpis(
    counts: Mapping[str, int | None],
    k: int | None = None,
    parts: Mapping[str, Sequence[Sequence[str]]] | None = None,
    enabled: bool = True,
) -> dict[str, Cell]:
    """KPI cards after suppression, keyed like ``counts`` (pass counts only, not shares).

    A card standing alone is not a cell of a published table: no total exists to subtract it
    from, so hiding 1..k−1 is enough and no complement is needed. Cards that break another card
    down (women and men of the participants) are such a table, though: for the breakdowns in
    ``parts`` (default ``KPI_PARTS``) whose cards are all present, complements are hidden as in
    ``suppress_series``, the gap between the total and its parts being assumed known.
    """
    k = resolve_k(k)
    parts = KPI_PARTS if parts is None else parts
    ids = list(counts)
    present = [i for i in ids if not _missing(counts[i])]
    values = list(_counts([counts[i] for i in present], "suppress_kpis"))
    position = {kpi: p for p, kpi in enumerate(present)}
    known: list[int] = []
    lines: list[Line] = []
    for total, breakdowns in parts.items():
        for breakdown in breakdowns:
            if total not in position or any(p not in position for p in breakdown):
                continue
            gap = values[position[total]] - sum(values[position[p]] for p in breakdown)
            if gap < 0:  # not a breakdown of this total (different scopes): no relation
                continue
            known.append(len(values))
            values.append(gap)
            members = tuple(position[p] for p in breakdown) + (known[-1],)
            lines.append(Line(members, position[total]))
    mask = protect(values, lines, k, known) if enabled else np.zeros(len(values), dtype=bool)
    return {
        kpi: Cell(None, False, k)
        if kpi not in position
        else Cell(int(values[position[kpi]]), bool(mask[position[kpi]]), k)
        for kpi in ids
    }


def to_public_frame(
    df: pd.DataFrame,
    count_columns: Sequence[str],
    k: int | None = None,
    row_totals: bool = False,
    col_totals: bool = True,
    enabled: bool = True,
) -> pd.DataFrame:
    """``df`` for an export: count columns as display strings after suppression, other columns
    untouched, a ``Total`` row (column sums) and/or ``Total`` column (row sums) when asked.

    Column totals are on by default because a per-territory table's column sums are usually
    published elsewhere (the KPI cards); suppression must assume the reader has them.
    """
    count_columns = list(count_columns)
    table = suppress_table(
        df[count_columns], k=k, row_totals=row_totals, col_totals=col_totals, enabled=enabled
    )
    labels = table.labels(with_totals=True)
    out = df.astype(object).copy()
    for column in count_columns:
        out[column] = labels[column].loc[df.index]
    if row_totals:
        out[texts.TOTAL] = labels[texts.TOTAL].loc[df.index]
    if col_totals:
        total_row = pd.Series("", index=out.columns, dtype=object)
        others = [c for c in out.columns if c not in count_columns and c != texts.TOTAL]
        if others:
            total_row[others[0]] = texts.TOTAL
        for column in labels.columns:
            total_row[column] = labels.loc[texts.TOTAL, column]
        out.loc[texts.TOTAL] = total_row
    return out
