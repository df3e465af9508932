"""Commands over accounts: users, teams, and which caseworker a child is assigned to."""

from __future__ import annotations

import argparse
import getpass
import sys

from eska_network.services import access, accounts
from eska_network.store import open_store

from .store_commands import database_option


def register(commands: argparse._SubParsersAction) -> None:
    database = database_option()
    users = commands.add_parser("users", help="add, change, lock and list user accounts")
    actions = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")

    add = actions.add_parser("add", parents=[database], help="create a user")
    add.add_argument("user_name", metavar="NAME")
    add.add_argument("--role", required=True, choices=access.USER_ROLES)
    add.add_argument("--team", metavar="TEAM", help="the user's team (see `teams add`)")
    add.add_argument("--display-name", metavar="TEXT")
    _password_options(add)
    add.add_argument(
        "--no-password",
        action="store_true",
        help="no local password: the user logs in through the agency's single sign-on only",
    )
    add.set_defaults(run=run_add)

    set_role = actions.add_parser("set-role", parents=[database], help="give a user another role")
    set_role.add_argument("user_name", metavar="NAME")
    set_role.add_argument("role", choices=access.USER_ROLES)
    set_role.set_defaults(run=lambda args: _change(args, accounts.set_role, args.role))

    set_team = actions.add_parser(
        "set-team", parents=[database], help="move a user to a team (none: no team)"
    )
    set_team.add_argument("user_name", metavar="NAME")
    set_team.add_argument("team", nargs="?", metavar="TEAM")
    set_team.set_defaults(run=lambda args: _change(args, accounts.set_team, args.team))

    password = actions.add_parser(
        "set-password", parents=[database], help="give a user a new password"
    )
    password.add_argument("user_name", metavar="NAME")
    _password_options(password)
    password.set_defaults(run=run_set_password)

    lock = actions.add_parser(
        "lock", parents=[database], help="deactivate an account (its history stays)"
    )
    lock.add_argument("user_name", metavar="NAME")
    lock.set_defaults(run=lambda args: _change(args, accounts.lock_user))

    unlock = actions.add_parser(
        "unlock", parents=[database], help="reactivate an account and lift a lockout"
    )
    unlock.add_argument("user_name", metavar="NAME")
    unlock.set_defaults(run=lambda args: _change(args, accounts.unlock_user))

    listing = actions.add_parser(
        "list", parents=[database], help="every user, without password hashes"
    )
    listing.set_defaults(run=run_list)

    teams = commands.add_parser("teams", help="add and list teams")
    team_actions = teams.add_subparsers(dest="teams_command", required=True, metavar="ACTION")
    add_team = team_actions.add_parser("add", parents=[database], help="create a team")
    add_team.add_argument("team", metavar="TEAM")
    add_team.add_argument("--name", default="", metavar="TEXT", help="default: the code")
    add_team.set_defaults(run=run_add_team)
    list_teams = team_actions.add_parser("list", parents=[database], help="every team")
    list_teams.set_defaults(run=run_list_teams)

    assign = commands.add_parser(
        "assign", parents=[database], help="assign a child to a caseworker (audited)"
    )
    assign.add_argument("child_id", metavar="CHILD_ID")
    assign.add_argument("--caseworker", required=True, metavar="NAME")
    assign.set_defaults(run=run_assign)


def _password_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (else it is asked for)",
    )


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise accounts.AccountError("the two passwords differ")
    return first


def _failing(error: Exception) -> int:
    print(f"error: {error}", file=sys.stderr)
    return 1


def run_add(args: argparse.Namespace) -> int:
    try:
        password = None if args.no_password else _password(args)
        user = accounts.add_user(
            open_store(args.database_url),
            access.operator(),
            args.user_name,
            args.role,
            password=password,
            team=args.team,
            display_name=args.display_name,
        )
    except accounts.AccountError as error:
        return _failing(error)
    print(f"added {user.user_name} ({user.role}{', team ' + user.team if user.team else ''})")
    return 0


def run_set_password(args: argparse.Namespace) -> int:
    try:
        password = _password(args)
    except accounts.AccountError as error:
        return _failing(error)
    return _change(args, accounts.set_password, password)


def _change(args: argparse.Namespace, function, *values: object) -> int:
    try:
        function(open_store(args.database_url), access.operator(), args.user_name, *values)
    except accounts.AccountError as error:
        return _failing(error)
    print(f"changed {args.user_name}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    print("user_name\trole\tteam\tactive\tlocked_until\tdisplay_name")
    opened = open_store(args.database_url)
    access.write_audit(opened, access.operator(), "account", "success", detail="list users")
    for user in accounts.list_users(opened):
        locked = user.locked_until.isoformat(timespec="seconds") if user.locked_until else ""
        print(
            f"{user.user_name}\t{user.role}\t{user.team or ''}\t{'yes' if user.active else 'no'}"
            f"\t{locked}\t{user.display_name}"
        )
    return 0


def run_add_team(args: argparse.Namespace) -> int:
    try:
        accounts.add_team(open_store(args.database_url), access.operator(), args.team, args.name)
    except accounts.AccountError as error:
        return _failing(error)
    print(f"added team {args.team}")
    return 0


def run_list_teams(args: argparse.Namespace) -> int:
    print("team\tname")
    opened = open_store(args.database_url)
    access.write_audit(opened, access.operator(), "account", "success", detail="list teams")
    for team, name in accounts.list_teams(opened):
        print(f"{team}\t{name}")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    try:
        access.reassign(
            open_store(args.database_url), access.operator(), args.child_id, args.caseworker
        )
    except ValueError as error:
        return _failing(error)
    print(f"assigned {args.child_id} to {args.caseworker}")
    return 0
