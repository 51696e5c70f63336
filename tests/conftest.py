"""Shared fixtures: the built reference database and fresh workspaces."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from observatoire.paths import reference_db


@pytest.fixture(scope="session")
def reference_path() -> Path:
    """The reference database, built once if missing."""
    path = reference_db()
    if not path.exists():
        from observatoire.reference.build import build

        build(path)
    return path


@pytest.fixture(scope="session")
def ref(reference_path):
    """A read-only connection to the reference database."""
    con = duckdb.connect(str(reference_path), read_only=True)
    yield con
    con.close()


@pytest.fixture
def workspace_path(tmp_path, reference_path) -> Path:
    """An empty workspace file with the schema, in a temporary folder."""
    from observatoire.workspace import connect

    path = tmp_path / "essai.duckdb"
    connect(path, read_only=False).close()
    return path


HDF = "demo-hauts-de-france"


@pytest.fixture(scope="session")
def hdf_source(reference_path):
    """The Hauts-de-France demo file in data/, built once if missing (never written to)."""
    from observatoire.paths import data_dir

    path = data_dir() / f"{HDF}.duckdb"
    if not path.exists():
        from observatoire.demo.build import build_demo

        build_demo("hauts-de-france", reference=reference_path)
    return path


@pytest.fixture
def hdf_copy(tmp_path, hdf_source):
    """A private copy of the demo in a temporary folder, under the demo's own file name."""
    import shutil

    target = tmp_path / f"{HDF}.duckdb"
    shutil.copyfile(hdf_source, target)
    return target
