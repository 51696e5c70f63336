"""Public figures: small counts hidden, other counts rounded, one result for every view.

For the public a count is published as:

- ``0`` when it is 0 (a true zero);
- ``< 5`` when it is between 1 and k−1;
- the nearest multiple of k otherwise (7 → 5, 8 → 10, halves rounded up).

Every number the public sees is then a multiple of k, and so is any sum or difference of
numbers shown anywhere (across filters, pages, the map and its popups): no such sum or
difference can give back a count between 1 and k−1. A breakdown (gender, status, circle…)
whose total is between 1 and k−1 is not published at all (``s``): "men 0" next to a total
"< 5" would say that every one of them is a woman. Shares are computed from the published
numbers and hidden with them. Other roles see exact figures through the same functions.
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

# KPI cards that break another card down: when the total is small, its parts are not published.
KPI_PARTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "actors_total": (("actors_circle_1", "actors_circle_2", "actors_circle_3"),),
    "training_participants": (
        ("training_participants_women", "training_participants_men"),
        ("training_participants_volunteers", "training_participants_employees"),
    ),
    "experiments_total": (("experiments_active", "experiments_completed"),),
}


# Indexes the catalogue computes from counts: the public sees them only when those counts are
# shown (an index next to a hidden count would narrow it down).
DERIVED_KPIS: dict[str, tuple[str, ...]] = {
    "rural_representation_index": ("communes_reached", "rural_communes_reached"),
}


def hides_derived(kpi_id: str, values: Mapping[str, object], k: int | None = None) -> bool:
    """Whether the public must not see a derived KPI because a count it comes from is small."""
    inputs = [values.get(i) for i in DERIVED_KPIS.get(kpi_id, ())]
    return any(v is not None and not _missing(v) and is_small(int(v), k) for v in inputs)


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


def round_to_k(value: int, k: int | None = None) -> int:
    """The nearest multiple of k (halves up): what the public reads for a count of at least k."""
    k = resolve_k(k)
    return k * ((int(value) * 2 + k) // (2 * k))


def _missing(value) -> bool:
    """None or NaN: a count nobody computed, shown as a dash."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def published(value, k: int | None = None, exact: bool = False, secret: bool = False):
    """The number a reader sees for a count, ``None`` when it is hidden or missing."""
    if _missing(value):
        return None
    if exact:
        return int(value)
    if secret or is_small(value, k):
        return None
    return round_to_k(value, k)


def display(
    value, suppressed: bool, k: int | None = None, exact: bool = True, secret: bool = False
) -> str:
    """A count as the reader sees it: ``< 5`` (small), ``s`` (breakdown not published), a number.

    ``exact=False`` rounds a shown count to k for the public. A ``secret`` count is a part of a
    small total: every part reads ``s``, whatever its value, so none tells another.
    """
    if _missing(value):
        return formats.number(None)
    if secret or (suppressed and not is_small(value, k)):
        return texts.SECRET
    if suppressed:
        return texts.SMALL_COUNT.format(k=formats.number(resolve_k(k)))
    return formats.number(value if exact else round_to_k(value, k))


def public_label(value, k: int | None = None, enabled: bool = True) -> str:
    """A count standing alone (a popup, a panel line) as the role sees it."""
    if _missing(value):
        return formats.number(None)
    return display(int(value), enabled and is_small(int(value), k), k, exact=not enabled)


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
    """The French sentence that explains the public figures, for a caption or an export footer."""
    k = resolve_k(k)
    low = k + (k - 1) // 2  # the largest count rounded down to k
    template = texts.NOTE_SHORT if short else texts.NOTE
    return template.format(
        k=formats.number(k),
        max=formats.number(k - 1),
        small=texts.SMALL_COUNT.format(k=formats.number(k)),
        secret=texts.SECRET,
        low=formats.number(low),
        high=formats.number(low + 1),
        double=formats.number(2 * k),
    )


@dataclass(frozen=True)
class Cell:
    """One count after suppression, e.g. a KPI card; ``exact`` for roles that see everything."""

    value: int | None
    suppressed: bool
    k: int
    exact: bool = False
    secret: bool = False  # a part of a small total: reads "s"

    @property
    def label(self) -> str:
        """The text to show."""
        return display(self.value, self.suppressed, self.k, self.exact, self.secret)

    @property
    def style(self) -> str:
        """The style key (``suppressed``, ``zero``, ``missing``, ``value``)."""
        return style(self.value, self.suppressed)

    @property
    def published(self) -> int | None:
        """The number shown, ``None`` when hidden or missing."""
        return published(self.value, self.k, self.exact, self.suppressed)

    @property
    def shown(self):
        """The number shown, or ``SUPPRESSED``."""
        return SUPPRESSED if self.suppressed else self.published


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


def _map(function, values, *others):
    """``function`` applied cell by cell over a Series or DataFrame and its companions."""
    if isinstance(values, pd.DataFrame):
        return pd.DataFrame(
            {c: _map(function, values[c], *(o[c] for o in others)) for c in values.columns},
            index=values.index,
        )
    return pd.Series(
        [function(*cells) for cells in zip(values, *others, strict=True)],
        index=values.index,
        name=values.name,
        dtype=object,
    )


def _published(values, mask, k: int, exact: bool):
    """The numbers shown, as floats with NaN where hidden."""
    return _map(lambda v, m: published(v, k, exact, m), values, mask).astype(float)


def _shares(parts, parts_mask, totals, totals_mask, k, exact, axis=None) -> Shares:
    """Published parts / published totals, hidden with either side."""
    numerator = _published(parts, parts_mask, k, exact)
    if axis is None:
        total = published(totals, k, exact, bool(totals_mask))
        denominator = np.nan if not total else float(total)
        shares = numerator / denominator
    else:
        total = _published(totals, totals_mask, k, exact)
        shares = numerator.div(total.where(total != 0), axis=axis)
    shares = shares.astype(float)
    return Shares(values=shares, mask=shares.isna())


@dataclass(frozen=True)
class SuppressedSeries:
    """A 1-D table of counts after suppression, with its total when one is published."""

    values: pd.Series  # the true counts: never shown as such to the public
    mask: pd.Series
    total: int | None
    total_suppressed: bool
    k: int
    exact: bool = False
    secret: bool = False  # the total is small: no part is published

    def cells(self) -> pd.Series:
        """Published numbers with ``SUPPRESSED`` in place of hidden counts (object dtype)."""
        return self.published().astype(object).where(~self.mask, SUPPRESSED)

    def published(self) -> pd.Series:
        """The numbers shown (rounded for the public), NaN where hidden."""
        return _published(self.values, self.mask, self.k, self.exact)

    def labels(self) -> pd.Series:
        """Display strings (``< 5``, ``s``, ``0``, ``1 235``)."""
        return _map(
            lambda v, m: display(v, m, self.k, self.exact, self.secret), self.values, self.mask
        )

    def styles(self) -> pd.Series:
        """Style keys, for colouring ``< 5`` apart from 0."""
        return _map(style, self.values, self.mask)

    def total_label(self) -> str | None:
        """The total as shown, ``None`` when no total is published."""
        if self.total is None:
            return None
        return display(self.total, self.total_suppressed, self.k, self.exact)

    def shares(self) -> Shares:
        """Each count's share of the total; needs a published total."""
        if self.total is None:
            raise ValueError(texts.SHARES_NEED_TOTAL)
        return _shares(
            self.values, self.mask, self.total, self.total_suppressed, self.k, self.exact
        )


@dataclass(frozen=True)
class SuppressedTable:
    """A 2-D table of counts after suppression, with its published margins and their masks."""

    values: pd.DataFrame  # the true counts: never shown as such to the public
    mask: pd.DataFrame
    row_totals: pd.Series | None
    row_totals_mask: pd.Series | None
    col_totals: pd.Series | None
    col_totals_mask: pd.Series | None
    grand_total: int | None
    grand_total_suppressed: bool
    k: int
    exact: bool = False
    secret: pd.DataFrame | None = None  # cells of a small published margin: read "s"

    def cells(self) -> pd.DataFrame:
        """Published numbers with ``SUPPRESSED`` in place of hidden counts."""
        return self.published().astype(object).where(~self.mask, SUPPRESSED)

    def published(self) -> pd.DataFrame:
        """The numbers shown (rounded for the public), NaN where hidden."""
        return _published(self.values, self.mask, self.k, self.exact)

    def labels(self, with_totals: bool = True) -> pd.DataFrame:
        """Display strings, with a ``Total`` row and/or column for the published margins."""
        values, mask = self._framed() if with_totals else (self.values, self.mask)
        secret = self._framed_secret(values)
        return _map(
            lambda v, m, s: display(v, m, self.k, self.exact, bool(s)), values, mask, secret
        )

    def styles(self, with_totals: bool = True) -> pd.DataFrame:
        """Style keys, laid out like ``labels``."""
        values, mask = self._framed() if with_totals else (self.values, self.mask)
        return _map(style, values, mask)

    def row_shares(self) -> Shares:
        """Each cell's share of its row total; needs published row totals."""
        if self.row_totals is None:
            raise ValueError(texts.SHARES_NEED_TOTAL)
        return _shares(
            self.values, self.mask, self.row_totals, self.row_totals_mask, self.k, self.exact, 0
        )

    def col_shares(self) -> Shares:
        """Each cell's share of its column total; needs published column totals."""
        if self.col_totals is None:
            raise ValueError(texts.SHARES_NEED_TOTAL)
        return _shares(
            self.values, self.mask, self.col_totals, self.col_totals_mask, self.k, self.exact, 1
        )

    def _framed_secret(self, values: pd.DataFrame) -> pd.DataFrame:
        """The ``secret`` flags laid out like ``values`` (margins: secret with a small grand total)."""
        flags = pd.DataFrame(False, index=values.index, columns=values.columns)
        if self.secret is not None:
            flags.loc[self.secret.index, self.secret.columns] = self.secret
        if self.grand_total_suppressed:
            if texts.TOTAL in flags.columns:
                flags.loc[self.values.index, texts.TOTAL] = True
            if texts.TOTAL in flags.index:
                flags.loc[texts.TOTAL, self.values.columns] = True
        return flags

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


def _small(counts: np.ndarray, k: int) -> np.ndarray:
    return (counts >= 1) & (counts <= k - 1)


def suppress_series(
    values: pd.Series, k: int | None = None, with_total: bool = True, enabled: bool = True
) -> SuppressedSeries:
    """Hide the small counts of a 1-D table, all of them when its published total is small."""
    # enabled=False (a role that sees everything) keeps one code path in pages: nothing hidden.
    k = resolve_k(k)
    counts = _counts(values, "suppress_series")
    total = int(counts.sum())
    mask = _small(counts, k)
    secret = bool(enabled and with_total and is_small(total, k))
    if secret:
        mask[:] = True
    if not enabled:
        mask[:] = False
    return SuppressedSeries(
        values=pd.Series(counts, index=values.index, name=values.name),
        mask=pd.Series(mask, index=values.index, name=values.name),
        total=total if with_total else None,
        total_suppressed=secret,
        k=k,
        exact=not enabled,
        secret=secret,
    )


def suppress_table(
    df: pd.DataFrame,
    k: int | None = None,
    row_totals: bool = True,
    col_totals: bool = True,
    enabled: bool = True,
) -> SuppressedTable:
    """Hide the small counts of a 2-D table, and every cell of a published margin that is small."""
    # With both margins the grand total is published too.
    k = resolve_k(k)
    counts = _counts(df.to_numpy(), "suppress_table").reshape(df.shape)
    rows, cols = counts.sum(axis=1), counts.sum(axis=0)
    grand = int(counts.sum())
    secret = np.zeros(counts.shape, dtype=bool)
    if row_totals:
        secret |= _small(rows, k)[:, None]
    if col_totals:
        secret |= _small(cols, k)[None, :]
    secret &= enabled
    mask = (_small(counts, k) & enabled) | secret
    both = row_totals and col_totals

    def margin(on: bool, sums: np.ndarray, index):
        if not on:
            return None, None
        hidden = _small(sums, k) & enabled
        return pd.Series(sums, index=index), pd.Series(hidden, index=index)

    row_values, row_mask = margin(row_totals, rows, df.index)
    col_values, col_mask = margin(col_totals, cols, df.columns)
    return SuppressedTable(
        values=pd.DataFrame(counts, index=df.index, columns=df.columns),
        mask=pd.DataFrame(mask, index=df.index, columns=df.columns),
        row_totals=row_values,
        row_totals_mask=row_mask,
        col_totals=col_values,
        col_totals_mask=col_mask,
        grand_total=grand if both else None,
        grand_total_suppressed=bool(both and enabled and is_small(grand, k)),
        k=k,
        exact=not enabled,
        secret=pd.DataFrame(secret, index=df.index, columns=df.columns),
    )


def suppress_kpis(
    counts: Mapping[str, int | None],
    k: int | None = None,
    parts: Mapping[str, Sequence[Sequence[str]]] | None = None,
    enabled: bool = True,
) -> dict[str, Cell]:
    """KPI cards after suppression, keyed like ``counts`` (pass counts only, not shares).

    A small card is hidden; the breakdowns of ``parts`` (default ``KPI_PARTS``) of a small total
    are hidden whole; every other card is rounded to k.
    """
    k = resolve_k(k)
    parts = KPI_PARTS if parts is None else parts
    values = {
        i: None if _missing(v) else int(_counts([v], "suppress_kpis")[0]) for i, v in counts.items()
    }
    small = {i for i, v in values.items() if v is not None and is_small(v, k)}
    secret = {
        p
        for total, breakdowns in parts.items()
        if total in small
        for breakdown in breakdowns
        for p in breakdown
        if values.get(p) is not None
    }
    if not enabled:
        small, secret = set(), set()
    return {
        i: Cell(v, i in small | secret, k, exact=not enabled, secret=i in secret)
        for i, v in values.items()
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
