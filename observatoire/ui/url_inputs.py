"""Text, number, optional-choice and multi-choice widgets kept in the URL, and export buttons.

Like ``params.url_choice``: the URL is the source of truth, a bad value gives a French notice
and the default, and the URL is corrected.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from observatoire.directory import export
from observatoire.texts import directory as texts
from observatoire.ui.params import plain, url_choice

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _set_url(name: str, key: str, default: str = "") -> None:
    """Widget callback: the new value goes to the URL (dropped when it equals the default)."""
    value = st.session_state[key]
    text = value if isinstance(value, str) else _number_text(value)
    text = text.strip()
    if text and text != default:
        st.query_params[name] = text
    else:
        st.query_params.pop(name, None)


def _number_text(value) -> str:
    """A number as the URL keeps it: ``15`` rather than ``15.0``."""
    return f"{value:g}"


def url_text(name: str, *, label: str, container=None, max_chars: int = 80, **widget) -> str:
    """A free text box kept as ``?name=`` (absent when empty)."""
    where = container or st
    key = f"url_{name}"
    st.session_state[key] = str(st.query_params.get(name, ""))[:max_chars]
    value = where.text_input(
        label, key=key, max_chars=max_chars, on_change=_set_url, args=(name, key), **widget
    )
    return value.strip()


def url_number(
    name: str,
    default: float,
    low: float,
    high: float,
    *,
    label: str,
    unknown: str,
    integer: bool = False,
    container=None,
    **widget,
) -> float | int:
    """A number box kept as ``?name=``; a value that is not a number in [low, high] falls back."""
    where = container or st
    cast = int if integer else float
    value = cast(default)
    raw = st.query_params.get(name)
    if raw is not None:
        try:
            parsed = float(str(raw).replace(",", "."))
            if not (math.isfinite(parsed) and low <= parsed <= high):
                raise ValueError(raw)
            if integer and not parsed.is_integer():
                raise ValueError(raw)
            value = cast(parsed)
        except ValueError:
            st.warning(
                unknown.format(
                    value=plain(str(raw)),
                    default=_number_text(default).replace(".", ","),
                    low=_number_text(low),
                    high=_number_text(high),
                )
            )
            st.query_params.pop(name, None)
    key = f"url_{name}"
    st.session_state[key] = value
    where.number_input(
        label,
        min_value=cast(low),
        max_value=cast(high),
        step=cast(1),
        # "15" rather than "15.00": plain numbers read better than fixed decimals.
        format="%d" if integer else "%g",
        key=key,
        on_change=_set_url,
        args=(name, key, _number_text(default)),
        **widget,
    )
    return value


def url_option(
    name: str,
    choices: dict[str, str],
    *,
    label: str,
    unknown: str,
    container=None,
    **widget,
) -> str:
    """An optional filter kept as ``?name=``: ``""`` (the first choice) means no filter."""
    choice = url_choice(
        name,
        list(choices),
        "",
        label=label,
        format_func=lambda v: choices.get(v, v),
        unknown=unknown,
        container=container,
        **widget,
    )
    if choice == "":
        st.query_params.pop(name, None)
    return choice


def url_filter(name: str, label: str, choices: dict[str, str], container=None) -> str:
    """An optional directory filter, its label naming it in the bad-value notice."""
    notice = texts.UNKNOWN_VALUE.format(label=label, value="{value}", default="{default}")
    return url_option(name, choices, label=label, unknown=notice, container=container)


def _set_flag(name: str, key: str) -> None:
    """Checkbox callback: ``?name=1`` when ticked, absent otherwise."""
    if st.session_state[key]:
        st.query_params[name] = "1"
    else:
        st.query_params.pop(name, None)


def url_flag(name: str, *, label: str, unknown: str, container=None, **widget) -> bool:
    """A checkbox kept as ``?name=1`` (``0`` or absent: unticked; anything else: a notice)."""
    where = container or st
    raw = st.query_params.get(name)
    value = raw == "1"
    if raw is not None and raw not in ("0", "1"):
        st.warning(unknown.format(value=plain(str(raw)), label=label))
        st.query_params.pop(name, None)
    key = f"url_{name}"
    st.session_state[key] = value
    where.checkbox(label, key=key, on_change=_set_flag, args=(name, key), **widget)
    return value


def _set_url_list(name: str, key: str) -> None:
    """Widget callback for a multiselect: a comma-separated list in the URL."""
    st.query_params[name] = ",".join(st.session_state[key])


def url_multi(
    name: str,
    options: Sequence[str],
    default: Sequence[str],
    *,
    label: str,
    unknown: str,
    format_func: Callable[[str], str] = str,
    container=None,
    **widget,
) -> list[str]:
    """A multiselect kept as ``?name=a,b``; unknown items are dropped with a French notice."""
    where = container or st
    raw = st.query_params.get(name)
    chosen = list(default)
    if raw is not None:
        items = [x.strip() for x in str(raw).split(",") if x.strip()]
        bad = [x for x in items if x not in options]
        good = [x for x in options if x in items]
        if bad or not good:
            st.warning(unknown.format(value=plain(str(raw)), default=",".join(default)))
            chosen = good or list(default)
        else:
            chosen = good
    key = f"url_{name}"
    st.session_state[key] = chosen
    value = where.multiselect(
        label,
        list(options),
        key=key,
        format_func=format_func,
        on_change=_set_url_list,
        args=(name, key),
        **widget,
    )
    st.query_params[name] = ",".join(chosen)
    return list(value)


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
