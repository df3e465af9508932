"""Synthetic data sets of any size in the interchange format, for demos, tests and benchmarks."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from eska_network.domain import codes, schema
from eska_network.domain.model import Dataset

REAL_DISTRICTS = (
    "Kota Bandung",
    "Kabupaten Indramayu",
    "Kota Surabaya",
    "Kota Batam",
    "Kabupaten Karangasem",
    "Kota Medan",
    "Kota Semarang",
    "Kabupaten Cianjur",
    "Kabupaten Sukabumi",
    "Kota Makassar",
    "Kabupaten Banyuwangi",
    "Kota Denpasar",
    "Kota Yogyakarta",
    "Kota Kupang",
    "Kota Pontianak",
    "Kabupaten Karawang",
    "Kabupaten Subang",
    "Kota Tangerang",
    "Kabupaten Malang",
    "Kota Manado",
    "Kabupaten Lombok Barat",
    "Kota Mataram",
    "Kota Palembang",
    "Kabupaten Jember",
    "Kota Bekasi",
    "Kabupaten Cirebon",
    "Kabupaten Garut",
    "Kota Padang",
    "Kota Samarinda",
    "Kota Balikpapan",
    "Kabupaten Tulungagung",
    "Kota Pekanbaru",
    "Kabupaten Bintan",
    "Kabupaten Karimun",
    "Kota Tanjungpinang",
    "Kabupaten Nunukan",
    "Kota Jayapura",
    "Kota Ambon",
    "Kabupaten Sikka",
    "Kota Bandar Lampung",
)
"""Real kabupaten/kota names, used first; further districts get generated names."""

CHUNK_CHILDREN = 20_000
"""Children generated at once: bounds memory, and fixes how the random streams are split."""

_FIRST_DAY = np.datetime64("2024-01-08", "D")
_LAST_DAY = np.datetime64("2026-10-30", "D")
_MAX_GAP_DAYS = 300
_CHILDREN_PER_CASEWORKER = 32

_AGE_WEIGHTS = np.array([1, 1, 1, 1, 1, 1, 2, 3, 5, 10, 20, 40, 70, 110, 150, 180, 200, 180], float)
_SEX_WEIGHTS = {"F": 0.8, "M": 0.18, "X": 0.02}
_RISK_RATES = {
    "maltreatment": 0.55,
    "school_dropout": 0.45,
    "risky_peers": 0.5,
    "no_adult_support": 0.3,
    "weak_attachment": 0.4,
    "early_sexual_experience": 0.35,
}
_NEED_RATES = {
    "physical_health": 0.55,
    "behavioral_health": 0.8,
    "housing": 0.3,
    "education": 0.6,
    "employment": 0.4,  # only for children aged 15 and over
    "legal": 0.6,
    "life_skills": 0.55,
}
_ASSESSMENT_COUNT_WEIGHTS = (0.35, 0.4, 0.25)
_STEP_CHANGES = np.array([-2, -1, 0, 1, 2])
_STEP_WEIGHTS = np.array([0.04, 0.16, 0.5, 0.24, 0.06])
"""How a tie's strength moves from one assessment to the next: mostly steady, rather upwards."""
_END_RATE = 0.07
"""Share of ties that end (strength 0) at a later assessment."""
_STALE_TIE_RATE = 0.35
"""Share of the child ties, in a system with stale contact, not contacted for over 90 days."""

# Gap patterns: the share of children whose system is shaped by each one (they combine freely).
_PATTERN_RATES = {
    "family_rejects": 0.12,  # plus _REJECTION_IF_MALTREATED: family ties turn stressful
    "no_institution": 0.08,
    "weak_community": 0.18,
    "broken_link": 0.2,  # no community-institution member tie
    "stale": 0.2,
    "no_empowerment": 0.12,
    "well_supported": 0.06,
}
_DANGER_RATES = {
    "exploited_by_family": 0.05,  # the father sold or controlled the child
    "exploiter_in_contact": 0.1,  # a recruiter, pimp or "boyfriend" is still around
    "needs_unassessed": 0.04,  # nobody recorded the child's needs yet
}
"""Patterns of the second format version, drawn from a stream of their own so that the first
version's tables keep their values."""
_EXPLOITATION_ENDS = 0.55
"""Share of exploitative ties that a later assessment records as ended (the child was rescued)."""
YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE = 13
"""Below this age, sexual contact is recorded as ``maltreatment`` (abuse), never as the risk factor
``early_sexual_experience``."""
SCHOOL_AGE = 7
"""Indonesian children start primary school (SD) at 7: a younger child has no school to drop out
of, so ``school_dropout`` is never drawn below this age."""


@dataclass(frozen=True)
class _Role:
    """One possible member of a child's system, with how often and how it supports the child."""

    member_id: str
    role: str
    level: str
    label: str
    rate: float
    strength: float
    support: dict[str, float]
    functions: dict[str, float]
    needs: dict[str, float] = field(default_factory=dict)
    ambivalent: float = 0.08
    stressful: float = 0.02
    exploitative: float = 0.0
    trigger_need: str | None = None
    rate_if_need: float = 0.0
    contact_days: float = 20.0
    gain_rate: float = 0.06


_ROLES = (
    # family
    _Role("mother", "mother", "family", "Ibu (Mother)", 0.78, 3.8,
          {"material": 0.7, "emotional": 0.85, "instrumental": 0.3},
          {"acceptance": 0.8, "protection": 0.5, "empowerment": 0.2},
          {"housing": 0.5, "education": 0.2}, ambivalent=0.12, contact_days=5),
    _Role("father", "father", "family", "Ayah (Father)", 0.45, 3.0,
          {"material": 0.6, "emotional": 0.4, "instrumental": 0.2},
          {"acceptance": 0.4, "protection": 0.4, "empowerment": 0.1},
          {"housing": 0.4, "employment": 0.1}, ambivalent=0.25, stressful=0.08, contact_days=12),
    _Role("grandmother", "grandmother", "family", "Nenek (Grandmother)", 0.35, 3.8,
          {"material": 0.5, "emotional": 0.85, "instrumental": 0.3},
          {"acceptance": 0.85, "protection": 0.4, "empowerment": 0.15},
          {"housing": 0.4}, contact_days=10),
    _Role("aunt", "aunt", "family", "Bibi (Aunt)", 0.3, 3.2,
          {"material": 0.4, "emotional": 0.6, "instrumental": 0.3},
          {"acceptance": 0.6, "protection": 0.3, "empowerment": 0.2},
          {"housing": 0.3, "education": 0.1}, contact_days=15),
    _Role("sibling", "sibling", "family", "Kakak (Older sibling)", 0.45, 3.3,
          {"material": 0.1, "emotional": 0.8, "instrumental": 0.3},
          {"acceptance": 0.7, "protection": 0.2, "empowerment": 0.2}, ambivalent=0.12,
          contact_days=7),
    _Role("sibling_2", "sibling", "family", "Adik (Younger sibling)", 0.25, 3.0,
          {"material": 0.05, "emotional": 0.7, "instrumental": 0.1},
          {"acceptance": 0.6, "protection": 0.05, "empowerment": 0.05}, contact_days=7),
    _Role("foster_carer", "foster_carer", "family", "Orang tua asuh (Foster carer)", 0.05, 3.8,
          {"material": 0.9, "emotional": 0.7, "instrumental": 0.5},
          {"acceptance": 0.8, "protection": 0.8, "empowerment": 0.3},
          {"housing": 0.9, "education": 0.3}, contact_days=4, gain_rate=0.2),
    # community
    _Role("neighbour", "neighbour", "community", "Tetangga (Neighbour)", 0.35, 2.6,
          {"material": 0.3, "emotional": 0.4, "instrumental": 0.4},
          {"acceptance": 0.4, "protection": 0.4, "empowerment": 0.05}, ambivalent=0.15,
          stressful=0.05, contact_days=20),
    _Role("peer", "peer", "community", "Teman sebaya (Peer)", 0.5, 3.0,
          {"emotional": 0.8, "instrumental": 0.2},
          {"acceptance": 0.6, "protection": 0.1, "empowerment": 0.2}, ambivalent=0.15,
          stressful=0.05, contact_days=7),
    _Role("peer_2", "peer", "community", "Sahabat (Close friend)", 0.2, 3.3,
          {"emotional": 0.85, "instrumental": 0.2},
          {"acceptance": 0.7, "protection": 0.15, "empowerment": 0.2}, ambivalent=0.1,
          contact_days=7),
    _Role("teacher", "teacher", "community", "Wali kelas (Homeroom teacher)", 0.25, 3.0,
          {"emotional": 0.5, "instrumental": 0.7},
          {"acceptance": 0.5, "protection": 0.3, "empowerment": 0.8},
          {"education": 0.8, "life_skills": 0.3}, trigger_need="education", rate_if_need=0.6,
          contact_days=25),
    _Role("religious_leader", "religious_leader", "community", "Ustadzah (Religious teacher)",
          0.3, 3.0, {"material": 0.2, "emotional": 0.7, "instrumental": 0.3},
          {"acceptance": 0.7, "protection": 0.3, "empowerment": 0.3},
          {"life_skills": 0.3, "behavioral_health": 0.2}, contact_days=20),
    _Role("village_head", "village_head", "community", "Kepala desa / Lurah (Village head)", 0.2,
          2.5, {"material": 0.3, "instrumental": 0.8},
          {"acceptance": 0.3, "protection": 0.5, "empowerment": 0.1}, {"housing": 0.1},
          ambivalent=0.12, contact_days=30),
    _Role("patbm", "patbm", "community", "PATBM desa (Community child protection)", 0.35, 3.0,
          {"emotional": 0.4, "instrumental": 0.8},
          {"acceptance": 0.5, "protection": 0.85, "empowerment": 0.3},
          {"life_skills": 0.3, "legal": 0.1}, contact_days=30, gain_rate=0.12),
    _Role("employer", "employer", "community", "Pemilik usaha (Employer)", 0.05, 2.8,
          {"material": 0.8, "instrumental": 0.5},
          {"protection": 0.1, "empowerment": 0.8}, {"employment": 0.9, "life_skills": 0.3},
          ambivalent=0.2, stressful=0.1, trigger_need="employment", rate_if_need=0.35,
          contact_days=10, gain_rate=0.2),
    _Role("volunteer", "volunteer", "community", "Relawan pendamping (Volunteer)", 0.2, 3.2,
          {"emotional": 0.7, "instrumental": 0.7},
          {"acceptance": 0.6, "protection": 0.3, "empowerment": 0.6},
          {"life_skills": 0.5, "education": 0.4}, contact_days=14, gain_rate=0.15),
    _Role("recruiter", "recruiter", "community", "Perekrut (Recruiter)", 0.0, 2.8,
          {"material": 0.5}, {}, exploitative=1.0, contact_days=6, gain_rate=0.0),
    # institutions
    _Role("ngo", "ngo", "institution", "LSM pendamping anak (NGO)", 0.5, 3.4,
          {"material": 0.4, "emotional": 0.6, "instrumental": 0.9},
          {"acceptance": 0.7, "protection": 0.6, "empowerment": 0.7},
          {"behavioral_health": 0.5, "life_skills": 0.6, "education": 0.3, "legal": 0.2},
          contact_days=21, gain_rate=0.15),
    _Role("shelter", "shelter", "institution", "Rumah singgah (Shelter)", 0.12, 3.6,
          {"material": 0.9, "emotional": 0.4, "instrumental": 0.6},
          {"acceptance": 0.5, "protection": 0.9, "empowerment": 0.3},
          {"housing": 0.95, "physical_health": 0.3}, trigger_need="housing", rate_if_need=0.6,
          contact_days=10, gain_rate=0.2),
    _Role("health", "health", "institution", "Klinik (Health clinic)", 0.3, 3.0,
          {"instrumental": 0.9}, {"protection": 0.3, "empowerment": 0.05},
          {"physical_health": 0.95, "behavioral_health": 0.2}, trigger_need="physical_health",
          rate_if_need=0.8, contact_days=30, gain_rate=0.15),
    _Role("mental_health", "mental_health", "institution", "Psikolog (Psychologist)", 0.12, 3.0,
          {"emotional": 0.6, "instrumental": 0.8}, {"acceptance": 0.5, "empowerment": 0.4},
          {"behavioral_health": 0.95}, trigger_need="behavioral_health", rate_if_need=0.45,
          contact_days=30, gain_rate=0.25),
    _Role("police", "police", "institution", "Polisi (Police)", 0.4, 2.5,
          {"instrumental": 0.9}, {"acceptance": 0.1, "protection": 0.9}, {"legal": 0.5},
          ambivalent=0.15, stressful=0.06, contact_days=35),
    _Role("legal_aid", "legal_aid", "institution", "Paralegal (Legal aid)", 0.08, 3.2,
          {"instrumental": 0.95}, {"protection": 0.8}, {"legal": 0.95}, trigger_need="legal",
          rate_if_need=0.5, contact_days=25, gain_rate=0.3),
    _Role("social_services", "social_services", "institution",
          "Pekerja sosial Dinsos (Social services)", 0.55, 3.0,
          {"material": 0.6, "instrumental": 0.9},
          {"acceptance": 0.3, "protection": 0.6, "empowerment": 0.3},
          {"housing": 0.3, "education": 0.3, "life_skills": 0.3, "legal": 0.1}, contact_days=30),
    _Role("school", "school", "institution", "Sekolah (School)", 0.2, 3.0,
          {"emotional": 0.2, "instrumental": 0.9}, {"acceptance": 0.3, "empowerment": 0.9},
          {"education": 0.95, "life_skills": 0.3}, trigger_need="education", rate_if_need=0.5,
          contact_days=20, gain_rate=0.15),
    _Role("court", "court", "institution", "Pengadilan (Court)", 0.04, 2.5,
          {"instrumental": 0.9}, {"protection": 0.8}, {"legal": 0.8}, ambivalent=0.2,
          trigger_need="legal", rate_if_need=0.15, contact_days=45, gain_rate=0.3),
)  # fmt: skip

# Member-to-member ties: (member, member, how often when both are there).
_PAIRS = (
    ("mother", "teacher", 0.59), ("mother", "patbm", 0.51), ("mother", "religious_leader", 0.42),
    ("mother", "neighbour", 0.51), ("grandmother", "neighbour", 0.59),
    ("grandmother", "religious_leader", 0.51), ("father", "village_head", 0.51),
    ("aunt", "patbm", 0.34), ("foster_carer", "patbm", 0.68), ("sibling", "peer", 0.34),
    ("patbm", "social_services", 0.85), ("patbm", "police", 0.59), ("patbm", "ngo", 0.59),
    ("teacher", "school", 0.9), ("village_head", "social_services", 0.68),
    ("religious_leader", "ngo", 0.42), ("volunteer", "ngo", 0.9), ("employer", "ngo", 0.51),
    ("neighbour", "police", 0.17), ("teacher", "health", 0.17),
    ("teacher", "social_services", 0.3), ("village_head", "police", 0.4),
    ("religious_leader", "social_services", 0.3), ("peer", "ngo", 0.25),
    ("volunteer", "social_services", 0.4), ("neighbour", "social_services", 0.15),
    ("mother", "ngo", 0.59), ("mother", "health", 0.51), ("mother", "social_services", 0.51),
    ("grandmother", "social_services", 0.42), ("father", "police", 0.26),
    ("foster_carer", "social_services", 0.9), ("mother", "legal_aid", 0.51),
    ("mother", "school", 0.51),
    ("mother", "father", 0.68), ("mother", "grandmother", 0.6), ("ngo", "shelter", 0.7),
    ("ngo", "legal_aid", 0.68), ("police", "legal_aid", 0.51), ("health", "mental_health", 0.59),
    ("social_services", "shelter", 0.85), ("police", "court", 0.85), ("peer", "peer_2", 0.68),
)  # fmt: skip
_PAIR_TIE = _Role(
    "", "", "", "", 0.0, 3.0,
    {"material": 0.15, "emotional": 0.3, "instrumental": 0.85},
    {"acceptance": 0.2, "protection": 0.55, "empowerment": 0.25},
    ambivalent=0.1, stressful=0.03, contact_days=30,
)  # fmt: skip
"""How two members tend to support each other (their needs met are set per pair)."""
_PAIR_NEED_SHARE = 0.4
"""Share of the second member's needs for the child that a member tie also records."""

# Services a district may list: (name, level, kind, needs served, share of districts having it).
# Kinds that are also roles give the matching members their label and resource_id. Public offices
# are named generically by their district ("UPTD PPA Kota Medan"); schools and NGOs are invented
# ({ngo}: one of _NGO_NAMES per district), so that no real school or organisation is ever attached
# to a fictional exploited child.
_SERVICES = (
    ("Puskesmas {short}", "institution", "health", ("physical_health",), 1.0),
    ("RSUD {district}", "institution", "health", ("physical_health", "behavioral_health"), 0.9),
    ("UPTD PPA {district}", "institution", "child_protection_unit",
     ("behavioral_health", "legal", "housing"), 0.8),
    ("Dinas Sosial {district}", "institution", "social_services",
     ("housing", "education", "life_skills"), 0.95),
    ("Rumah Perlindungan Sosial Anak {short}", "institution", "shelter", ("housing",), 0.45),
    ("Rumah Aman UPTD PPA {short}", "institution", "shelter",
     ("housing", "behavioral_health"), 0.3),
    ("LBH Pelangi Anak {short}", "institution", "legal_aid", ("legal",), 0.5),
    ("Posbakum Pengadilan Negeri {short}", "institution", "legal_aid", ("legal",), 0.3),
    ("Unit PPA Polres {short}", "institution", "police", ("legal",), 0.95),
    ("Pengadilan Negeri {short}", "institution", "court", ("legal",), 0.85),
    ("Biro Psikologi Tumbuh Kembang {short}", "institution", "mental_health",
     ("behavioral_health",), 0.4),
    ("{ngo} {short}", "institution", "ngo", ("behavioral_health", "education", "life_skills"), 0.6),
    ("Balai Latihan Kerja {short}", "institution", "vocational_training",
     ("employment", "life_skills"), 0.5),
    ("Sekolah Tunas Cendekia {short}", "institution", "school", ("education",), 0.95),
    ("PKBM Cahaya Ilmu {short}", "community", "non_formal_education",
     ("education", "life_skills"), 0.6),
    ("PATBM {short}", "community", "patbm", ("life_skills",), 0.7),
)  # fmt: skip
_NGO_NAMES = (
    "Yayasan Sinar Pagi Anak",
    "Yayasan Tangan Terbuka",
    "Yayasan Rumah Harapan Kecil",
    "Yayasan Jembatan Pulih",
    "Yayasan Benih Kasih Nusantara",
)
"""Invented NGO names; each district gets one (by its position), with its short name."""

# Religious and local leaders as people of each region call them: a Hindu temple priest in
# Bali, pastors and priests where most people are Christian, ustazah and kiai where most are
# Muslim; each region's mix gives the share of each (labels: local term, then English).
_FAITHS = {
    "sunda": (("Ustazah (Religious teacher)", 0.6), ("Ajengan (Religious leader)", 0.4)),
    "java_city": (
        ("Ustazah (Religious teacher)", 0.7),
        ("Pendeta (Pastor)", 0.2),
        ("Romo (Catholic priest)", 0.1),
    ),
    "java_village": (("Ustazah (Religious teacher)", 0.6), ("Kiai (Religious leader)", 0.4)),
    "bali": (("Pemangku (Temple priest)", 1.0),),
    "bali_city": (
        ("Pemangku (Temple priest)", 0.75),
        ("Ustazah (Religious teacher)", 0.15),
        ("Pendeta (Pastor)", 0.1),
    ),
    "medan": (
        ("Ustazah (Religious teacher)", 0.5),
        ("Pendeta (Pastor)", 0.4),
        ("Pastor paroki (Catholic priest)", 0.1),
    ),
    "malay": (("Ustazah (Religious teacher)", 0.8), ("Pendeta (Pastor)", 0.2)),
    "ntt_protestant": (("Pendeta (Pastor)", 0.8), ("Pastor paroki (Catholic priest)", 0.2)),
    "ntt_catholic": (
        ("Pastor paroki (Catholic priest)", 0.6),
        ("Suster (Catholic sister)", 0.4),
    ),
    "christian_city": (("Pendeta (Pastor)", 0.85), ("Ustazah (Religious teacher)", 0.15)),
    "ambon": (("Pendeta (Pastor)", 0.5), ("Ustazah (Religious teacher)", 0.5)),
    "sasak": (("Tuan Guru (Religious leader)", 0.5), ("Ustazah (Religious teacher)", 0.5)),
    "minang": (("Buya (Religious leader)", 0.5), ("Ustazah (Religious teacher)", 0.5)),
    "pontianak": (
        ("Ustazah (Religious teacher)", 0.6),
        ("Pastor paroki (Catholic priest)", 0.25),
        ("Pendeta (Pastor)", 0.15),
    ),
    "muslim": (("Ustazah (Religious teacher)", 0.7), ("Ustaz (Religious teacher)", 0.3)),
}
_REGIONS = {
    **dict.fromkeys(
        (
            "Kota Bandung",
            "Kabupaten Indramayu",
            "Kabupaten Cianjur",
            "Kabupaten Sukabumi",
            "Kabupaten Karawang",
            "Kabupaten Subang",
            "Kota Bekasi",
            "Kabupaten Cirebon",
            "Kabupaten Garut",
        ),
        "sunda",
    ),
    **dict.fromkeys(
        ("Kota Surabaya", "Kota Semarang", "Kabupaten Malang", "Kota Yogyakarta", "Kota Tangerang"),
        "java_city",
    ),
    **dict.fromkeys(
        ("Kabupaten Banyuwangi", "Kabupaten Jember", "Kabupaten Tulungagung"), "java_village"
    ),
    "Kabupaten Karangasem": "bali",
    "Kota Denpasar": "bali_city",
    "Kota Medan": "medan",
    **dict.fromkeys(
        (
            "Kota Batam",
            "Kabupaten Bintan",
            "Kabupaten Karimun",
            "Kota Tanjungpinang",
            "Kota Pekanbaru",
        ),
        "malay",
    ),
    "Kota Kupang": "ntt_protestant",
    "Kabupaten Sikka": "ntt_catholic",
    **dict.fromkeys(("Kota Manado", "Kota Jayapura"), "christian_city"),
    "Kota Ambon": "ambon",
    **dict.fromkeys(("Kabupaten Lombok Barat", "Kota Mataram"), "sasak"),
    "Kota Padang": "minang",
    "Kota Pontianak": "pontianak",
}
"""The region (for the leaders' names) of each real district; any other is ``muslim``."""
_LOCAL_HEADS = {
    "bali": "Kelian banjar (Hamlet head)",
    "bali_city": "Kelian banjar (Hamlet head)",
    "medan": "Kepala lingkungan (Neighbourhood head)",
}
"""The local head where it is not a lurah (cities) or a kepala desa (kabupaten)."""


def faiths(district: str) -> tuple[tuple[str, float], ...]:
    """The religious leaders of ``district``'s region and their shares.

    >>> [label for label, _ in faiths("Kabupaten Karangasem")]
    ['Pemangku (Temple priest)']
    """
    return _FAITHS[_REGIONS.get(district, "muslim")]


def local_head(district: str) -> str:
    """What the head of a child's village or neighbourhood is called in ``district``.

    >>> local_head("Kota Surabaya"), local_head("Kabupaten Garut")
    ('Lurah (Urban village head)', 'Kepala desa (Village head)')
    """
    region = _REGIONS.get(district, "muslim")
    if region in _LOCAL_HEADS:
        return _LOCAL_HEADS[region]
    if district.startswith("Kota "):
        return "Lurah (Urban village head)"
    return "Kepala desa (Village head)"


_ABUSE_CODES = ("early_sexual_experience", "maltreatment")
_REJECTION_IF_MALTREATED = 0.15
_SCARCE_SERVICE_FACTOR = 0.35
"""How much rarer a member is when the district lists no service of its kind."""


def generate(
    children: int, districts: int = 10, seed: int = 0, names: Sequence[str] | None = None
) -> Dataset:
    """A synthetic data set with a realistic mix of support systems and gaps.

    Parameters
    ----------
    children : int
        Number of children (0 or more).
    districts : int
        Number of districts (1 or more): the real names of :data:`REAL_DISTRICTS` first, then
        generated names such as ``Kabupaten Sintetis 12``.
    seed : int
        The same seed gives the same data set.
    names : sequence of str, optional
        The districts' names, instead of :func:`district_names` (``districts`` of them).

    Returns
    -------
    Dataset
        About 9 members and 20 tie rows per child, over 1 to 3 assessments in 2024-2026.

    Examples
    --------
    >>> dataset = generate(50, districts=3, seed=1)
    >>> len(dataset.children), dataset.children["district"].nunique()
    (50, 3)
    """
    world = _World.build(children, districts, seed, names)
    chunks = [world.chunk(start, stop) for start, stop in _chunk_bounds(children)]
    if not chunks:
        return Dataset(resources=world.resources)
    tables = {
        spec.name.removesuffix(".csv"): pd.concat(
            [chunk.table(spec) for chunk in chunks], ignore_index=True
        )
        for spec in _PER_CHILD
    }
    return Dataset(**tables, resources=world.resources)


_PER_CHILD = (
    schema.CHILDREN,
    schema.MEMBERS,
    schema.TIES,
    schema.ASSESSMENTS,
    schema.ACTIONS,
)
"""The files with rows per child, written chunk by chunk."""


def write_synthetic(out: Path, children: int, districts: int = 10, seed: int = 0) -> None:
    """Write ``generate(children, districts, seed)`` as a data folder, chunk by chunk.

    The files are byte-identical for the same arguments. Each file is written under a temporary
    name and renamed when complete, so an interrupted run leaves no half-written file behind.
    """
    world = _World.build(children, districts, seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    writers = {spec.name: _CsvAppender(out / spec.name, spec) for spec in schema.FILES}
    try:
        writers[schema.RESOURCES.name].append(world.resources)
        for start, stop in _chunk_bounds(children):
            chunk = world.chunk(start, stop)
            for spec in _PER_CHILD:
                writers[spec.name].append(chunk.table(spec))
        for writer in writers.values():
            writer.finish()
    finally:
        for writer in writers.values():
            writer.discard()


class _CsvAppender:
    """Appends model-convention tables to one CSV file of the interchange format.

    ``io.write_dataset`` writes a whole Dataset held in memory; a million children do not fit
    comfortably, so the generator streams chunks through pyarrow's CSV writer instead. Generated
    text never holds a comma, quote or line break (the writer refuses to write one unquoted),
    so no quoting is needed and every cell looks as a spreadsheet would save it.
    """

    def __init__(self, path: Path, spec: schema.FileSpec) -> None:
        self.path = path
        self.spec = spec
        self.temporary = path.with_name(path.name + ".part")
        self.handle = open(self.temporary, "wb")  # closed by finish or discard
        self.handle.write((",".join(spec.column_names) + "\n").encode())
        self.options = pa_csv.WriteOptions(include_header=False, quoting_style="none")

    def append(self, table: pd.DataFrame) -> None:
        arrow = pa.Table.from_pandas(table[list(self.spec.column_names)], preserve_index=False)
        for name in self.spec.column_names:
            if self.spec.column(name).kind == "date":
                index = arrow.schema.get_field_index(name)
                arrow = arrow.set_column(index, name, arrow.column(name).cast(pa.date32()))
        pa_csv.write_csv(arrow, self.handle, self.options)

    def finish(self) -> None:
        self.handle.close()
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        self.handle.close()
        self.temporary.unlink(missing_ok=True)


def _chunk_bounds(children: int) -> list[tuple[int, int]]:
    if children < 0:
        raise ValueError(f"children must be 0 or more, not {children}")
    return [
        (start, min(start + CHUNK_CHILDREN, children))
        for start in range(0, children, CHUNK_CHILDREN)
    ]


def district_names(count: int) -> list[str]:
    """The names of ``count`` districts: real ones first, then generated ones.

    >>> district_names(42)[-3:]
    ['Kota Bandar Lampung', 'Kabupaten Sintetis 1', 'Kabupaten Sintetis 2']
    """
    real = list(REAL_DISTRICTS[:count])
    return real + [f"Kabupaten Sintetis {i}" for i in range(1, count - len(real) + 1)]


def _short_name(district: str) -> str:
    return district.removeprefix("Kabupaten ").removeprefix("Kota ")


def _probabilities(vocabulary: codes.Vocabulary, rates: dict[str, float]) -> np.ndarray:
    result = np.zeros(len(vocabulary))
    for code, rate in rates.items():
        result[vocabulary.position(code)] = rate
    return result


def _bit(vocabulary: codes.Vocabulary, code: str) -> int:
    return 1 << vocabulary.position(code)


def _joined(vocabulary: codes.Vocabulary) -> np.ndarray:
    """The ``;``-joined codes of every bit mask: a lookup that turns masks into cells."""
    return np.array(
        [
            schema.LIST_SEPARATOR.join(vocabulary.unmask(mask))
            for mask in range(1 << len(vocabulary))
        ],
        dtype=object,
    )


def _masks(rng: np.random.Generator, probabilities: np.ndarray) -> np.ndarray:
    """One bit mask per row of ``probabilities``: bit i set with probability [row, i]."""
    draws = rng.random(probabilities.shape) < probabilities
    return (draws * (1 << np.arange(probabilities.shape[1]))).sum(axis=1)


_STR = pd.StringDtype("pyarrow", na_value=np.nan)
"""The dtype pandas calls ``str``."""


def _strings(values, indices: np.ndarray | pa.Array | None = None) -> pd.Series:
    """A ``str`` column of ``values``, or of ``values[indices]``, built in arrow.

    Turning millions of Python strings into a pandas column one by one would be the slowest step
    of the generator; arrow takes from a small array of distinct values in C instead.
    """
    array = values if isinstance(values, pa.Array) else pa.array(values, pa.large_string())
    if indices is not None:
        array = array.take(indices)
    return array.to_pandas(types_mapper={array.type: _STR}.get)


def _recorded_codes(
    vocabulary: codes.Vocabulary, index: np.ndarray, unrecorded: np.ndarray
) -> pd.Series:
    """The codes at ``index`` as a ``str`` column, empty where ``unrecorded``."""
    return _strings(list(vocabulary.codes), pa.array(index, mask=unrecorded))


def _numbered(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    return np.strings.add(prefix, np.strings.zfill(numbers.astype("U"), width))


def _dates(days: np.ndarray) -> pd.Series:
    return pd.Series(days.astype("datetime64[s]"))


@dataclass(frozen=True)
class _World:
    """What every chunk shares: districts, their services, caseworkers, role tables."""

    seed: int
    children: int
    names: list[str]
    weights: np.ndarray
    resources: pd.DataFrame
    labels: np.ndarray  # [district, role]: the member label
    resource_ids: np.ndarray  # [district, role]: the resource the member stands for, or None
    scarce: np.ndarray  # [district, role]: the district lists no service of this role's kind
    caseworker_first: np.ndarray  # [district]: number of its first caseworker
    caseworker_count: np.ndarray  # [district]
    service_ids: np.ndarray  # [district, need]: the first listed service meeting it, or None
    service_names: np.ndarray  # [district, need]
    served_needs: np.ndarray  # [district]: bit mask of the needs some service meets

    def services_by_need(self) -> tuple[np.ndarray, np.ndarray]:
        """The service a referral for each need goes to, per district: ids and names."""
        return self.service_ids, self.service_names

    def faith_labels(self, district: np.ndarray, draws: np.ndarray) -> np.ndarray:
        """A religious leader's label for each child of ``district``, by the region's shares."""
        labels = np.empty(len(district), dtype=object)
        for d in np.unique(district):
            mix = faiths(self.names[d])
            at = district == d
            bounds = np.cumsum([share for _, share in mix])
            pick = np.minimum(np.searchsorted(bounds, draws[at], side="right"), len(mix) - 1)
            labels[at] = np.array([label for label, _ in mix], dtype=object)[pick]
        return labels

    @classmethod
    def build(
        cls, children: int, districts: int, seed: int, names: Sequence[str] | None = None
    ) -> _World:
        if districts < 1:
            raise ValueError(f"districts must be 1 or more, not {districts}")
        if names is not None and len(names) != districts:
            raise ValueError(f"{districts} districts must have {districts} names, not {len(names)}")
        rng = np.random.default_rng([seed, 0])
        names = list(names) if names is not None else district_names(districts)
        weights = rng.lognormal(0.0, 0.6, districts)
        weights /= weights.sum()
        has_service = rng.random((districts, len(_SERVICES))) < [s[-1] for s in _SERVICES]
        resources = _resources(names, has_service)
        labels = np.array([[role.label for role in _ROLES]] * districts, dtype=object)
        labels[:, _role_index("village_head")] = [local_head(name) for name in names]
        resource_ids = np.full((districts, len(_ROLES)), None, dtype=object)
        scarce = np.zeros((districts, len(_ROLES)), dtype=bool)
        kinds = [service[2] for service in _SERVICES]
        for r, role in enumerate(_ROLES):
            if role.role not in kinds:
                continue
            for d in range(districts):
                # The first listed service of the role's kind stands for the member.
                found = [
                    j for j, kind in enumerate(kinds) if kind == role.role and has_service[d, j]
                ]
                if found:
                    labels[d, r] = _service_name(found[0], d, names)
                    resource_ids[d, r] = _resource_id(d, found[0])
                else:
                    scarce[d, r] = True
        count = np.maximum(1, np.rint(children * weights / _CHILDREN_PER_CASEWORKER)).astype(int)
        first = np.concatenate(([1], 1 + np.cumsum(count)[:-1]))
        service_ids = np.full((districts, len(codes.NEEDS)), None, dtype=object)
        service_names = np.full((districts, len(codes.NEEDS)), None, dtype=object)
        for d, j in zip(*np.nonzero(has_service), strict=True):
            for need in _SERVICES[j][3]:
                at = codes.NEEDS.position(need)
                if service_ids[d, at] is None:
                    service_ids[d, at] = _resource_id(d, j)
                    service_names[d, at] = _service_name(j, d, names)
        served = (service_ids != None) @ (1 << np.arange(len(codes.NEEDS)))  # noqa: E711
        return cls(
            seed,
            children,
            names,
            weights,
            resources,
            labels,
            resource_ids,
            scarce,
            first,
            count,
            service_ids,
            service_names,
            served.astype(np.int64),
        )

    def chunk(self, start: int, stop: int) -> Dataset:
        """The children numbered ``start`` to ``stop - 1``, with their members and ties."""
        rng = np.random.default_rng([self.seed, 1, start])
        # What the second format version added comes from a stream of its own.
        more = np.random.default_rng([self.seed, 2, start])
        kids = _Children.draw(self, rng, start, stop, more)
        ids = pa.array(kids.ids(self), pa.large_string())
        presence, gained = _presence(self, rng, kids)
        ties = _Ties.draw(rng, kids, presence, gained, more)
        return Dataset(
            kids.table(self, ids),
            _members_table(self, kids, ids, presence),
            ties.table(ids),
            assessments=_assessments_table(kids, ids, more),
            actions=_actions_table(self, kids, ids, more),
        )


def _service_name(service: int, district: int, names: list[str]) -> str:
    return _SERVICES[service][0].format(
        district=names[district],
        short=_short_name(names[district]),
        ngo=_NGO_NAMES[district % len(_NGO_NAMES)],
    )


def _resource_id(district: int, service: int) -> str:
    return f"R{district + 1:04d}-{service + 1:02d}"


def _resources(names: list[str], has_service: np.ndarray) -> pd.DataFrame:
    needs = codes.NEEDS
    rows = [
        (
            _resource_id(d, j),
            names[d],
            _service_name(j, d, names),
            _SERVICES[j][1],
            _SERVICES[j][2],
            schema.LIST_SEPARATOR.join(needs.sort(_SERVICES[j][3])),
        )
        for d, j in zip(*np.nonzero(has_service), strict=True)
    ]
    table = pd.DataFrame(rows, columns=list(schema.RESOURCES.column_names))
    return table.astype("str")


@dataclass(frozen=True)
class _Children:
    """The children of one chunk, as arrays (one entry per child)."""

    number: np.ndarray  # global index
    district: np.ndarray
    age: np.ndarray
    sex: np.ndarray
    caseworker: np.ndarray
    risks: np.ndarray  # bit mask
    needs: np.ndarray  # bit mask
    wellbeing: np.ndarray  # [child, dimension], 0 when not assessed
    assessments: np.ndarray  # 1 to 3
    dates: np.ndarray  # [child, assessment] datetime64[D]
    patterns: dict[str, np.ndarray]
    faith: np.ndarray  # the label of the child's religious leader, should there be one

    @classmethod
    def draw(
        cls,
        world: _World,
        rng: np.random.Generator,
        start: int,
        stop: int,
        more: np.random.Generator,
    ) -> _Children:
        """The children of one chunk; ``more`` draws what the second format version added."""
        n = stop - start
        district = rng.choice(len(world.names), size=n, p=world.weights)
        age = rng.choice(len(_AGE_WEIGHTS), size=n, p=_AGE_WEIGHTS / _AGE_WEIGHTS.sum())
        sex = rng.choice(len(_SEX_WEIGHTS), size=n, p=list(_SEX_WEIGHTS.values()))
        caseworker = world.caseworker_first[district] + (
            rng.random(n) * world.caseworker_count[district]
        ).astype(int)

        risk_rates = _probabilities(codes.RISK_FACTORS, _RISK_RATES)
        risks = _masks(rng, np.broadcast_to(risk_rates, (n, len(risk_rates))))
        need_rates = np.tile(_probabilities(codes.NEEDS, _NEED_RATES), (n, 1))
        need_rates[age < 15, codes.NEEDS.position("employment")] = 0.02
        needs = _masks(rng, need_rates)
        needs[needs == 0] = _bit(codes.NEEDS, "behavioral_health")

        maltreated = (risks & _bit(codes.RISK_FACTORS, "maltreatment")) > 0
        draws = rng.random((n, len(_PATTERN_RATES)))
        patterns = {
            name: draws[:, i] < rate for i, (name, rate) in enumerate(_PATTERN_RATES.items())
        }
        # Families reject maltreated children more often (the top of the same draw).
        rejects = list(_PATTERN_RATES).index("family_rejects")
        patterns["family_rejects"] |= maltreated & (
            draws[:, rejects] > 1 - _REJECTION_IF_MALTREATED
        )
        for name in ("family_rejects", "stale", "no_institution"):
            patterns[name] &= ~patterns["well_supported"]
        danger = more.random((n, len(_DANGER_RATES)))
        patterns.update(
            {name: danger[:, i] < rate for i, (name, rate) in enumerate(_DANGER_RATES.items())}
        )
        exploited = patterns["exploited_by_family"] | patterns["exploiter_in_contact"]
        patterns["well_supported"] &= ~exploited
        # Sexual contact with a young child is abuse (maltreatment), not "early experience".
        early, abuse = (_bit(codes.RISK_FACTORS, code) for code in _ABUSE_CODES)
        young = age < YOUNGEST_WITH_EARLY_SEXUAL_EXPERIENCE
        risks = np.where(young & (risks & early > 0), (risks & ~early) | abuse, risks)
        risks[patterns["exploited_by_family"]] |= abuse
        risks[age < SCHOOL_AGE] &= ~_bit(codes.RISK_FACTORS, "school_dropout")

        mood = (
            3.0
            - 0.6 * patterns["family_rejects"]
            - 0.4 * patterns["no_institution"]
            + 0.5 * patterns["well_supported"]
        )
        noise = rng.normal(0, 0.9, (n, len(codes.WELLBEING)))
        wellbeing = np.clip(np.rint(mood[:, None] + noise), 1, 5).astype(int)
        wellbeing[rng.random(n) < 0.08] = 0

        assessments = 1 + rng.choice(3, size=n, p=_ASSESSMENT_COUNT_WEIGHTS)
        window = (_LAST_DAY - _FIRST_DAY).astype(int) - (assessments - 1) * _MAX_GAP_DAYS
        first = _FIRST_DAY + (rng.random(n) * window).astype(int)
        intervals = rng.integers(90, _MAX_GAP_DAYS + 1, size=(n, 2))
        offsets = np.concatenate([np.zeros((n, 1), int), np.cumsum(intervals, axis=1)], axis=1)
        dates = first[:, None] + offsets
        return cls(
            np.arange(start, stop),
            district,
            age,
            sex,
            caseworker,
            risks,
            needs,
            wellbeing,
            assessments,
            dates,
            patterns,
            world.faith_labels(district, more.random(n)),
        )

    def __len__(self) -> int:
        return len(self.number)

    def ids(self, world: _World) -> np.ndarray:
        return _numbered("SYN-", self.number + 1, max(5, len(str(world.children))))

    def table(self, world: _World, ids: pa.Array) -> pd.DataFrame:
        total_caseworkers = int(world.caseworker_count.sum())
        wellbeing = {
            f"wellbeing_{dimension}": pd.Series(self.wellbeing[:, i], dtype="Int64").where(
                self.wellbeing[:, i] > 0
            )
            for i, dimension in enumerate(codes.WELLBEING)
        }
        return pd.DataFrame(
            {
                "child_id": _strings(ids),
                "district": _strings(world.names, self.district),
                "age": self.age.astype("int64"),
                "sex": _strings(list(_SEX_WEIGHTS), self.sex),
                "caseworker": _strings(
                    _numbered("cw_", self.caseworker, max(4, len(str(total_caseworkers))))
                ),
                "risk_factors": _strings(_CELLS[codes.RISK_FACTORS.name], self.risks),
                # Children whose needs nobody has assessed yet have the cell empty.
                "needs": _strings(
                    _CELLS[codes.NEEDS.name],
                    np.where(self.patterns["needs_unassessed"], 0, self.needs),
                ),
                **wellbeing,
            }
        )


def _role_index(member_id: str) -> int:
    return [role.member_id for role in _ROLES].index(member_id)


def _role(member_id: str) -> _Role:
    return _ROLES[_role_index(member_id)]


def _presence(world: _World, rng: np.random.Generator, kids: _Children):
    """Which members each child has, and at which assessment each first appears.

    Returns
    -------
    presence : ndarray of bool, [child, role]
    gained : ndarray of int, [child, role]: index of the first assessment with the member's tie
    """
    n = len(kids)
    rates = np.tile([role.rate for role in _ROLES], (n, 1))
    for r, role in enumerate(_ROLES):
        if role.trigger_need:
            has_need = (kids.needs & _bit(codes.NEEDS, role.trigger_need)) > 0
            rates[has_need, r] = role.rate_if_need
    rates[world.scarce[kids.district]] *= _SCARCE_SERVICE_FACTOR
    level = np.array([role.level for role in _ROLES])
    patterns = kids.patterns
    alone = (kids.risks & _bit(codes.RISK_FACTORS, "no_adult_support")) > 0
    rates[np.ix_(alone, level == "family")] *= 0.6
    rates[patterns["no_institution"][:, None] & (level == "institution")] = 0.0
    for substitute in ("foster_carer", "grandmother", "shelter"):
        rates[patterns["family_rejects"], _role_index(substitute)] += 0.3
    rates[np.ix_(patterns["well_supported"], level != "family")] += 0.15
    presence = rng.random(rates.shape) < np.minimum(rates, 0.97)
    presence[~presence.any(axis=1), _role_index("peer")] = True

    later = rng.random(rates.shape) < [role.gain_rate for role in _ROLES]
    later &= (kids.assessments > 1)[:, None]
    gained = np.where(later, 1 + (rng.random(rates.shape) * (kids.assessments - 1)[:, None]), 0)
    # The exploiter is there from the first assessment.
    for pattern, member in (
        ("exploited_by_family", "father"),
        ("exploiter_in_contact", "recruiter"),
    ):
        presence[patterns[pattern], _role_index(member)] = True
        gained[patterns[pattern], _role_index(member)] = 0
    return presence, gained.astype(int)


def _members_table(
    world: _World, kids: _Children, ids: pa.Array, presence: np.ndarray
) -> pd.DataFrame:
    child, role = np.nonzero(presence)
    cell = kids.district[child] * len(_ROLES) + role  # in the [district, role] lookups
    labels = world.labels.ravel()[cell]
    leader = role == _role_index("religious_leader")
    labels[leader] = kids.faith[child[leader]]
    return pd.DataFrame(
        {
            "child_id": _strings(ids, child),
            "member_id": _strings([r.member_id for r in _ROLES], role),
            "label": _strings(labels.tolist()),
            "level": _strings([r.level for r in _ROLES], role),
            "role": _strings([r.role for r in _ROLES], role),
            "resource_id": _strings(world.resource_ids.ravel(), cell),
        }
    )


def _kind_tables() -> dict[str, np.ndarray]:
    """Per kind of tie (one per role for child ties, then one per pair), its tendencies."""
    kinds = [*_ROLES] + [
        replace(_PAIR_TIE, needs={n: _PAIR_NEED_SHARE * p for n, p in _role(b).needs.items()})
        for _, b, _ in _PAIRS
    ]
    return {
        "strength": np.array([kind.strength for kind in kinds]),
        "support": np.array([_probabilities(codes.SUPPORT_TYPES, kind.support) for kind in kinds]),
        "functions": np.array([_probabilities(codes.FUNCTIONS, kind.functions) for kind in kinds]),
        "needs": np.array([_probabilities(codes.NEEDS, kind.needs) for kind in kinds]),
        "ambivalent": np.array([kind.ambivalent for kind in kinds]),
        "stressful": np.array([kind.stressful for kind in kinds]),
        "exploitative": np.array([kind.exploitative for kind in kinds]),
        "contact_days": np.array([kind.contact_days for kind in kinds]),
    }


_KINDS = _kind_tables()
_PAIR_ENDS = np.array([(_role_index(a), _role_index(b)) for a, b, _ in _PAIRS])
_ROLE_LEVEL = np.array([codes.LEVELS.position(role.level) for role in _ROLES])
_ENDPOINT_NAMES = [codes.CHILD_NODE] + [role.member_id for role in _ROLES]
_IS_PEER = np.array([role.role == "peer" for role in _ROLES])
_CELLS = {
    vocabulary.name: _joined(vocabulary)
    for vocabulary in (codes.RISK_FACTORS, codes.NEEDS, codes.SUPPORT_TYPES, codes.FUNCTIONS)
}
_SUPPORTIVE, _AMBIVALENT, _STRESSFUL, _EXPLOITATIVE = (
    codes.VALENCES.position(v) for v in codes.VALENCES
)


@dataclass(frozen=True)
class _Ties:
    """Every tie row of one chunk, in output order."""

    child: np.ndarray
    source: np.ndarray  # role index, -1 for the child
    target: np.ndarray
    strength: np.ndarray
    valence: np.ndarray
    support: np.ndarray  # bit masks
    functions: np.ndarray
    needs: np.ndarray
    assessed_on: np.ndarray  # datetime64[D]
    last_contact: np.ndarray  # datetime64[D], NaT when not recorded

    @classmethod
    def draw(
        cls,
        rng: np.random.Generator,
        kids: _Children,
        presence: np.ndarray,
        gained: np.ndarray,
        more: np.random.Generator,
    ) -> _Ties:
        patterns = kids.patterns
        # One entry per tie: the child ties, then the member ties, then grouped by child.
        child_of, role = np.nonzero(presence)
        pair_rates = np.array([rate for _, _, rate in _PAIRS])
        pair_rates = np.where(patterns["well_supported"][:, None], 2.5 * pair_rates, pair_rates)
        pair_levels = np.sort(_ROLE_LEVEL[_PAIR_ENDS], axis=1)
        community_institution = [codes.LEVELS.position(v) for v in ("community", "institution")]
        broken = (pair_levels == community_institution).all(axis=1)
        pair_rates[np.ix_(patterns["broken_link"], broken)] = 0.0
        has_pair = presence[:, _PAIR_ENDS[:, 0]] & presence[:, _PAIR_ENDS[:, 1]]
        has_pair &= rng.random(has_pair.shape) < pair_rates
        pair_child, pair = np.nonzero(has_pair)
        order = np.argsort(np.concatenate([child_of, pair_child]), kind="stable")
        child = np.concatenate([child_of, pair_child])[order]
        source = np.concatenate([np.full(len(role), -1), _PAIR_ENDS[pair, 0]])[order]
        target = np.concatenate([role, _PAIR_ENDS[pair, 1]])[order]
        kind = np.concatenate([role, len(_ROLES) + pair])[order]
        first = np.where(
            source < 0,
            gained[child, target],
            np.maximum(gained[child, np.maximum(source, 0)], gained[child, target]),
        )
        is_child_tie = source < 0
        target_level = _ROLE_LEVEL[target]
        family, community, _ = range(len(codes.LEVELS))
        ties = len(child)

        strength = np.clip(np.rint(rng.normal(_KINDS["strength"][kind], 0.9)), 1, 5).astype(int)
        draw = rng.random(ties)
        ambivalent, stressful = _KINDS["ambivalent"][kind], _KINDS["stressful"][kind]
        risky = (kids.risks[child] & _bit(codes.RISK_FACTORS, "risky_peers")) > 0
        stressful = stressful + 0.25 * (risky & is_child_tie & _IS_PEER[target])
        valence = np.select(
            [draw < ambivalent, draw < ambivalent + stressful],
            [_AMBIVALENT, _STRESSFUL],
            _SUPPORTIVE,
        )
        # A rejecting family: the father's tie stressful, the mother's stressful or ambivalent.
        parents = np.isin(target, [_role_index("mother"), _role_index("father")])
        rejected = patterns["family_rejects"][child] & is_child_tie & parents
        valence[rejected] = np.where(
            (target[rejected] == _role_index("father")) | (draw[rejected] < 0.6),
            _STRESSFUL,
            _AMBIVALENT,
        )
        strength[rejected] = np.maximum(strength[rejected], 2)
        valence[patterns["well_supported"][child]] = _SUPPORTIVE
        # Exploiters: the recruiter always, the father of a child his family sold.
        sold = patterns["exploited_by_family"][child] & is_child_tie
        sold &= target == _role_index("father")
        exploits = (_KINDS["exploitative"][kind] >= 1) | sold
        valence[exploits] = _EXPLOITATIVE
        strength[exploits] = np.maximum(strength[exploits], 2)

        keep_attributes = ~np.isin(valence, [_STRESSFUL, _EXPLOITATIVE])
        support = _masks(rng, _KINDS["support"][kind]) * keep_attributes
        functions = _masks(rng, _KINDS["functions"][kind]) * keep_attributes
        functions[patterns["no_empowerment"][child]] &= ~_bit(codes.FUNCTIONS, "empowerment")
        needs = _masks(rng, _KINDS["needs"][kind]) & (kids.needs[child] * keep_attributes)

        # Each tie is recorded at every assessment from its first, until one records its end
        # (strength 0); ``ends`` is the number of assessments for a tie that does not end.
        assessments = kids.assessments[child]
        may_end = (rng.random(ties) < _END_RATE) & (first < assessments - 1)
        rescued = exploits & (more.random(ties) < _EXPLOITATION_ENDS)
        may_end |= rescued & (first < assessments - 1)
        ends = np.where(
            may_end,
            first + 1 + (rng.random(ties) * (assessments - 1 - first)).astype(int),
            assessments,
        )
        last = np.minimum(ends, assessments - 1)
        counts = last - first + 1
        row_tie = np.repeat(np.arange(ties), counts)
        step = np.arange(len(row_tie)) - np.repeat(np.cumsum(counts) - counts, counts)
        row_assessment = first[row_tie] + step

        change = rng.choice(_STEP_CHANGES, size=len(row_tie), p=_STEP_WEIGHTS)
        change[step == 0] = 0
        walked = np.cumsum(change)
        walked -= np.repeat(walked[np.cumsum(counts) - counts], counts)
        row_strength = np.clip(strength[row_tie] + walked, 1, 5)
        weak_community = patterns["weak_community"][child] & is_child_tie
        weak_community &= target_level == community
        row_strength[weak_community[row_tie]] = np.minimum(row_strength[weak_community[row_tie]], 2)
        row_strength[row_assessment == ends[row_tie]] = 0

        # Later assessments see some stressful family ties mend and some supportive ones sour.
        turn = rng.random(ties)
        row_valence = valence[row_tie]
        later = row_assessment >= 1
        mends = (valence == _STRESSFUL) & (target_level == family) & (turn < 0.35)
        sours = (valence == _SUPPORTIVE) & (turn < 0.04)
        row_valence[later & mends[row_tie]] = _AMBIVALENT
        row_valence[later & sours[row_tie]] = _AMBIVALENT

        row_child = child[row_tie]
        assessed_on = kids.dates[row_child, row_assessment]
        days = rng.exponential(_KINDS["contact_days"][kind][row_tie]).astype(int)
        stale = patterns["stale"][row_child] & is_child_tie[row_tie]
        stale &= rng.random(len(row_tie)) < _STALE_TIE_RATE
        days = np.where(stale, rng.integers(91, 400, len(row_tie)), days)
        days = np.where(row_strength == 0, rng.integers(30, 200, len(row_tie)), days)
        days[patterns["well_supported"][row_child]] %= 60
        last_contact = assessed_on - days
        last_contact[rng.random(len(row_tie)) < 0.04] = np.datetime64("NaT")

        # Output order: by child, then assessment, then tie.
        order = np.lexsort((row_tie, row_assessment, row_child))
        return cls(
            row_child[order],
            source[row_tie][order],
            target[row_tie][order],
            row_strength[order],
            row_valence[order],
            support[row_tie][order],
            functions[row_tie][order],
            needs[row_tie][order],
            assessed_on[order],
            last_contact[order],
        )

    def table(self, ids: pa.Array) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "child_id": _strings(ids, self.child),
                "source": _strings(_ENDPOINT_NAMES, self.source + 1),
                "target": _strings(_ENDPOINT_NAMES, self.target + 1),
                "strength": self.strength.astype("int64"),
                "valence": _strings(codes.VALENCES.codes, self.valence),
                "support_types": _strings(_CELLS[codes.SUPPORT_TYPES.name], self.support),
                "functions": _strings(_CELLS[codes.FUNCTIONS.name], self.functions),
                "needs_met": _strings(_CELLS[codes.NEEDS.name], self.needs),
                "assessed_on": _dates(self.assessed_on),
                "last_contact": _dates(self.last_contact),
            }
        )


# --- What each assessment found, and what the conferences agreed (format v2) ---------------------

_STAGE_START = np.array([0.3, 0.4, 0.2, 0.1, 0.0])
"""The stage of the case at the first assessment: rescue, recovery, reintegration, follow-up."""
_STAGE_ADVANCE = 0.6
_CLOSE_AT_LAST = 0.3
"""Share of cases in follow-up that the last assessment closes."""
_PLACEMENT_BY_STAGE = np.array(
    [
        # family, kin, foster, shelter, residential, independent, street
        [0.10, 0.15, 0.00, 0.55, 0.10, 0.00, 0.10],  # rescue
        [0.20, 0.20, 0.10, 0.35, 0.15, 0.00, 0.00],  # recovery
        [0.50, 0.25, 0.10, 0.00, 0.10, 0.05, 0.00],  # reintegration
        [0.50, 0.25, 0.10, 0.00, 0.10, 0.05, 0.00],  # follow-up
        [0.55, 0.25, 0.10, 0.00, 0.05, 0.05, 0.00],  # closed
    ]
)
"""Where children live at each stage of the road back (DOMAIN.md, placement)."""
_SENT_HOME_BY_FAMILY = 0.3
"""Share of assessments, before reintegration, that find a child sold by the family at home."""
_KEEP_PLACEMENT = 0.5
_PLACEMENT_UNRECORDED = 0.05
_WELLBEING_STEPS = np.array([-1, 0, 1])
_WELLBEING_UP = np.array([0.15, 0.5, 0.35])
_WELLBEING_DOWN = np.array([0.3, 0.5, 0.2])
_EMPTY_CELL = 0.1
"""Share of later assessment cells left empty (the earlier value then holds)."""
_NEEDS_CHANGE = 0.4
_NEED_DROPPED = 0.25
_NEED_ADDED = 0.05
_RISK_DROPPED = 0.2


def _placements(more: np.random.Generator, stage: np.ndarray, age: np.ndarray) -> np.ndarray:
    cumulative = np.cumsum(_PLACEMENT_BY_STAGE[stage], axis=1)
    pick = (more.random(len(stage))[:, None] > cumulative).sum(axis=1)
    pick = np.minimum(pick, len(codes.PLACEMENTS) - 1)
    independent = codes.PLACEMENTS.position("independent")
    # Only older adolescents live on their own.
    pick[(pick == independent) & (age < 16)] = codes.PLACEMENTS.position("kin")
    return pick


def _assessments_table(kids: _Children, ids: pa.Array, more: np.random.Generator) -> pd.DataFrame:
    """One assessments.csv row per child per assessment date.

    The first row repeats the intake wellbeing (children.csv) and records placement and stage;
    later ones record where the child lives and how far the case has come, wellbeing moving with
    the support, and needs and risks when they change (``none`` when none is left).
    """
    n, patterns = len(kids), kids.patterns
    rows = int(kids.assessments.sum())
    child = np.repeat(np.arange(n), kids.assessments)
    step = np.arange(rows) - np.repeat(
        np.cumsum(kids.assessments) - kids.assessments, kids.assessments
    )
    first = step == 0

    start = (more.random(n)[:, None] > np.cumsum(_STAGE_START)).sum(axis=1)
    advance = (more.random(rows) < _STAGE_ADVANCE) & ~first
    stage = start[child] + _cumulative_per_child(advance.astype(int), child)
    stage = np.minimum(stage, codes.STAGES.position("follow_up"))
    last = step == kids.assessments[child] - 1
    closing = last & ~first & (stage == codes.STAGES.position("follow_up"))
    stage[closing & (more.random(rows) < _CLOSE_AT_LAST)] = codes.STAGES.position("closed")

    placement = _placements(more, stage, kids.age[child])
    at_home = codes.PLACEMENTS.position("family")
    sold = patterns["exploited_by_family"][child] & (stage < codes.STAGES.position("reintegration"))
    placement[sold & (more.random(rows) < _SENT_HOME_BY_FAMILY)] = at_home
    rejected = patterns["family_rejects"][child] & (placement == at_home)
    placement[rejected] = codes.PLACEMENTS.position("foster")
    keep = ~first & (more.random(rows) < _KEEP_PLACEMENT)
    keep &= np.concatenate([[False], stage[1:] == stage[:-1]])
    for at in np.flatnonzero(keep):
        placement[at] = placement[at - 1]

    # Some caseworkers never record where the child lives, nor the stage of the case.
    unrecorded = (more.random(n) < _PLACEMENT_UNRECORDED)[child]

    wellbeing = kids.wellbeing[child].copy()
    hard = (patterns["family_rejects"] | patterns["exploited_by_family"])[child]
    draws = more.random((rows, len(codes.WELLBEING)))
    up = _WELLBEING_STEPS[(draws[:, :, None] > np.cumsum(_WELLBEING_UP)).sum(axis=2)]
    down = _WELLBEING_STEPS[(draws[:, :, None] > np.cumsum(_WELLBEING_DOWN)).sum(axis=2)]
    moves = np.where(hard[:, None], down, up) * ~first[:, None]
    for i in range(len(codes.WELLBEING)):
        wellbeing[:, i] = np.where(
            wellbeing[:, i] > 0,
            np.clip(wellbeing[:, i] + _cumulative_per_child(moves[:, i], child), 1, 5),
            0,
        )
    empty = (more.random((rows, len(codes.WELLBEING))) < _EMPTY_CELL) & ~first[:, None]
    wellbeing[empty] = 0

    # Needs change at some assessments: some dropped for good, a few added (the cell records the
    # whole list then); risk factors turn around when dropped.
    changes = (more.random(rows) < _NEEDS_CHANGE) & ~first & ~patterns["needs_unassessed"][child]
    dropped = (more.random((rows, len(codes.NEEDS))) < _NEED_DROPPED) & changes[:, None]
    added = (more.random((rows, len(codes.NEEDS))) < _NEED_ADDED) & changes[:, None]
    risk_dropped = (more.random((rows, len(codes.RISK_FACTORS))) < _RISK_DROPPED) & changes[:, None]
    needs_now = _changed_masks(kids.needs[child], added, dropped, child)
    risks_now = _changed_masks(kids.risks[child], np.zeros_like(risk_dropped), risk_dropped, child)
    needs = np.where(changes, needs_now, -1)
    risks_changed = changes & (risks_now != np.concatenate([[0], risks_now[:-1]]))
    risks_changed &= risks_now != kids.risks[child]
    risks = np.where(risks_changed, risks_now, -1)
    table = pd.DataFrame(
        {
            "child_id": _strings(ids, child),
            "assessed_on": _dates(kids.dates[child, step]),
            "needs": _listed_cells(codes.NEEDS, needs),
            "risk_factors": _listed_cells(codes.RISK_FACTORS, risks),
            **{
                f"wellbeing_{dimension}": pd.Series(wellbeing[:, i], dtype="Int64").where(
                    wellbeing[:, i] > 0
                )
                for i, dimension in enumerate(codes.WELLBEING)
            },
            "placement": _recorded_codes(codes.PLACEMENTS, placement, unrecorded),
            "reintegration_stage": _recorded_codes(codes.STAGES, stage, unrecorded),
        }
    )
    return table


def _changed_masks(
    start: np.ndarray, added: np.ndarray, dropped: np.ndarray, child: np.ndarray
) -> np.ndarray:
    """Each row's bit mask: the child's ``start`` with every bit added so far, less every bit
    dropped so far (a dropped code stays dropped)."""
    result = np.zeros(len(start), dtype=np.int64)
    for bit in range(added.shape[1]):
        ever_added = _cumulative_per_child(added[:, bit].astype(int), child) > 0
        ever_dropped = _cumulative_per_child(dropped[:, bit].astype(int), child) > 0
        on = (((start >> bit) & 1) == 1) | ever_added
        result |= (on & ~ever_dropped).astype(np.int64) << bit
    return result


def _cumulative_per_child(values: np.ndarray, child: np.ndarray) -> np.ndarray:
    """The running sum of ``values`` restarted at each child's first row (rows come by child)."""
    total = np.cumsum(values)
    starts = np.flatnonzero(np.concatenate([[True], child[1:] != child[:-1]]))
    before = np.repeat(total[starts] - values[starts], np.diff(np.append(starts, len(child))))
    return total - before


def _listed_cells(vocabulary: codes.Vocabulary, masks: np.ndarray) -> pd.Series:
    """A list column of assessments.csv: empty for -1 (not recorded), ``none`` for 0."""
    cells = np.array([*_CELLS[vocabulary.name]], dtype=object)
    cells[0] = codes.NONE_WORD
    texts = np.where(masks >= 0, cells[np.maximum(masks, 0)], None)
    return pd.Series(texts, dtype="str")


_REFERRAL_STATUSES = np.array([0.15, 0.12, 0.15, 0.25, 0.23, 0.1])
"""proposed, sent, accepted, active, closed, declined: for a referral agreed lately."""
_OLD_REFERRAL_STATUSES = np.array([0.02, 0.03, 0.1, 0.3, 0.4, 0.15])
"""The same for a referral agreed more than :data:`_LATELY` days before the data ends."""
_LATELY = 120
_TASK_DONE = 0.4
_OLD_TASK_DONE = 0.85
_TASKS = {
    "facilitator": (
        "Pertemuan keluarga untuk memperkuat dukungan",
        "Hubungkan keluarga dengan PATBM setempat",
        "Kunjungan rumah bersama tokoh masyarakat",
    ),
    "advocate": (
        "Dampingi anak dalam pemeriksaan di kepolisian",
        "Advokasi ke sekolah agar anak diterima kembali",
        "Advokasi ke Dinas Sosial untuk bantuan tempat tinggal",
    ),
}
"""What a conference agrees for a facilitator or an advocate (roles, never names)."""


def _actions_table(
    world: _World, kids: _Children, ids: pa.Array, more: np.random.Generator
) -> pd.DataFrame:
    """Up to two referrals (to a service of the child's district for a need the child has) and
    up to two tasks per child, agreed at the child's latest assessment."""
    n = len(kids)
    draws = more.random((n, 12))
    agreed = kids.dates[np.arange(n), kids.assessments - 1]
    width = max(4, len(str(int(world.caseworker_count.sum()))))
    caseworker = _numbered("cw_", kids.caseworker, width)
    service_id, service_name = world.services_by_need()
    served = kids.needs & world.served_needs[kids.district]
    parts = []
    # Referrals: the k-th need the district serves, for k below the child's number of referrals.
    wanted = (draws[:, 0] * 3).astype(int)
    for k in range(2):
        need = _nth_bit(served, k)
        child = np.flatnonzero((need >= 0) & (wanted > k))
        shares = np.where(
            (agreed[child] < _LAST_DAY - _LATELY)[:, None],
            np.cumsum(_OLD_REFERRAL_STATUSES),
            np.cumsum(_REFERRAL_STATUSES),
        )
        status = (draws[child, 1 + k][:, None] > shares).sum(axis=1)
        status = np.minimum(status, len(codes.REFERRAL_STATUSES) - 1)
        changed = agreed[child] + (draws[child, 3 + k] * 40).astype(int)
        district, chosen = kids.district[child], need[child]
        parts.append(
            {
                "child": child,
                "action_id": np.full(len(child), f"R{k + 1}", dtype=object),
                "text": np.strings.add(
                    np.strings.add("Rujuk ke ", service_name[district, chosen].astype(str)),
                    np.strings.add(" untuk ", _NEED_WORDS[chosen]),
                ).astype(object),
                "worker_role": np.full(len(child), "broker", dtype=object),
                "due_on": agreed[child] + 14,
                "resource_id": service_id[district, chosen],
                "status": np.array(codes.REFERRAL_STATUSES.codes, dtype=object)[status],
                "status_on": np.where(status == 0, np.datetime64("NaT"), changed),
                "gap": np.array([f"unmet_need:{code}" for code in codes.NEEDS], dtype=object)[
                    chosen
                ],
            }
        )
    # Tasks of a facilitator or an advocate.
    tasks = (draws[:, 5] * 3).astype(int)
    for k in range(2):
        child = np.flatnonzero(tasks > k)
        advocate = draws[child, 6 + k] >= 0.6
        # A child's second task is never the same words as the first.
        which = ((draws[child, 8] * 3).astype(int) + k) % 3
        texts = np.where(
            advocate,
            np.array(_TASKS["advocate"], dtype=object)[which],
            np.array(_TASKS["facilitator"], dtype=object)[which],
        )
        done_share = np.where(agreed[child] < _LAST_DAY - _LATELY, _OLD_TASK_DONE, _TASK_DONE)
        done = draws[child, 10 + k] < done_share
        parts.append(
            {
                "child": child,
                "action_id": np.full(len(child), f"T{k + 1}", dtype=object),
                "text": texts,
                "worker_role": np.where(advocate, "advocate", "facilitator").astype(object),
                "due_on": agreed[child] + 30,
                "resource_id": np.full(len(child), None, dtype=object),
                "status": np.where(done, "done", "open").astype(object),
                "status_on": np.where(done, agreed[child] + 20, np.datetime64("NaT")),
                "gap": np.full(len(child), None, dtype=object),
            }
        )
    joined = {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
    order = np.lexsort((joined["action_id"].astype(str), joined["child"]))
    child = joined["child"][order]
    return pd.DataFrame(
        {
            "child_id": _strings(ids, child),
            "action_id": _strings(joined["action_id"][order].tolist()),
            "created_on": _dates(agreed[child]),
            "text": _strings(joined["text"][order].tolist()),
            "worker_role": _strings(joined["worker_role"][order].tolist()),
            "responsible": _strings(caseworker[child].tolist()),
            "due_on": _dates(joined["due_on"][order]),
            "resource_id": _strings(joined["resource_id"][order].tolist()),
            "status": _strings(joined["status"][order].tolist()),
            "status_on": _dates(joined["status_on"][order].astype("datetime64[D]")),
            "gap": _strings(joined["gap"][order].tolist()),
        }
    )


_NEED_WORDS = np.array([codes.NEEDS.label(need, "id") for need in codes.NEEDS])
"""The needs as an Indonesian social worker writes them in an action."""


def _nth_bit(masks: np.ndarray, k: int) -> np.ndarray:
    """The position of the ``k``-th set bit (from 0) of each mask, -1 when it has fewer.

    >>> _nth_bit(np.array([0b1010, 0b1, 0]), 1).tolist()
    [3, -1, -1]
    """
    seen = np.zeros(len(masks), dtype=int)
    found = np.full(len(masks), -1)
    for bit in range(int(masks.max(initial=0)).bit_length()):
        on = (masks >> bit) & 1 == 1
        found[on & (seen == k) & (found < 0)] = bit
        seen += on
    return found
