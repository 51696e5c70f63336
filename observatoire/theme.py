"""The visual identity, defined once: colour-blind-safe palettes and readable type.

Pure constants at package level (no Streamlit import): the UI, maps, forum and reports share them.
``.streamlit/config.toml`` repeats ``PRIMARY`` because Streamlit reads its theme there; a test
keeps the two equal.
"""

import base64

# Okabe & Ito categorical palette: distinguishable with the common colour-vision deficiencies.
CATEGORICAL = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#000000",  # black
)
PRIMARY = CATEGORICAL[0]
ACCENT = CATEGORICAL[3]  # vermillion: tells apart from PRIMARY for colour-blind readers

# ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, readable in print.
SEQUENTIAL = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA = "#d9d9d9"

# Maps: a plain background (no tiles offline) and outlines visible on every class colour.
MAP_BACKGROUND = "#eef1f4"
MAP_OUTLINE = "#4d4d4d"
MAP_HIGHLIGHT = "#D55E00"

TEXT = "#1f2328"
BANNER_BACKGROUND = "#e8f1f8"  # a tint of PRIMARY
BANNER_TEXT = "#0b3c5d"
MUTED = "#57606a"
BASE_FONT_PX = 17

# Small-count suppression: "< 5" must not look like a value nor like 0 (grey, italic, hatched).
SUPPRESSED = "#6e4a00"  # dark amber: 8.3:1 on white
SUPPRESSED_TINT = "#fbe9c4"

# Forum mode, for a projector: near-black on white (projectors wash out dark backgrounds' greys).
FORUM_BACKGROUND = "#ffffff"
FORUM_TEXT = "#111111"
FORUM_MUTED = "#3d4752"  # 9.5:1 on white, readable from the back of a room
FORUM_CARD = "#f2f5f8"
FORUM_ACCENT = "#D55E00"
FORUM_RULE = "#c7ced6"

# The compass emoji, drawn by the browser inside an SVG data: URL. Material icons would fetch one
# from Google; and the emoji itself, given as text, makes Streamlit load its emoji catalogue on
# the first page of each process (about 1 s of CPU), where an ASCII URL is passed through as is.
FAVICON = "data:image/svg+xml;base64," + base64.b64encode(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
    '<text y=".9em" font-size="90">\N{COMPASS}</text></svg>'.encode()
).decode("ascii")


def rgb(color: str) -> tuple[int, int, int]:
    """``"#0072B2"`` -> ``(0, 114, 178)``, for libraries that take channels (the PDF)."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
