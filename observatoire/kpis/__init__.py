"""The KPI catalogue: definitions, periods, values and targets."""

from observatoire.kpis.catalogue import (
    BY_ID,
    COVERAGE_IDS,
    KPI_IDS,
    KPIS,
    Group,
    Kpi,
    Unit,
    group_ids,
    kpi_value,
)
from observatoire.kpis.compute import (
    by_department,
    check_targets,
    compute_kpis,
    compute_targets,
    monthly_series,
    target_details,
)
from observatoire.kpis.periods import Period, PeriodError, as_period, last_months, parse_period

__all__ = [
    "BY_ID",
    "COVERAGE_IDS",
    "KPIS",
    "group_ids",
    "kpi_value",
    "KPI_IDS",
    "Group",
    "Kpi",
    "Period",
    "PeriodError",
    "Unit",
    "as_period",
    "by_department",
    "check_targets",
    "compute_kpis",
    "compute_targets",
    "last_months",
    "monthly_series",
    "parse_period",
    "target_details",
]
