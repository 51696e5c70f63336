"""French Vega-Lite locale, and offline rendering of Altair charts to SVG and PNG."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from observatoire.formats import MINUS, NBSP, THOUSANDS
from observatoire.texts import formats as format_texts
from observatoire.texts import reports as texts

FONTS = Path(__file__).with_name("fonts")
FONT = "DejaVu Sans"

# d3-format and d3-time-format definitions (Vega-Lite ``config.locale``): ``1 234,5`` and
# French month names, as observatoire.formats writes them.
NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": THOUSANDS,
    "grouping": [3],
    "currency": ["", f"{NBSP}€"],
    "percent": f"{NBSP}%",
    "minus": MINUS,
}
TIME_LOCALE = {
    "dateTime": texts.DATE_TIME,
    "date": "%d/%m/%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": list(texts.DAYS),
    "shortDays": list(texts.SHORT_DAYS),
    "months": list(format_texts.MONTHS),
    "shortMonths": list(texts.SHORT_MONTHS),
}
LOCALE = {"number": NUMBER_LOCALE, "time": TIME_LOCALE}


@cache
def _fonts() -> None:
    """Let the renderer use the shipped DejaVu Sans (the same glyphs as the PDF)."""
    import vl_convert as vlc

    vlc.register_font_directory(str(FONTS))


def _options() -> dict:
    # No base URL is allowed: a chart that tried to load anything would fail, never go online.
    return {
        "allowed_base_urls": [],
        "format_locale": NUMBER_LOCALE,
        "time_format_locale": TIME_LOCALE,
        "config": {"font": FONT},
    }


def to_svg(spec: dict) -> str:
    """An Altair chart's spec (``chart.to_dict()``) as SVG text, rendered offline."""
    import vl_convert as vlc

    _fonts()
    return vlc.vegalite_to_svg(spec, **_options())


def to_png(spec: dict, scale: float = 2.0) -> bytes:
    """The same chart as PNG bytes (for the PDF), rendered offline."""
    import vl_convert as vlc

    _fonts()
    return vlc.vegalite_to_png(spec, scale=scale, **_options())
