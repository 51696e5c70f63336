"""The KPI card: one catalogue value with its French label, format and definition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from observatoire import formats
from observatoire.kpis import BY_ID, Comparison, Period, Unit, kpi_value
from observatoire.privacy import Cell, Viewer, note, suppress_kpis
from observatoire.privacy.suppression import hides_derived
from observatoire.texts import activities as card_texts
from observatoire.texts import privacy as privacy_texts
from observatoire.ui import page_data


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


COUNTED = (Unit.COUNT, Unit.PEOPLE)


def public_cells(
    values: Mapping[str, object], ids: Sequence[str], k: int | None = None
) -> dict[str, Cell]:
    """The count cards among ``ids`` as the public sees them (shares and indexes pass)."""
    counts = {i: values[i] for i in ids if BY_ID[i].unit in COUNTED}
    return suppress_kpis(counts, k)


def _public_change(cell: Cell | None, change):
    """A card's change for the public: between the published numbers, ``None`` when hidden."""
    if cell is None or change is None or change != change:
        return change
    if cell.suppressed or cell.value is None:
        return None
    before = Cell(cell.value - int(change), False, cell.k)
    if before.published is None:
        return None
    return cell.published - before.published


def kpi_cards(
    viewer: Viewer,
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
    # The public sees counts rounded to k and "< 5"; the viewer comes from the frame.
    public = viewer.suppresses
    cells = public_cells(values, ids, viewer.k) if public else {}
    for first in range(0, len(ids), per_row):
        row = ids[first : first + per_row]
        for column, kpi_id in zip(st.columns(per_row), row, strict=False):
            kpi = BY_ID[kpi_id]
            change = changes.get(kpi_id) if changes else None
            if public and kpi_id in cells:
                change = _public_change(cells[kpi_id], change)
            delta = _delta(change)
            if delta and change_label:
                delta["delta_description"] = change_label
            cell = cells.get(kpi_id)
            if cell:
                shown = cell.label
            elif public and hides_derived(kpi_id, values, viewer.k):
                shown = privacy_texts.SHARE
            else:
                shown = kpi_value(kpi, values[kpi_id])
            column.metric(kpi.label, shown, help=kpi.definition, **delta)
            if captions and kpi_id in captions:
                column.caption(captions[kpi_id])
    if cells:
        st.caption(note(viewer.k, short=True))


def compared_cards(
    ctx,
    values: Mapping[str, object],
    ids: Sequence[str],
    filters,
    compare: Comparison | str,
    **widget,
) -> Period:
    """``kpi_cards`` with each card's change against the comparison period; returns that period.

    ``ctx``: the page's context (its workspace and viewer); ``filters``: (period, programme,
    department) as the page's filters give them.
    """
    period, programme, department = filters
    other = period.compared(compare)
    before = page_data.kpis(ctx, other, programme, ids, department)
    changes = {
        i: None if values[i] is None or before[i] is None else values[i] - before[i] for i in ids
    }
    label = card_texts.COMPARED_WITH.format(label=other.label)
    kpi_cards(ctx.viewer, values, ids, changes=changes, change_label=label, **widget)
    return other


def public_changes(viewer: Viewer, view: Mapping[str, object], ids: Sequence[str]):
    """The overview's change table (``view["changes"]``), small counts masked for the public."""
    # A change next to a hidden value would reveal it, so it is hidden too.
    # Shown changes are differences of published numbers: multiples of k too.
    table = view["changes"].copy()
    if not viewer.suppresses:
        return table
    now = public_cells(view["current"], ids, viewer.k)
    before = public_cells(view["previous"], ids, viewer.k)
    for row, kpi_id in enumerate(ids):
        if kpi_id not in now:
            continue
        table.loc[row, "current"] = now[kpi_id].label
        table.loc[row, "previous"] = before[kpi_id].label
        if now[kpi_id].suppressed or before[kpi_id].suppressed:
            table.loc[row, "change"] = privacy_texts.SECRET
        elif now[kpi_id].published is not None and before[kpi_id].published is not None:
            table.loc[row, "change"] = formats.signed(
                now[kpi_id].published - before[kpi_id].published
            )
    return table
