"""The review's "what changed" paragraph, written from the figures the page shows.

Every number in it is on the page: a card's value and its change, a target line's realised value
and shown target. Departments are named without numbers (the page shows only this month's table).
"""

from __future__ import annotations

import pandas as pd

from observatoire import formats
from observatoire.kpis import kpi_value
from observatoire.review.monthly import Card, Review, decimals
from observatoire.texts import review as texts

MOVES = 2  # the largest rises and falls named
DEPARTMENT_COLUMNS = ("training_participants", "actions", "training_sessions", "actions_audience")


def _name(label: str) -> str:
    """A catalogue label inside a sentence: ``Sessions de formation`` -> ``sessions de formation``.

    Labels starting with an acronym or a capitalised word after the first (QPV) keep their case.
    """
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[0].lower() + label[1:]


def _figure(card: Card) -> str:
    """``participant·e·s aux formations (23, +8)``: the card's value and its change."""
    value = kpi_value(card.kpi_id, card.value)
    return texts.SUMMARY_FIGURE.format(
        name=_name(card.label),
        value=value,
        change=formats.signed(card.change, decimals(card.change)),
    )


def _listing(items: list[str]) -> str:
    """``a``, ``a et b``, ``a, b et c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {texts.AND} {items[-1]}"


def _weight(card: Card) -> float:
    """How much a card moved: the change relative to last month (from nothing: the change)."""
    return abs(card.change) / max(abs(card.previous), 1)


def moves(review: Review) -> str:
    """The largest rises and falls against last month, or a sentence saying nothing moved."""
    moved = [c for c in review.cards if c.change]
    if not moved:
        return texts.SUMMARY_NOTHING.format(previous=review.previous.label)
    ups = sorted((c for c in moved if c.change > 0), key=_weight, reverse=True)[:MOVES]
    downs = sorted((c for c in moved if c.change < 0), key=_weight, reverse=True)[:MOVES]
    parts = []
    if ups:
        key = "SUMMARY_UP" if len(ups) == 1 else "SUMMARY_UPS"
        parts.append(getattr(texts, key).format(items=_listing([_figure(c) for c in ups])))
    if downs:
        key = "SUMMARY_DOWN" if len(downs) == 1 else "SUMMARY_DOWNS"
        parts.append(getattr(texts, key).format(items=_listing([_figure(c) for c in downs])))
    sentence = texts.SUMMARY_SEPARATOR.join(parts)
    return texts.SUMMARY_MOVES.format(previous=review.previous.label, moves=sentence)


def _target_item(card: Card) -> str:
    """``sessions de formation (2 pour 2)``: realised value against the target as shown."""
    target = card.target_value
    return texts.SUMMARY_TARGET_ITEM.format(
        name=_name(card.label),
        value=kpi_value(card.kpi_id, card.compared),
        target=formats.number(target, decimals(target)),
    )


def targets(review: Review) -> str | None:
    """Targets met and missed this month, or None when no card has a target."""
    set_ = [c for c in review.cards if c.target is not None and c.gap is not None]
    if not set_:
        return None
    met = [_target_item(c) for c in set_ if c.gap >= 0]
    missed = [_target_item(c) for c in set_ if c.gap < 0]
    parts = []
    if met:
        parts.append(texts.SUMMARY_MET.format(items=_listing(met)))
    if missed:
        parts.append(texts.SUMMARY_MISSED.format(items=_listing(missed)))
    return " ".join(parts)


def departments(now: pd.DataFrame, before: pd.DataFrame | None) -> str | None:
    """The departments that rose and fell most, named without figures; None when none moved."""
    if before is None or now.empty:
        return None
    named = now.dropna(subset=["department_code"]).set_index("department_code")
    old = before.dropna(subset=["department_code"]).set_index("department_code")
    for column in DEPARTMENT_COLUMNS:
        change = named[column].sub(old[column].reindex(named.index).fillna(0))
        parts = []
        if change.max() > 0:
            department = named.loc[change.idxmax(), "department_name"]
            parts.append(texts.SUMMARY_DEPARTMENT_UP.format(department=department))
        if change.min() < 0:
            department = named.loc[change.idxmin(), "department_name"]
            parts.append(texts.SUMMARY_DEPARTMENT_DOWN.format(department=department))
        if parts:  # the first column that moved tells the story; more reads like a table
            name = _name(texts.DEPARTMENT_COLUMNS[column])
            return texts.SUMMARY_DEPARTMENTS.format(
                name=name, items=texts.SUMMARY_SEPARATOR.join(parts)
            )
    return None


def what_changed(review: Review, departments_before: pd.DataFrame | None = None) -> str:
    """The paragraph: moves against last month (or none), targets met and missed, departments."""
    sentences = [
        s
        for s in (
            moves(review),
            targets(review),
            departments(review.departments, departments_before),
        )
        if s
    ]
    return " ".join(sentences)
