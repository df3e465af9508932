"""Children for the child-map tests: one conference case with two assessments, and crowds."""

from __future__ import annotations

import datetime as dt

from eska_network.child_map.frame import Frame, screen_frame
from eska_network.child_map.view import MapRequest, MapView, map_view
from eska_network.domain import codes
from eska_network.domain.model import Assessment, Child, ChildSystem, Member, Resource, Tie

SCREENS = {
    "1440x900": (966, 755, False),
    "1280x720 presentation": (852, 575, True),
    "1280x720": (852, 575, False),
    "1440x900 presentation": (966, 755, True),
}
"""The map column the page measures in Chromium at 1440x900 and 1280x720 (sidebar collapsed)."""


def screen(name: str) -> Frame:
    width, height, presentation = SCREENS[name]
    return screen_frame(width, height, presentation)


def view_of(system: ChildSystem, **fields) -> MapView:
    """The map view of ``system`` with the request's other fields (as_of, lang, ...)."""
    return map_view(MapRequest(system, **fields))


EARLIER = dt.date(2025, 9, 1)
LATER = dt.date(2026, 3, 1)
CHILD_ID = "C042"
HOSTILE_LABELS = ("<img src=x onerror=alert(1)>", 'Kakak "Rina" <b>sepupu</b>')

MEMBERS = (
    Member(CHILD_ID, "ibu_sari", "Ibu Sari (Mother)", "family", "mother"),
    Member(CHILD_ID, "pak_budi", "Pak Budi (Father)", "family", "father"),
    Member(CHILD_ID, "nenek", "Nenek Wati", "family", "grandmother"),
    Member(CHILD_ID, "bu_ani", "Bu Ani (Teacher)", "community", "teacher"),
    Member(CHILD_ID, "patbm", "PATBM Cibiru", "community", "patbm"),
    Member(CHILD_ID, "ustadz", "Ustadz Hasan", "community", "religious_leader"),
    Member(CHILD_ID, "yayasan", "Yayasan Pelita Anak", "institution", "ngo", "R-NGO"),
    Member(CHILD_ID, "polres", "Unit PPA Polres", "institution", "police"),
)
LABELS = {member.member_id: member.label for member in MEMBERS}


def _tie(source, target, strength, valence="supportive", on=LATER, **fields) -> Tie:
    return Tie(CHILD_ID, source, target, strength, valence, on, **fields)


TIES = (
    # The earlier assessment.
    _tie("child", "ibu_sari", 2, on=EARLIER, support_types=("emotional",)),
    _tie("child", "pak_budi", 3, "stressful", on=EARLIER),
    _tie("child", "bu_ani", 3, on=EARLIER, functions=("empowerment",), needs_met=("education",)),
    _tie("child", "polres", 2, "ambivalent", on=EARLIER),
    _tie("ibu_sari", "patbm", 2, on=EARLIER),
    _tie("child", "ustadz", 3, on=EARLIER, functions=("acceptance",)),
    # The later one: mother stronger, father ended, NGO new, police turned supportive, a stale
    # teacher tie, and one member tie per pair of levels.
    _tie(
        "child",
        "ibu_sari",
        4,
        support_types=("emotional", "material"),
        functions=("acceptance",),
        last_contact=dt.date(2026, 2, 20),
    ),
    _tie("child", "pak_budi", 0, "stressful"),
    _tie(
        "child",
        "bu_ani",
        3,
        functions=("empowerment",),
        needs_met=("education",),
        last_contact=dt.date(2025, 10, 1),
    ),
    _tie("child", "polres", 2, support_types=("instrumental",), functions=("protection",)),
    _tie(
        "child",
        "yayasan",
        4,
        support_types=("instrumental", "emotional"),
        needs_met=("behavioral_health",),
        last_contact=dt.date(2026, 2, 25),
    ),
    _tie("child", "nenek", 1, "ambivalent"),
    _tie("ibu_sari", "patbm", 3),
    _tie("patbm", "yayasan", 2),
    _tie("child", "ustadz", 2, on=EARLIER + dt.timedelta(days=30)),
)


def conference_child(needs=("legal", "education", "behavioral_health")) -> ChildSystem:
    """Child C042 with eight members and two assessments (:data:`EARLIER`, :data:`LATER`).

    ``needs=()`` records that the child has no needs (``none`` at the first assessment), so
    that it is not a child whose needs nobody assessed.
    """
    child = Child(CHILD_ID, "Kota Bandung", 15, "F", "dewi", needs=needs)
    recorded = () if needs else (Assessment(CHILD_ID, EARLIER, needs=()),)
    return ChildSystem(child, MEMBERS, TIES, recorded)


def hostile_child() -> ChildSystem:
    """A child whose member labels try to smuggle HTML into the figure."""
    members = (
        Member("C666", "m1", HOSTILE_LABELS[0], "family", "mother"),
        Member("C666", "m2", HOSTILE_LABELS[1], "family", "cousin"),
    )
    ties = (
        Tie("C666", "child", "m1", 3, "supportive", LATER),
        Tie("C666", "m1", "m2", 2, "stressful", LATER),
    )
    return ChildSystem(Child("C666", "Kota Bandung", 12), members, ties)


def crowded_child(count: int = 40) -> ChildSystem:
    """A child with ``count`` members spread over the three levels and many roles, all tied."""
    roles = {
        "family": ("mother", "father", "aunt", "uncle", "sibling", "cousin", "grandmother"),
        "community": ("teacher", "peer", "neighbour", "religious_leader", "patbm", "volunteer"),
        "institution": ("ngo", "police", "health", "legal_aid", "shelter", "social_services"),
    }
    members, ties = [], []
    for number in range(count):
        level = codes.LEVELS.codes[number % 3]
        role = roles[level][number // 3 % len(roles[level])]
        member_id = f"m{number:02d}"
        members.append(
            Member("C040", member_id, f"{role.title()} member number {number}", level, role)
        )
        ties.append(Tie("C040", "child", member_id, 1 + number % 5, "supportive", LATER))
    return ChildSystem(Child("C040", "Kota Bandung", 16), tuple(members), tuple(ties))


DISTRICT_SERVICES = (
    Resource("R-LBH", "Kota Bandung", "LBH Bandung", "institution", ("legal",), "legal_aid"),
    Resource(
        "R-NGO",
        "Kota Bandung",
        "Yayasan Pelita Anak",
        "institution",
        ("behavioral_health", "education", "legal"),
        "ngo",
    ),
    Resource("R-PKBM", "Kota Bandung", "PKBM Harapan", "community", ("education",), "school"),
    Resource("R-GARUT", "Kabupaten Garut", "LBH Garut", "institution", ("legal",), "legal_aid"),
)


def exploitative_child() -> ChildSystem:
    """A child whose father exploits her (valence ``exploitative``), a stressful aunt, an NGO."""
    members = (
        Member("C077", "ayah", "Ayah (Father)", "family", "father"),
        Member("C077", "bibi", "Bibi (Aunt)", "family", "aunt"),
        Member("C077", "lsm", "Yayasan Harapan", "institution", "ngo"),
    )
    ties = (
        Tie("C077", "child", "ayah", 4, "exploitative", LATER, last_contact=LATER),
        Tie("C077", "child", "bibi", 3, "stressful", LATER, last_contact=LATER),
        Tie("C077", "child", "lsm", 4, "supportive", LATER, last_contact=LATER),
    )
    return ChildSystem(Child("C077", "Kabupaten Indramayu", 14), members, ties)
