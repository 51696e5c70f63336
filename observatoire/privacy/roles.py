"""The four roles and what each may see: the one home for these rules."""

from __future__ import annotations

from enum import StrEnum


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


def parse(role: Role | str | None) -> Role:
    """The role for an id; anything unknown (or nothing) is ``public``, the least privileged."""
    if isinstance(role, Role):
        return role
    try:
        return Role(str(role).strip().lower())
    except ValueError:
        return Role.PUBLIC


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
