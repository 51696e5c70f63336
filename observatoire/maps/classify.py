"""Class breaks for choropleths: Jenks natural breaks or quantiles, at most k classes."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Classes:
    """Classes of a set of values: each is the closed range of the values it holds."""

    method: str  # "jenks", "quantiles" or "single"
    ranges: tuple[tuple[float, float], ...]

    @property
    def k(self) -> int:
        """Number of classes."""
        return len(self.ranges)

    def index(self, value: float | None) -> int | None:
        """The class of a value (0 = lowest), ``None`` for a missing value."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        uppers = [high for _, high in self.ranges]
        return min(bisect_left(uppers, value), self.k - 1)


def _jenks_uppers(values: np.ndarray, k: int) -> list[float]:
    """Upper bounds of the Fisher-Jenks optimal partition of sorted ``values`` into k classes."""
    n = len(values)
    s1 = np.concatenate([[0.0], np.cumsum(values)])
    s2 = np.concatenate([[0.0], np.cumsum(values**2)])

    def ssd(i: np.ndarray, j: int) -> np.ndarray:
        # Sum of squared deviations of values[i..j] (inclusive), vectorised over i.
        count = j - i + 1
        total = s1[j + 1] - s1[i]
        return (s2[j + 1] - s2[i]) - total**2 / count

    cost = np.full((k, n), np.inf)
    start = np.zeros((k, n), dtype=int)
    cost[0] = s2[1:] - s1[1:] ** 2 / np.arange(1, n + 1)  # one class holding values[0..j]
    for m in range(1, k):
        for j in range(m, n):
            i = np.arange(m, j + 1)  # first index of the last class
            total = cost[m - 1, i - 1] + ssd(i, j)
            best = int(np.argmin(total))
            cost[m, j] = total[best]
            start[m, j] = i[best]
    uppers, j = [], n - 1
    for m in range(k - 1, -1, -1):
        uppers.append(float(values[j]))
        j = start[m, j] - 1
    return uppers[::-1]


def classify(values: Sequence[float], k: int = 5, method: str = "jenks") -> Classes:
    """Split values into at most k classes; fewer when there are fewer distinct values."""
    data = np.sort(np.array([v for v in values if v is not None and not math.isnan(v)], float))
    distinct = np.unique(data)
    if len(distinct) <= 1:
        value = float(distinct[0]) if len(distinct) else 0.0
        return Classes("single", ((value, value),))
    k = min(k, len(distinct))
    if method == "jenks":
        uppers = _jenks_uppers(data, k)
    elif method == "quantiles":
        cuts = np.quantile(data, np.linspace(0, 1, k + 1)[1:], method="inverted_cdf")
        uppers = sorted({float(c) for c in cuts})
    else:
        raise ValueError(f"unknown classification method {method!r}")
    ranges, low_index = [], 0
    for upper in uppers:
        high_index = int(np.searchsorted(data, upper, side="right"))
        if high_index > low_index:
            ranges.append((float(data[low_index]), float(data[high_index - 1])))
        low_index = high_index
    return Classes(method, tuple(ranges))


def class_colors(classes: Classes, palette: Sequence[str]) -> list[str]:
    """One colour per class, spread over the palette when there are fewer classes than colours."""
    if classes.k == 1:
        return [palette[len(palette) // 2]]
    last = len(palette) - 1
    return [palette[round(i * last / (classes.k - 1))] for i in range(classes.k)]
