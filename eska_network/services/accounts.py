"""Local accounts: argon2 password hashes, users and teams, and who may manage them."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from eska_network.services import access
from eska_network.services.access import (
    OPERATOR_ROLE,
    USER_ROLES,
    Principal,
    as_utc,
    utc_now,
    write_audit,
)
from eska_network.store import Store
from eska_network.store.tables import teams, users

USER_NAME_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
"""User names are codes (also used as e-mail addresses for single sign-on), never free text."""
TEAM_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MIN_PASSWORD_LENGTH = 12
MIN_PASSWORD_SCORE = 3
"""zxcvbn's score (0 to 4) below which a password is refused as common or guessable."""
_SCORED_CHARACTERS = 100
"""zxcvbn's time grows with the length: a longer password is scored on its first 100."""

_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """Verified against when there is no hash to check, so that a wrong user name costs as long
    as a wrong password and the timing does not tell which user names exist."""
    return hasher.hash("no such user")


@dataclass(frozen=True)
class User:
    """A user as listed to an administrator: everything but the password hash."""

    user_name: str
    display_name: str
    role: str
    team: str | None
    active: bool
    failed_logins: int
    locked_until: dt.datetime | None
    created_at: dt.datetime

    def principal(self) -> Principal:
        return Principal(self.user_name, self.role, self.team, self.display_name)

    def is_locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


class AccountError(ValueError):
    """A bad account request: an unknown user or team, a bad name or role, a short password."""


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (salted: two hashes of one password differ)."""
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``password_hash`` (never for an account without a hash)."""
    try:
        return _HASHER.verify(password_hash or _dummy_hash(_HASHER), password) and bool(
            password_hash
        )
    except (VerificationError, InvalidHashError):
        return False


def check_password(password: str, *context: str) -> None:
    """Refuse a password that is short, common or guessable (no network needed).

    ``context`` holds words a guesser would try first (the user name, the display name).
    Guessability is zxcvbn's estimate, with its bundled lists of common passwords, names and words.

    Raises
    ------
    AccountError
        When the password has fewer than ``MIN_PASSWORD_LENGTH`` characters, or zxcvbn scores it
        below ``MIN_PASSWORD_SCORE`` (e.g. ``password1234``, a keyboard walk, a repeated letter).

    Examples
    --------
    >>> check_password("correct horse battery staple")
    >>> check_password("password1234")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    eska_network.services.accounts.AccountError: this password is too common or too easy ...
    """
    from zxcvbn import zxcvbn

    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    words = ["eska", "password", "sandi", *(word for word in context if word)]
    estimate = zxcvbn(password[:_SCORED_CHARACTERS], user_inputs=words)
    if estimate["score"] < MIN_PASSWORD_SCORE:
        warning = estimate["feedback"].get("warning") or ""
        reason = f" ({warning})" if warning else ""
        raise AccountError(
            f"this password is too common or too easy to guess{reason}: choose a longer one, "
            "e.g. a few unrelated words"
        )


def add_team(store: Store, actor: Principal, team: str, name: str) -> None:
    """Create a team.

    Raises
    ------
    AccountError
        When the code is malformed or the team exists.
    """
    _require_manager(store, actor)
    if not TEAM_PATTERN.match(team):
        raise AccountError(f"a team code is 1 to 64 characters of A-Z a-z 0-9 _ -, not {team!r}")
    with store.writing() as connection:
        if connection.execute(sa.select(teams.c.team).where(teams.c.team == team)).first():
            raise AccountError(f"team {team!r} exists")
        connection.execute(sa.insert(teams).values(team=team, name=name.strip() or team))
    write_audit(store, actor, "account", "success", detail=f"add team {team}")


def list_teams(store: Store) -> list[tuple[str, str]]:
    """Every team as (code, name), sorted by code."""
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.select(teams).order_by(teams.c.team))]


def add_user(
    store: Store,
    actor: Principal,
    user_name: str,
    role: str,
    *,
    password: str | None = None,
    team: str | None = None,
    display_name: str | None = None,
    password_hash: str | None = None,
) -> User:
    """Create a user; without a password the account can only log in through single sign-on.

    ``password_hash`` stands in for ``password`` when the hash was made beforehand (the demo
    accounts share one, since their password is public anyway).

    Raises
    ------
    AccountError
        When the name is malformed or taken, the role or team unknown, or the password short.
    """
    _require_manager(store, actor)
    if not USER_NAME_PATTERN.match(user_name):
        raise AccountError(
            f"a user name is 1 to 64 characters of A-Z a-z 0-9 _ . @ -, not {user_name!r}"
        )
    _check_role(role)
    if password is not None:
        check_password(password, user_name, display_name or "")
    with store.writing() as connection:
        if find_user_row(connection, user_name) is not None:
            raise AccountError(f"user {user_name!r} exists")
        _check_team(connection, team)
        connection.execute(
            sa.insert(users).values(
                user_name=user_name,
                display_name=(display_name or "").strip() or user_name,
                role=role,
                team=team,
                password_hash=hash_password(password) if password is not None else password_hash,
                failed_logins=0,
                active=True,
                created_at=utc_now(),
            )
        )
    write_audit(store, actor, "account", "success", detail=f"add user {user_name} as {role}")
    return get_user(store, user_name)


def get_user(store: Store, user_name: str) -> User:
    """One user (AccountError when there is none)."""
    with store.engine.connect() as connection:
        row = find_user_row(connection, user_name)
    if row is None:
        raise AccountError(f"no user {user_name!r}")
    return user_of_row(row)


def list_users(store: Store) -> list[User]:
    """Every user, sorted by name; password hashes are never part of the result."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(users).order_by(users.c.user_name)).all()
    return [user_of_row(row) for row in rows]


def set_role(store: Store, actor: Principal, user_name: str, role: str) -> None:
    """Give a user another role."""
    _check_role(role)
    _update(store, actor, user_name, f"set role {role}", role=role)


def set_team(store: Store, actor: Principal, user_name: str, team: str | None) -> None:
    """Move a user to another team (``None``: no team)."""
    with store.engine.connect() as connection:
        _check_team(connection, team)
    _update(store, actor, user_name, f"set team {team or '-'}", team=team)


def set_password(store: Store, actor: Principal, user_name: str, password: str) -> None:
    """Give a user a new password (and clear their failed logins)."""
    check_password(password, user_name)
    _update(
        store,
        actor,
        user_name,
        "set password",
        password_hash=hash_password(password),
        failed_logins=0,
    )


def lock_user(store: Store, actor: Principal, user_name: str) -> None:
    """Deactivate an account: it can no longer log in, its history stays."""
    _update(store, actor, user_name, "lock", active=False)


def unlock_user(store: Store, actor: Principal, user_name: str) -> None:
    """Reactivate an account and lift a lockout after failed logins."""
    _update(store, actor, user_name, "unlock", active=True, failed_logins=0, locked_until=None)


def _require_manager(store: Store, actor: Principal) -> None:
    if actor.role != OPERATOR_ROLE:
        access.require(store, actor, access.MANAGE_ACCOUNTS)


def _check_role(role: str) -> None:
    if role not in USER_ROLES:
        raise AccountError(f"unknown role {role!r}; one of {', '.join(USER_ROLES)}")


def _check_team(connection: sa.Connection, team: str | None) -> None:
    if (
        team is not None
        and not connection.execute(sa.select(teams.c.team).where(teams.c.team == team)).first()
    ):
        raise AccountError(f"no team {team!r} (create it first with `teams add`)")


def find_user_row(connection: sa.Connection, user_name: str):
    """The ``users`` row of ``user_name``, password hash included (None if there is none)."""
    return connection.execute(sa.select(users).where(users.c.user_name == user_name)).first()


def _update(store: Store, actor: Principal, user_name: str, what: str, **values: object) -> None:
    _require_manager(store, actor)
    with store.writing() as connection:
        changed = connection.execute(
            sa.update(users).where(users.c.user_name == user_name).values(**values)
        ).rowcount
    if changed != 1:
        raise AccountError(f"no user {user_name!r}")
    write_audit(store, actor, "account", "success", detail=f"{what} for {user_name}")


def user_of_row(row) -> User:
    """A ``users`` row as a :class:`User` (the password hash left out, times in UTC)."""
    return User(
        user_name=row.user_name,
        display_name=row.display_name,
        role=row.role,
        team=row.team,
        active=bool(row.active),
        failed_logins=row.failed_logins,
        locked_until=as_utc(row.locked_until) if row.locked_until is not None else None,
        created_at=as_utc(row.created_at),
    )
