"""Imported text shown as text: Markdown and HTML inside data are never interpreted.

Streamlit renders ``st.markdown``, ``st.caption``, ``st.write``, notices, subheaders and widget
labels as Markdown: a programme named ``[Se reconnecter](https://evil.example)`` would become a
link and ``![p](http://host/b.png)`` would fetch an image. Our templates keep their Markdown; the
values filled into them are escaped here: every mark that opens a construct goes behind a
backslash (CommonMark then shows it literally), line breaks become spaces, control characters go.
Hyphens, commas, apostrophes and figures stay as they are, so French text reads unchanged.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import streamlit as st

# Marks that open links, images, HTML, code, emphasis, tables, maths, entities, e-mail and
# ``http:`` autolinks, and Streamlit's ``:red[...]`` / ``:material/...:`` directives.
_MARKS = re.compile(r"([\\`*_\[\]()<>!|~$:&@{}#^])")
# ``www.example.org`` autolinks without a colon: a dot inside a word is escaped too.
_WORD_DOT = re.compile(r"\.(?=\w)")
# A value that starts a line must not start a list, a quote or a heading.
_LEADING = re.compile(r"^(\s*)([-+>=])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")
_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029\x85]+")


def text(value: object) -> str:
    """A value on one line, without control or format characters (bidi overrides included)."""
    line = _BREAKS.sub(" ", str(value))
    return "".join(c for c in line if unicodedata.category(c) not in ("Cc", "Cf"))


def md(value: object) -> str:
    """A value made literal for Markdown: links, images, HTML, emphasis, lists, all inert."""
    escaped = _WORD_DOT.sub(r"\\.", _MARKS.sub(r"\\\1", text(value)))
    escaped = _LEADING.sub(r"\1\\\2", escaped)
    return _NUMBERED.sub(r"\1\\\2", escaped)


def fill(template: str, **values: object) -> str:
    """Our Markdown template with every value escaped (``md``)."""
    return template.format(**{k: md(v) for k, v in values.items()})


def caption(template: str, **values: object) -> None:
    """A caption from our template and imported values, the values as plain text."""
    st.caption(fill(template, **values))


def markdown(template: str, **values: object) -> None:
    """A Markdown paragraph from our template and imported values, the values as plain text."""
    st.markdown(fill(template, **values))


def table(frame: pd.DataFrame) -> None:
    """``st.table`` (which renders cells as Markdown) with every text cell and label escaped."""
    shown = frame.map(lambda v: md(v) if isinstance(v, str) else v)
    shown.index = [md(v) if isinstance(v, str) else v for v in shown.index]
    shown.columns = [md(c) for c in shown.columns]
    st.table(shown)
