"""The suppression engine: which entries of a set of additive relations must be hidden.

A table is a list of entries (cells and totals) and of lines, each line saying
``sum(parts) == total``. The engine hides:

1. primary entries: every count between 1 and k−1;
2. complements by line (the line rule): while some line has exactly one hidden entry,
   the smallest non-zero shown entry of that line is hidden too (a part before the total);
3. complements by audit: a reader who sees the shown entries and the labels knows, for each
   hidden entry, that it satisfies every line and lies in ``[1, k−1]`` (label "< k") or in
   ``[k, ∞)`` (label "s": a complement is never small, or it would be primary). An entry is
   recoverable when that system pins it to one value, which the line rule alone does not
   rule out (two cycles joined by one cell; a pair of hidden 1s whose sum is known). Pinned
   entries are found exactly (an LP for the entries stuck at a bound; then, among the others,
   the bridges of the graph whose nodes are lines and whose edges are hidden entries, or the
   null space of the lines when they do not form such a graph), and the smallest shown entry
   nearest to each gets hidden, until none is pinned.

Why bridges: in a table with margins every entry lies on two lines (its row and its column), and
after flipping the sign of the totals every line reads "sum = 0" over a bipartite graph (rows
against columns). Moving hidden entries without changing any shown one is then a circulation:
+1, −1 around a cycle. An entry can move iff it lies on a cycle, i.e. is not a bridge. Entries
on one line only (a 1-D table) hang on an extra node that no line constrains.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.linalg import null_space
from scipy.optimize import linprog

TOLERANCE = 1e-7


@dataclass(frozen=True)
class Line:
    """One additive relation between entries: ``sum(parts) == total``."""

    parts: tuple[int, ...]
    total: int

    @property
    def entries(self) -> tuple[int, ...]:
        """Every entry of the line, total last."""
        return (*self.parts, self.total)


def reader_bounds(value: int, k: int) -> tuple[float, float]:
    """What the label of a hidden entry tells the reader: small ``[1, k−1]`` or not ``[k, ∞)``."""
    return (1.0, float(k - 1)) if value < k else (float(k), math.inf)


def protect(
    values: Sequence[int], lines: Sequence[Line], k: int, known: Collection[int] = ()
) -> np.ndarray:
    """The mask of entries to hide; ``known`` entries are assumed known to the reader, never hidden."""
    # e.g. the people of gender X: the gap between a KPI total and its parts.
    v = np.asarray(values, dtype=np.int64)
    hideable = np.ones(len(v), dtype=bool)
    hideable[list(known)] = False
    mask = hideable & (v >= 1) & (v <= k - 1)
    if not lines:
        return mask
    member_of: list[list[int]] = [[] for _ in v]
    for index, line in enumerate(lines):
        for entry in line.entries:
            member_of[entry].append(index)
    graphic = _graphic(lines, member_of)
    lifted: set[int] = set()
    _complete_lines(v, mask, hideable, lines)
    while True:
        pinned = pinned_entries(v, mask, lines, k, member_of if graphic else None, lifted)
        used_lines: set[int] = set()
        added = False
        for entry in pinned:
            # One complement per line and round: a single one often frees several entries.
            if used_lines.intersection(member_of[entry]):
                continue
            chosen = _nearest_candidate(entry, v, mask, hideable, lines, member_of)
            if chosen is None:
                continue
            mask[chosen] = True
            used_lines.update(member_of[entry])
            used_lines.update(member_of[chosen])
            added = True
        if not added:
            return mask
        _complete_lines(v, mask, hideable, lines)


def _line_candidate(line: Line, v, mask, hideable) -> int | None:
    """The smallest non-zero shown entry of a line, a part before the total."""
    options = [
        (entry == line.total, int(v[entry]), entry)
        for entry in line.entries
        if hideable[entry] and not mask[entry] and v[entry] > 0
    ]
    return min(options)[2] if options else None


def _complete_lines(v, mask, hideable, lines: Sequence[Line]) -> None:
    """While a line has exactly one hidden entry, hide its next-smallest non-zero entry."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(bool(mask[e]) for e in line.entries) == 1:
                chosen = _line_candidate(line, v, mask, hideable)
                if chosen is not None:
                    mask[chosen] = True
                    changed = True


def _nearest_candidate(entry, v, mask, hideable, lines, member_of) -> int | None:
    """The smallest shown entry in the lines of ``entry``, else of the nearest lines beyond."""
    # Breadth first through hidden entries: a complement far from the pinned entry cannot free it.
    seen_lines: set[int] = set()
    frontier = set(member_of[entry])
    while frontier:
        seen_lines |= frontier
        options = [
            c
            for index in frontier
            if (c := _line_candidate(lines[index], v, mask, hideable)) is not None
        ]
        if options:
            return min(options, key=lambda c: (int(v[c]), c))
        reached = {
            other
            for index in frontier
            for e in lines[index].entries
            if mask[e]
            for other in member_of[e]
        }
        frontier = reached - seen_lines
    return None


def _coefficient(line: Line, entry: int) -> int:
    """+1 for a part of the line, −1 for its total."""
    return -1 if entry == line.total else 1


def _graphic(lines: Sequence[Line], member_of: list[list[int]]) -> bool:
    """Whether bridges decide which entries the lines pin (entries on ≤ 2 lines, cycles balanced)."""
    # Balanced: line signs exist so that moving +1, −1 around any cycle keeps every line's sum.
    if any(len(m) > 2 for m in member_of):
        return False
    sign: dict[int, int] = {}
    neighbours: dict[int, list[tuple[int, int]]] = {}
    for entry, members in enumerate(member_of):
        if len(members) == 2:
            a, b = members
            edge = -_coefficient(lines[a], entry) * _coefficient(lines[b], entry)
            neighbours.setdefault(a, []).append((b, edge))
            neighbours.setdefault(b, []).append((a, edge))
    for start in neighbours:
        if start in sign:
            continue
        sign[start] = 1
        stack = [start]
        while stack:
            node = stack.pop()
            for other, edge in neighbours[node]:
                if other not in sign:
                    sign[other] = sign[node] * edge
                    stack.append(other)
                elif sign[other] != sign[node] * edge:
                    return False
    return True


def _bridges(n_nodes: int, edges: list[tuple[int, int]]) -> set[int]:
    """Indices of the edges on no cycle (Tarjan, iterative; parallel edges form cycles)."""
    adjacent: list[list[tuple[int, int]]] = [[] for _ in range(n_nodes)]
    for index, (a, b) in enumerate(edges):
        adjacent[a].append((b, index))
        adjacent[b].append((a, index))
    order = [-1] * n_nodes
    low = [0] * n_nodes
    clock = 0
    bridges: set[int] = set()
    for root in range(n_nodes):
        if order[root] != -1:
            continue
        order[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, iter(adjacent[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            for other, index in neighbours:
                if index == via:
                    continue
                if order[other] == -1:
                    order[other] = low[other] = clock
                    clock += 1
                    stack.append((other, index, iter(adjacent[other])))
                    break
                low[node] = min(low[node], order[other])
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        bridges.add(via)
    return bridges


def pinned_entries(
    v,
    mask,
    lines: Sequence[Line],
    k: int,
    member_of: list[list[int]] | None = None,
    lifted: set[int] | None = None,
) -> list[int]:
    """Hidden entries a reader can compute exactly from the shown entries and the labels."""
    # With ``member_of`` (graphic lines, see ``_graphic``) bridges replace the SVD. ``lifted``
    # collects entries seen off their bounds: hiding more only adds freedom (a known number
    # becomes a range containing it), so an entry once lifted stays so and needs no new LP.
    lifted = set() if lifted is None else lifted
    hidden = np.flatnonzero(mask)
    if hidden.size == 0:
        return []
    column = {int(e): j for j, e in enumerate(hidden)}
    rows, rhs = [], []
    for line in lines:
        if not any(mask[e] for e in line.entries):
            continue
        row = np.zeros(hidden.size)
        constant = 0.0
        for e, sign in [(p, 1.0) for p in line.parts] + [(line.total, -1.0)]:
            if mask[e]:
                row[column[e]] += sign
            else:
                constant += sign * float(v[e])
        rows.append(row)
        rhs.append(-constant)
    if not rows:
        return []
    matrix, rhs = np.array(rows), np.array(rhs)
    bounds = [reader_bounds(int(v[e]), k) for e in hidden]
    lower = np.array([b[0] for b in bounds])
    upper = np.array([b[1] for b in bounds])
    actual = v[hidden].astype(float)
    # A label that covers one value ("< 2") discloses it by itself: not the engine's to fix.
    by_label = {j for j in range(hidden.size) if lower[j] == upper[j]}
    at_bound = [
        j
        for j in range(hidden.size)
        if j not in by_label
        and int(hidden[j]) not in lifted
        and (actual[j] == lower[j] or actual[j] == upper[j])
    ]
    stuck_at_bound = _stuck_at_bound(matrix, rhs, lower, upper, at_bound)
    lifted.update(int(hidden[j]) for j in at_bound if j not in stuck_at_bound)
    stuck = by_label | stuck_at_bound
    free = [j for j in range(hidden.size) if j not in stuck]
    pinned = stuck - by_label
    if free and member_of is not None:
        # Entries strictly inside their bounds can all move at once; one then moves iff it lies
        # on a cycle of hidden, unstuck entries.
        outside = len(lines)  # the node of entries on one line only
        edges = []
        on_lines = [j for j in free if member_of[int(hidden[j])]]  # no line, nothing to pin
        for j in on_lines:
            members = member_of[int(hidden[j])]
            edges.append((members[0], members[1] if len(members) == 2 else outside))
        pinned |= {on_lines[i] for i in _bridges(len(lines) + 1, edges)}
    elif free:
        # Same idea in general: an entry moves iff some direction of the null space of the
        # lines (stuck entries held fixed) moves it.
        basis = null_space(matrix[:, free])
        for i, j in enumerate(free):
            if basis.shape[1] == 0 or np.all(np.abs(basis[i]) < 1e-9):
                pinned.add(j)
    return sorted(int(hidden[j]) for j in pinned)


def _stuck_at_bound(matrix, rhs, lower, upper, candidates: list[int]) -> set[int]:
    """Candidates that no point consistent with what is shown lifts off their bounds."""
    remaining = set(candidates)
    n = matrix.shape[1]
    while remaining:
        order = sorted(remaining)
        m = len(order)
        # Maximise the sum of slacks t_i, with lower_j + t_i <= x_j <= upper_j - t_i, 0 <= t_i <= 1.
        rows, cols, data, b_ub = [], [], [], []
        for i, j in enumerate(order):
            sides = [(-1.0, -lower[j])]
            if math.isfinite(upper[j]):
                sides.append((1.0, upper[j]))
            for sign, bound in sides:
                rows += [len(b_ub), len(b_ub)]
                cols += [j, n + i]
                data += [sign, 1.0]
                b_ub.append(bound)
        result = linprog(
            c=np.concatenate([np.zeros(n), -np.ones(m)]),
            A_ub=sparse.csr_array((data, (rows, cols)), shape=(len(b_ub), n + m)),
            b_ub=np.array(b_ub),
            A_eq=sparse.hstack([sparse.csr_array(matrix), sparse.csr_array((matrix.shape[0], m))]),
            b_eq=rhs,
            bounds=[(lower[j], None if math.isinf(upper[j]) else upper[j]) for j in range(n)]
            + [(0.0, 1.0)] * m,
            method="highs",
        )
        if result.status != 0:
            # The true values are feasible, so this is numerical trouble: assume the worst.
            return remaining
        lifted = {j for i, j in enumerate(order) if result.x[n + i] > TOLERANCE}
        if not lifted:
            break
        remaining -= lifted
    return remaining
