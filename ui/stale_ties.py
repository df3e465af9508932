"""Before a save: the ties it would make stale, and the worker's answer about each.

A save is an assessment of the whole system at its date, and a tie's last contact is measured
from that date (rule 8). So that nothing turns stale unseen, a page holding a save shows this
panel first: each tie with its last contact, asked "contact on a day / not known / lost"; the
answers go with the save (:func:`eska_network.services.quick_record.contact_answers`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from eska_network.domain import codes
from eska_network.domain.model import Tie
from eska_network.services import quick_record
from eska_network.services.quick_record import ContactAnswer

from .lang import t
from .safe import escape_markdown

Answers = dict[tuple[str, str], ContactAnswer]


def tie_name(tie: Tie, names: Mapping[str, str]) -> str:
    """``the child – Mother``: a tie's two ends named as the page names them."""
    return f"{names.get(tie.source, tie.source)} – {names.get(tie.target, tie.target)}"


def _keys(key: str, tie: Tie) -> tuple[str, str]:
    stem = f"{key}.{tie.pair[0]}|{tie.pair[1]}"
    return f"{stem}.answer", f"{stem}.day"


def _read(key: str, stale: Sequence[Tie]) -> Answers:
    state = st.session_state
    answers: Answers = {}
    for tie in stale:
        answer_key, day_key = _keys(key, tie)
        answers[tie.pair] = ContactAnswer(state.get(answer_key), state.get(day_key))
    return answers


def stale_panel(
    key: str,
    stale: Sequence[Tie],
    names: Mapping[str, str],
    day: dt.date,
    on_answer: Callable[[Answers], None],
    on_cancel: Callable[[], None],
) -> None:
    """The ties ``stale`` with a question each; ``on_answer`` gets the answers on save.

    ``key`` makes the widgets' keys (one panel per pending save); ``day`` is the save's date,
    the default day of a confirmed contact. "All had contact on <day>" answers every tie at once.
    """
    with st.form(key, border=True):
        st.warning(t("assess.stale.title", n=len(stale)), icon=":material/schedule:")
        st.caption(t("assess.stale.intro", date=day.isoformat(), days=codes.STALE_AFTER_DAYS))
        labels = {
            quick_record.CONFIRMED: t("assess.stale.confirmed"),
            quick_record.UNKNOWN: t("assess.stale.unknown"),
            quick_record.LOST: t("assess.stale.lost"),
        }
        for tie in stale:
            answer_key, day_key = _keys(key, tie)
            contact = tie.last_contact.isoformat() if tie.last_contact else "–"
            row = st.columns([4, 5, 2], vertical_alignment="center")
            row[0].markdown(
                escape_markdown(t("assess.stale.tie", name=tie_name(tie, names), contact=contact))
            )
            row[1].radio(
                t("assess.stale.tie", name=tie_name(tie, names), contact=contact),
                list(labels),
                index=None,
                format_func=labels.__getitem__,
                horizontal=True,
                key=answer_key,
                label_visibility="collapsed",
            )
            row[2].date_input(
                t("assess.stale.day"),
                value=day,
                max_value=day,
                format=t("app.date_format"),
                key=day_key,
                label_visibility="collapsed",
            )
        buttons = st.columns(3)
        buttons[0].form_submit_button(
            t("assess.stale.save"),
            type="primary",
            on_click=lambda: on_answer(_read(key, stale)),
        )
        buttons[1].form_submit_button(
            t("assess.stale.all_today", date=day.isoformat()),
            on_click=lambda: on_answer(
                {tie.pair: ContactAnswer(quick_record.CONFIRMED, day) for tie in stale}
            ),
        )
        buttons[2].form_submit_button(t("assess.stale.cancel"), on_click=on_cancel)
