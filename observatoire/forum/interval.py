"""The slide interval of ``?intervalle=``: seconds, clamped, with a French notice when changed."""

from __future__ import annotations

import math

from observatoire import formats
from observatoire.texts import forum as texts

DEFAULT_SECONDS = 20
MIN_SECONDS = 5
MAX_SECONDS = 300


def parse_interval(raw: str | None) -> tuple[int, str | None]:
    """The interval in whole seconds and the notice to show (``None`` when ``raw`` was fine)."""
    if raw is None or not raw.strip():
        return DEFAULT_SECONDS, None
    text = raw.strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        shown = "".join(c for c in raw if c.isalnum() or c in " .,-")[:20]
        return DEFAULT_SECONDS, texts.INTERVAL_BAD.format(value=shown, default=DEFAULT_SECONDS)
    if MIN_SECONDS <= value <= MAX_SECONDS:
        return round(value), None
    used = MIN_SECONDS if value < MIN_SECONDS else MAX_SECONDS
    return used, texts.INTERVAL_CLAMPED.format(
        value=formats.number(value, 0 if value.is_integer() else 1),
        minimum=MIN_SECONDS,
        maximum=MAX_SECONDS,
        used=used,
    )
