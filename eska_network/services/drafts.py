"""Nothing lost: what-if proposals and an assessment form's entries kept as drafts in the store.

A draft belongs to one user and one child: it is shown again after a reload or a new login
(the Streamlit session is gone, the store is not), to that user only, and only while they may
still see the child (after a reassignment it is not shown). Keeping and dropping a
draft are audited like the other changes (``edit``, the detail naming the draft; never its
content). A draft is dropped when its entries are saved, or by the user.

The threat model and why a new login loses nothing are in docs/sessions.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eska_network.domain.whatif import ProposedTie
from eska_network.services import access
from eska_network.services.assessment_forms import FormValues, MemberEntry, TieEntry
from eska_network.store import ChildChange, Store
from eska_network.store import drafts as stored

WHATIF = "whatif"
ASSESSMENT = "assessment"
KINDS = (WHATIF, ASSESSMENT)


def _check(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"draft: unknown kind {kind!r}")


def _keep(
    store: Store, principal: access.Principal, child_id: str, kind: str, content: str
) -> None:
    _check(kind)
    access.require(store, principal, access.VIEW_CHILD, child_id, audit_use=False)
    stored.keep(store, principal.user_name, child_id, kind, content, access.utc_now())
    access.write_audit(
        store, principal, "edit", "success", child_id=child_id, detail=f"draft kept: {kind}"
    )


def _read(
    store: Store, principal: access.Principal, child_id: str, kind: str
) -> stored.StoredDraft | None:
    """The user's draft while they may see the child (None otherwise: nothing is shown)."""
    _check(kind)
    if not access.may(store, principal, access.VIEW_CHILD, child_id):
        return None
    return stored.read(store, principal.user_name, child_id, kind)


def drop(store: Store, principal: access.Principal, child_id: str, kind: str) -> None:
    """Drop the user's draft of ``kind`` for the child (audited when there was one)."""
    _check(kind)
    if stored.drop(store, principal.user_name, child_id, kind):
        access.write_audit(
            store, principal, "edit", "success", child_id=child_id, detail=f"draft dropped: {kind}"
        )


# --- What-if proposals ---------------------------------------------------------------------------


def keep_proposals(
    store: Store, principal: access.Principal, child_id: str, proposals: Sequence[ProposedTie]
) -> None:
    """Keep the proposals as the user's what-if draft (none left: the draft is dropped).

    Raises
    ------
    AccessDenied
        When ``principal`` may not see the child.
    """
    if not proposals:
        drop(store, principal, child_id, WHATIF)
        return
    content = json.dumps([dataclasses.asdict(proposal) for proposal in proposals])
    _keep(store, principal, child_id, WHATIF, content)


def kept_proposals(store: Store, principal: access.Principal, child_id: str) -> list[ProposedTie]:
    """The user's what-if proposals for the child, as kept (empty when none may be shown)."""
    draft = _read(store, principal, child_id, WHATIF)
    if draft is None:
        return []
    return [
        ProposedTie(**{name: _tuple(value) for name, value in item.items()})
        for item in json.loads(draft.content)
    ]


def _tuple(value: Any) -> Any:
    """A JSON list as the tuple the dataclasses hold (JSON has no tuples)."""
    return tuple(value) if isinstance(value, list) else value


# --- An assessment form --------------------------------------------------------------------------


@dataclass(frozen=True)
class FormDraft:
    """An assessment form's entries as kept: the values, the date chosen, the record's revision
    the form was opened on, and when they were kept."""

    values: FormValues
    assessed_on: dt.date | None
    revision: int
    saved_at: dt.datetime | None = None


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _tie_json(entry: TieEntry) -> dict:
    data = dataclasses.asdict(entry)
    data["last_contact"] = entry.last_contact.isoformat() if entry.last_contact else None
    return data


def _tie_entry(data: Mapping) -> TieEntry:
    values = {name: _tuple(value) for name, value in data.items()}
    values["last_contact"] = _date(data.get("last_contact"))
    return TieEntry(**values)


def _member_entry(data: Mapping) -> MemberEntry:
    return MemberEntry(**data)


def form_json(draft: FormDraft) -> str:
    """The draft as JSON text (what the store keeps)."""
    values = draft.values
    return json.dumps(
        {
            "assessed_on": draft.assessed_on.isoformat() if draft.assessed_on else None,
            "revision": draft.revision,
            "child": dataclasses.asdict(values.child),
            "members": {key: dataclasses.asdict(e) for key, e in values.members.items()},
            "ties": {key: _tie_json(entry) for key, entry in values.ties.items()},
            "new_members": [dataclasses.asdict(entry) for entry in values.new_members],
            "new_ties": [_tie_json(entry) for entry in values.new_ties],
        }
    )


def form_from_json(text: str, saved_at: dt.datetime | None = None) -> FormDraft:
    """The draft read back from :func:`form_json`'s text."""
    data = json.loads(text)
    values = FormValues(
        child=ChildChange(**{name: _tuple(v) for name, v in data["child"].items()}),
        members={key: _member_entry(entry) for key, entry in data["members"].items()},
        ties={key: _tie_entry(entry) for key, entry in data["ties"].items()},
        new_members=tuple(_member_entry(entry) for entry in data["new_members"]),
        new_ties=tuple(_tie_entry(entry) for entry in data["new_ties"]),
    )
    return FormDraft(values, _date(data["assessed_on"]), data["revision"], saved_at)


def keep_form(store: Store, principal: access.Principal, child_id: str, draft: FormDraft) -> None:
    """Keep an assessment form's entries as the user's draft for the child.

    Raises
    ------
    AccessDenied
        When ``principal`` may not see the child.
    """
    _keep(store, principal, child_id, ASSESSMENT, form_json(draft))


def kept_form(store: Store, principal: access.Principal, child_id: str) -> FormDraft | None:
    """The user's kept assessment form for the child (None when none may be shown)."""
    draft = _read(store, principal, child_id, ASSESSMENT)
    return None if draft is None else form_from_json(draft.content, draft.saved_at)


def shown_values(defaults: FormValues, draft: FormDraft | None) -> FormValues:
    """What a form shows: the draft's entries where it has them, the record's elsewhere.

    A member or tie the record gained since the draft was kept shows as recorded; one the
    draft has and the record no longer has is not shown.
    """
    if draft is None:
        return defaults
    kept = draft.values
    return FormValues(
        child=kept.child,
        members={key: kept.members.get(key, entry) for key, entry in defaults.members.items()},
        ties={key: kept.ties.get(key, entry) for key, entry in defaults.ties.items()},
        new_members=kept.new_members,
        new_ties=kept.new_ties,
    )


def blank_slots(values: FormValues, slots: Iterable[int]) -> tuple[int, int]:
    """Enough blank slots for a draft's new members and new ties (at least ``slots``)."""
    members, ties = tuple(slots)
    return max(members, len(values.new_members)), max(ties, len(values.new_ties))
