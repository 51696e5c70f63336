"""French error panels instead of tracebacks for failures the user can cause."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import streamlit as st

from observatoire.db import MissingReference
from observatoire.texts import common as common_texts
from observatoire.texts import ui as texts

log = logging.getLogger("observatoire.ui")


class UserError(Exception):
    """A failure explained to the user in French (bad file, bad choice, ...)."""


def missing_reference(exc: MissingReference) -> None:
    """The panel shown when ``data/reference.duckdb`` has not been built."""
    st.error(common_texts.MISSING_REFERENCE.format(path=exc.args[0] if exc.args else ""))


def panel(message: str) -> None:
    """A French error panel with a title."""
    st.error(f"**{texts.ERROR_TITLE}**\n\n{message}")


@contextmanager
def guard() -> Iterator[None]:
    """Run a page body; known failures become French panels, the traceback goes to the log only.

    Streamlit's own stop and rerun signals derive from BaseException and pass through.
    """
    try:
        yield
    except UserError as exc:
        panel(str(exc))
    except MissingReference as exc:
        missing_reference(exc)
    except duckdb.Error as exc:
        log.exception("database error")
        panel(texts.ERROR_DATABASE.format(detail=type(exc).__name__))
    except Exception as exc:
        log.exception("unexpected error")
        panel(texts.ERROR_UNEXPECTED.format(detail=type(exc).__name__))
