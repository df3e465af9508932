"""The fields of the assessment form: the child, each member, each tie, with their problems.

A :class:`FormFields` draws the widgets of one open form (its keys carry the form's generation)
and the problems of the last save next to the field each is about.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

import streamlit as st

from eska_network.domain import codes, member_roles
from eska_network.services import assessment_forms as forms
from eska_network.services import assessment_words

from .lang import t
from .safe import escape_markdown


@dataclass(frozen=True)
class FormFields:
    """The widgets of one open form: ``prefix`` of their keys, the language, the problems by
    ``(entry, field)``, the record the form shows and the record now."""

    prefix: str
    lang: str
    problems: Mapping[tuple[str, str | None], list[str]]
    baseline: forms.Record
    current: forms.Record

    def key(self, entry: str, field: str) -> str:
        """The widget key of one field of one entry."""
        return f"{self.prefix}{entry}.{field}"

    def problems_at(self, entry: str, field: str | None) -> None:
        """The problems of the last save with one field (``field`` None: the whole entry)."""
        for message in self.problems.get((entry, field), ()):
            st.error(escape_markdown(message), icon=":material/error:")

    def codes_field(self, entry: str, field: str, vocabulary: codes.Vocabulary, default) -> None:
        """A list of codes of ``vocabulary`` to choose from."""
        st.multiselect(
            assessment_words.field_title(field, self.lang),
            vocabulary.codes,
            default=list(default),
            format_func=lambda code: vocabulary.label(code, self.lang),
            key=self.key(entry, field),
            placeholder=t("app.choose_many"),
        )
        self.problems_at(entry, field)

    def child_fields(self, child) -> None:
        """What the assessment found about the child: needs, risks, wellbeing, placement."""
        entry = "child"
        self.problems_at(entry, None)
        self.codes_field(entry, "needs", codes.NEEDS, child.needs)
        self.codes_field(entry, "risk_factors", codes.RISK_FACTORS, child.risk_factors)
        scores = [None, 1, 2, 3, 4, 5]
        for dimension in codes.WELLBEING:
            field = f"wellbeing_{dimension}"
            st.radio(
                assessment_words.field_title(field, self.lang),
                scores,
                index=scores.index(getattr(child, field)),
                format_func=lambda score: t("assess.not_assessed") if score is None else str(score),
                horizontal=True,
                key=self.key(entry, field),
            )
            self.problems_at(entry, field)
        for field, vocabulary in (
            ("placement", codes.PLACEMENTS),
            ("reintegration_stage", codes.STAGES),
        ):
            options: list[str | None] = [None, *vocabulary.codes]
            st.selectbox(
                assessment_words.field_title(field, self.lang),
                options,
                index=options.index(getattr(child, field)),
                format_func=partial(self._code_name, vocabulary),
                key=self.key(entry, field),
                placeholder=t("app.choose_one"),
            )
            self.problems_at(entry, field)

    def _code_name(self, vocabulary: codes.Vocabulary, code: str | None) -> str:
        return t("assess.not_recorded") if code is None else vocabulary.label(code, self.lang)

    def service_name(self, resource_id: str | None) -> str:
        """A listed service as the form offers it."""
        if resource_id is None:
            return t("assess.no_service")
        service = self.current.resource(resource_id) or self.baseline.resource(resource_id)
        return assessment_words.service_label(service, self.lang) if service else resource_id

    def member_fields(self, entry: str, member: forms.MemberEntry, *, new: bool) -> None:
        """One member: name, level, role, linked service (and removal, for one recorded)."""
        self.problems_at(entry, None)
        left, right = st.columns(2)
        with left:
            st.text_input(
                assessment_words.field_title("label", self.lang),
                value=member.label,
                max_chars=120,
                key=self.key(entry, "label"),
            )
            self.problems_at(entry, "label")
            levels = list(codes.LEVELS.codes)
            st.selectbox(
                assessment_words.field_title("level", self.lang),
                levels,
                index=levels.index(member.level) if member.level in levels else None,
                format_func=lambda level: codes.LEVELS.label(level, self.lang),
                placeholder=t("assess.choose"),
                key=self.key(entry, "level"),
            )
            self.problems_at(entry, "level")
        with right:
            role_options = [None, *member_roles.MEMBER_ROLES.codes]
            if member.role not in role_options:
                role_options.append(member.role)
            st.selectbox(
                assessment_words.field_title("role", self.lang),
                role_options,
                index=role_options.index(member.role),
                format_func=lambda role: member_roles.role_label(role, self.lang) if role else "–",
                accept_new_options=True,
                help=t("assess.role_help"),
                key=self.key(entry, "role"),
                placeholder=t("app.choose_one"),
            )
            self.problems_at(entry, "role")
            services = [None, *(resource.resource_id for resource in self.current.resources)]
            if member.resource_id not in services:
                services.append(member.resource_id)
            st.selectbox(
                assessment_words.field_title("resource_id", self.lang),
                services,
                index=services.index(member.resource_id),
                format_func=self.service_name,
                key=self.key(entry, "resource_id"),
                placeholder=t("app.choose_one"),
            )
            self.problems_at(entry, "resource_id")
        if not new:
            st.checkbox(
                assessment_words.field_title("remove", self.lang),
                value=False,
                help=t("assess.remove_help"),
                key=self.key(entry, "remove"),
            )
            self.problems_at(entry, "remove")

    def end_name(self, end: str) -> str:
        """A tie's end as the form names it (a new member by its slot)."""
        if end.startswith(forms.NEW_MEMBER):
            return t("assess.new_member_option", n=int(end.removeprefix(forms.NEW_MEMBER)) + 1)
        return self.current.label(end, self.lang)

    def tie_fields(self, entry: str, tie: forms.TieEntry, ends: list[str] | None = None) -> None:
        """One tie: its ends (for a new one), strength, valence, what it provides, contact."""
        self.problems_at(entry, None)
        if ends is not None:
            source, target = st.columns(2)
            for column, field, default in (
                (source, "source", tie.source),
                (target, "target", None),
            ):
                with column:
                    st.selectbox(
                        assessment_words.field_title(field, self.lang),
                        ends,
                        index=ends.index(default) if default in ends else None,
                        format_func=self.end_name,
                        placeholder=t("assess.choose"),
                        key=self.key(entry, field),
                    )
                    self.problems_at(entry, field)
        st.radio(
            assessment_words.field_title("strength", self.lang),
            list(range(codes.MAX_STRENGTH + 1)),
            index=tie.strength,
            format_func=lambda strength: assessment_words.strength_text(strength, self.lang),
            horizontal=True,
            help=t("assess.strength_help"),
            key=self.key(entry, "strength"),
        )
        self.problems_at(entry, "strength")
        valences = list(codes.VALENCES.codes)
        st.radio(
            assessment_words.field_title("valence", self.lang),
            valences,
            index=valences.index(tie.valence),
            format_func=lambda valence: codes.VALENCES.label(valence, self.lang),
            horizontal=True,
            key=self.key(entry, "valence"),
        )
        self.problems_at(entry, "valence")
        left, middle, right = st.columns(3)
        for column, field, vocabulary in (
            (left, "support_types", codes.SUPPORT_TYPES),
            (middle, "functions", codes.FUNCTIONS),
            (right, "needs_met", codes.NEEDS),
        ):
            with column:
                self.codes_field(entry, field, vocabulary, getattr(tie, field))
        st.date_input(
            assessment_words.field_title("last_contact", self.lang),
            value=tie.last_contact,
            format=t("app.date_format"),
            key=self.key(entry, "last_contact"),
        )
        self.problems_at(entry, "last_contact")
