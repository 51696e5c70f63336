"""Tour planner: choose K host communes that newly cover the most weighted uncovered population.

"Uncovered" follows the basis of the commune table: by default the population not reached by
any activity of the period within R km (see ``aggregate.commune_table``).

Maximum coverage, solved greedily. A host commune covers every uncovered commune whose reference
point lies within R great-circle km of the host's reference point. The value of an uncovered
commune is its population × ``rural_weight`` (if rural) × ``qpv_weight`` (if it holds a QPV).
Each step takes the candidate with the largest newly covered value; ties go to the smallest
commune code. Greedy is within (1 − 1/e) of the optimum for this submodular objective, and its
successive gains never increase. The planner stops early when no candidate adds anything.

Efficiency: candidate → covered-commune sets are computed once with a KD-tree (CSR arrays), then
lazy greedy re-evaluates only the candidate on top of a max-heap of stale gains (a stale gain is
an upper bound, by submodularity).
"""

from __future__ import annotations

import heapq
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from observatoire.coverage import DEFAULT_QPV_WEIGHT, DEFAULT_RURAL_WEIGHT
from observatoire.coverage.distances import PointIndex


@dataclass
class Stop:
    """One chosen host commune and what it adds."""

    rank: int
    code: str
    name: str
    department_code: str
    gain: float  # newly covered weighted population
    population: int  # newly covered inhabitants
    communes: int  # newly covered communes
    cumulative_population: int
    cumulative_share: float  # of the uncovered population


@dataclass
class Plan:
    """The ordered stops and their total effect."""

    radius_km: float
    candidates: str
    rural_weight: float
    qpv_weight: float
    uncovered_population: int
    newly_covered_population: int
    share: float  # newly covered ÷ uncovered population (0 when nothing is uncovered)
    stops: list[Stop] = field(default_factory=list)
    basis: str = "activite"  # which population is targeted: not reached (activite) or not covered
    period: dict | None = None  # {"start", "end", "label"} of the period measured

    def as_dict(self) -> dict:
        """Plain data for JSON."""
        return asdict(self)


def greedy_max_coverage(
    indptr: np.ndarray, indices: np.ndarray, values: np.ndarray, k: int
) -> list[tuple[int, float]]:
    """Lazy greedy over CSR sets: up to ``k`` (set, marginal gain) pairs, gains non-increasing.

    Set ``i`` covers elements ``indices[indptr[i]:indptr[i+1]]`` worth ``values``. Stops early
    when the best remaining gain is zero.
    """
    values = np.asarray(values, dtype=float)
    n_sets = len(indptr) - 1
    sizes = np.diff(indptr)
    initial = np.bincount(
        np.repeat(np.arange(n_sets), sizes), weights=values[indices], minlength=n_sets
    )
    heap = [(-g, i) for i, g in enumerate(initial) if g > 0]
    heapq.heapify(heap)
    covered = np.zeros(len(values), dtype=bool)
    chosen: list[tuple[int, float]] = []
    while heap and len(chosen) < k:
        _, i = heapq.heappop(heap)
        members = indices[indptr[i] : indptr[i + 1]]
        gain = float(values[members][~covered[members]].sum())
        if gain <= 0:
            continue
        # The stale bound of the next set caps its true gain: if ours still beats it, we win.
        if heap and (-heap[0][0], -heap[0][1]) > (gain, -i):
            heapq.heappush(heap, (-gain, i))
            continue
        covered[members] = True
        chosen.append((i, gain))
    return chosen


def commune_values(communes: pd.DataFrame, rural_weight: float, qpv_weight: float) -> np.ndarray:
    """Weighted population of each commune: population × rural and QPV factors."""
    pop = communes["population"].fillna(0).to_numpy(dtype=float)
    rural = communes["rural"].astype(bool).to_numpy()
    qpv = communes["qpv_count"].fillna(0).to_numpy() > 0
    return pop * np.where(rural, rural_weight, 1.0) * np.where(qpv, qpv_weight, 1.0)


def plan(
    communes: pd.DataFrame,
    stops: int,
    radius_km: float,
    candidates: pd.DataFrame | None = None,
    rural_weight: float = DEFAULT_RURAL_WEIGHT,
    qpv_weight: float = DEFAULT_QPV_WEIGHT,
    candidate_kind: str = "communes",
) -> Plan:
    """Choose up to ``stops`` host communes among ``candidates`` (default: every commune).

    ``communes`` is a commune table (see ``aggregate.commune_table``) with code, name,
    department_code, population, rural, qpv_count, lon, lat and ``uncovered``.
    """
    if stops < 1 or radius_km <= 0 or rural_weight < 0 or qpv_weight < 0:
        raise ValueError("plan parameters")
    cand = communes if candidates is None else candidates
    cand = cand.sort_values("code", kind="stable").reset_index(drop=True)
    open_ = communes[communes["uncovered"].astype(bool)].reset_index(drop=True)
    values = commune_values(open_, rural_weight, qpv_weight)
    pop = open_["population"].fillna(0).to_numpy(dtype=np.int64)
    index = PointIndex(open_["lon"].to_numpy(), open_["lat"].to_numpy())
    indptr, indices = index.within(cand["lon"].to_numpy(), cand["lat"].to_numpy(), radius_km)
    uncovered_population = int(pop.sum())
    covered = np.zeros(len(open_), dtype=bool)
    result = Plan(radius_km, candidate_kind, rural_weight, qpv_weight, uncovered_population, 0, 0.0)
    total = 0
    for rank, (i, gain) in enumerate(greedy_max_coverage(indptr, indices, values, stops), start=1):
        members = indices[indptr[i] : indptr[i + 1]]
        new = members[~covered[members]]
        covered[new] = True
        added = int(pop[new].sum())
        total += added
        row = cand.iloc[i]
        result.stops.append(
            Stop(
                rank=rank,
                code=str(row["code"]),
                name=str(row["name"]),
                department_code=str(row["department_code"]),
                gain=round(gain, 3),
                population=added,
                communes=len(new),
                cumulative_population=total,
                cumulative_share=total / uncovered_population if uncovered_population else 0.0,
            )
        )
    result.newly_covered_population = total
    result.share = total / uncovered_population if uncovered_population else 0.0
    return result
