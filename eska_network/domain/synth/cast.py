"""The cast of a child's system: the members a child may have, and the ties between them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
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


ROLES = (
    # family
    Role("mother", "mother", "family", "Ibu (Mother)", 0.78, 3.8,
          {"material": 0.7, "emotional": 0.85, "instrumental": 0.3},
          {"acceptance": 0.8, "protection": 0.5, "empowerment": 0.2},
          {"housing": 0.5, "education": 0.2}, ambivalent=0.12, contact_days=5),
    Role("father", "father", "family", "Ayah (Father)", 0.45, 3.0,
          {"material": 0.6, "emotional": 0.4, "instrumental": 0.2},
          {"acceptance": 0.4, "protection": 0.4, "empowerment": 0.1},
          {"housing": 0.4, "employment": 0.1}, ambivalent=0.25, stressful=0.08, contact_days=12),
    Role("grandmother", "grandmother", "family", "Nenek (Grandmother)", 0.35, 3.8,
          {"material": 0.5, "emotional": 0.85, "instrumental": 0.3},
          {"acceptance": 0.85, "protection": 0.4, "empowerment": 0.15},
          {"housing": 0.4}, contact_days=10),
    Role("aunt", "aunt", "family", "Bibi (Aunt)", 0.3, 3.2,
          {"material": 0.4, "emotional": 0.6, "instrumental": 0.3},
          {"acceptance": 0.6, "protection": 0.3, "empowerment": 0.2},
          {"housing": 0.3, "education": 0.1}, contact_days=15),
    Role("sibling", "sibling", "family", "Kakak (Older sibling)", 0.45, 3.3,
          {"material": 0.1, "emotional": 0.8, "instrumental": 0.3},
          {"acceptance": 0.7, "protection": 0.2, "empowerment": 0.2}, ambivalent=0.12,
          contact_days=7),
    Role("sibling_2", "sibling", "family", "Adik (Younger sibling)", 0.25, 3.0,
          {"material": 0.05, "emotional": 0.7, "instrumental": 0.1},
          {"acceptance": 0.6, "protection": 0.05, "empowerment": 0.05}, contact_days=7),
    Role("foster_carer", "foster_carer", "family", "Orang tua asuh (Foster carer)", 0.05, 3.8,
          {"material": 0.9, "emotional": 0.7, "instrumental": 0.5},
          {"acceptance": 0.8, "protection": 0.8, "empowerment": 0.3},
          {"housing": 0.9, "education": 0.3}, contact_days=4, gain_rate=0.2),
    # community
    Role("neighbour", "neighbour", "community", "Tetangga (Neighbour)", 0.35, 2.6,
          {"material": 0.3, "emotional": 0.4, "instrumental": 0.4},
          {"acceptance": 0.4, "protection": 0.4, "empowerment": 0.05}, ambivalent=0.15,
          stressful=0.05, contact_days=20),
    Role("peer", "peer", "community", "Teman sebaya (Peer)", 0.5, 3.0,
          {"emotional": 0.8, "instrumental": 0.2},
          {"acceptance": 0.6, "protection": 0.1, "empowerment": 0.2}, ambivalent=0.15,
          stressful=0.05, contact_days=7),
    Role("peer_2", "peer", "community", "Sahabat (Close friend)", 0.2, 3.3,
          {"emotional": 0.85, "instrumental": 0.2},
          {"acceptance": 0.7, "protection": 0.15, "empowerment": 0.2}, ambivalent=0.1,
          contact_days=7),
    Role("teacher", "teacher", "community", "Wali kelas (Homeroom teacher)", 0.25, 3.0,
          {"emotional": 0.5, "instrumental": 0.7},
          {"acceptance": 0.5, "protection": 0.3, "empowerment": 0.8},
          {"education": 0.8, "life_skills": 0.3}, trigger_need="education", rate_if_need=0.6,
          contact_days=25),
    Role("religious_leader", "religious_leader", "community", "Ustadzah (Religious teacher)",
          0.3, 3.0, {"material": 0.2, "emotional": 0.7, "instrumental": 0.3},
          {"acceptance": 0.7, "protection": 0.3, "empowerment": 0.3},
          {"life_skills": 0.3, "behavioral_health": 0.2}, contact_days=20),
    Role("village_head", "village_head", "community", "Kepala desa / Lurah (Village head)", 0.2,
          2.5, {"material": 0.3, "instrumental": 0.8},
          {"acceptance": 0.3, "protection": 0.5, "empowerment": 0.1}, {"housing": 0.1},
          ambivalent=0.12, contact_days=30),
    Role("patbm", "patbm", "community", "PATBM desa (Community child protection)", 0.35, 3.0,
          {"emotional": 0.4, "instrumental": 0.8},
          {"acceptance": 0.5, "protection": 0.85, "empowerment": 0.3},
          {"life_skills": 0.3, "legal": 0.1}, contact_days=30, gain_rate=0.12),
    Role("employer", "employer", "community", "Pemilik usaha (Employer)", 0.05, 2.8,
          {"material": 0.8, "instrumental": 0.5},
          {"protection": 0.1, "empowerment": 0.8}, {"employment": 0.9, "life_skills": 0.3},
          ambivalent=0.2, stressful=0.1, trigger_need="employment", rate_if_need=0.35,
          contact_days=10, gain_rate=0.2),
    Role("volunteer", "volunteer", "community", "Relawan pendamping (Volunteer)", 0.2, 3.2,
          {"emotional": 0.7, "instrumental": 0.7},
          {"acceptance": 0.6, "protection": 0.3, "empowerment": 0.6},
          {"life_skills": 0.5, "education": 0.4}, contact_days=14, gain_rate=0.15),
    Role("recruiter", "recruiter", "community", "Perekrut (Recruiter)", 0.0, 2.8,
          {"material": 0.5}, {}, exploitative=1.0, contact_days=6, gain_rate=0.0),
    # institutions
    Role("ngo", "ngo", "institution", "LSM pendamping anak (NGO)", 0.5, 3.4,
          {"material": 0.4, "emotional": 0.6, "instrumental": 0.9},
          {"acceptance": 0.7, "protection": 0.6, "empowerment": 0.7},
          {"behavioral_health": 0.5, "life_skills": 0.6, "education": 0.3, "legal": 0.2},
          contact_days=21, gain_rate=0.15),
    Role("shelter", "shelter", "institution", "Rumah singgah (Shelter)", 0.12, 3.6,
          {"material": 0.9, "emotional": 0.4, "instrumental": 0.6},
          {"acceptance": 0.5, "protection": 0.9, "empowerment": 0.3},
          {"housing": 0.95, "physical_health": 0.3}, trigger_need="housing", rate_if_need=0.6,
          contact_days=10, gain_rate=0.2),
    Role("health", "health", "institution", "Klinik (Health clinic)", 0.3, 3.0,
          {"instrumental": 0.9}, {"protection": 0.3, "empowerment": 0.05},
          {"physical_health": 0.95, "behavioral_health": 0.2}, trigger_need="physical_health",
          rate_if_need=0.8, contact_days=30, gain_rate=0.15),
    Role("mental_health", "mental_health", "institution", "Psikolog (Psychologist)", 0.12, 3.0,
          {"emotional": 0.6, "instrumental": 0.8}, {"acceptance": 0.5, "empowerment": 0.4},
          {"behavioral_health": 0.95}, trigger_need="behavioral_health", rate_if_need=0.45,
          contact_days=30, gain_rate=0.25),
    Role("police", "police", "institution", "Polisi (Police)", 0.4, 2.5,
          {"instrumental": 0.9}, {"acceptance": 0.1, "protection": 0.9}, {"legal": 0.5},
          ambivalent=0.15, stressful=0.06, contact_days=35),
    Role("legal_aid", "legal_aid", "institution", "Paralegal (Legal aid)", 0.08, 3.2,
          {"instrumental": 0.95}, {"protection": 0.8}, {"legal": 0.95}, trigger_need="legal",
          rate_if_need=0.5, contact_days=25, gain_rate=0.3),
    Role("social_services", "social_services", "institution",
          "Pekerja sosial Dinsos (Social services)", 0.55, 3.0,
          {"material": 0.6, "instrumental": 0.9},
          {"acceptance": 0.3, "protection": 0.6, "empowerment": 0.3},
          {"housing": 0.3, "education": 0.3, "life_skills": 0.3, "legal": 0.1}, contact_days=30),
    Role("school", "school", "institution", "Sekolah (School)", 0.2, 3.0,
          {"emotional": 0.2, "instrumental": 0.9}, {"acceptance": 0.3, "empowerment": 0.9},
          {"education": 0.95, "life_skills": 0.3}, trigger_need="education", rate_if_need=0.5,
          contact_days=20, gain_rate=0.15),
    Role("court", "court", "institution", "Pengadilan (Court)", 0.04, 2.5,
          {"instrumental": 0.9}, {"protection": 0.8}, {"legal": 0.8}, ambivalent=0.2,
          trigger_need="legal", rate_if_need=0.15, contact_days=45, gain_rate=0.3),
)  # fmt: skip

# Member-to-member ties: (member, member, how often when both are there).
PAIRS = (
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
PAIR_TIE = Role(
    "", "", "", "", 0.0, 3.0,
    {"material": 0.15, "emotional": 0.3, "instrumental": 0.85},
    {"acceptance": 0.2, "protection": 0.55, "empowerment": 0.25},
    ambivalent=0.1, stressful=0.03, contact_days=30,
)  # fmt: skip
"""How two members tend to support each other (their needs met are set per pair)."""
PAIR_NEED_SHARE = 0.4
"""Share of the second member's needs for the child that a member tie also records."""


def role_index(member_id: str) -> int:
    """The position in :data:`ROLES` of the member ``member_id``."""
    return [role.member_id for role in ROLES].index(member_id)


def role_of(member_id: str) -> Role:
    """The role of the member ``member_id``."""
    return ROLES[role_index(member_id)]
