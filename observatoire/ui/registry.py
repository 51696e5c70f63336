"""The page registry: every page the app knows, its French title, menu group and roles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from observatoire.paths import ROOT
from observatoire.texts import ui as texts

PAGES_DIR = ROOT / "pages"

ROLES = ("public", "comite", "coordination", "admin")
EVERYONE = ROLES
STAFF = ("comite", "coordination", "admin")  # aggregates and actor names
COORDINATION = ("coordination", "admin")  # contacts, imports, exports


@dataclass(frozen=True)
class PageSpec:
    """One page: its file stem (= URL), title, menu group, admitted roles and icon."""

    stem: str
    group: str  # a key of texts.GROUPS
    roles: tuple[str, ...]
    icon: str

    @property
    def title(self) -> str:
        """French title."""
        return texts.PAGES[self.stem]

    @property
    def path(self) -> Path:
        """The page script."""
        return PAGES_DIR / f"{self.stem}.py"


# Declaration order is menu order inside a group; a page appears once its file exists.
DECLARED = (
    PageSpec("accueil", "pilotage", EVERYONE, ":material/dashboard:"),
    PageSpec("revue_mensuelle", "pilotage", STAFF, ":material/event_note:"),
    PageSpec("carte", "territoires", EVERYONE, ":material/map:"),
    PageSpec("zones_blanches", "territoires", STAFF, ":material/location_off:"),
    PageSpec("acteurs", "territoires", STAFF, ":material/groups:"),
    PageSpec("formations", "activites", EVERYONE, ":material/school:"),
    PageSpec("experimentations", "activites", EVERYONE, ":material/science:"),
    PageSpec("actions", "activites", EVERYONE, ":material/campaign:"),
    PageSpec("donnees", "donnees", STAFF, ":material/database:"),
    PageSpec("forum", "forum", EVERYONE, ":material/co_present:"),
)
BY_STEM = {p.stem: p for p in DECLARED}


def pages() -> list[PageSpec]:
    """The declared pages whose script exists, in menu order."""
    return [p for p in DECLARED if p.path.exists()]


def get(stem: str) -> PageSpec:
    """A page by stem; an undeclared stem is a programming error."""
    return BY_STEM[stem]


def menu(role: str) -> dict[str, list[PageSpec]]:
    """Existing pages the role may open, grouped (group key -> pages), groups in menu order."""
    grouped: dict[str, list[PageSpec]] = {}
    for group in texts.GROUPS:
        entries = [p for p in pages() if p.group == group and role in p.roles]
        if entries:
            grouped[group] = entries
    return grouped
