"""The department filter on the Hauts-de-France demo: the 2023 trainings by place."""

from __future__ import annotations

import pytest

from observatoire.kpis import compute_kpis


@pytest.mark.parametrize(
    ("department", "sessions", "days"),
    [("80", 3, 4.0), ("59", 1, 2.0), ("62", 2, 3.0)],
)
def test_hauts_de_france_2023_trainings_by_department(hdf, department, sessions, days):
    # SPTT 2023 (seed): Amiens hosted FI1, EP1 and the evaluation day, Lille FI2, Arras FI3, EP2.
    values = compute_kpis(hdf, "2023", department=department)
    assert (values["training_sessions"], values["training_days"]) == (sessions, days)
