"""The KPI card: one catalogue value with its French label, format and definition."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import streamlit as st

from observatoire import formats
from observatoire.kpis import BY_ID, Comparison, Period, Unit, compute_kpis, kpi_value
from observatoire.privacy import Cell, Viewer, note, suppress_kpis
from observatoire.privacy.suppression import is_small
from observatoire.texts import activities as card_texts
from observatoire.texts import privacy as privacy_texts


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


def public_cells(
    values: Mapping[str, object], ids: Sequence[str], k: int | None = None
) -> dict[str, Cell]:
    """The count cards among ``ids`` after small-count suppression (shares and indexes pass)."""
    counts = {i: values[i] for i in ids if BY_ID[i].unit in (Unit.COUNT, Unit.PEOPLE)}
    return suppress_kpis(counts, k)


def _hides(cell: Cell | None, change) -> bool:
    """Whether a card's change must go: its value is hidden, or the previous value was small."""
    if cell is None or change is None or change != change:
        return False
    return cell.suppressed or (cell.value is not None and is_small(cell.value - change, cell.k))


def kpi_cards(
    viewer: Viewer,
    values: Mapping[str, object],
    ids: Sequence[str],
    per_row: int = 4,
    *,
    changes: Mapping[str, object] | None = None,
    change_label: str | None = None,
    captions: Mapping[str, str] | None = None,
    linked: Collection[str] = (),
) -> None:
    """Cards for the given KPI ids, ``per_row`` per line, values as computed by the catalogue.

    Optional: ``changes`` (id -> signed change, shown as the card's delta, described by
    ``change_label``) and ``captions`` (id -> a French line under the card, e.g. its target).
    ``linked``: cards the public must not see because a table on the page hides their cell.
    """
    # The public sees "< 5" for small counts (k = 5); the viewer comes from the frame.
    cells = public_cells(values, ids, viewer.k) if viewer.suppresses else {}
    for kpi_id in linked if cells else ():
        cells[kpi_id] = Cell(cells[kpi_id].value, True, cells[kpi_id].k)
    for first in range(0, len(ids), per_row):
        row = ids[first : first + per_row]
        for column, kpi_id in zip(st.columns(per_row), row, strict=False):
            kpi = BY_ID[kpi_id]
            change = changes.get(kpi_id) if changes else None
            delta = {} if _hides(cells.get(kpi_id), change) else _delta(change)
            if delta and change_label:
                delta["delta_description"] = change_label
            cell = cells.get(kpi_id)
            shown = cell.label if cell else kpi_value(kpi, values[kpi_id])
            column.metric(kpi.label, shown, help=kpi.definition, **delta)
            if captions and kpi_id in captions:
                column.caption(captions[kpi_id])
    if any(cell.suppressed for cell in cells.values()):
        st.caption(note(viewer.k, short=True))


def compared_cards(
    viewer: Viewer,
    con,
    values: Mapping[str, object],
    ids: Sequence[str],
    filters,
    compare: Comparison | str,
    **widget,
) -> Period:
    """``kpi_cards`` with each card's change against the comparison period; returns that period.

    ``filters``: (period, programme, department) as the page's filters give them.
    """
    period, programme, department = filters
    other = period.compared(compare)
    before = compute_kpis(con, other, programme, list(ids), department)
    changes = {
        i: None if values[i] is None or before[i] is None else values[i] - before[i] for i in ids
    }
    label = card_texts.COMPARED_WITH.format(label=other.label)
    kpi_cards(viewer, values, ids, changes=changes, change_label=label, **widget)
    return other


def public_changes(viewer: Viewer, view: Mapping[str, object], ids: Sequence[str]):
    """The overview's change table (``view["changes"]``), small counts masked for the public."""
    # A change next to a hidden value would reveal it, so it is hidden too.
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
            table.loc[row, "change"] = privacy_texts.COMPLEMENT
    return table
