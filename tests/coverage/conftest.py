"""Fixtures for coverage tests: real DuckDB workspaces and a few real communes."""

from __future__ import annotations

import pytest

from observatoire.workspace import connect

# Toulouse, Montauban, Albi (urban); Caylus (rural, FRR socle); Moissac (2 QPV).
TOULOUSE, MONTAUBAN, ALBI, CAYLUS, MOISSAC = "31555", "82121", "81004", "82038", "82112"


@pytest.fixture
def workspace(workspace_path):
    """A writable connection to an empty workspace with the reference attached."""
    con = connect(workspace_path, read_only=False)
    yield con
    con.close()


@pytest.fixture(scope="session")
def towns(ref):
    """Reference rows of the few communes the hand-computed tests use, indexed by code."""
    codes = [TOULOUSE, MONTAUBAN, ALBI, CAYLUS, MOISSAC]
    df = ref.execute(
        "SELECT code, name, department_code, epci_code, population, density_level, rural, "
        "frr_class, qpv_count, lon, lat FROM communes WHERE list_contains($codes, code) ORDER BY code",
        {"codes": codes},
    ).df()
    return df.set_index("code", drop=False)
