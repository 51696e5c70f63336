"""Leaflet served by the app itself, so maps draw with no internet.

The files come from the ``django-js-lib-leaflet`` wheel (Leaflet 1.9.4, BSD-2-Clause; no Django
is imported) and are copied into Streamlit's static folder, served under ``/app/static/``.
Run ``python -m observatoire.maps.assets`` to copy them at install time.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from importlib import metadata
from pathlib import Path

from observatoire.paths import ROOT

STATIC_DIR = ROOT / "static"
LEAFLET_DIR = STATIC_DIR / "vendor" / "leaflet"
LEAFLET_URL = "/app/static/vendor/leaflet"
LEAFLET_FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)


def leaflet_source() -> Path:
    """The folder of the installed wheel that holds ``leaflet.js``."""
    spec = importlib.util.find_spec("js_lib_leaflet")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("django-js-lib-leaflet is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "js_lib_leaflet"


def _copy(src: Path, dest: Path) -> None:
    """Copy one file atomically: concurrent sessions never serve a half-written file."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dest)


def install_leaflet(dest: Path = LEAFLET_DIR) -> Path:
    """Copy the Leaflet files that are missing or differ in size; return the folder."""
    src = leaflet_source()
    for name in LEAFLET_FILES:
        target = dest / name
        if not target.exists() or target.stat().st_size != (src / name).stat().st_size:
            _copy(src / name, target)
    licence = dest / "LICENSE"
    if not licence.exists():
        text = metadata.distribution("django-js-lib-leaflet").read_text("LICENSE") or ""
        licence.write_text(text, encoding="utf-8")
    return dest


def leaflet_js(base_url: str = LEAFLET_URL) -> list[tuple[str, str]]:
    """Folium ``default_js`` pointing at the local Leaflet only."""
    return [("leaflet", f"{base_url}/leaflet.js")]


def leaflet_css(base_url: str = LEAFLET_URL) -> list[tuple[str, str]]:
    """Folium ``default_css`` pointing at the local Leaflet stylesheet only."""
    return [("leaflet_css", f"{base_url}/leaflet.css")]


if __name__ == "__main__":
    print(install_leaflet())
