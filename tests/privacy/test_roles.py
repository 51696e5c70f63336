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
from observatoire.privacy.roles import (
    COORDINATION,
    EVERYONE,
    LOCAL,
    PAGE_ROLES,
    PRESENTATION,
    SIGNED_OUT,
    STAFF,
    UnknownRole,
    Viewer,
    may_open,
    parse,
    parse_strict,
    role_for_email,
)


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


@pytest.mark.parametrize(
    ("role", "people", "contacts", "suppress", "structures", "imports", "review", "users"),
    [
        ("public", False, False, True, False, False, False, False),
        ("comite", False, False, False, True, False, False, False),
        ("coordination", True, True, False, True, True, True, False),
        ("admin", True, True, False, True, True, True, True),
    ],
)
def test_viewer_predicates(role, people, contacts, suppress, structures, imports, review, users):
    viewer = Viewer(role)
    assert viewer.role is parse(role)
    assert viewer.sees_people is people
    assert viewer.sees_contacts is contacts
    assert viewer.suppresses is suppress
    assert viewer.sees_structure_names is structures
    assert viewer.may_import is imports
    assert viewer.may_write_review is review
    assert viewer.may_manage_users is users
    assert viewer.sees_actor_name(3) is (role != "public")
    assert viewer.sees_actor_name(1)


def test_viewer_defaults_to_public_and_the_configured_k(monkeypatch):
    monkeypatch.setenv("OBSERVATOIRE_SUPPRESSION_K", "7")
    viewer = Viewer()
    assert viewer.role is Role.PUBLIC and viewer.k == 7 and viewer.login is None
    assert Viewer("root").role is Role.PUBLIC  # anything unknown is the least privileged
    with pytest.raises(ValueError):
        Viewer(Role.PUBLIC, k=1)
    with pytest.raises(AttributeError):
        viewer.role = Role.ADMIN  # frozen: nothing downstream can raise it


def test_page_rules():
    assert PAGE_ROLES["accueil"] == (Role.PUBLIC, Role.COMITE, Role.COORDINATION, Role.ADMIN)
    assert PAGE_ROLES["revue_mensuelle"] == (Role.COMITE, Role.COORDINATION, Role.ADMIN)
    assert may_open("admin", PAGE_ROLES["donnees"]) and not may_open("public", STAFF)
    assert may_open("coordination", COORDINATION) and not may_open("comite", COORDINATION)
    assert Viewer("public").may_open(EVERYONE) and not Viewer("root").may_open(STAFF)
    assert (LOCAL, SIGNED_OUT, PRESENTATION) == (Role.ADMIN, Role.PUBLIC, Role.PUBLIC)


def test_strict_parse_and_oidc_mapping():
    assert parse_strict(" Comite ") is Role.COMITE
    with pytest.raises(UnknownRole):
        parse_strict("chef")
    mapping = {"Claire@Exemple.fr": "coordination", "x@exemple.fr": "chef"}
    assert role_for_email("claire@exemple.fr", mapping) == "coordination"
    assert role_for_email("x@exemple.fr", mapping) == "public"  # unknown role: least privileged
    assert role_for_email("inconnu@exemple.fr", mapping) == "public"
    assert role_for_email(None, mapping) == "public"
    assert role_for_email("", {"": "admin"}) == "public"
