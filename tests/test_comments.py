"""Comments and docstrings cite only what the repository holds: no outside document or issue."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The product contract and the issue tracker live outside the repository.
CITATION = re.compile(r"DESIGN\b|\u00a7|\b[Ii]ssues? #?\d")
FOLDERS = ("observatoire", "queries", "pages", "tests", "benchmarks", "docs")


def _sources() -> list[Path]:
    found = [ROOT / "app.py", ROOT / "README.md", ROOT / "BENCHMARKS.md"]
    for folder in FOLDERS:
        found += [p for p in (ROOT / folder).rglob("*") if p.suffix in {".py", ".sql", ".md"}]
    return sorted(p for p in found if p != Path(__file__).resolve())  # this file names them


def test_no_comment_cites_an_outside_document_or_issue():
    wrong = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in _sources()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CITATION.search(line)
    ]
    assert wrong == []


def test_the_pattern_finds_a_citation():
    assert CITATION.search("# see DESIGN \u00a78")
    assert CITATION.search("# the rule of issue 8")
    assert not CITATION.search("issues = report.rejects")
