"""The KPI card: one catalogue value with its French label, format and definition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from observatoire import formats
from observatoire.kpis import BY_ID


def _delta(change) -> dict:
    """``st.metric`` delta arguments for a change, French-formatted.

    The sign is given explicitly: Streamlit reads direction from a leading ASCII "-", which the
    true minus of French formatting is not.
    """
    if change is None or change != change:
        return {}
    decimals = 0 if float(change).is_integer() else 1
    text = formats.signed(change, decimals)
    if change > 0:
        return {"delta": text, "delta_arrow": "up", "delta_color": "blue"}
    if change < 0:
        return {"delta": text, "delta_arrow": "down", "delta_color": "orange"}
    return {"delta": text, "delta_arrow": "off", "delta_color": "gray"}


def kpi_cards(
    values: Mapping[str, object],
    ids: Sequence[str],
    per_row: int = 4,
    *,
    changes: Mapping[str, object] | None = None,
    change_label: str | None = None,
    captions: Mapping[str, str] | None = None,
) -> None:
    """Cards for the given KPI ids, ``per_row`` per line, values as computed by the catalogue.

    Optional: ``changes`` (id -> signed change, shown as the card's delta, described by
    ``change_label``) and ``captions`` (id -> a French line under the card, e.g. its target).
    """
    for first in range(0, len(ids), per_row):
        row = ids[first : first + per_row]
        for column, kpi_id in zip(st.columns(per_row), row, strict=False):
            kpi = BY_ID[kpi_id]
            delta = _delta(changes.get(kpi_id)) if changes else {}
            if delta and change_label:
                delta["delta_description"] = change_label
            column.metric(
                kpi.label, formats.kpi_value(kpi, values[kpi_id]), help=kpi.definition, **delta
            )
            if captions and kpi_id in captions:
                column.caption(captions[kpi_id])
