"""Names of the common member roles (members.csv ``role``), in English and Indonesian.

``role`` is free text in the interchange format; the roles below are the ones the map names in its
sectors and the presentation mode uses as pseudonyms. Any other role is shown as written in a
normal view and replaced by a neutral name for its level in presentation mode.
"""

from __future__ import annotations

from eska_network import i18n
from eska_network.domain.codes import Code, Vocabulary

MEMBER_ROLES = Vocabulary(
    "role",
    "role",
    "peran",
    tuple(
        Code(*item)
        for item in (
            # family / caregiver
            ("mother", "Mother", "Ibu"),
            ("father", "Father", "Ayah"),
            ("stepmother", "Stepmother", "Ibu tiri"),
            ("stepfather", "Stepfather", "Ayah tiri"),
            ("grandmother", "Grandmother", "Nenek"),
            ("grandfather", "Grandfather", "Kakek"),
            ("grandparent", "Grandparent", "Kakek / nenek"),
            ("sibling", "Sibling", "Saudara kandung"),
            ("sister", "Sister", "Saudara perempuan"),
            ("brother", "Brother", "Saudara laki-laki"),
            ("aunt", "Aunt", "Bibi"),
            ("uncle", "Uncle", "Paman"),
            ("aunt_uncle", "Aunt / uncle", "Bibi / paman"),
            ("cousin", "Cousin", "Sepupu"),
            ("foster_carer", "Foster carer", "Orang tua asuh"),
            ("guardian", "Guardian", "Wali"),
            ("relative", "Relative", "Kerabat"),
            # community
            ("neighbour", "Neighbour", "Tetangga"),
            ("peer", "Peer", "Teman sebaya"),
            ("friend", "Friend", "Teman"),
            ("teacher", "Teacher", "Guru"),
            ("religious_leader", "Religious leader", "Tokoh agama"),
            ("village_head", "Village head", "Kepala desa"),
            ("community_leader", "Community leader", "Tokoh masyarakat"),
            ("patbm", "PATBM", "PATBM"),
            ("cbcpm", "Child protection group", "Kelompok perlindungan anak"),
            ("employer", "Employer", "Pemberi kerja"),
            ("recruiter", "Recruiter / exploiter", "Perekrut / pelaku eksploitasi"),
            ("volunteer", "Volunteer", "Relawan"),
            ("mentor", "Mentor", "Mentor"),
            ("youth_group", "Youth group", "Karang Taruna"),
            ("non_formal_education", "Non-formal school", "Sekolah nonformal (PKBM)"),
            # institutions
            ("ngo", "NGO", "LSM"),
            ("shelter", "Shelter", "Rumah aman"),
            ("health", "Health service", "Layanan kesehatan"),
            ("mental_health", "Mental-health service", "Layanan kesehatan jiwa"),
            ("police", "Police", "Polisi"),
            ("legal_aid", "Legal aid", "Bantuan hukum"),
            ("social_services", "Social services", "Dinas Sosial"),
            ("social_worker", "Social worker", "Pekerja sosial"),
            ("school", "School", "Sekolah"),
            ("court", "Court", "Pengadilan"),
            ("child_protection_unit", "Child protection unit", "UPTD PPA"),
            ("witness_protection", "Witness and victim protection", "LPSK"),
            ("vocational_training", "Vocational training", "Balai latihan kerja"),
        )
    ),
)


ROLE_LEVELS: dict[str, str] = {
    role: level
    for level, roles in (
        (
            "family",
            "mother father stepmother stepfather grandmother grandfather grandparent sibling "
            "sister brother aunt uncle aunt_uncle cousin foster_carer guardian relative",
        ),
        (
            "community",
            "neighbour peer friend teacher religious_leader village_head community_leader patbm "
            "cbcpm employer recruiter volunteer mentor youth_group non_formal_education",
        ),
        (
            "institution",
            "ngo shelter health mental_health police legal_aid social_services social_worker "
            "school court child_protection_unit witness_protection vocational_training",
        ),
    )
    for role in roles.split()
}
"""The level each common role belongs to (the groups above): what a quick entry fills in."""


def role_level(role: str | None) -> str | None:
    """The level of a common role, None for any other role.

    >>> role_level("neighbour"), role_level("legal_aid"), role_level("tukang_ojek")
    ('community', 'institution', None)
    """
    return ROLE_LEVELS.get(role or "")


def role_label(role: str | None, lang: str = "en") -> str:
    """A role's name: from :data:`MEMBER_ROLES` when known, else the role as written.

    >>> role_label("legal_aid", "id")
    'Bantuan hukum'
    >>> role_label("night_market_vendor")
    'night market vendor'
    >>> role_label(None, "id")
    'lainnya'
    """
    if not role:
        return i18n.text("domain.no_role", lang)
    if role in MEMBER_ROLES:
        return MEMBER_ROLES.label(role, lang)
    return role.replace("_", " ")


def level_member_label(level: str, lang: str = "en") -> str:
    """The neutral name of a member of ``level`` (used when its role is not a known one)."""
    return i18n.text(f"domain.level_member.{level}", lang)
