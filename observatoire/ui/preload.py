"""Import the pages' heavy libraries once per server process, in the background.

Streamlit runs no code of ours before the first session, so the frame starts this at its own
import (the first run of the first session): while that visitor reads the first page, the
libraries of the next ones (charts, maps, exports) are imported, and no page pays for them later.
"""

from __future__ import annotations

import importlib
import logging
import threading

# Measured on the 2-core machine: each of these takes 0.2 to 2 s to import.
# Never a module that declares a Streamlit component (streamlit_folium): Streamlit registers a
# component only when it is declared inside a script run, so imported here first it would stay
# unknown to the server for good, and every map iframe would get a 404 and stay hidden.
HEAVY = (
    "scipy.spatial",  # first: every coverage page (carte, zones_blanches, forum) needs it
    "altair",
    "folium",
    "observatoire.maps.coverage_map",
    "observatoire.maps.planner_map",
    "openpyxl",
    "fpdf",
    "vl_convert",
)

_started = threading.Event()
log = logging.getLogger("observatoire.ui")


def _run() -> None:
    for name in HEAVY:
        try:
            importlib.import_module(name)
        except Exception:  # a page that needs it will say what is wrong; never the preload
            log.warning("preload of %s failed", name, exc_info=True)


def start() -> None:
    """Start the background imports, once per process."""
    if not _started.is_set():
        _started.set()
        threading.Thread(target=_run, name="observatoire-preload", daemon=True).start()
