"""Each tie's last contact with "contact today", and the member's detail panel.

The member's panel (a person clicked on the map) lists their ties with the last contact,
"contact today" and a change of strength, valence or last contact in place; every save goes
through :func:`ui.quick_add.attempt`, so the ties it would make stale are asked about first.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from eska_network import i18n
from eska_network.domain import codes
from eska_network.domain.model import Tie
from eska_network.services import quick_record
from eska_network.services.assessment_forms import Record

from .lang import t
from .map_page import MapPage
from .quick_save import attempt, key, refused, today
from .safe import escape_markdown, plain
from .stale_ties import tie_name


def _contact_today(page: MapPage, record: Record, pairs: list[tuple[str, str]], said) -> None:
    changes = quick_record.contact_changes(record, pairs, today())
    attempt(page, record, changes, said)


def contact_line(tie: Tie, names: Mapping[str, str], lang: str) -> str:
    """A tie with its strength, kind and last contact, in words."""
    contact = tie.last_contact.isoformat() if tie.last_contact else t("assess.quick.contact_never")
    return i18n.text(
        "assess.quick.contact_line",
        lang,
        name=tie_name(tie, names),
        strength=tie.strength,
        valence=codes.VALENCES.label(tie.valence, lang),
        contact=contact,
    )


def contacts(page: MapPage, record: Record) -> None:
    on = today()
    current = [tie for tie in record.ties() if tie.strength >= 1]
    if not current:
        return
    open_ties = quick_record.confirmable(record, on)
    with st.expander(t("assess.quick.last_contact")):
        said = i18n.say("assess.quick.seen_saved", n=len(open_ties))
        st.button(
            t("assess.quick.all_seen"),
            key=key(page, "all_seen"),
            on_click=_contact_today,
            args=(page, record, [tie.pair for tie in open_ties], said),
            disabled=not open_ties,
            help=t("assess.quick.all_seen_help", n=len(open_ties)),
            icon=":material/done_all:",
        )
        tie_list(page, record, current, "all")


def tie_list(page: MapPage, record: Record, ties: list[Tie], where: str) -> None:
    """Each tie with its last contact and a "contact today" button."""
    on = today()
    open_pairs = {tie.pair for tie in quick_record.confirmable(record, on)}
    names = page.view.names
    for tie in ties:
        row = st.columns([5, 2], vertical_alignment="center")
        with row[0]:
            plain(contact_line(tie, names, page.view.lang))
        said = i18n.say("assess.quick.seen_saved", n=1)
        row[1].button(
            t("assess.quick.contact_today"),
            key=key(page, f"seen.{where}.{tie.pair[0]}|{tie.pair[1]}"),
            on_click=_contact_today,
            args=(page, record, [tie.pair], said),
            disabled=tie.pair not in open_pairs,
            help=t(
                "assess.quick.contact_today_help"
                if tie.pair in open_pairs
                else "assess.quick.recorded_today"
            ),
        )


# --- The member's detail panel -------------------------------------------------------------------


def _edit_tie(page: MapPage, record: Record, pair: tuple[str, str], stem: str) -> None:
    state = st.session_state
    try:
        changes = quick_record.tie_edit_changes(
            record,
            pair,
            state[f"{stem}.strength"],
            state[f"{stem}.valence"],
            state[f"{stem}.contact"],
        )
    except quick_record.QuickRecordError as error:
        refused(page, error)
        return
    names = page.view.names
    name = f"{names.get(pair[0], pair[0])} – {names.get(pair[1], pair[1])}"
    attempt(page, record, changes, i18n.say("assess.quick.edited_tie", name=name, date=today()))


def member_ties(page: MapPage, member_id: str) -> None:
    """The ties of one member (or of the child): last contact, contact today, a change in place."""
    record = quick_record.page_record(page.store, page.record, page.revision)
    ties = [tie for tie in record.ties() if member_id in tie.pair and tie.strength >= 1]
    if not ties:
        return
    name = page.view.names.get(member_id, member_id)
    st.markdown(f"**{escape_markdown(t('assess.quick.ties_of', name=name))}**")
    if not page.may_edit:
        for tie in ties:
            plain(contact_line(tie, page.view.names, page.view.lang))
        return
    tie_list(page, record, ties, f"member.{member_id}")
    lang = page.view.lang
    for tie in ties:
        stem = key(page, f"edit.{tie.pair[0]}|{tie.pair[1]}.{tie.assessed_on}")
        with (
            st.expander(f"{t('assess.quick.edit_tie')}: {tie_name(tie, page.view.names)}"),
            st.form(stem, border=False),
        ):
            st.radio(
                t("assess.quick.strength"),
                list(range(codes.MAX_STRENGTH + 1)),
                index=tie.strength,
                horizontal=True,
                key=f"{stem}.strength",
            )
            valences = list(codes.VALENCES.codes)
            st.radio(
                t("assess.quick.valence"),
                valences,
                index=valences.index(tie.valence),
                format_func=lambda code: codes.VALENCES.label(code, lang),
                horizontal=True,
                key=f"{stem}.valence",
            )
            st.date_input(
                t("assess.quick.last_contact"),
                value=tie.last_contact,
                max_value=today(),
                format=t("app.date_format"),
                key=f"{stem}.contact",
            )
            st.form_submit_button(
                t("assess.quick.save_tie"),
                on_click=_edit_tie,
                args=(page, record, tie.pair, stem),
            )
