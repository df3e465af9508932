"""Local accounts: argon2 password hashes, users and teams, login with lockout, the idle timeout."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import hmac
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

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
from eska_network.store.tables import settings, teams, users

USER_NAME_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
"""User names are codes (also used as e-mail addresses for single sign-on), never free text."""
TEAM_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MIN_PASSWORD_LENGTH = 12
MIN_PASSWORD_SCORE = 3
"""zxcvbn's score (0 to 4) below which a password is refused as common or guessable."""
_SCORED_CHARACTERS = 100
"""zxcvbn's time grows with the length: a longer password is scored on its first 100."""
UNKNOWN_USER_PREFIX = "unknown:"
"""How a failed login by a name that is no account is audited: this prefix and a keyed hash."""

_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """Verified against when there is no hash to check, so that a wrong user name costs as long
    as a wrong password and the timing does not tell which user names exist."""
    return hasher.hash("no such user")


@dataclass(frozen=True)
class LoginPolicy:
    """How many failed logins lock an account, for how long, and when an idle session ends.

    Examples
    --------
    >>> policy = LoginPolicy.from_env({"ESKA_IDLE_MINUTES": "10"})
    >>> policy.idle_timeout, policy.max_failures
    (datetime.timedelta(seconds=600), 5)
    """

    max_failures: int = 5
    lockout: dt.timedelta = dt.timedelta(minutes=15)
    idle_timeout: dt.timedelta = dt.timedelta(minutes=30)

    @property
    def lockout_minutes(self) -> int:
        return int(self.lockout / _MINUTE)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> LoginPolicy:
        """The policy set by the variables ``ESKA_LOCKOUT_ATTEMPTS``, ``ESKA_LOCKOUT_MINUTES``
        (whole numbers) and ``ESKA_IDLE_MINUTES`` (a number, ``0.5`` is half a minute); the
        defaults where unset."""
        default = cls()
        return cls(
            max_failures=int(_positive(environ, "ESKA_LOCKOUT_ATTEMPTS", default.max_failures)),
            lockout=dt.timedelta(
                minutes=_positive(environ, "ESKA_LOCKOUT_MINUTES", default.lockout / _MINUTE)
            ),
            idle_timeout=dt.timedelta(
                minutes=_positive(
                    environ, "ESKA_IDLE_MINUTES", default.idle_timeout / _MINUTE, whole=False
                )
            ),
        )


_MINUTE = dt.timedelta(minutes=1)


def _positive(
    environ: Mapping[str, str], name: str, default: float, *, whole: bool = True
) -> float:
    value = environ.get(name)
    if value is None or value == "":
        return int(default)
    kind = "a whole number" if whole else "a number"
    try:
        number = int(value) if whole else float(value)
    except ValueError:
        raise ValueError(f"{name} must be {kind}, not {value!r}") from None
    if number <= 0 or (whole and number < 1):
        raise ValueError(f"{name} must be {kind} above 0, not {value}")
    return number


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


@dataclass(frozen=True)
class LoginResult:
    """What a login attempt gave: a principal, or the reason there is none.

    ``reason`` is ``ok``, ``bad_credentials`` (wrong name or password, or an inactive account:
    the screen does not tell them apart) or ``locked`` (``locked_until`` says until when).
    """

    principal: Principal | None
    reason: str
    locked_until: dt.datetime | None = None


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
        if _find(connection, user_name) is not None:
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
        row = _find(connection, user_name)
    if row is None:
        raise AccountError(f"no user {user_name!r}")
    return _user(row)


def list_users(store: Store) -> list[User]:
    """Every user, sorted by name; password hashes are never part of the result."""
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(users).order_by(users.c.user_name)).all()
    return [_user(row) for row in rows]


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


def authenticate(
    store: Store,
    user_name: str,
    password: str,
    *,
    policy: LoginPolicy = LoginPolicy(),
    now: dt.datetime | None = None,
) -> LoginResult:
    """Check a login and audit it: ``login``, ``failed_login``, and ``lockout`` when it locks.

    The ``policy.max_failures``-th failure in a row locks the account for ``policy.lockout``;
    while locked even the right password is refused. Whatever the reason, a refusal costs the
    same work (one password hash checked, one update, one audit row), so that neither the answer
    nor its time tells an unknown name from a wrong password or a locked account; the reason is
    for the audit only. An unknown name is audited as a keyed hash (it may be a password typed
    into the wrong field).
    """
    now = now or utc_now()
    just_locked = False
    with store.writing() as connection:
        row = _find(connection, user_name)
        # The hash is checked in every case: a missing account checks a dummy one.
        matches = verify_password(row.password_hash if row is not None else None, password)
        locked = row is not None and row.locked_until is not None and now < as_utc(row.locked_until)
        usable = row is not None and row.active and not locked
        if usable and matches:
            result = LoginResult(_user(row).principal(), "ok")
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
        elif usable:
            failures = row.failed_logins + 1
            just_locked = failures >= policy.max_failures
            locked_until = now + policy.lockout if just_locked else None
            # The count starts again after a lockout: the next one needs as many failures.
            values = {
                "failed_logins": 0 if just_locked else failures,
                "locked_until": locked_until,
            }
            result = LoginResult(None, "locked" if just_locked else "bad_credentials", locked_until)
        else:
            result = LoginResult(None, "locked" if locked else "bad_credentials")
            values = {"failed_logins": users.c.failed_logins}
        # Run for every attempt (for an unknown name it changes no row), so each costs the same.
        connection.execute(sa.update(users).where(users.c.user_name == user_name).values(values))
        name_key = None if row is not None else _name_key(connection)
    if result.reason == "ok":
        write_audit(store, result.principal, "login", "success")
        return result
    known = Principal(row.user_name, row.role, row.team) if row is not None else None
    detail = "account locked" if result.reason == "locked" else "bad credentials"
    if row is not None and not row.active:
        detail = "account inactive"
    shown_name = None if known else unknown_user_label(name_key or "", user_name)
    write_audit(store, known, "failed_login", "failure", detail=detail, user_name=shown_name)
    if just_locked:
        write_audit(store, known, "lockout", "success", detail=f"{policy.max_failures} failures")
    return result


def unknown_user_label(key: str, user_name: str) -> str:
    """How the audit names a user name that is no account: a short keyed hash of it.

    The same name gives the same label in one store (so repeated attempts can be seen), but the
    name cannot be read back, nor guessed without the store's key.

    >>> unknown_user_label("k", "ani") == unknown_user_label("k", "ani") != unknown_user_label(
    ...     "k", "budi")
    True
    >>> unknown_user_label("k", "ani")[:8]
    'unknown:'
    """
    digest = hmac.new(key.encode(), user_name.encode("utf-8"), hashlib.sha256).hexdigest()
    return UNKNOWN_USER_PREFIX + digest[:12]


def _name_key(connection: sa.Connection) -> str:
    key = connection.scalar(sa.select(settings.c.value).where(settings.c.key == "audit_name_key"))
    if key is None:
        raise RuntimeError("the store has no audit name key: run its migrations")
    return key


def logout(store: Store, principal: Principal, *, timed_out: bool = False) -> None:
    """Audit the end of a session: ``logout``, or ``timeout`` after the idle timeout."""
    write_audit(store, principal, "timeout" if timed_out else "logout", "success")


def is_idle(
    last_activity: dt.datetime, now: dt.datetime, policy: LoginPolicy = LoginPolicy()
) -> bool:
    """Whether a session last active at ``last_activity`` has passed the idle timeout.

    Examples
    --------
    >>> start = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
    >>> minutes = dt.timedelta(minutes=1)
    >>> is_idle(start, start + 29 * minutes), is_idle(start, start + 31 * minutes)
    (False, True)
    """
    return now - last_activity > policy.idle_timeout


def principal_for_email(store: Store, email: str) -> Principal | None:
    """The active local user whose user name is ``email`` (case-insensitive), for single sign-on."""
    with store.engine.connect() as connection:
        row = connection.execute(
            sa.select(users).where(sa.func.lower(users.c.user_name) == email.strip().lower())
        ).first()
    if row is None or not row.active:
        return None
    return _user(row).principal()


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


def _find(connection: sa.Connection, user_name: str):
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


def _user(row) -> User:
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


DEMO_VARIABLE = "ESKA_DEMO"
DEMO_PASSWORD = "demo-password"
DEMO_TEAM = "demo_team"
DEMO_PREFIX = "demo_"


@dataclass(frozen=True)
class DemoAccount:
    """One account demo mode offers on its login page."""

    role: str
    user_name: str


def demo_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether demo mode is on (``ESKA_DEMO`` set to ``1``, ``true`` or ``yes``)."""
    return environ.get(DEMO_VARIABLE, "").strip().lower() in {"1", "true", "yes"}


def sample_caseworkers(folder: Path) -> list[str]:
    """The caseworkers of a data folder's ``children.csv``, most children first, then by name."""
    with (folder / "children.csv").open(encoding="utf-8", newline="") as handle:
        names = [row.get("caseworker") or "" for row in csv.DictReader(handle)]
    counts = Counter(name for name in names if USER_NAME_PATTERN.match(name))
    return sorted(counts, key=lambda name: (-counts[name], name))


def demo_accounts(folder: Path) -> tuple[DemoAccount, ...]:
    """The account offered for each role: for the caseworker, the sample's busiest caseworker.

    Every caseworker of the sample gets an account too (see :func:`prepare_demo`), so that the
    demo supervisor's team holds them all.
    """
    caseworkers = sample_caseworkers(folder)
    return tuple(
        DemoAccount(
            role, caseworkers[0] if role == "caseworker" and caseworkers else f"{DEMO_PREFIX}{role}"
        )
        for role in USER_ROLES
    )


class DemoRefused(RuntimeError):
    """Demo mode was pointed at a store it did not create, which holds records: nothing written."""


DEMO_SAVED_AGO = dt.timedelta(days=365)
DEMO_MARKER = "demo"
"""The ``store_settings`` key that says demo mode created the store."""
_NOT_RECORDS = {"alembic_version", "store_settings"}


def demo_store_state(engine: sa.Engine) -> str:
    """``"demo"`` (created by demo mode), ``"empty"`` (no record at all) or ``"records"``.

    Works before the store is migrated, so that a store with records is refused before anything,
    even a migration, is written to it.
    """
    inspector = sa.inspect(engine)
    names = set(inspector.get_table_names())
    with engine.connect() as connection:
        if "store_settings" in names:
            marked = connection.execute(
                sa.text("SELECT 1 FROM store_settings WHERE key = :key"), {"key": DEMO_MARKER}
            ).first()
            if marked:
                return "demo"
        for name in sorted(names - _NOT_RECORDS):
            table = sa.table(name)
            if connection.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
                return "records"
    return "empty"


def open_demo_store(url: str, folder: Path):
    """The store at ``url`` for demo mode: created by demo mode, or empty and then filled.

    Raises
    ------
    DemoRefused
        When the store holds records that demo mode did not create; nothing is written to it.
    """
    from eska_network.store import Store, engine, open_store

    checked = Store(engine.make_engine(url))
    state = demo_store_state(checked.engine)
    checked.engine.dispose()
    if state == "records":
        raise DemoRefused(_demo_refusal(url))
    store = open_store(url)
    prepare_demo(store, folder)
    return store


def _demo_refusal(url: str) -> str:
    shown = sa.make_url(url).render_as_string(hide_password=True)
    return (
        f"demo mode opens only an empty store or one it created itself, and {shown} holds "
        "records it did not create; nothing was written to it"
    )


def prepare_demo(store: Store, folder: Path) -> tuple[DemoAccount, ...]:
    """Fill an empty store with the sample data and create the demo accounts that are missing.

    The store is marked as demo mode's own first; a store that is neither empty nor so marked is
    refused (:class:`DemoRefused`) before anything is written. The demo team holds every
    caseworker of the sample and the demo supervisor; every demo account has the password
    :data:`DEMO_PASSWORD`, which the login page shows.
    """
    from eska_network.store import ensure_sample_loaded

    state = demo_store_state(store.engine)
    if state == "records":
        raise DemoRefused(_demo_refusal(store.url.render_as_string(hide_password=False)))
    if state == "empty":
        with store.writing() as connection:
            connection.execute(
                sa.insert(settings).values(key=DEMO_MARKER, value=f"created {utc_now():%Y-%m-%d}")
            )
    operator = access.operator()
    with store.engine.connect() as connection:
        has_team = connection.execute(sa.select(teams.c.team).where(teams.c.team == DEMO_TEAM))
        if has_team.first() is None:
            add_team(store, operator, DEMO_TEAM, "Demo team")
        existing = set(connection.execute(sa.select(users.c.user_name)).scalars())
    wanted = [(name, "caseworker") for name in sample_caseworkers(folder)]
    wanted += [(account.user_name, account.role) for account in demo_accounts(folder)]
    missing = {name: role for name, role in wanted if name not in existing}
    shared_hash = hash_password(DEMO_PASSWORD) if missing else None
    for user_name, role in missing.items():
        team = DEMO_TEAM if role in ("caseworker", "supervisor") else None
        add_user(store, operator, user_name, role, team=team, password_hash=shared_hash)
    # Recorded as saved a year ago, so that the planners' published figures (as of the end of
    # the last complete period) show the sample at once.
    ensure_sample_loaded(store, folder, saved_at=utc_now() - DEMO_SAVED_AGO)
    return demo_accounts(folder)
