"""The background preload never imports a module that declares a Streamlit component."""

from __future__ import annotations

import subprocess
import sys

from observatoire.paths import ROOT

CHECK = (
    "import importlib, sys\n"
    "from observatoire.ui import preload\n"
    "for name in preload.HEAVY:\n"
    "    importlib.import_module(name)\n"
    "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit_folium'))\n"
)


def test_preloaded_modules_leave_streamlit_folium_to_the_pages():
    # Imported outside a script run, the map component would never be registered (404).
    out = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
