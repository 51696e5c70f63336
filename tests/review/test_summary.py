"""The "what changed" paragraph of the review, on hand-built cases."""

from __future__ import annotations

import pandas as pd

from observatoire.kpis import Period
from observatoire.kpis.targets import Target
from observatoire.review.monthly import Card, Filters, Review
from observatoire.review.summary import what_changed

NOV = Period.month(2023, 11)


def review(cards: list[Card], departments: pd.DataFrame | None = None) -> Review:
    return Review(
        filters=Filters("Essai", NOV),
        cards=cards,
        trends=pd.DataFrame(),
        departments=departments if departments is not None else pd.DataFrame(),
        note=None,
        snapshot=None,
    )


def table(rows: list[tuple]) -> pd.DataFrame:
    columns = ["department_code", "department_name", "actors", "training_sessions"]
    columns += ["training_participants", "actions", "actions_audience"]
    return pd.DataFrame(rows, columns=columns)


def test_nothing_moved_and_no_target():
    cards = [Card("training_sessions", 2, 2, None, 2), Card("actions_total", 0, 0, None, 0)]
    assert what_changed(review(cards)) == "Aucun indicateur ne bouge par rapport à octobre 2023."


def test_largest_moves_relative_to_last_month():
    cards = [
        Card("training_sessions", 3, 1, None, 3),  # +2 from 1: x2
        Card("actions_audience", 1200, 1000, None, 1200),  # +200 from 1 000: +20 %
        Card("training_participants", 40, 10, None, 40),  # +30 from 10: x3, the largest
        Card("actions_total", 4, 10, None, 4),  # −6 from 10
        Card("actors_total", 100, 100, None, 100),  # unchanged: not named
    ]
    assert what_changed(review(cards)) == (
        "Par rapport à octobre 2023, plus fortes hausses : participant·e·s aux formations "
        "(40, +30) et sessions de formation (3, +2) ; plus forte baisse : actions (4, \u22126)."
    )


def test_targets_met_and_missed_use_the_shown_values():
    cards = [
        # 8.25 days is shown 8,3: 9 days meet it.
        Card("training_days", 9.0, 9.0, Target(8.25, "2023", True), 9.0),
        # 17.5 participants is shown 18: 17 miss it, even if 17 − 17.5 would round to 0.
        Card("training_participants", 17, 17, Target(17.5, "2023", True), 17),
        Card("qpv_reached", 3, 3, Target(2, "2023", False), 3),
    ]
    assert what_changed(review(cards)) == (
        "Aucun indicateur ne bouge par rapport à octobre 2023. "
        "Objectifs atteints : jours de formation (9 pour un objectif de 8,3) et "
        "quartiers prioritaires (QPV) touchés (3 pour un objectif de 2). "
        "Objectifs non atteints : participant·e·s aux formations (17 pour un objectif de 18)."
    )


def test_departments_are_named_without_figures():
    cards = [Card("training_participants", 20, 12, None, 20)]
    now = table(
        [
            ("62", "Pas-de-Calais", 5, 1, 12, 0, 0),
            ("80", "Somme", 5, 1, 8, 0, 0),
            (None, "Non renseigné", 0, 0, 0, 0, 0),
        ]
    )
    before = table(
        [
            ("62", "Pas-de-Calais", 5, 1, 2, 0, 0),  # +10
            ("80", "Somme", 5, 1, 10, 0, 0),  # −2
            (None, "Non renseigné", 0, 0, 0, 0, 0),
        ]
    )
    text = what_changed(review(cards, now), before)
    assert text.endswith(
        "Par département (participant·e·s aux formations), plus forte hausse : Pas-de-Calais ; "
        "plus forte baisse : Somme."
    )
    # Only figures of the cards: 20 and +8.
    assert text.startswith(
        "Par rapport à octobre 2023, plus forte hausse : participant·e·s aux formations (20, +8)."
    )
