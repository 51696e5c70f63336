"""What each role may see."""

from __future__ import annotations

import pytest

from observatoire.privacy import (
    Role,
    can_import,
    can_manage_users,
    can_see_actor_names,
    can_see_contacts,
    can_see_people,
    suppresses_small_counts,
)
from observatoire.privacy.roles import parse


def test_roles_are_ordered_and_equal_to_their_ids():
    assert Role.PUBLIC < Role.COMITE < Role.COORDINATION < Role.ADMIN
    assert sorted([Role.ADMIN, Role.PUBLIC, Role.COORDINATION]) == [
        Role.PUBLIC,
        Role.COORDINATION,
        Role.ADMIN,
    ]
    assert Role.COMITE == "comite" and {Role.ADMIN: 1}["admin"] == 1
    assert Role.ADMIN > "public"


@pytest.mark.parametrize("unknown", [None, "", "root", "Administrateur"])
def test_unknown_roles_are_public(unknown):
    assert parse(unknown) is Role.PUBLIC
    assert suppresses_small_counts(unknown)


@pytest.mark.parametrize(
    ("role", "people", "contacts", "suppress", "imports", "users"),
    [
        ("public", False, False, True, False, False),
        ("comite", False, False, False, False, False),
        ("coordination", True, True, False, True, False),
        ("admin", True, True, False, True, True),
    ],
)
def test_rules(role, people, contacts, suppress, imports, users):
    assert can_see_people(role) is people
    assert can_see_contacts(role) is contacts
    assert suppresses_small_counts(role) is suppress
    assert can_import(role) is imports
    assert can_manage_users(role) is users


def test_actor_names():
    assert can_see_actor_names("public", 1) and can_see_actor_names("public", 2)
    assert not can_see_actor_names("public", 3)
    assert not can_see_actor_names("public", None)
    assert all(can_see_actor_names(r, c) for r in ("comite", "admin") for c in (1, 2, 3, None))
