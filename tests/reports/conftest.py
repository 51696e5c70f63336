"""A private copy of the Hauts-de-France demo workspace (never written in data/)."""

from __future__ import annotations

import shutil

import pytest

from observatoire.paths import data_dir

HDF = "demo-hauts-de-france"


@pytest.fixture(scope="session")
def hdf_source(reference_path):
    """The demo file in data/, built once if missing."""
    path = data_dir() / f"{HDF}.duckdb"
    if not path.exists():
        from observatoire.demo.build import build_demo

        build_demo("hauts-de-france", reference=reference_path)
    return path


@pytest.fixture
def hdf_copy(tmp_path, hdf_source):
    """A copy of the demo in a temporary folder, under the demo's own file name."""
    target = tmp_path / f"{HDF}.duckdb"
    shutil.copyfile(hdf_source, target)
    return target
