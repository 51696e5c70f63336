"""The coverage KPIs of the catalogue: which period they measure, computed by observatoire.coverage."""

from __future__ import annotations

from observatoire.kpis.catalogue import COVERAGE_IDS
from observatoire.kpis.periods import Kind, Period


def kpi_period(period: Period) -> Period:
    """The activities the coverage KPIs count: a month's are the 12 months ending with it.

    One month is too short to say which communes a network reaches, and the committee compares
    a rolling 12 months from one month to the next; a year or a range is measured as it is.
    """
    from observatoire.coverage.inputs import last_12_months

    return last_12_months(period.end) if period.kind == Kind.MONTH else period


def coverage_values(
    con, period: Period, programme: str | None = None, department: str | None = None
) -> dict[str, float | None]:
    """The coverage KPIs of ``period`` (see :func:`kpi_period`) under their catalogue ids."""
    from observatoire.coverage.kpis import coverage_kpis

    values = coverage_kpis(con, kpi_period(period), programme=programme, department=department)
    return {kpi_id: values.get(kpi_id) for kpi_id in COVERAGE_IDS}
