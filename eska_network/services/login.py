"""Logging in: the lockout policy, checking a login, the idle timeout, single sign-on's user."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from eska_network.services.access import (
    Principal,
    as_utc,
    utc_now,
    write_audit,
)
from eska_network.services.accounts import find_user_row, user_of_row, verify_password
from eska_network.store import Store
from eska_network.store.tables import settings, users

UNKNOWN_USER_PREFIX = "unknown:"
"""How a failed login by a name that is no account is audited: this prefix and a keyed hash."""


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
class LoginResult:
    """What a login attempt gave: a principal, or the reason there is none.

    ``reason`` is ``ok``, ``bad_credentials`` (wrong name or password, or an inactive account:
    the screen does not tell them apart) or ``locked`` (``locked_until`` says until when).
    """

    principal: Principal | None
    reason: str
    locked_until: dt.datetime | None = None


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
        row = find_user_row(connection, user_name)
        # The hash is checked in every case: a missing account checks a dummy one.
        matches = verify_password(row.password_hash if row is not None else None, password)
        locked = row is not None and row.locked_until is not None and now < as_utc(row.locked_until)
        usable = row is not None and row.active and not locked
        if usable and matches:
            result = LoginResult(user_of_row(row).principal(), "ok")
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
    return user_of_row(row).principal()
