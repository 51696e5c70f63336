"""The page registry: every page the app knows, its French title, menu group and icon.

Which roles open a page is a privacy rule (``privacy.roles.PAGE_ROLES``); the registry only
carries it to the frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from observatoire.paths import ROOT
from observatoire.privacy.roles import (  # noqa: F401 (re-exported for tests and pages)
    COORDINATION,
    EVERYONE,
    PAGE_ROLES,
    ROLES,
    STAFF,
    Role,
    may_open,
)
from observatoire.texts import ui as texts

PAGES_DIR = ROOT / "pages"


@dataclass(frozen=True)
class PageSpec:
    """One page: its file stem (= URL), title, menu group, admitted roles and icon."""

    stem: str
    group: str  # a key of texts.GROUPS
    roles: tuple[Role, ...]
    icon: str

    @property
    def title(self) -> str:
        """French title."""
        return texts.PAGES[self.stem]

    @property
    def path(self) -> Path:
        """The page script."""
        return PAGES_DIR / f"{self.stem}.py"


def _page(stem: str, group: str, icon: str) -> PageSpec:
    """A page whose roles are those ``privacy.roles`` gives its stem."""
    return PageSpec(stem, group, PAGE_ROLES[stem], icon)


# Declaration order is menu order inside a group; a page appears once its file exists.
DECLARED = (
    _page("accueil", "pilotage", ":material/dashboard:"),
    _page("revue_mensuelle", "pilotage", ":material/event_note:"),
    _page("programme", "pilotage", ":material/flag:"),
    _page("carte", "territoires", ":material/map:"),
    _page("zones_blanches", "territoires", ":material/location_off:"),
    _page("territoire", "territoires", ":material/location_city:"),
    _page("acteurs", "territoires", ":material/groups:"),
    _page("formations", "activites", ":material/school:"),
    _page("experimentations", "activites", ":material/science:"),
    _page("actions", "activites", ":material/campaign:"),
    _page("reseau", "activites", ":material/hub:"),
    _page("evaluation", "activites", ":material/fact_check:"),
    _page("ressources", "activites", ":material/library_books:"),
    _page("donnees", "donnees", ":material/database:"),
    _page("reseaux", "pilotage", ":material/hub:"),
    _page("indicateurs", "donnees", ":material/menu_book:"),
    _page("forum", "forum", ":material/co_present:"),
)
BY_STEM = {p.stem: p for p in DECLARED}


def pages() -> list[PageSpec]:
    """The declared pages whose script exists, in menu order."""
    return [p for p in DECLARED if p.path.exists()]


def get(stem: str) -> PageSpec:
    """A page by stem; an undeclared stem is a programming error."""
    return BY_STEM[stem]


def menu(role: Role | str) -> dict[str, list[PageSpec]]:
    """Existing pages the role may open, grouped (group key -> pages), groups in menu order."""
    grouped: dict[str, list[PageSpec]] = {}
    for group in texts.GROUPS:
        entries = [p for p in pages() if p.group == group and may_open(role, p.roles)]
        if entries:
            grouped[group] = entries
    return grouped
