"""``observatoire users add|remove|list``: the app's accounts (argon2id hashes, never passwords)."""

from __future__ import annotations

import getpass
import sys

from observatoire.texts import auth as texts


def register(sub) -> None:
    """Add the ``users`` subcommand and its actions."""
    p = sub.add_parser("users", help=texts.USERS_HELP)
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    add = actions.add_parser("add", help="créer un compte ou changer son rôle et son mot de passe")
    add.add_argument("login", help="identifiant")
    add.add_argument("--role", required=True, help="public, comite, coordination ou admin")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="lire le mot de passe sur l'entrée standard (première ligne) au lieu de le demander",
    )
    add.set_defaults(run=run_add)
    rm = actions.add_parser("remove", help="supprimer un compte")
    rm.add_argument("login", help="identifiant")
    rm.set_defaults(run=run_remove)
    ls = actions.add_parser("list", help="lister les comptes (identifiant et rôle)")
    ls.set_defaults(run=run_list)


def _password(from_stdin: bool) -> str | None:
    """The new password, or None when the two typed copies differ."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(texts.PASSWORD_PROMPT)
    if not first:
        return first
    return first if getpass.getpass(texts.PASSWORD_CONFIRM) == first else None


def run_add(args) -> int:
    """Create or update an account."""
    from observatoire import users
    from observatoire.privacy.roles import Role, UnknownRole, parse_strict

    try:
        role = parse_strict(args.role)
        users.check_login(args.login)
    except UnknownRole:
        roles = ", ".join(str(r) for r in Role)
        print(texts.UNKNOWN_ROLE.format(role=args.role, roles=roles), file=sys.stderr)
        return 2
    except users.InvalidLogin:
        print(texts.INVALID_LOGIN.format(login=args.login), file=sys.stderr)
        return 2
    password = _password(args.password_stdin)
    if password is None:
        print(texts.PASSWORD_MISMATCH, file=sys.stderr)
        return 2
    if not password:
        print(texts.EMPTY_PASSWORD, file=sys.stderr)
        return 2
    try:
        new = users.add(args.login, role, password)
    except (OSError, users.UnreadableAccounts) as exc:
        print(texts.UNREADABLE.format(path=users.users_file(), detail=exc), file=sys.stderr)
        return 1
    print((texts.ADDED if new else texts.UPDATED).format(login=args.login, role=role))
    return 0


def run_remove(args) -> int:
    """Delete an account; 1 when there is none."""
    from observatoire import users

    try:
        users.remove(args.login)
    except users.UnknownUser:
        print(texts.UNKNOWN_USER.format(login=args.login), file=sys.stderr)
        return 1
    except (OSError, users.UnreadableAccounts) as exc:
        print(texts.UNREADABLE.format(path=users.users_file(), detail=exc), file=sys.stderr)
        return 1
    print(texts.REMOVED.format(login=args.login))
    return 0


def run_list(args) -> int:
    """Logins and roles, never hashes."""
    from observatoire import users

    try:
        accounts = users.list_users()
    except (OSError, users.UnreadableAccounts, users.UnknownRole) as exc:
        print(texts.UNREADABLE.format(path=users.users_file(), detail=exc), file=sys.stderr)
        return 1
    if not accounts:
        print(texts.NO_USERS)
        return 0
    width = max(len("identifiant"), *(len(u.login) for u in accounts))
    print(texts.LIST_HEADER.format(login="identifiant", width=width))
    for u in accounts:
        print(f"{u.login:<{width}}  {u.role}")
    return 0
