"""Filters kept in the URL (``st.query_params``) so that a copied link reproduces the view."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import streamlit as st

# Filters shared by every page; the menu links carry them from page to page.
SHARED = ("espace", "region", "periode", "programme", "departement")
_UNSAFE = re.compile(r"[^\w\- .]")


def plain(raw: str) -> str:
    """A URL value made safe to echo in a Markdown notice."""
    return _UNSAFE.sub("", raw)[:40]


def shared() -> dict[str, str]:
    """The shared filters present in the current URL."""
    return {k: st.query_params[k] for k in SHARED if k in st.query_params}


def _to_url(name: str, key: str) -> None:
    """Widget callback: the new choice goes to the URL before the script reruns."""
    st.query_params[name] = st.session_state[key]


def url_choice(
    name: str,
    options: Sequence[str],
    default: str,
    *,
    label: str,
    format_func: Callable[[str], str] = str,
    unknown: str,
    container=None,
    **widget,
) -> str:
    """A selectbox whose value lives in the URL as ``?name=``.

    An unknown value in the URL gives a French notice (``unknown`` with ``{value}`` and
    ``{default}``) and falls back to ``default``; the URL is then corrected.
    """
    where = container or st
    raw = st.query_params.get(name)
    if raw is not None and raw not in options:
        st.warning(unknown.format(value=plain(raw), default=format_func(default)))
        raw = None
    key = f"url_{name}"
    # The URL is the source of truth: set before the widget exists, so no default clash.
    st.session_state[key] = raw if raw is not None else default
    choice = where.selectbox(
        label,
        list(options),
        key=key,
        format_func=format_func,
        on_change=_to_url,
        args=(name, key),
        **widget,
    )
    st.query_params[name] = choice
    return choice
