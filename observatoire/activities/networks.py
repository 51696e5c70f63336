"""Networks side by side, a national view: several workspace files' KPIs, one table, one map."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from observatoire import db, theme
from observatoire.kpis import KPIS, Period, kpi_value
from observatoire.kpis.compare import by_workspace_figures
from observatoire.texts import activities as texts

SHARED_COLOUR = theme.NO_DATA  # a department claimed by two networks
OVERSEAS = "97"  # overseas departments are drawn only when a network declares them


@dataclass(frozen=True)
class Network:
    """One attached workspace file: its stem (the URL's), French name and path."""

    stem: str
    name: str
    path: Path


@dataclass
class NetworksView:
    """What the page shows: the period, each network's values and departments, the colours."""

    period: Period
    networks: list[Network]
    values: dict[str, dict[str, int | float | None]]  # stem -> KPI id -> value
    departments: dict[str, list[str]]  # stem -> department codes
    colours: dict[str, str]  # stem -> fill

    def labels(self) -> dict[str, str]:
        """Stem -> the network's French name, with its file's stem when another has that name."""
        names = Counter(n.name for n in self.networks)
        return {
            n.stem: n.name
            if names[n.name] == 1
            else texts.NETWORKS_SAME_NAME.format(name=n.name, file=n.stem)
            for n in self.networks
        }

    def table(self) -> pd.DataFrame:
        """KPIs in rows (catalogue label), one column per network, values as every page shows."""
        rows = {texts.NETWORKS_KPI: [k.label for k in KPIS]}
        for stem, label in self.labels().items():
            rows[label] = [kpi_value(k.id, self.values[stem][k.id]) for k in KPIS]
        return pd.DataFrame(rows)

    def owners(self) -> dict[str, list[str]]:
        """Department code -> the stems of the networks declaring it."""
        out: dict[str, list[str]] = {}
        for n in self.networks:
            for code in self.departments[n.stem]:
                out.setdefault(code, []).append(n.stem)
        return out

    def shapes(self, ref) -> list[tuple[str, str, str]]:
        """France's departments: (GeoJSON text, network colour, grey when shared, title)."""
        owners = self.owners()
        names = self.labels()
        shapes = []
        for r in db.rows(ref, "department_shapes", region=None):
            stems = owners.get(r["code"])
            if not stems:  # the rest of mainland France, for context, unnamed
                if not r["code"].startswith(OVERSEAS):
                    shapes.append((r["shape"], theme.MAP_BACKGROUND, ""))
                continue
            fill = self.colours[stems[0]] if len(stems) == 1 else SHARED_COLOUR
            title = f"{r['name']} ({r['code']}) : {', '.join(names[s] for s in stems)}"
            shapes.append((r["shape"], fill, title))
        return shapes


def networks(chosen: Sequence[Network], period: Period) -> NetworksView:
    """The chosen networks' KPIs for ``period`` and their territories, each file read-only."""
    found = by_workspace_figures([n.path for n in chosen], period, [k.id for k in KPIS])
    values = {stem: f.values for stem, f in found.items()}
    departments = {stem: f.departments for stem, f in found.items()}
    palette = theme.CATEGORICAL
    colours = {n.stem: palette[i % len(palette)] for i, n in enumerate(chosen)}
    return NetworksView(period, list(chosen), values, departments, colours)
