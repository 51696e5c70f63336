"""The demo workspaces, built once (``make test`` builds them beforehand in data/)."""

from __future__ import annotations

import pytest

from observatoire.paths import data_dir


def _demo(name: str, file_name: str, reference_path):
    path = data_dir() / file_name
    if not path.exists():
        from observatoire.demo.build import build_demo

        build_demo(name, reference=reference_path)
    return path


@pytest.fixture(scope="session")
def hdf_path(reference_path):
    return _demo("hauts-de-france", "demo-hauts-de-france.duckdb", reference_path)


@pytest.fixture(scope="session")
def occ_path(reference_path):
    return _demo("occitanie", "demo-occitanie.duckdb", reference_path)


@pytest.fixture(scope="session")
def hdf(hdf_path, reference_path):
    from observatoire.workspace import connect

    con = connect(hdf_path, reference=reference_path)
    yield con
    con.close()


@pytest.fixture(scope="session")
def occ(occ_path, reference_path):
    from observatoire.workspace import connect

    con = connect(occ_path, reference=reference_path)
    yield con
    con.close()
