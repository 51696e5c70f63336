"""CSV and XLSX download buttons of a table; cells starting with ``= + - @`` are escaped."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from observatoire.directory import export
from observatoire.texts import directory as texts

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_buttons(make: Callable[[], pd.DataFrame], file_stem: str, sheet: str, key: str) -> None:
    """CSV and XLSX download buttons; the table is built only when a button is clicked."""
    left, right = st.columns(2)
    left.download_button(
        texts.EXPORT_CSV,
        data=lambda: export.csv_bytes(make()),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        texts.EXPORT_XLSX,
        data=lambda: export.xlsx_bytes(make(), sheet),
        file_name=f"{file_stem}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )
