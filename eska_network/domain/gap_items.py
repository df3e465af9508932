"""One child's gaps as a flat list of items (kind, subject), for comparisons, what-if and tables.

The rules are :mod:`eska_network.domain.gaps`; this module only reshapes their result (the
GAPS.md JSON object) so that two results can be compared item by item and each item named in words.

Severity, most serious first: a level with nobody in it, a stressful tie, an unmet need, a missing
key, a weak level, two levels with no link, a single point of failure, a missing kind of support,
a weak link between levels, a tie gone stale. The weakest link of rule 5 is not an item of its own
(every child has one, however strong): the links that are missing (strength 0) or weak (1 or 2)
are, and the map marks the weakest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from eska_network.domain import codes

KINDS = (
    "level_absent",
    "stressful_tie",
    "unmet_need",
    "missing_function",
    "level_weak",
    "link_missing",
    "single_point_of_failure",
    "missing_support_type",
    "link_weak",
    "stale_tie",
)
"""Every kind of gap item, most serious first."""

KIND_NAMES = {
    "level_absent": ("Level absent", "Tingkat tidak ada"),
    "stressful_tie": ("Stressful tie", "Ikatan yang menekan"),
    "unmet_need": ("Unmet need", "Kebutuhan belum terpenuhi"),
    "missing_function": ("Missing key", "Kunci belum ada"),
    "level_weak": ("Weak level", "Tingkat lemah"),
    "link_missing": ("No link between levels", "Tidak ada hubungan antar tingkat"),
    "single_point_of_failure": ("Single point of failure", "Satu-satunya penghubung"),
    "missing_support_type": ("Missing kind of support", "Jenis dukungan belum ada"),
    "link_weak": ("Weak link between levels", "Hubungan antar tingkat lemah"),
    "stale_tie": ("No recent contact", "Tidak ada kontak baru-baru ini"),
}
"""The name of each kind, in English and Indonesian."""

_SUBJECT_VOCABULARY = {
    "level_absent": codes.LEVELS,
    "level_weak": codes.LEVELS,
    "unmet_need": codes.NEEDS,
    "missing_function": codes.FUNCTIONS,
    "missing_support_type": codes.SUPPORT_TYPES,
    "link_missing": codes.LEVEL_PAIRS,
    "link_weak": codes.LEVEL_PAIRS,
}


@dataclass(frozen=True, order=True)
class GapItem:
    """One gap: its kind (one of :data:`KINDS`) and what it is about.

    ``subject`` is a code (a level, need, key, kind of support or level pair) or, for the tie
    kinds, the tie's two ends as the row has them.
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


def gap_items(result: object) -> tuple[GapItem, ...]:
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
    ...     "stressful_ties": [], "stale_ties": []}
    >>> [(item.kind, item.subject) for item in gap_items(result)][:3]
    [('level_absent', 'institution'), ('unmet_need', 'legal'), ('level_weak', 'community')]
    """
    data = _as_json(result)
    items = []
    for level, state in data["levels"].items():
        if state["status"] in ("absent", "weak"):
            items.append(GapItem(f"level_{state['status']}", level))
    items += [GapItem("unmet_need", need) for need in data["unmet_needs"]]
    items += [GapItem("missing_function", key) for key in data["missing_functions"]]
    items += [GapItem("missing_support_type", kind) for kind in data["missing_support_types"]]
    for pair, strength in data["inter_level"].items():
        if strength == 0:
            items.append(GapItem("link_missing", pair))
        elif strength <= 2:
            items.append(GapItem("link_weak", pair))
    for kind, key in (
        ("single_point_of_failure", "single_points_of_failure"),
        ("stressful_tie", "stressful_ties"),
        ("stale_tie", "stale_ties"),
    ):
        items += [GapItem(kind, tuple(tie)) for tie in data[key]]
    return tuple(sorted(items, key=_order))


def _order(item: GapItem) -> tuple:
    vocabulary = _SUBJECT_VOCABULARY.get(item.kind)
    position = vocabulary.position(item.subject) if vocabulary else 0
    return (item.rank, position, item.tie or ())


def _as_json(result: object) -> Mapping:
    return result if isinstance(result, Mapping) else result.to_json_dict()


def kind_name(kind: str, lang: str = "en") -> str:
    """The name of a gap kind in ``lang``."""
    en, id_ = KIND_NAMES[kind]
    return id_ if lang == "id" else en


CHILD_NAME = {"en": "the child", "id": "anak"}


def member_name(member_id: str, labels: Mapping[str, str], lang: str = "en") -> str:
    """A tie end's name: the member's label, or the word for the child."""
    if member_id == codes.CHILD_NODE:
        return CHILD_NAME["id" if lang == "id" else "en"]
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
    return _SUBJECT_VOCABULARY[item.kind].label(item.subject, lang)
