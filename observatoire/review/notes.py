"""The "faits marquants": one free-text note per month and programme, kept in the workspace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from observatoire import db
from observatoire.review import store

MAX_LENGTH = 5000


@dataclass(frozen=True)
class Note:
    """A month's note as stored."""

    month: str
    programme: str
    text: str
    updated_at: dt.datetime
    author: str | None


def read(con, month: str, programme: str | None = None) -> Note | None:
    """The note of ``month`` (YYYY-MM) and programme (None = every programme), if any."""
    if not store.readable(con, store.NOTES):
        return None
    found = db.rows(con, "review_note", month=month, programme=programme or "")
    return Note(**found[0]) if found else None


def save(
    workspace: Path,
    month: str,
    programme: str | None,
    text: str,
    author: str | None,
    now: dt.datetime | None = None,
) -> Path | None:
    """Store the note through a safe write; returns the backup of the previous file."""
    if len(text) > MAX_LENGTH:
        raise ValueError(f"note longer than {MAX_LENGTH} characters")
    stamp = now or dt.datetime.now().replace(microsecond=0)
    params = {
        "month": month,
        "programme": programme or "",
        "text": text.strip(),
        "updated_at": stamp,
        "author": author,
    }
    return store.write(workspace, lambda con: db.execute(con, "review_note_save", **params))
