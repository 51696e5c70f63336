"""Priority score of uncovered territories: who is far from everything, and how much it matters.

Only the *uncovered* communes of a territory count: on the reach basis (``activite``, the
default) no activity of the period within R km of their reference point, so U is the population
*not reached*; on the presence basis no actor within R km. A territory with none scores 0. Over those communes, with n = max(population, 1) as the
weight of each commune (so empty communes still count a little):

    P = min(1, log10(1 + U) / log10(1 + population_reference))   U = uncovered population
    R = weighted mean of (density_level − 1) / 6                  1 = very sparse rural (level 7)
    F = weighted mean of FRR_LEVELS[frr_class]                    1 = FRR+, 0 = not classified
    Q = 1 if an uncovered commune holds a QPV, else 0
    D = min(1, weighted mean distance to the nearest activity (reach) or actor (presence)
               / distance_reference_km)

    score = 100 · (wP·P + wR·R + wF·F + wQ·Q + wD·D) / (wP + wR + wF + wQ + wD)

Default weights: wP = 0.40 (population), wR = 0.20 (rurality), wF = 0.15 (FRR), wQ = 0.10
(QPV), wD = 0.15 (distance); population_reference = 100,000 inhabitants, distance_reference_km
= 50 km. The score lies in [0, 100]. The log keeps a large town from drowning every village; the
fixed references (not the maximum of the table) keep a territory's score unchanged when the
list is filtered. A single commune is its own territory: its components are its own values.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

# How strongly each France Ruralités Revitalisation class marks a commune as a priority.
FRR_LEVELS = {
    "FRR+": 1.0,
    "FRR socle": 0.75,
    "Classée FRR partiellement": 0.5,
    "FRR bénéficiaire": 0.5,
    "FRR bénéficiaire partiellement": 0.25,
    "Non classée": 0.0,
}
COMPONENTS = ("population", "rurality", "frr", "qpv", "distance")
# The distance D measures, per basis.
DISTANCE_COLUMNS = {"activite": "nearest_activity_km", "presence": "nearest_actor_km"}


@dataclass(frozen=True)
class Weights:
    """Weights and references of the priority score (defaults as in the module docstring)."""

    population: float = 0.40
    rurality: float = 0.20
    frr: float = 0.15
    qpv: float = 0.10
    distance: float = 0.15
    population_reference: float = 100_000.0
    distance_reference_km: float = 50.0

    def as_dict(self) -> dict[str, float]:
        """The weights as plain data, for display and JSON."""
        return asdict(self)


DEFAULT_WEIGHTS = Weights()


def formula_text(weights: Weights = DEFAULT_WEIGHTS, basis: str = "activite") -> str:
    """The French explanation of the score with these weights and basis, French number formats."""
    from observatoire import formats
    from observatoire.texts.coverage import SCORE_BASIS_FR, SCORE_FORMULA_FR

    # Weights keep their significant digits (0,125 stays 0,125); references get thousands.
    values = {
        k: formats.number(v) if float(v).is_integer() else f"{v:g}".replace(".", ",")
        for k, v in weights.as_dict().items()
    }
    return SCORE_FORMULA_FR.format(**values, **SCORE_BASIS_FR[basis])


def components(
    communes: pd.DataFrame,
    key: str | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    distance: str = "nearest_actor_km",
) -> pd.DataFrame:
    """The score components P, R, F, Q, D per commune (``key`` None) or per group of communes.

    ``communes`` needs population, density_level, frr_class, qpv_count, uncovered and the
    ``distance`` column (see DISTANCE_COLUMNS). The result is indexed like ``communes`` or by the ``key`` values, with the columns
    uncovered_population and the five COMPONENTS.
    """
    unc = communes["uncovered"].astype(bool).to_numpy()
    pop = communes["population"].fillna(0).to_numpy(dtype=float)
    n = np.where(unc, np.maximum(pop, 1.0), 0.0)
    parts = pd.DataFrame(
        {
            "group": communes[key].to_numpy() if key else communes.index.to_numpy(),
            "uncovered_population": np.where(unc, pop, 0.0),
            "n": n,
            "rural_n": n * (communes["density_level"].to_numpy(dtype=float) - 1.0) / 6.0,
            "frr_n": n * communes["frr_class"].map(FRR_LEVELS).fillna(0.0).to_numpy(dtype=float),
            "qpv": np.where(unc, communes["qpv_count"].fillna(0).to_numpy(dtype=float), 0.0),
            "dist_n": n * np.nan_to_num(communes[distance].to_numpy(dtype=float), posinf=1e6),
        }
    )
    sums = parts.groupby("group", sort=False, dropna=True).sum()
    weight = sums["n"].where(sums["n"] > 0)
    u = sums["uncovered_population"]
    out = pd.DataFrame(index=sums.index)
    out["uncovered_population"] = u
    out["population"] = np.minimum(
        1.0, np.log10(1.0 + u) / np.log10(1.0 + weights.population_reference)
    )
    out["rurality"] = (sums["rural_n"] / weight).fillna(0.0)
    out["frr"] = (sums["frr_n"] / weight).fillna(0.0)
    out["qpv"] = (sums["qpv"] > 0).astype(float)
    out["distance"] = np.minimum(
        1.0, (sums["dist_n"] / weight).fillna(0.0) / weights.distance_reference_km
    )
    out.index.name = key
    return out


def score(parts: pd.DataFrame, weights: Weights = DEFAULT_WEIGHTS) -> pd.Series:
    """The 0–100 priority score from the components of :func:`components`."""
    w = {c: getattr(weights, c) for c in COMPONENTS}
    total = sum(w.values())
    if total <= 0:
        raise ValueError("weights")
    value = sum(w[c] * parts[c] for c in COMPONENTS) / total * 100.0
    return value.round(2).rename("score")
