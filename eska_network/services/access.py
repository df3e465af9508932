"""Who may see what: the role matrix, record-level checks, and the audit they write.

Every read or write of a child's record goes through a function here, which checks the principal's
role and the child's assignment on the server and writes the audit row. Pages call these
functions; hiding a page from a role is a convenience, never the protection.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from eska_network.domain import schema
from eska_network.store import Store, audit_chain
from eska_network.store.tables import children, users

USER_ROLES = ("caseworker", "supervisor", "planner", "auditor", "admin")

VIEW_CHILD = "view_child"
EDIT_CHILD = "edit_child"
VIEW_CASELOAD = "view_caseload"
REASSIGN = "reassign"
VIEW_DISTRICTS = "view_districts"
EXPORT_CHILD = "export_child"
EXPORT_AGGREGATE = "export_aggregate"
IMPORT_DATA = "import_data"
READ_AUDIT = "read_audit"
EXPORT_AUDIT = "export_audit"
MANAGE_ACCOUNTS = "manage_accounts"

PERMISSIONS = (
    VIEW_CHILD,
    EDIT_CHILD,
    VIEW_CASELOAD,
    REASSIGN,
    VIEW_DISTRICTS,
    EXPORT_CHILD,
    EXPORT_AGGREGATE,
    IMPORT_DATA,
    READ_AUDIT,
    EXPORT_AUDIT,
    MANAGE_ACCOUNTS,
)

CHILD_PERMISSIONS = frozenset({VIEW_CHILD, EDIT_CHILD, EXPORT_CHILD, REASSIGN})
"""Permissions that, given a child, also need the child to be one the principal may see."""

ROLE_PERMISSIONS: Mapping[str, frozenset[str]] = {
    # SECURITY.md, "Who may see what": the one place the rights of a role are written down.
    "caseworker": frozenset({VIEW_CHILD, EDIT_CHILD, VIEW_CASELOAD, EXPORT_CHILD}),
    "supervisor": frozenset(
        {VIEW_CHILD, VIEW_CASELOAD, REASSIGN, VIEW_DISTRICTS, EXPORT_CHILD, EXPORT_AGGREGATE}
        | {IMPORT_DATA}
    ),
    "planner": frozenset({VIEW_DISTRICTS, EXPORT_AGGREGATE}),
    "auditor": frozenset({READ_AUDIT, EXPORT_AUDIT}),
    "admin": frozenset({MANAGE_ACCOUNTS}),
}


AUDIT_ACTIONS = (
    "login",
    "failed_login",
    "lockout",
    "logout",
    "timeout",
    "view_child",
    "edit",
    "import",
    "export",
    "reassign",
    "account",
    "refusal",
    "backup",
    "restore",
    "schema_upgrade",
    "audit_check",
    "publish",
)
OUTCOMES = ("success", "failure", "refused")

_AUDITED_USE = {
    # Allowed uses that leave a trace; opening a page or a caseload list does not.
    VIEW_CHILD: "view_child",
    EDIT_CHILD: "edit",
    EXPORT_CHILD: "export",
    EXPORT_AGGREGATE: "export",
    EXPORT_AUDIT: "export",
    IMPORT_DATA: "import",
    REASSIGN: "reassign",
}
_CHILD_CODE = re.compile(schema.ID_PATTERN)


@dataclass(frozen=True)
class Principal:
    """Who is acting: a logged-in user, or the operator at the command line."""

    user_name: str
    role: str
    team: str | None = None
    display_name: str | None = None

    def __post_init__(self) -> None:
        if self.role not in USER_ROLES and self.role != OPERATOR_ROLE:
            raise ValueError(f"unknown role {self.role!r}; one of {', '.join(USER_ROLES)}")


OPERATOR_ROLE = "cli"
"""The role written in the audit for commands run on the server (they bypass the role matrix)."""


class AccessDenied(PermissionError):
    """The principal may not do this; the refusal has been audited."""


def allows(role: str, permission: str) -> bool:
    """Whether the role matrix gives ``role`` the ``permission``.

    Examples
    --------
    >>> allows("caseworker", "edit_child"), allows("admin", "view_child")
    (True, False)
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def visible_condition(principal: Principal) -> sa.ColumnElement[bool] | None:
    """The condition on ``children`` rows that ``principal`` may see (``None``: no child at all).

    The one definition of record-level visibility: :func:`visible_child_ids` lists the rows it
    holds, :func:`may` asks whether one row holds it. A caseworker sees the children assigned to
    them, a supervisor the children of the caseworkers of their team (an inactive caseworker's
    children included: they stay the team's until reassigned), the command line every child.
    """
    if principal.role == OPERATOR_ROLE:
        return sa.true()
    if principal.role == "caseworker":
        return children.c.caseworker == principal.user_name
    if principal.role == "supervisor" and principal.team:
        team_caseworkers = sa.select(users.c.user_name).where(
            users.c.team == principal.team, users.c.role == "caseworker"
        )
        return children.c.caseworker.in_(team_caseworkers)
    return None


def visible_child_ids(store: Store, principal: Principal) -> list[str]:
    """The children ``principal`` may see, sorted.

    A caseworker sees the children assigned to them, a supervisor the children of the caseworkers
    of their team, the command line (role ``cli``) every child; every other role sees none.
    """
    condition = visible_condition(principal)
    if condition is None:
        return []
    query = sa.select(children.c.child_id).where(condition).order_by(children.c.child_id)
    with store.engine.connect() as connection:
        return list(connection.execute(query).scalars())


def may_see_child(store: Store, principal: Principal, child_id: str) -> bool:
    """Whether ``child_id`` is one of the children ``principal`` may see; writes no audit.

    One ``EXISTS`` query answered from primary keys (the child's row, then its caseworker's
    account), however many children the principal may see.
    """
    condition = visible_condition(principal)
    if condition is None:
        return False
    query = sa.select(sa.exists().where(children.c.child_id == child_id).where(condition))
    with store.engine.connect() as connection:
        return bool(connection.scalar(query))


def may(store: Store, principal: Principal, permission: str, child_id: str | None = None) -> bool:
    """Whether ``principal`` may use ``permission`` (on ``child_id`` if given); writes no audit."""
    if principal.role == OPERATOR_ROLE:
        return True
    if not allows(principal.role, permission):
        return False
    if child_id is None or permission not in CHILD_PERMISSIONS:
        return True
    return may_see_child(store, principal, child_id)


def require(
    store: Store,
    principal: Principal,
    permission: str,
    child_id: str | None = None,
    *,
    audit_use: bool = True,
) -> None:
    """Check that ``principal`` may use ``permission``, and audit the outcome.

    A refusal writes a ``refusal`` row and raises :class:`AccessDenied`; an allowed view, edit,
    export, import or reassignment writes its own row unless ``audit_use`` is false (a check made
    ahead of the use, which writes its row when it happens).

    Raises
    ------
    AccessDenied
        When the role matrix or the child's assignment does not allow it.
    """
    if not may(store, principal, permission, child_id):
        write_audit(store, principal, "refusal", "refused", child_id=child_id, detail=permission)
        raise AccessDenied(f"{principal.user_name} ({principal.role}) may not {permission}")
    action = _AUDITED_USE.get(permission)
    if action is not None and audit_use:
        write_audit(store, principal, action, "success", child_id=child_id, detail=permission)


def open_child(store: Store, principal: Principal, child_id: str, as_of: dt.date | None = None):
    """The record of one child (as of a date if given), after the check and the audit row.

    Raises
    ------
    AccessDenied
        When the child is not one ``principal`` may see (whether or not it exists).
    """
    require(store, principal, VIEW_CHILD, child_id)
    return store.child_system(child_id, as_of)


def load_visible_dataset(store: Store, principal: Principal):
    """The data set of every child ``principal`` may see (for a caseload), after the check."""
    require(store, principal, VIEW_CASELOAD)
    return store.load_dataset(child_ids=visible_child_ids(store, principal))


def record_assessment(
    store: Store,
    principal: Principal,
    child_id: str,
    assessed_on: dt.date,
    changes,
    expected_revision: int,
) -> int:
    """``store.record_assessment`` by ``principal``, for a child they may edit; audited.

    Raises
    ------
    AccessDenied
        When ``principal`` may not edit the child.
    """
    require(store, principal, EDIT_CHILD, child_id, audit_use=False)
    try:
        revision = store.record_assessment(
            child_id, assessed_on, changes, expected_revision, principal.user_name
        )
    except Exception as error:
        # A save the store refuses (bad value, concurrent edit) is audited as a failed edit.
        write_audit(
            store, principal, "edit", "failure", child_id=child_id, detail=type(error).__name__
        )
        raise
    write_audit(store, principal, "edit", "success", child_id=child_id, detail=EDIT_CHILD)
    return revision


def reassign(store: Store, principal: Principal, child_id: str, caseworker: str) -> None:
    """Make ``caseworker`` the child's caseworker.

    A supervisor may move a child of their team to a caseworker of their team; the operator may
    move any child to any active caseworker.

    Raises
    ------
    AccessDenied
        When ``principal`` may not reassign this child.
    ValueError
        When there is no such child, or ``caseworker`` is not an active caseworker (of the team).
    """
    if not may(store, principal, REASSIGN, child_id):
        write_audit(store, principal, "refusal", "refused", child_id=child_id, detail=REASSIGN)
        raise AccessDenied(f"{principal.user_name} ({principal.role}) may not {REASSIGN}")
    with store.writing() as connection:
        user = connection.execute(
            sa.select(users.c.role, users.c.team, users.c.active).where(
                users.c.user_name == caseworker
            )
        ).one_or_none()
        if user is None or user.role != "caseworker" or not user.active:
            raise ValueError(f"{caseworker!r} is not an active caseworker")
        if principal.role != OPERATOR_ROLE and user.team != principal.team:
            raise ValueError(f"{caseworker!r} is not a caseworker of team {principal.team!r}")
        before = connection.execute(
            sa.select(children.c.caseworker).where(children.c.child_id == child_id)
        ).one_or_none()
        if before is None:
            raise ValueError(f"no child {child_id!r}")
        connection.execute(
            sa.update(children).where(children.c.child_id == child_id).values(caseworker=caseworker)
        )
        detail = f"{REASSIGN}: {before.caseworker or '-'} -> {caseworker}"
        _insert_audit(connection, principal, "reassign", "success", child_id, detail)


def write_audit(
    store: Store,
    principal: Principal | None,
    action: str,
    outcome: str,
    *,
    child_id: str | None = None,
    detail: str | None = None,
    user_name: str | None = None,
) -> None:
    """Append one row to the audit, in its own transaction so that it outlives any rollback.

    ``principal`` is ``None`` for a failed login by an unknown user, whose typed ``user_name`` is
    kept. ``detail`` is a permission or a short reason chosen by the code, never text about a
    child. A child code that is not a well-formed code is not stored.
    """
    with store.writing() as connection:
        _insert_audit(connection, principal, action, outcome, child_id, detail, user_name)


def _insert_audit(
    connection,
    principal: Principal | None,
    action: str,
    outcome: str,
    child_id: str | None,
    detail: str | None,
    user_name: str | None = None,
) -> None:
    audit_chain.append(
        connection,
        [audit_row(principal, action, outcome, child_id, detail, user_name)],
    )


def audit_row(
    principal: Principal | None,
    action: str,
    outcome: str,
    child_id: str | None = None,
    detail: str | None = None,
    user_name: str | None = None,
) -> dict:
    """The fields of one audit row, checked (see :func:`write_audit`), ready to chain."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown audit outcome {outcome!r}")
    if child_id is not None and not _CHILD_CODE.match(child_id):
        child_id, detail = None, f"{detail or ''} (malformed child code)".strip()
    return {
        "at": utc_now(),
        "user_name": (principal.user_name if principal else user_name or "")[:64],
        "role": principal.role if principal else "",
        "action": action,
        "child_id": child_id,
        "outcome": outcome,
        "detail": detail[:200] if detail else None,
    }


def write_audit_rows(store: Store, rows: list[dict]) -> None:
    """Append several :func:`audit_row` rows in one transaction (one per exported child, say)."""
    with store.writing() as connection:
        audit_chain.append(connection, rows)


def utc_now() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A time read from the database as an aware UTC time (SQLite gives it back naive)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def operator() -> Principal:
    """The principal of a command run on the server: the operating-system user, role ``cli``.

    The name is the account the process runs as (not ``$USER`` or ``$LOGNAME``, which anyone
    can set to another name).
    """
    try:
        import pwd

        name = pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        import getpass

        name = getpass.getuser()
    return Principal(name, OPERATOR_ROLE)
