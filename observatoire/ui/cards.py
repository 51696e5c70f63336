"""The KPI card: one catalogue value with its French label, format and definition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from observatoire import formats
from observatoire.kpis import BY_ID


def kpi_cards(values: Mapping[str, object], ids: Sequence[str], per_row: int = 4) -> None:
    """Cards for the given KPI ids, ``per_row`` per line, values as computed by the catalogue."""
    for first in range(0, len(ids), per_row):
        row = ids[first : first + per_row]
        for column, kpi_id in zip(st.columns(per_row), row, strict=False):
            kpi = BY_ID[kpi_id]
            column.metric(kpi.label, formats.kpi_value(kpi, values[kpi_id]), help=kpi.definition)
