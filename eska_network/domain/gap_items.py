"""One child's gaps as a flat list of items (kind, subject), for comparisons, what-if and tables.

The rules are :mod:`eska_network.domain.gaps` and the kinds :mod:`eska_network.domain.gap_kinds`;
this module only reshapes a rules' result (the GAPS.md JSON object) into items, most serious
first, so that two results can be compared item by item and each item named in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from eska_network import i18n
from eska_network.domain import codes
from eska_network.domain.gap_kinds import GAP_KINDS, KIND_CODES, gap_kind

KINDS = KIND_CODES
"""Every kind of gap item, most serious first."""


@dataclass(frozen=True, order=True)
class GapItem:
    """One gap: its kind (a code of :data:`KINDS`) and what it is about.

    ``subject`` is a code (a level, need, key, kind of support, level pair or home placement),
    ``"child"`` for a kind about the child as a whole, or, for the tie kinds, the tie's two ends
    as the row has them.
    """

    kind: str
    subject: str | tuple[str, str]

    @property
    def rank(self) -> int:
        """Position of the kind in the severity order (0 = most serious)."""
        return KINDS.index(self.kind)

    @property
    def tie(self) -> tuple[str, str] | None:
        return self.subject if isinstance(self.subject, tuple) else None

    @property
    def code(self) -> str | None:
        """The subject when it is a code (None for a tie)."""
        return None if isinstance(self.subject, tuple) else self.subject


class HasFacts(Protocol):
    """A rules' result that gives its GAPS.md JSON object (:class:`~gaps.ChildGaps`)."""

    def facts(self) -> Mapping: ...


def gap_items(result: Mapping | HasFacts) -> tuple[GapItem, ...]:
    """Every gap of one child's result, most serious first.

    ``result`` is a :class:`~eska_network.domain.gaps.ChildGaps` or its GAPS.md JSON object.

    Examples
    --------
    >>> result = {"levels": {"family": {"status": "ok", "max_strength": 4},
    ...     "community": {"status": "weak", "max_strength": 2},
    ...     "institution": {"status": "absent", "max_strength": 0}},
    ...     "unmet_needs": ["legal"], "missing_functions": [], "missing_support_types": [],
    ...     "inter_level": {"family-community": 3, "community-institution": 0,
    ...                     "family-institution": 0},
    ...     "weakest_link": "community-institution",
    ...     "single_points_of_failure": [["mother", "imam"]],
    ...     "stressful_ties": [], "stale_ties": [], "exploitative_ties": [["child", "uncle"]],
    ...     "placement": "kin", "reintegration_stage": "recovery",
    ...     "wellbeing": {"personal": 3, "interpersonal": 2, "skills": None},
    ...     "unsafe_placement": True}
    >>> items = [(item.kind, item.subject) for item in gap_items(result)]
    >>> items[:2]
    [('unsafe_placement', 'kin'), ('exploitative_tie', ('child', 'uncle'))]
    >>> items[2:4]
    [('level_absent', 'institution'), ('unmet_need', 'legal')]
    """
    data = _as_json(result)
    items = [GapItem(kind.code, subject) for kind in GAP_KINDS for subject in kind.subjects(data)]
    return tuple(sorted(items, key=_order))


def _order(item: GapItem) -> tuple:
    vocabulary = gap_kind(item.kind).subject
    position = vocabulary.position(item.code) if vocabulary and item.code else 0
    return (item.rank, position, item.tie or ())


def _as_json(result: Mapping | HasFacts) -> Mapping:
    return result if isinstance(result, Mapping) else result.facts()


def kind_name(kind: str, lang: str = "en") -> str:
    """The name of a gap kind in ``lang``."""
    return gap_kind(kind).name(lang)


def member_name(member_id: str, labels: Mapping[str, str], lang: str = "en") -> str:
    """A tie end's name: the member's label, or the word for the child."""
    if member_id == codes.CHILD_NODE:
        return i18n.text("domain.the_child", lang)
    return labels.get(member_id, member_id)


def subject_text(item: GapItem, lang: str = "en", labels: Mapping[str, str] | None = None) -> str:
    """What a gap item is about, in words: a level, need or key name, or a tie's two ends.

    >>> subject_text(GapItem("unmet_need", "legal"), "id")
    'layanan hukum'
    >>> subject_text(GapItem("stale_tie", ("child", "t1")), "en", {"t1": "Teacher"})
    'the child – Teacher'
    """
    if item.tie is not None:
        source, target = item.tie
        labels = labels or {}
        return f"{member_name(source, labels, lang)} – {member_name(target, labels, lang)}"
    vocabulary = gap_kind(item.kind).subject
    assert vocabulary is not None and item.code is not None  # every kind not about a tie has one
    return vocabulary.label(item.code, lang)


def gap_title(item: GapItem, lang: str = "en", labels: Mapping[str, str] | None = None) -> str:
    """A gap named in a few words: its kind and what it is about (the kind alone for a kind
    about the child as a whole).

    >>> gap_title(GapItem("unmet_need", "legal"))
    'Unmet need: legal services'
    >>> gap_title(GapItem("needs_not_assessed", "child"), "id")
    'Kebutuhan belum diasesmen'
    """
    if gap_kind(item.kind).about_child:
        return kind_name(item.kind, lang)
    return f"{kind_name(item.kind, lang)}: {subject_text(item, lang, labels)}"
