"""The four roles and what each may see: the one home for these rules.

Which role opens which page, sees contacts, people, structure and actor names, imports, writes the
monthly review and manages users is decided here, and nowhere else. ``Viewer`` carries one run's
role (and the suppression threshold k) to whatever renders figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from observatoire.privacy.suppression import default_k, resolve_k


class Role(StrEnum):
    """A role, ordered by what it may see (``Role.PUBLIC < Role.COMITE``); equal to its id string."""

    PUBLIC = "public"
    COMITE = "comite"
    COORDINATION = "coordination"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Position in the order public < comite < coordination < admin."""
        return _ORDER.index(self)

    # StrEnum would compare alphabetically ("admin" < "public"); roles compare by rank.
    def __lt__(self, other) -> bool:
        return self.rank < parse(other).rank

    def __le__(self, other) -> bool:
        return self.rank <= parse(other).rank

    def __gt__(self, other) -> bool:
        return self.rank > parse(other).rank

    def __ge__(self, other) -> bool:
        return self.rank >= parse(other).rank

    __hash__ = StrEnum.__hash__


_ORDER = (Role.PUBLIC, Role.COMITE, Role.COORDINATION, Role.ADMIN)
# Circle 3 actors are occasional venues (libraries, leisure centres, sometimes a person's own
# venue): the public sees them only as counts.
PRIVATE_CIRCLES = frozenset({3})


class UnknownRole(ValueError):
    """A role outside public, comite, coordination, admin."""


def parse(role: Role | str | None) -> Role:
    """The role for an id; anything unknown (or nothing) is ``public``, the least privileged."""
    if isinstance(role, Role):
        return role
    try:
        return Role(str(role).strip().lower())
    except ValueError:
        return Role.PUBLIC


def parse_strict(role: Role | str) -> Role:
    """The role for an id; unlike ``parse`` an unknown id is an error (``UnknownRole``)."""
    try:
        return Role(str(role).strip().lower())
    except ValueError:
        raise UnknownRole(str(role)) from None


def at_least(role: Role | str | None, minimum: Role) -> bool:
    """Whether ``role`` may do what ``minimum`` may."""
    return parse(role) >= minimum


def can_see_people(role: Role | str | None) -> bool:
    """Person-level records (pseudonymous participants): coordination and admin; others see counts."""
    return at_least(role, Role.COORDINATION)


def can_see_contacts(role: Role | str | None) -> bool:
    """Actors' e-mail, phone, address and website: coordination and admin."""
    return at_least(role, Role.COORDINATION)


def can_see_actor_names(role: Role | str | None, circle: int | None) -> bool:
    """An actor's name: committee and above always; public only in circles 1 and 2."""
    if at_least(role, Role.COMITE):
        return True
    # An actor of unknown circle may be an individual's venue: hidden from the public.
    return circle is not None and circle not in PRIVATE_CIRCLES


def suppresses_small_counts(role: Role | str | None) -> bool:
    """Whether counts between 1 and k−1 are masked: for the public only."""
    return parse(role) == Role.PUBLIC


def can_import(role: Role | str | None) -> bool:
    """Importing spreadsheets into a workspace: coordination and admin."""
    return at_least(role, Role.COORDINATION)


def can_manage_users(role: Role | str | None) -> bool:
    """Creating and removing users: admin only."""
    return at_least(role, Role.ADMIN)


def can_see_structure_names(role: Role | str | None) -> bool:
    """Names of the trainees' structures in breakdowns: the committee and above."""
    return at_least(role, Role.COMITE)


def can_write_review(role: Role | str | None) -> bool:
    """Notes and frozen months of the monthly review: coordination and admin; the committee reads."""
    return at_least(role, Role.COORDINATION)


# Who opens which page (stem = URL). A stem missing here is a programming error.
ROLES = tuple(_ORDER)
EVERYONE = ROLES
STAFF = tuple(r for r in ROLES if r >= Role.COMITE)  # aggregates and actor names
COORDINATION = tuple(r for r in ROLES if r >= Role.COORDINATION)  # contacts, imports, exports
PAGE_ROLES: dict[str, tuple[Role, ...]] = {
    "accueil": EVERYONE,
    "revue_mensuelle": STAFF,
    "carte": EVERYONE,
    "zones_blanches": STAFF,
    "territoire": EVERYONE,  # a territory's profile: aggregates, names and contacts by role
    "acteurs": STAFF,
    "formations": EVERYONE,
    "experimentations": EVERYONE,
    "actions": EVERYONE,
    # Programme content: aggregates for everyone; people's answers are never shown to anyone.
    "programme": EVERYONE,
    "reseau": EVERYONE,
    "evaluation": EVERYONE,
    "ressources": EVERYONE,
    "donnees": STAFF,
    "reseaux": STAFF,  # several networks' files side by side
    "indicateurs": EVERYONE,  # the KPI dictionary: definitions only, no data
    "forum": EVERYONE,
}
# With no account configured the app only listens on this machine: its user owns the data.
LOCAL = Role.ADMIN
# A configured but signed-out visitor sees aggregates only.
SIGNED_OUT = Role.PUBLIC
# What is projected to a room (the forum) is public, whoever signed in.
PRESENTATION = Role.PUBLIC


def may_open(role: Role | str | None, page_roles: Iterable[Role | str]) -> bool:
    """Whether a page admitting ``page_roles`` may be shown to ``role``; the frame's one check."""
    return parse(role) in {parse(r) for r in page_roles}


def role_for_email(email: str | None, mapping: Mapping[str, str]) -> Role:
    """The role of an OIDC e-mail in the ``[observatoire.roles]`` mapping; ``public`` otherwise."""
    wanted = (email or "").strip().lower()
    for key, role in mapping.items():
        if key.strip().lower() == wanted and wanted:
            try:
                return parse_strict(role)
            except UnknownRole:
                return Role.PUBLIC
    return Role.PUBLIC


@dataclass(frozen=True)
class Viewer:
    """Who looks at one run: the role, the suppression threshold k, and the signed-in login."""

    role: Role = Role.PUBLIC
    k: int = field(default_factory=default_k)
    login: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", parse(self.role))
        object.__setattr__(self, "k", resolve_k(self.k))

    @property
    def suppresses(self) -> bool:
        """Whether counts between 1 and k−1 are masked."""
        return suppresses_small_counts(self.role)

    @property
    def sees_people(self) -> bool:
        """Person-level records."""
        return can_see_people(self.role)

    @property
    def sees_contacts(self) -> bool:
        """Actors' e-mail, phone, address and website."""
        return can_see_contacts(self.role)

    @property
    def sees_structure_names(self) -> bool:
        """Structure names in the trainees' breakdowns."""
        return can_see_structure_names(self.role)

    def sees_actor_name(self, circle: int | None) -> bool:
        """An actor's name, given its circle."""
        return can_see_actor_names(self.role, circle)

    @property
    def may_import(self) -> bool:
        """Importing spreadsheets."""
        return can_import(self.role)

    @property
    def may_write_review(self) -> bool:
        """Notes and frozen months of the monthly review."""
        return can_write_review(self.role)

    @property
    def may_manage_users(self) -> bool:
        """Creating and removing users."""
        return can_manage_users(self.role)

    def may_open(self, page_roles: Iterable[Role | str]) -> bool:
        """Whether a page admitting ``page_roles`` may be shown."""
        return may_open(self.role, page_roles)
