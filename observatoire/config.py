"""Deployment settings read from the environment or ``.streamlit/secrets.toml``.

The ``[observatoire]`` table of ``.streamlit/secrets.toml`` (git-ignored, next to the ``[auth]``
table that ``st.login`` reads) holds local settings; an environment variable wins over it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from observatoire.paths import ROOT

SECRETS = ROOT / ".streamlit" / "secrets.toml"


@dataclass(frozen=True)
class Tiles:
    """A basemap tile layer: a Leaflet URL template and its attribution."""

    url: str
    attribution: str


def settings(path: Path | None = None) -> dict:
    """The ``[observatoire]`` table of the secrets file, empty when absent or unreadable."""
    try:
        text = (path or SECRETS).read_text(encoding="utf-8")
        return dict(tomllib.loads(text).get("observatoire", {}))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def tiles() -> Tiles | None:
    """The configured basemap (``OBSERVATOIRE_TILES`` or ``tiles``), ``None`` for offline maps."""
    conf = settings()
    url = os.environ.get("OBSERVATOIRE_TILES") or conf.get("tiles")
    if not url:
        return None
    attribution = os.environ.get("OBSERVATOIRE_TILES_ATTRIBUTION") or conf.get(
        "tiles_attribution", ""
    )
    return Tiles(url=str(url), attribution=str(attribution))
