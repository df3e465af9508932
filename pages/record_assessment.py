"""Record an assessment: after a visit or a case conference, change one child's support system."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import NoReturn

import streamlit as st

import ui
from eska_network.domain import codes
from eska_network.services import access, assessment_words, drafts, quick_record
from eska_network.services import assessment_forms as forms
from eska_network.services.access import AccessDenied
from eska_network.store import AssessmentError, ChildChange, ConcurrentEditError
from ui import assessment_state as states
from ui.assessment_fields import FormFields
from ui.stale_ties import Answers, stale_panel

NEW_MEMBER_SLOTS = 2
NEW_TIE_SLOTS = 3
OPEN = "assess.open"
"""Session key of the open form: which child, its records, the widget generation, the outcome."""

context = ui.page_context("record_assessment")
lang = context.lang
st.title(ui.t("page.record_assessment"))


def _no_children() -> NoReturn:
    st.info(ui.t("assess.no_children"))
    st.stop()


child_id = ui.child_picker(context) or _no_children()


def _open(generation: int = 0, *, restore: bool = False) -> states.OpenForm:
    """The form opened on the child's record (``restore``: with the user's kept entries)."""
    store, principal = context.store, context.principal
    record = forms.open_record(store, principal, child_id)
    slots = (NEW_MEMBER_SLOTS, NEW_TIE_SLOTS)
    draft = drafts.kept_form(store, principal, child_id) if restore else None
    if draft is not None:
        slots = drafts.blank_slots(draft.values, slots)
    return states.OpenForm(child_id, record, record, generation, slots, draft=draft)


def _update(**changes) -> None:
    """Change the open form (as it is now: a save may have reopened it)."""
    st.session_state[OPEN] = dataclasses.replace(st.session_state[OPEN], **changes)


open_form = st.session_state.get(OPEN)
if not isinstance(open_form, states.OpenForm) or open_form.child_id != child_id:
    try:
        st.session_state[OPEN] = _open(restore=True)
    except AccessDenied:
        st.error(ui.t("app.refused"))
        st.stop()
opened: states.OpenForm = st.session_state[OPEN]
baseline = opened.baseline
current = opened.current
prefix = f"assess.{opened.generation}.{child_id}."
date_key = f"assess.date.{child_id}"


def _key(entry: str, field: str) -> str:
    return f"{prefix}{entry}.{field}"


# -- reading the form and saving (the submit button's callback) --------------------------------


def _sorted(values, vocabulary: codes.Vocabulary) -> tuple[str, ...]:
    return tuple(vocabulary.sort(values or ()))


def _member_entry(entry: str, *, new: bool) -> forms.MemberEntry:
    state = st.session_state
    return forms.MemberEntry(
        label=state[_key(entry, "label")] or "",
        level=state[_key(entry, "level")],
        role=state[_key(entry, "role")],
        resource_id=state[_key(entry, "resource_id")],
        remove=False if new else state[_key(entry, "remove")],
    )


def _tie_entry(entry: str, source: str | None = None, target: str | None = None) -> forms.TieEntry:
    state = st.session_state
    if source is None:
        source, target = state[_key(entry, "source")], state[_key(entry, "target")]
    return forms.TieEntry(
        source=source,
        target=target,
        strength=state[_key(entry, "strength")],
        valence=state[_key(entry, "valence")],
        support_types=_sorted(state[_key(entry, "support_types")], codes.SUPPORT_TYPES),
        functions=_sorted(state[_key(entry, "functions")], codes.FUNCTIONS),
        needs_met=_sorted(state[_key(entry, "needs_met")], codes.NEEDS),
        last_contact=state[_key(entry, "last_contact")],
    )


def _read_form() -> forms.FormValues:
    state = st.session_state
    shown = forms.form_defaults(baseline)
    member_slots, tie_slots = opened.slots
    return forms.FormValues(
        child=ChildChange(
            needs=_sorted(state[_key("child", "needs")], codes.NEEDS),
            risk_factors=_sorted(state[_key("child", "risk_factors")], codes.RISK_FACTORS),
            **{f"wellbeing_{w}": state[_key("child", f"wellbeing_{w}")] for w in codes.WELLBEING},
            placement=state[_key("child", "placement")],
            reintegration_stage=state[_key("child", "reintegration_stage")],
        ),
        members={key: _member_entry(key, new=False) for key in shown.members},
        ties={key: _tie_entry(key, tie.source, tie.target) for key, tie in shown.ties.items()},
        new_members=tuple(
            _member_entry(f"{forms.NEW_MEMBER}{n}", new=True) for n in range(member_slots)
        ),
        new_ties=tuple(_tie_entry(f"new_tie:{n}") for n in range(tie_slots)),
    )


def _submit(answers: Answers | None = None) -> None:
    try:
        outcome = _save(answers)
        if isinstance(outcome, states.Saved):
            drafts.drop(context.store, context.principal, child_id, drafts.ASSESSMENT)
        elif not isinstance(outcome, states.NothingChanged):
            # Not saved (yet): the entries are kept, so that a reload loses none.
            _keep_draft(outcome)
            return
    except AccessDenied:
        # The child was reassigned while the form was open.
        outcome = states.Refused()
    # After a save, OPEN holds the form reopened on the new record: the outcome goes there.
    _update(outcome=outcome)


def _keep_draft(outcome: states.Outcome | None = None) -> None:
    """Keep the form's entries as the user's draft (the outcome shown: ``outcome`` or "kept")."""
    draft = drafts.FormDraft(_read_form(), st.session_state[date_key], baseline.revision)
    try:
        drafts.keep_form(context.store, context.principal, child_id, draft)
    except AccessDenied:
        outcome = states.Refused()
    _update(outcome=outcome or states.DraftKept())


def _save(answers: Answers | None) -> states.Outcome:
    """Check the form, ask about the ties it would make stale, save it; returns the outcome."""
    store, principal = context.store, context.principal
    draft = forms.draft_changes(_read_form(), baseline, current, lang)
    assessed_on = st.session_state[date_key]
    if draft.problems:
        return states.Problems(draft.problems)
    if draft.is_empty:
        return states.NothingChanged()
    changes = draft.changes
    latest = current.system.latest_assessment()
    if latest is None or assessed_on >= latest:
        stale = quick_record.made_stale(current.system, assessed_on, changes)
        asked = opened.outcome
        if stale and (
            answers is None
            or not isinstance(asked, states.AskContact)
            or (asked.stale, asked.assessed_on) != (stale, assessed_on)
        ):
            return states.AskContact(stale, assessed_on)
        if stale and answers is not None:
            try:
                contact = quick_record.contact_answers(stale, answers, assessed_on)
            except quick_record.QuickRecordError as error:
                return states.AskContact(stale, assessed_on, error.said(lang))
            changes = quick_record.merged(changes, contact)
    try:
        revision = access.record_assessment(
            store, principal, child_id, assessed_on, changes, current.revision
        )
    except AssessmentError as error:
        return states.Problems(forms.place_problems(draft, error.problems, lang))
    except ConcurrentEditError:
        _update(current=forms.open_record(store, principal, child_id))
        saves = store.saves(child_id, baseline.revision)
        return states.Conflict(tuple(assessment_words.describe_save(save, lang) for save in saves))
    if revision == current.revision:
        return states.NothingChanged()
    reopened = _open(opened.generation + 1)
    lines = assessment_words.describe_changes(changes, reopened.baseline, lang)
    st.session_state[OPEN] = reopened
    return states.Saved(assessed_on, tuple(lines))


def _discard() -> None:
    drafts.drop(context.store, context.principal, child_id, drafts.ASSESSMENT)
    st.session_state[OPEN] = _open(opened.generation + 1)


def _more(which: int) -> None:
    slots = list(opened.slots)
    slots[which] += 1
    _update(slots=(slots[0], slots[1]))


def _cancel_contact() -> None:
    _update(outcome=None)


# -- the date, the outcome of the last save, the record as it stands -------------------------

outcome = opened.outcome
problems = forms.problems_by_field(outcome.problems) if isinstance(outcome, states.Problems) else {}

today = dt.date.today()
# The form's own record sets the earliest date: a later save by someone else is refused by the
# store, next to this field, rather than leaving a chosen date outside the widget's range.
opened_latest = baseline.system.latest_assessment()
earliest = min(opened_latest, today) if opened_latest else None
day = opened.draft.assessed_on if opened.draft and opened.draft.assessed_on else today
if opened.draft is not None:
    kept_at = opened.draft.saved_at
    when = kept_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if kept_at else "–"
    st.info(ui.t("assess.draft_back", at=when), icon=":material/restore:")
    if opened.draft.revision != baseline.revision:
        st.warning(ui.t("assess.draft_older"))
st.date_input(
    ui.t("assess.date"),
    value=min(max(day, earliest), today) if earliest else min(day, today),
    min_value=earliest,
    max_value=today,
    key=date_key,
    help=ui.t("assess.date_help"),
    format=ui.t("app.date_format"),
)
for message in problems.get(("assessed_on", None), ()):
    st.error(ui.escape_markdown(message), icon=":material/error:")
latest = current.system.latest_assessment()
st.caption(ui.t("assess.latest", date=latest) if latest else ui.t("assess.no_latest"))
as_of = st.session_state[date_key]

st.subheader(ui.t("assess.now_title", date=as_of))
st.caption(ui.t("assess.now_caption"))
for title, table in (
    ("assess.members_title", assessment_words.members_table(current, lang)),
    ("assess.ties_title", assessment_words.ties_table(current, as_of, lang)),
):
    st.markdown(f"**{ui.t(title)}**")
    if table.empty:
        st.caption(ui.t("assess.none_yet"))
    else:
        st.dataframe(table, hide_index=True, width="stretch")


# -- the form --------------------------------------------------------------------------------


def _count(entries: set[str] | None = None, *, prefixes: tuple[str, ...] = ()) -> int:
    return sum(
        len(messages)
        for (entry, _), messages in problems.items()
        if (entries and entry in entries) or entry.startswith(prefixes)
    )


def _titled(title: str, count: int) -> str:
    return ui.t("assess.to_fix", name=title, n=count) if count else title


def _expander(title: str, entry: str, *, open_: bool = False, icon: str):
    """An entry's box: opened when it has problems (its new title makes Streamlit redraw it)."""
    count = _count({entry})
    return st.expander(_titled(title, count), expanded=open_ or count > 0, icon=icon)


def _outcome() -> None:
    """What the last press of the button did, shown where the user pressed it."""
    if isinstance(outcome, states.Problems):
        st.error(ui.t("assess.problems", n=len(outcome.problems)))
        for problem in outcome.problems:
            where = assessment_words.entry_title(baseline, problem.entry, lang)
            field = assessment_words.field_title(problem.field, lang)
            ui.plain(f"• {where}{' – ' + field if field else ''}: {problem.message}")
    elif isinstance(outcome, states.Saved):
        st.success(ui.t("assess.saved", date=outcome.assessed_on))
        for line in outcome.lines:
            ui.plain(f"• {line}")
    elif isinstance(outcome, states.NothingChanged):
        st.info(ui.t("assess.nothing_changed"))
    elif isinstance(outcome, states.Conflict):
        st.warning(ui.t("assess.conflict"))
        for line in outcome.saves:
            ui.plain(f"• {line}")
    elif isinstance(outcome, states.Refused):
        st.error(ui.t("app.refused"))
    elif isinstance(outcome, states.DraftKept):
        st.info(ui.t("assess.draft_kept"), icon=":material/save_as:")
    elif isinstance(outcome, states.AskContact):
        if outcome.error:
            st.error(ui.escape_markdown(ui.t("assess.quick.refused", reason=outcome.error)))
        names = {m.member_id: m.label for m in current.system.members}
        names[codes.CHILD_NODE] = current.label(codes.CHILD_NODE, lang)
        stale_panel(
            f"assess.stale.{opened.generation}",
            outcome.stale,
            names,
            outcome.assessed_on,
            _submit,
            _cancel_contact,
        )


fields = FormFields(prefix, lang, problems, baseline, current)
shown = forms.form_defaults(baseline)
entries = drafts.shown_values(shown, opened.draft)
member_slots, tie_slots = opened.slots
new_member_keys = [f"{forms.NEW_MEMBER}{n}" for n in range(member_slots)]
ends = [codes.CHILD_NODE, *(m.member_id for m in baseline.members), *new_member_keys]

st.subheader(ui.t("assess.form_title"))
st.caption(ui.t("assess.form_caption"))
with st.form(f"assess.form.{opened.generation}", enter_to_submit=False, border=True):
    st.markdown(f"#### {_titled(ui.t('assess.where.child'), _count({'child'}))}")
    fields.child_fields(entries.child)

    members_count = _count(prefixes=("member:", forms.NEW_MEMBER))
    st.markdown(f"#### {_titled(ui.t('assess.members_title'), members_count)}")
    for member in baseline.members:
        entry = forms.member_key(member.member_id)
        title = ui.t(
            "assess.member_summary", name=member.label, level=codes.LEVELS.label(member.level, lang)
        )
        with _expander(ui.escape_markdown(title), entry, icon=":material/person:"):
            fields.member_fields(entry, entries.members[entry], new=False)
    st.markdown(f"**{ui.t('assess.new_members')}**")
    st.caption(ui.t("assess.new_members_help"))
    for number, entry in enumerate(new_member_keys):
        title = ui.t("assess.where.new_member", n=number + 1)
        with _expander(title, entry, open_=number == 0, icon=":material/person_add:"):
            blank = entries.new_members[number] if number < len(entries.new_members) else None
            fields.member_fields(entry, blank or forms.MemberEntry(), new=True)

    st.markdown(f"#### {_titled(ui.t('assess.ties_title'), _count(prefixes=('tie:', 'new_tie:')))}")
    for key, tie in shown.ties.items():
        title = ui.t(
            "assess.tie_summary",
            name=assessment_words.tie_title(baseline, tie, lang),
            strength=assessment_words.strength_text(tie.strength, lang),
            valence=codes.VALENCES.label(tie.valence, lang),
        )
        with _expander(ui.escape_markdown(title), key, icon=":material/link:"):
            fields.tie_fields(key, entries.ties[key])
    st.markdown(f"**{ui.t('assess.new_ties')}**")
    st.caption(ui.t("assess.new_ties_help"))
    for number in range(tie_slots):
        entry = f"new_tie:{number}"
        title = ui.t("assess.where.new_tie", n=number + 1)
        with _expander(title, entry, open_=number == 0, icon=":material/add_link:"):
            blank_tie = entries.new_ties[number] if number < len(entries.new_ties) else None
            fields.tie_fields(entry, blank_tie or forms.TieEntry(), ends)
    buttons = st.columns([3, 2])
    buttons[0].form_submit_button(ui.t("assess.submit"), type="primary", on_click=_submit)
    buttons[1].form_submit_button(
        ui.t("assess.keep_draft"), on_click=_keep_draft, icon=":material/save_as:"
    )
_outcome()

more_members, more_ties, discard = st.columns(3)
more_members.button(
    ui.t("assess.more_members"), on_click=_more, args=(0,), icon=":material/person_add:"
)
more_ties.button(ui.t("assess.more_ties"), on_click=_more, args=(1,), icon=":material/add_link:")
discard.button(ui.t("assess.discard"), on_click=_discard, icon=":material/restart_alt:")
