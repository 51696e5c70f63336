"""The indicators a department choropleth can show, computed by ``queries/department_indicators.sql``."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from observatoire import formats
from observatoire.db import frame
from observatoire.texts import maps as texts


@dataclass(frozen=True)
class Indicator:
    """One map indicator: its URL id, the query column holding it, and how to format it."""

    id: str
    column: str
    share: bool = False  # a fraction 0..1 shown as a percentage

    @property
    def label(self) -> str:
        """French label."""
        return texts.INDICATORS[self.id]

    @property
    def help(self) -> str:
        """French definition."""
        return texts.INDICATOR_HELP[self.id]

    def format(self, value) -> str:
        """A value in French notation (``1 234``, ``12 %``)."""
        # One decimal for shares: neighbouring classes would otherwise read "94 %" twice.
        return formats.percent(value, 1) if self.share else formats.number(value)


INDICATORS = {
    i.id: i
    for i in (
        Indicator("population", "population"),
        Indicator("rural", "rural", share=True),
        Indicator("qpv", "qpv"),
        Indicator("frr", "frr", share=True),
    )
}
DEFAULT_INDICATOR = "population"


def department_indicators(con: duckdb.DuckDBPyConnection, region: str | None) -> pd.DataFrame:
    """Every indicator for the departments of a region (``None``: all of France)."""
    return frame(con, "department_indicators", region=region)
