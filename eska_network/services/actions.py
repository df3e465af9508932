"""What a case conference agreed: tasks of a facilitator or an advocate, referrals of a broker.

Every action carries the social worker's role (DOMAIN.md): a **facilitator** brings members
together and strengthens ties, a **broker** links the child to a resource, an **advocate** presses
an institution or a family to act. A **task** is ``open``, ``done`` or ``dropped``. A **referral**
(*rujukan*) is the broker's action to a named service of the child's district; its status moves
``proposed`` -> ``sent`` -> ``accepted`` -> ``active`` -> ``closed``, or ends ``declined``, each
move dated and kept in the action's history. An action still to be done after its date, and a
referral sent and not accepted in 14 days (``ESKA_REFERRAL_DAYS``), are **overdue**
(:mod:`eska_network.domain.follow_up`).

Every change is access-checked (``edit_child``) and audited, and names the action's revision it
was made on: a second person saving the same action is refused, not silently overwritten. A
what-if proposal of a tie to a district service becomes a proposed referral in one call
(:func:`refer_proposal`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from eska_network import i18n
from eska_network.domain import codes, follow_up
from eska_network.domain.gap_items import KINDS, GapItem
from eska_network.domain.gap_kinds import gap_kind
from eska_network.domain.whatif import ProposedTie
from eska_network.services import access
from eska_network.services.action_records import (
    MAX_TEXT,
    STATUSES,
    Action,
    ActionConflictError,
    ActionError,
    ActionVersion,
    action_of_row,
    gap_detail,
)
from eska_network.store import Store
from eska_network.store.tables import action_history, children, resources
from eska_network.store.tables import actions as actions_table

__all__ = [
    "action_history_of",
    "create_action",
    "list_actions",
    "overdue",
    "refer_proposal",
    "update_action",
]
_STILL_OPEN = ("open", "proposed", "sent", "accepted", "active")


def _clean(value: str, name: str) -> str:
    text = " ".join(str(value).split())
    if not text:
        raise ActionError(i18n.say("conference.error.empty", field=_field(name)))
    if len(text) > MAX_TEXT:
        raise ActionError(i18n.say("conference.error.too_long", field=_field(name), most=MAX_TEXT))
    return text


def _field(name: str) -> i18n.Said:
    return i18n.Said(f"conference.field.{name}")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _check_service(connection: sa.Connection, child_id: str, resource_id: str) -> None:
    """A referral goes to a listed service of the child's own district."""
    home = connection.scalar(sa.select(children.c.district).where(children.c.child_id == child_id))
    where = connection.scalar(
        sa.select(resources.c.district).where(resources.c.resource_id == resource_id)
    )
    if where is None:
        raise ActionError(i18n.say("validation.form.no_service", cell=f"'{resource_id}'"))
    if home is not None and where != home:
        raise ActionError(
            i18n.say("validation.other_district", cell=f"'{resource_id}'", where=where, home=home)
        )


def _role_for(gap: GapItem | None, worker_role: str | None, referral: bool) -> str:
    if referral:
        if worker_role not in (None, "broker"):
            raise ActionError(i18n.say("conference.error.broker"))
        return "broker"
    role = worker_role or (gap_kind(gap.kind).worker_role if gap else "facilitator")
    if role not in codes.WORKER_ROLES:
        raise ActionError(i18n.say("conference.error.role", role=f"'{role}'"))
    return role


def create_action(
    store: Store,
    principal: access.Principal,
    child_id: str,
    gap: GapItem | None,
    what: str,
    who: str,
    due_on: dt.date | None = None,
    *,
    worker_role: str | None = None,
    resource_id: str | None = None,
) -> Action:
    """Store a new action of the child, agreed today; audited as an edit.

    Without ``resource_id`` it is a task (``open``), with the role given or, by default, the role
    that usually answers its gap (:attr:`~eska_network.domain.gap_kinds.GapKind.worker_role`).
    With ``resource_id`` it is a referral to that service (``proposed``, by a broker).

    Raises
    ------
    AccessDenied
        When ``principal`` may not edit the child (the refusal is audited).
    ValueError
        When ``what`` or ``who`` is empty or too long, the gap kind or the role is unknown, or
        the service is not one of the child's district.
    """
    if gap is not None and gap.kind not in KINDS:
        raise ActionError(i18n.say("conference.error.gap_kind", kind=f"'{gap.kind}'"))
    values = {"what": _clean(what, "what"), "who": _clean(who, "who")}
    role = _role_for(gap, worker_role, referral=resource_id is not None)
    access.require(store, principal, access.EDIT_CHILD, child_id, audit_use=False)
    now = _now()
    with store.writing() as connection:
        if resource_id is not None:
            _check_service(connection, child_id, resource_id)
        inserted = connection.execute(
            sa.insert(actions_table).values(
                child_id=child_id,
                # A placeholder until the number is known; replaced in this transaction.
                action_key=f"new-{now.timestamp()}",
                gap_kind=gap.kind if gap else None,
                gap_detail=gap_detail(gap),
                **values,
                worker_role=role,
                resource_id=resource_id,
                created_on=now.date(),
                due_on=due_on,
                status="proposed" if resource_id else "open",
                status_on=now.date(),
                created_by=principal.user_name,
                created_at=now,
                updated_at=now,
                revision=1,
            )
        ).inserted_primary_key
        assert inserted is not None  # an INSERT of one row always has its key
        action_id = inserted[0]
        connection.execute(
            sa.update(actions_table)
            .where(actions_table.c.action_id == action_id)
            .values(action_key=_free_key(connection, child_id, str(action_id)))
        )
        _version(connection, action_id, principal.user_name, now)
    access.write_audit(
        store, principal, "edit", "success", child_id=child_id, detail="edit_child: action added"
    )
    return _read(store, action_id)


def _free_key(connection: sa.Connection, child_id: str, wanted: str) -> str:
    """``wanted``, or ``wanted-2``... when an imported action of the child has that key."""
    taken = set(
        connection.scalars(
            sa.select(actions_table.c.action_key).where(actions_table.c.child_id == child_id)
        )
    )
    key, number = wanted, 1
    while key in taken:
        number += 1
        key = f"{wanted}-{number}"
    return key


def _version(connection: sa.Connection, action_id: int, user_name: str, now: dt.datetime) -> None:
    """Keep the action's current state as a version of its history."""
    table = actions_table
    names = ["what", "who", "worker_role", "resource_id", "due_on", "status", "status_on"]
    current = sa.select(
        table.c.action_id,
        table.c.revision,
        *(table.c[name] for name in names),
        sa.literal(user_name, actions_table.c.created_by.type).label("changed_by"),
        sa.literal(now, actions_table.c.created_at.type).label("changed_at"),
    ).where(table.c.action_id == action_id)
    connection.execute(
        action_history.insert().from_select(
            ["action_id", "revision", *names, "changed_by", "changed_at"], current
        )
    )


def _read(store: Store, action_id: int) -> Action:
    query = sa.select(actions_table).where(actions_table.c.action_id == action_id)
    with store.reading() as connection:
        row = connection.execute(query).mappings().one_or_none()
    if row is None:
        raise KeyError(f"no action {action_id}")
    return action_of_row(row)


def list_actions(
    store: Store, principal: access.Principal, child_id: str, *, audit_view: bool = True
) -> tuple[Action, ...]:
    """The child's actions: those still under way first, by due date (none last), then the rest.

    ``audit_view`` false skips the view's audit row when the same page run has just written one
    (:func:`eska_network.services.access.open_child`); the check is made either way.

    Raises
    ------
    AccessDenied
        When ``principal`` may not see the child (the refusal is audited).
    """
    access.require(store, principal, access.VIEW_CHILD, child_id, audit_use=audit_view)
    query = sa.select(actions_table).where(actions_table.c.child_id == child_id)
    with store.reading() as connection:
        rows = connection.execute(query).mappings().all()
    found = [action_of_row(row) for row in rows]
    return tuple(
        sorted(
            found,
            key=lambda a: (
                a.status not in _STILL_OPEN,
                a.due_on is None,
                a.due_on or dt.date.max,
                a.action_id,
            ),
        )
    )


def action_history_of(
    store: Store, principal: access.Principal, action_id: int
) -> tuple[ActionVersion, ...]:
    """Every version of an action, oldest first: a referral's dated moves.

    Raises
    ------
    AccessDenied
        When ``principal`` may not see the action's child (the refusal is audited).
    """
    current = _read(store, action_id)
    access.require(store, principal, access.VIEW_CHILD, current.child_id, audit_use=False)
    table = action_history
    query = (
        sa.select(table.c.revision, table.c.status, table.c.status_on, table.c.changed_by,
                  table.c.changed_at)
        .where(table.c.action_id == action_id)
        .order_by(table.c.revision)
    )  # fmt: skip
    with store.reading() as connection:
        rows = connection.execute(query).all()
    return tuple(
        ActionVersion(revision, status, status_on, by, access.as_utc(at))
        for revision, status, status_on, by, at in rows
    )


def update_action(
    store: Store,
    principal: access.Principal,
    action_id: int,
    expected_revision: int,
    *,
    status: str | None = None,
    what: str | None = None,
    who: str | None = None,
    due_on: dt.date | None = None,
    on: dt.date | None = None,
) -> Action:
    """Change an action's status, text or due date; audited as an edit of its child.

    Only the fields given change; a new status is dated ``on`` (default today) and must be one
    the current status may move to (a referral only moves forward, or ends declined).
    ``expected_revision`` is the action's revision when it was read.

    Raises
    ------
    AccessDenied
        When ``principal`` may not edit the action's child (the refusal is audited).
    ActionConflictError
        When the action was changed since ``expected_revision``; nothing is saved.
    KeyError
        When there is no such action.
    ValueError
        For an unknown status or one the action cannot move to, or empty or too long text.
    """
    current = _read(store, action_id)
    changes: dict[str, object] = {}
    if status is not None and status != current.status:
        if status not in STATUSES:
            raise ActionError(i18n.say("conference.error.status", status=f"'{status}'"))
        if status not in current.next_statuses():
            raise ActionError(
                i18n.say(
                    "conference.error.move",
                    before=i18n.Said(f"conference.status.{current.status}"),
                    after=i18n.Said(f"conference.status.{status}"),
                )
            )
        changes["status"] = status
        changes["status_on"] = on or _now().date()
    if what is not None:
        changes["what"] = _clean(what, "what")
    if who is not None:
        changes["who"] = _clean(who, "who")
    if due_on is not None:
        changes["due_on"] = due_on
    access.require(store, principal, access.EDIT_CHILD, current.child_id, audit_use=False)
    now = _now()
    with store.writing() as connection:
        changed = connection.execute(
            sa.update(actions_table)
            .where(
                actions_table.c.action_id == action_id,
                actions_table.c.revision == expected_revision,
            )
            .values(**changes, updated_at=now, revision=expected_revision + 1)
        ).rowcount
        if changed != 1:
            raise ActionConflictError(action_id)
        _version(connection, action_id, principal.user_name, now)
    access.write_audit(
        store,
        principal,
        "edit",
        "success",
        child_id=current.child_id,
        detail="edit_child: action changed",
    )
    return _read(store, action_id)


def overdue(
    found: Iterable[Action], today: dt.date, referral_days: int | None = None
) -> tuple[Action, ...]:
    """The actions of ``found`` that are overdue on ``today``."""
    days = follow_up.referral_days() if referral_days is None else referral_days
    return tuple(action for action in found if action.is_overdue(today, days))


def refer_proposal(
    store: Store,
    principal: access.Principal,
    child_id: str,
    proposal: ProposedTie,
    lang: str = "en",
    due_on: dt.date | None = None,
) -> Action:
    """Turn a what-if proposal of a tie to a district service into a proposed referral.

    The referral answers the proposal's first unmet need, is worded in ``lang`` ("Refer to LBH
    Pelangi Anak Medan for legal services") and is the caseworker's to send.

    Raises
    ------
    ValueError
        When the proposal is not to a listed service.
    AccessDenied
        When ``principal`` may not edit the child.
    """
    if proposal.resource_id is None:
        raise ActionError(i18n.say("conference.error.not_a_service"))
    needs = ", ".join(codes.NEEDS.label(need, lang) for need in proposal.needs_met)
    service = proposal.label or proposal.resource_id
    what = i18n.text(
        "conference.action.refer_to" if needs else "conference.action.refer_to_service",
        lang,
        service=service,
        needs=needs,
    )
    gap = GapItem("unmet_need", proposal.needs_met[0]) if proposal.needs_met else None
    who = i18n.text("conference.action.by_caseworker", lang)
    return create_action(
        store, principal, child_id, gap, what, who, due_on, resource_id=proposal.resource_id
    )
