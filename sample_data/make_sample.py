"""Write the shipped sample data set: curated case stories on top of synthetic filler children.

Run from the repository root: ``.venv/bin/python -m sample_data.make_sample``. The output is
deterministic; it rewrites the four CSV files beside this script, which are what the app and the
tests read. Everything here is fictional: no child, family or case is real.
"""

# ruff: noqa: E501 - the stories are tables, one tie per line, easier to read unwrapped.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from eska_network.domain import codes, io, synth
from eska_network.domain.model import Child, Dataset, Member, Resource, Tie

FOLDER = Path(__file__).resolve().parent
FILLER_CHILDREN = 55
FILLER_SEED = 2026

# (child-code prefix, district, kecamatan used in local service names, caseworkers)
DISTRICTS = (
    ("BDG", "Kota Bandung", "Cibiru", 3),
    ("IDM", "Kabupaten Indramayu", "Jatibarang", 2),
    ("SBY", "Kota Surabaya", "Tambaksari", 2),
    ("BTM", "Kota Batam", "Sagulung", 2),
    ("KRA", "Kabupaten Karangasem", "Abang", 2),
    ("MDN", "Kota Medan", "Medan Tembung", 2),
)

# Services per district: (key, name, level, kind, needs served). Some needs have no service in
# some districts (Karangasem lists nothing for housing, education or employment).
INST, COMM = "institution", "community"
SERVICES = {
    "BDG": (
        ("P2TP2A", "P2TP2A Kota Bandung", INST, "child_protection_unit", "behavioral_health;legal"),
        ("DINSOS", "Dinas Sosial Kota Bandung", INST, "social_services", "housing;education;life_skills"),
        ("LBH", "LBH Bandung", INST, "legal_aid", "legal"),
        ("PKM", "Puskesmas Cibiru", INST, "health", "physical_health"),
        ("RSUD", "RSUD Kota Bandung", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Polrestabes Bandung PPA unit", INST, "police", "legal"),
        ("RPSA", "Rumah Perlindungan Sosial Anak Bandung", INST, "shelter", "housing"),
        ("PSI", "Layanan Psikologi Anak Bandung", INST, "mental_health", "behavioral_health"),
        ("BLK", "Balai Latihan Kerja Kota Bandung", INST, "vocational_training", "employment;life_skills"),
        ("PN", "Pengadilan Negeri Bandung", INST, "court", "legal"),
        ("LSM", "Yayasan Pelita Anak Bandung", INST, "ngo", "behavioral_health;education;life_skills"),
        ("PATBM", "PATBM Cibiru", COMM, "patbm", "life_skills"),
        ("PKBM", "PKBM Cibiru", COMM, "non_formal_education", "education;life_skills"),
    ),
    "IDM": (
        ("PPA", "UPTD PPA Kabupaten Indramayu", INST, "child_protection_unit", "behavioral_health;legal"),
        ("DINSOS", "Dinas Sosial Kabupaten Indramayu", INST, "social_services", "housing;education;life_skills"),
        ("PKM", "Puskesmas Jatibarang", INST, "health", "physical_health"),
        ("RSUD", "RSUD Indramayu", INST, "health", "physical_health"),
        ("POL", "Polres Indramayu PPA unit", INST, "police", "legal"),
        ("POSBAKUM", "Posbakum PN Indramayu", INST, "legal_aid", "legal"),
        ("LSM", "Yayasan Kasih Anak Pantura", INST, "ngo", "education;life_skills"),
        ("PATBM", "PATBM Jatibarang", COMM, "patbm", "life_skills"),
    ),
    "SBY": (
        ("PPA", "UPTD PPA Kota Surabaya", INST, "child_protection_unit", "behavioral_health;legal;housing"),
        ("DINSOS", "Dinas Sosial Kota Surabaya", INST, "social_services", "housing;education;life_skills"),
        ("PKM", "Puskesmas Tambaksari", INST, "health", "physical_health"),
        ("RSUD", "RSUD Dr. Soetomo", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Polrestabes Surabaya PPA unit", INST, "police", "legal"),
        ("LBH", "LBH Surabaya", INST, "legal_aid", "legal"),
        ("RA", "Rumah Aman Kota Surabaya", INST, "shelter", "housing;behavioral_health"),
        ("PSI", "Puspaga Surabaya (Layanan Psikologi)", INST, "mental_health", "behavioral_health"),
        ("BLK", "Balai Latihan Kerja Surabaya", INST, "vocational_training", "employment;life_skills"),
        ("LSM", "Yayasan Anak Pesisir Surabaya", INST, "ngo", "behavioral_health;education;life_skills"),
        ("PATBM", "PATBM Tambaksari", COMM, "patbm", "life_skills"),
        ("PKBM", "PKBM Tambaksari", COMM, "non_formal_education", "education;life_skills"),
    ),
    "BTM": (
        ("PPA", "UPTD PPA Kota Batam", INST, "child_protection_unit", "behavioral_health;legal"),
        ("DINSOS", "Dinas Sosial Kota Batam", INST, "social_services", "housing;life_skills"),
        ("PKM", "Puskesmas Sagulung", INST, "health", "physical_health"),
        ("RSUD", "RSUD Embung Fatimah", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Polresta Barelang PPA unit", INST, "police", "legal"),
        ("RPTC", "Rumah Perlindungan Trauma Center Batam", INST, "shelter", "housing;behavioral_health"),
        ("LSM", "Yayasan Lintas Batas Batam", INST, "ngo", "behavioral_health;life_skills;housing"),
        ("BLK", "Balai Latihan Kerja Batam", INST, "vocational_training", "employment;life_skills"),
        ("PATBM", "PATBM Sagulung", COMM, "patbm", "life_skills"),
    ),
    "KRA": (
        ("PPA", "UPTD PPA Kabupaten Karangasem", INST, "child_protection_unit", "behavioral_health"),
        ("DINSOS", "Dinas Sosial Kabupaten Karangasem", INST, "social_services", "life_skills"),
        ("PKM", "Puskesmas Abang", INST, "health", "physical_health"),
        ("RSUD", "RSUD Karangasem", INST, "health", "physical_health"),
        ("POL", "Polres Karangasem PPA unit", INST, "police", "legal"),
        ("PATBM", "PATBM Abang", COMM, "patbm", "life_skills"),
    ),
    "MDN": (
        ("PPA", "UPTD PPA Kota Medan", INST, "child_protection_unit", "behavioral_health;legal;housing"),
        ("DINSOS", "Dinas Sosial Kota Medan", INST, "social_services", "housing;education;life_skills"),
        ("PKM", "Puskesmas Medan Tembung", INST, "health", "physical_health"),
        ("RSUD", "RSUD Dr. Pirngadi", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Polrestabes Medan PPA unit", INST, "police", "legal"),
        ("LBH", "LBH Medan", INST, "legal_aid", "legal"),
        ("LSM", "Yayasan Pusaka Anak Medan", INST, "ngo", "behavioral_health;education;life_skills"),
        ("PATBM", "PATBM Medan Tembung", COMM, "patbm", "life_skills"),
    ),
}  # fmt: skip

VALENCE = dict(zip("+~-", codes.VALENCES, strict=True))
"""Ecomap shorthand in the stories: + supportive, ~ ambivalent, - stressful."""


@dataclass(frozen=True)
class Story:
    """One curated child: who is around them, and the ties recorded at each case conference.

    ``members`` rows are ``(member_id, label, level, role, service key or None)``. Each
    assessment lists ``(source, target, strength, valence, support types, keys, needs met,
    days since last contact or None)``, every tie recorded that day.
    """

    child: Child
    members: tuple[tuple, ...]
    assessments: dict[str, tuple[tuple, ...]]


def _child(child_id, age, sex, risks, needs, wellbeing=(None, None, None)) -> Child:
    district = next(name for prefix, name, _, _ in DISTRICTS if child_id.startswith(prefix))
    return Child(child_id, district, age, sex, None, _split(risks), _split(needs), *wellbeing)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(code for code in cell.split(";") if code)


STORIES = (
    # Nothing missing by the second conference: legal aid and non-formal school were added,
    # the mother moved from ambivalent shame to strong support.
    Story(
        _child("BDG-001", 15, "F", "maltreatment;school_dropout;risky_peers",
               "physical_health;behavioral_health;education;legal", (4, 4, 4)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("grandmother", "Nenek (Grandmother)", "family", "grandmother", None),
            ("aunt", "Bibi (Aunt)", "family", "aunt", None),
            ("teacher", "Wali kelas (Homeroom teacher)", "community", "teacher", None),
            ("ustadzah", "Ustadzah Cibiru (Religious teacher)", "community", "religious_leader", None),
            ("patbm", "PATBM Cibiru", "community", "patbm", "PATBM"),
            ("pkbm", "PKBM Cibiru", "community", "non_formal_education", "PKBM"),
            ("p2tp2a", "P2TP2A Kota Bandung", "institution", "child_protection_unit", "P2TP2A"),
            ("lbh", "LBH Bandung", "institution", "legal_aid", "LBH"),
            ("puskesmas", "Puskesmas Cibiru", "institution", "health", "PKM"),
        ),
        {
            "2025-02-10": (
                ("child", "mother", 3, "~", "material;emotional", "acceptance", "", 4),
                ("child", "grandmother", 4, "+", "emotional", "acceptance", "", 10),
                ("child", "teacher", 2, "+", "emotional", "empowerment", "education", 30),
                ("child", "patbm", 3, "+", "instrumental", "protection", "", 20),
                ("child", "p2tp2a", 4, "+", "emotional;instrumental", "protection", "behavioral_health", 7),
                ("child", "puskesmas", 3, "+", "instrumental", "protection", "physical_health", 25),
                ("mother", "p2tp2a", 3, "+", "instrumental", "protection", "", 14),
                ("patbm", "p2tp2a", 3, "+", "instrumental", "protection", "", 20),
            ),
            "2025-08-18": (
                ("child", "mother", 5, "+", "material;emotional", "acceptance;protection", "", 2),
                ("child", "grandmother", 4, "+", "emotional", "acceptance", "", 6),
                ("child", "aunt", 3, "+", "material;emotional", "acceptance", "", 20),
                ("child", "teacher", 4, "+", "emotional;instrumental", "acceptance;empowerment", "education", 9),
                ("child", "ustadzah", 3, "+", "emotional", "acceptance", "", 12),
                ("child", "patbm", 3, "+", "instrumental", "protection", "", 15),
                ("child", "pkbm", 4, "+", "instrumental", "empowerment", "education", 5),
                ("child", "p2tp2a", 4, "+", "emotional;instrumental", "protection;empowerment", "behavioral_health", 10),
                ("child", "lbh", 4, "+", "instrumental", "protection", "legal", 21),
                ("child", "puskesmas", 3, "+", "instrumental", "protection", "physical_health", 40),
                ("mother", "teacher", 3, "+", "instrumental", "protection", "", 30),
                ("grandmother", "ustadzah", 3, "+", "emotional", "acceptance", "", 14),
                ("patbm", "p2tp2a", 4, "+", "instrumental", "protection", "", 12),
                ("teacher", "p2tp2a", 3, "+", "instrumental", "protection", "", 25),
                ("mother", "p2tp2a", 4, "+", "instrumental", "protection", "", 10),
                ("aunt", "lbh", 3, "+", "instrumental", "protection", "legal", 21),
            ),
        },
    ),
    # Sold by her father, refused by her mother; kinship care with an aunt, family mediation,
    # the recruiter "boyfriend" tie ended, legal aid came late and the police went quiet.
    Story(
        _child("IDM-001", 16, "F", "maltreatment;school_dropout;no_adult_support;weak_attachment",
               "housing;behavioral_health;legal;education;life_skills", (2, 3, 3)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("father", "Ayah (Father)", "family", "father", None),
            ("brother", "Kakak laki-laki (Older brother)", "family", "brother", None),
            ("aunt", "Bibi di Jatibarang (Aunt)", "family", "aunt", None),
            ("boyfriend", "Pacar (Boyfriend who recruited her)", "community", "peer", None),
            ("bu_rt", "Bu RT (Neighbourhood head)", "community", "community_leader", None),
            ("patbm", "PATBM Jatibarang", "community", "patbm", "PATBM"),
            ("ppa", "UPTD PPA Kabupaten Indramayu", "institution", "child_protection_unit", "PPA"),
            ("police", "Polres Indramayu PPA unit", "institution", "police", "POL"),
            ("lsm", "Yayasan Kasih Anak Pantura", "institution", "ngo", "LSM"),
            ("posbakum", "Posbakum PN Indramayu", "institution", "legal_aid", "POSBAKUM"),
        ),
        {
            "2024-04-15": (
                ("child", "father", 4, "-", "", "", "", 20),
                ("child", "mother", 3, "-", "", "", "", 30),
                ("child", "brother", 2, "~", "emotional", "", "", 45),
                ("child", "boyfriend", 4, "-", "", "", "", 15),
                ("child", "ppa", 3, "+", "material;instrumental", "protection", "housing;behavioral_health", 3),
                ("child", "police", 2, "~", "instrumental", "protection", "legal", 10),
                ("ppa", "police", 3, "+", "instrumental", "protection", "legal", 10),
            ),
            "2024-10-07": (
                ("child", "father", 4, "-", "", "", "", 60),
                ("child", "mother", 2, "~", "emotional", "", "", 21),
                ("child", "brother", 2, "~", "emotional", "acceptance", "", 30),
                ("child", "boyfriend", 0, "-", "", "", "", 150),
                ("child", "aunt", 3, "+", "material;emotional", "acceptance;protection", "housing", 5),
                ("child", "bu_rt", 2, "+", "instrumental", "protection", "", 20),
                ("child", "ppa", 4, "+", "emotional;instrumental", "protection", "behavioral_health", 12),
                ("child", "police", 3, "+", "instrumental", "protection", "legal", 40),
                ("child", "lsm", 3, "+", "emotional;instrumental", "empowerment", "life_skills", 9),
                ("aunt", "bu_rt", 2, "+", "instrumental", "protection", "", 30),
                ("aunt", "ppa", 3, "+", "instrumental", "protection", "housing", 14),
                ("ppa", "police", 3, "+", "instrumental", "protection", "legal", 30),
            ),
            "2025-05-12": (
                ("child", "father", 3, "-", "", "", "", 120),
                ("child", "mother", 3, "+", "emotional", "acceptance", "", 14),
                ("child", "brother", 3, "+", "emotional", "acceptance", "", 20),
                ("child", "aunt", 4, "+", "material;emotional", "acceptance;protection", "housing", 3),
                ("child", "bu_rt", 2, "+", "instrumental", "protection", "", 60),
                ("child", "patbm", 3, "+", "instrumental", "protection", "", 25),
                ("child", "ppa", 4, "+", "emotional;instrumental", "protection", "behavioral_health", 20),
                ("child", "police", 2, "+", "instrumental", "protection", "", 100),
                ("child", "lsm", 4, "+", "emotional;instrumental", "empowerment", "life_skills", 7),
                ("child", "posbakum", 2, "+", "instrumental", "protection", "legal", 30),
                ("aunt", "bu_rt", 2, "+", "instrumental", "protection", "", 40),
                ("patbm", "ppa", 3, "+", "instrumental", "protection", "", 25),
                ("aunt", "ppa", 3, "+", "instrumental", "protection", "housing", 20),
                ("mother", "lsm", 2, "+", "emotional", "acceptance", "", 30),
                ("ppa", "police", 3, "+", "instrumental", "protection", "legal", 60),
            ),
        },
    ),
    # Family and neighbourhood hold him, but no institution is in sight: health, mental health
    # and the legal case go unmet.
    Story(
        _child("SBY-001", 14, "M", "school_dropout;risky_peers;early_sexual_experience",
               "physical_health;behavioral_health;legal;education", (3, 3, 2)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("grandmother", "Nenek (Grandmother)", "family", "grandmother", None),
            ("counsellor", "Guru BK (School counsellor)", "community", "teacher", None),
            ("peer", "Teman futsal (Peer)", "community", "peer", None),
            ("ustadz", "Pak Ustadz (Imam)", "community", "religious_leader", None),
            ("neighbour", "Tetangga (Neighbour)", "community", "neighbour", None),
        ),
        {
            "2026-03-02": (
                ("child", "mother", 4, "+", "material;emotional", "acceptance;protection", "", 1),
                ("child", "grandmother", 3, "+", "emotional", "acceptance", "", 7),
                ("child", "counsellor", 3, "+", "emotional;instrumental", "empowerment", "education", 14),
                ("child", "peer", 3, "+", "emotional", "acceptance", "", 3),
                ("child", "ustadz", 2, "+", "emotional", "acceptance", "", 20),
                ("child", "neighbour", 2, "~", "", "", "", 30),
                ("mother", "counsellor", 3, "+", "instrumental", "protection", "", 20),
                ("mother", "ustadz", 2, "+", "emotional", "acceptance", "", 10),
            ),
        },
    ),
    # Far from home: a thin community, no bridge from it to the services; the exploitative job
    # ended, vocational training was added, the police contact went stale.
    Story(
        _child("BTM-001", 17, "F", "no_adult_support;weak_attachment;risky_peers",
               "housing;behavioral_health;employment;life_skills", (3, 2, 3)),
        (
            ("mother", "Ibu di Medan (Mother)", "family", "mother", None),
            ("sister", "Kakak perempuan (Older sister)", "family", "sister", None),
            ("housemate", "Teman kos (Housemate)", "community", "peer", None),
            ("employer", "Pemilik warung makan (Employer)", "community", "employer", None),
            ("rptc", "Rumah Perlindungan Trauma Center Batam", "institution", "shelter", "RPTC"),
            ("lsm", "Yayasan Lintas Batas Batam", "institution", "ngo", "LSM"),
            ("blk", "Balai Latihan Kerja Batam", "institution", "vocational_training", "BLK"),
            ("police", "Polresta Barelang PPA unit", "institution", "police", "POL"),
        ),
        {
            "2025-06-03": (
                ("child", "mother", 2, "~", "emotional", "", "", 60),
                ("child", "sister", 3, "+", "material;emotional", "acceptance", "", 10),
                ("child", "housemate", 2, "+", "emotional", "acceptance", "", 2),
                ("child", "employer", 2, "-", "", "", "", 5),
                ("child", "rptc", 4, "+", "material;instrumental", "protection", "housing", 1),
                ("child", "lsm", 3, "+", "emotional;instrumental", "acceptance;empowerment", "behavioral_health;life_skills", 7),
                ("child", "police", 3, "+", "instrumental", "protection", "", 20),
                ("sister", "rptc", 2, "+", "instrumental", "protection", "", 30),
                ("sister", "housemate", 2, "+", "emotional", "", "", 15),
                ("lsm", "rptc", 4, "+", "instrumental", "protection", "", 10),
            ),
            "2025-12-08": (
                ("child", "mother", 1, "~", "emotional", "", "", 120),
                ("child", "sister", 3, "+", "material;emotional", "acceptance", "", 14),
                ("child", "housemate", 2, "+", "emotional", "acceptance", "", 6),
                ("child", "employer", 0, "-", "", "", "", 160),
                ("child", "rptc", 4, "+", "material;instrumental", "protection", "housing", 2),
                ("child", "lsm", 4, "+", "emotional;instrumental", "acceptance;empowerment", "behavioral_health;life_skills", 5),
                ("child", "blk", 3, "+", "instrumental", "empowerment", "employment;life_skills", 12),
                ("child", "police", 2, "+", "instrumental", "protection", "", 95),
                ("sister", "rptc", 2, "+", "instrumental", "protection", "", 40),
                ("sister", "housemate", 2, "+", "emotional", "", "", 20),
                ("lsm", "rptc", 4, "+", "instrumental", "protection", "", 8),
                ("lsm", "blk", 3, "+", "instrumental", "empowerment", "", 12),
            ),
        },
    ),
    # The legal case has stalled: the police tie is ambivalent and the district lists no legal
    # aid. Nobody works on empowerment yet.
    Story(
        _child("KRA-001", 13, "F", "maltreatment;early_sexual_experience",
               "legal;physical_health;behavioral_health;education", (3, 4, 3)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("father", "Ayah (Father)", "family", "father", None),
            ("grandmother", "Nenek (Grandmother)", "family", "grandmother", None),
            ("sibling", "Adik (Younger sibling)", "family", "sibling", None),
            ("kelian", "Kelian banjar (Village head)", "community", "village_head", None),
            ("pemangku", "Pemangku (Religious leader)", "community", "religious_leader", None),
            ("teacher", "Wali kelas (Homeroom teacher)", "community", "teacher", None),
            ("police", "Polres Karangasem PPA unit", "institution", "police", "POL"),
            ("puskesmas", "Puskesmas Abang", "institution", "health", "PKM"),
            ("ppa", "UPTD PPA Kabupaten Karangasem", "institution", "child_protection_unit", "PPA"),
        ),
        {
            "2025-09-22": (
                ("child", "mother", 4, "+", "material;emotional", "acceptance;protection", "", 1),
                ("child", "father", 3, "~", "material", "", "", 3),
                ("child", "grandmother", 4, "+", "emotional", "acceptance", "", 2),
                ("child", "sibling", 3, "+", "emotional", "acceptance", "", 1),
                ("child", "kelian", 3, "+", "instrumental", "protection", "", 20),
                ("child", "pemangku", 3, "+", "emotional", "acceptance", "", 15),
                ("child", "teacher", 3, "+", "emotional;instrumental", "acceptance", "education", 10),
                ("child", "police", 2, "~", "instrumental", "protection", "legal", 45),
                ("child", "puskesmas", 3, "+", "instrumental", "protection", "physical_health", 30),
                ("child", "ppa", 2, "+", "emotional", "protection", "behavioral_health", 60),
                ("mother", "kelian", 3, "+", "instrumental", "protection", "", 20),
                ("grandmother", "pemangku", 3, "+", "emotional", "acceptance", "", 15),
                ("kelian", "ppa", 2, "+", "instrumental", "protection", "", 60),
                ("mother", "puskesmas", 2, "+", "instrumental", "", "physical_health", 30),
            ),
        },
    ),
    # Everyone is still on the map, but half the contacts have gone quiet for months.
    Story(
        _child("MDN-001", 16, "F", "school_dropout;risky_peers;no_adult_support",
               "behavioral_health;legal;education;physical_health", (3, 3, 3)),
        (
            ("grandmother", "Opung boru (Grandmother)", "family", "grandmother", None),
            ("aunt", "Namboru (Aunt)", "family", "aunt", None),
            ("peer", "Teman sekolah (Peer)", "community", "peer", None),
            ("volunteer", "Kakak pendamping (Volunteer mentor)", "community", "volunteer", None),
            ("patbm", "PATBM Medan Tembung", "community", "patbm", "PATBM"),
            ("lbh", "LBH Medan", "institution", "legal_aid", "LBH"),
            ("rsud", "RSUD Dr. Pirngadi", "institution", "health", "RSUD"),
            ("ppa", "UPTD PPA Kota Medan", "institution", "child_protection_unit", "PPA"),
            ("dinsos", "Dinas Sosial Kota Medan", "institution", "social_services", "DINSOS"),
            ("lsm", "Yayasan Pusaka Anak Medan", "institution", "ngo", "LSM"),
        ),
        {
            "2025-01-20": (
                ("child", "grandmother", 4, "+", "material;emotional", "acceptance", "", 2),
                ("child", "aunt", 3, "+", "material;emotional", "acceptance;protection", "", 10),
                ("child", "peer", 3, "+", "emotional", "acceptance", "", 1),
                ("child", "volunteer", 3, "+", "emotional;instrumental", "empowerment", "education", 7),
                ("child", "patbm", 2, "+", "instrumental", "protection", "", 14),
                ("child", "lbh", 3, "+", "instrumental", "protection", "legal", 10),
                ("child", "rsud", 3, "+", "instrumental", "", "physical_health;behavioral_health", 20),
                ("child", "ppa", 3, "+", "emotional;instrumental", "protection", "behavioral_health", 12),
                ("grandmother", "patbm", 2, "+", "instrumental", "protection", "", 14),
                ("patbm", "ppa", 3, "+", "instrumental", "protection", "", 14),
                ("aunt", "lbh", 2, "+", "instrumental", "protection", "legal", 10),
                ("volunteer", "lsm", 3, "+", "instrumental", "empowerment", "", 7),
            ),
            "2025-07-21": (
                ("child", "grandmother", 4, "+", "material;emotional", "acceptance", "", 5),
                ("child", "aunt", 3, "+", "material;emotional", "acceptance;protection", "", 30),
                ("child", "peer", 2, "~", "emotional", "", "", 40),
                ("child", "volunteer", 3, "+", "emotional;instrumental", "empowerment", "education", 120),
                ("child", "patbm", 2, "+", "instrumental", "protection", "", 100),
                ("child", "lbh", 3, "+", "instrumental", "protection", "legal", 170),
                ("child", "rsud", 3, "+", "instrumental", "", "physical_health;behavioral_health", 130),
                ("child", "ppa", 3, "+", "emotional;instrumental", "protection", "behavioral_health", 95),
                ("child", "dinsos", 2, "+", "material", "protection", "", 20),
                ("grandmother", "patbm", 2, "+", "instrumental", "protection", "", 100),
                ("patbm", "ppa", 3, "+", "instrumental", "protection", "", 100),
                ("aunt", "lbh", 2, "+", "instrumental", "protection", "legal", 170),
                ("volunteer", "lsm", 3, "+", "instrumental", "empowerment", "", 60),
                ("dinsos", "ppa", 3, "+", "instrumental", "protection", "", 20),
            ),
        },
    ),
    # A markup-like label (shown as text, never rendered) and a family of ambivalent ties that
    # leaves material support missing.
    Story(
        _child("SBY-002", 15, "F", "risky_peers;weak_attachment",
               "behavioral_health;education;life_skills", (3, 3, 4)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("father", "Ayah (Father)", "family", "father", None),
            ("cousin", "Kakak \"Rina\" <b>sepupu</b> & 'teman'", "family", "cousin", None),
            ("peer", "Teman kampung (Peer)", "community", "peer", None),
            ("teacher", "Wali kelas (Homeroom teacher)", "community", "teacher", None),
            ("patbm", "PATBM Tambaksari", "community", "patbm", "PATBM"),
            ("lsm", "Yayasan Anak Pesisir Surabaya", "institution", "ngo", "LSM"),
            ("psi", "Puspaga Surabaya (Layanan Psikologi)", "institution", "mental_health", "PSI"),
        ),
        {
            "2026-01-12": (
                ("child", "mother", 3, "~", "material;emotional", "", "", 2),
                ("child", "father", 2, "~", "material", "", "", 10),
                ("child", "cousin", 4, "+", "emotional", "acceptance;protection", "", 1),
                ("child", "peer", 3, "~", "emotional", "", "", 3),
                ("child", "teacher", 3, "+", "instrumental", "empowerment", "education", 20),
                ("child", "patbm", 2, "+", "instrumental", "protection", "", 30),
                ("child", "lsm", 3, "+", "emotional;instrumental", "empowerment", "life_skills", 14),
                ("child", "psi", 3, "+", "emotional;instrumental", "acceptance", "behavioral_health", 21),
                ("cousin", "patbm", 3, "+", "instrumental", "protection", "", 10),
                ("cousin", "lsm", 2, "+", "emotional", "acceptance", "", 14),
                ("patbm", "lsm", 3, "+", "instrumental", "protection", "", 30),
                ("teacher", "psi", 2, "+", "instrumental", "", "behavioral_health", 21),
                ("mother", "teacher", 2, "~", "", "", "", 60),
            ),
        },
    ),
    # A street-connected boy: weak family, no tie between family and community, no one working
    # on empowerment, employment and life skills unmet.
    Story(
        _child("MDN-002", 15, "M", "school_dropout;no_adult_support;risky_peers",
               "behavioral_health;employment;life_skills", (2, 3, 2)),
        (
            ("uncle", "Paman (Uncle)", "family", "uncle", None),
            ("peer", "Teman jalanan (Street peer)", "community", "peer", None),
            ("volunteer", "Relawan rumah singgah (Volunteer)", "community", "volunteer", None),
            ("shelter", "Rumah singgah Medan (Drop-in shelter)", "institution", "shelter", None),
            ("ppa", "UPTD PPA Kota Medan", "institution", "child_protection_unit", "PPA"),
        ),
        {
            "2026-02-16": (
                ("child", "uncle", 2, "+", "material", "", "", 30),
                ("child", "peer", 3, "+", "emotional", "acceptance", "", 1),
                ("child", "volunteer", 3, "+", "emotional;instrumental", "acceptance", "", 4),
                ("child", "shelter", 3, "+", "material;instrumental", "protection", "", 4),
                ("child", "ppa", 2, "+", "instrumental", "protection", "behavioral_health", 50),
                ("volunteer", "shelter", 3, "+", "instrumental", "protection", "", 4),
                ("uncle", "ppa", 1, "+", "instrumental", "", "", 50),
            ),
        },
    ),
    # Three conferences: she dropped out (teacher and school ties ended), then came back through
    # a non-formal school, with the community group and a hospital added.
    Story(
        _child("BTM-002", 14, "F", "school_dropout;maltreatment",
               "education;behavioral_health;physical_health", (3, 3, 3)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("grandmother", "Nenek (Grandmother)", "family", "grandmother", None),
            ("teacher", "Wali kelas (Homeroom teacher)", "community", "teacher", None),
            ("peer", "Teman sebaya (Peer)", "community", "peer", None),
            ("patbm", "PATBM Sagulung", "community", "patbm", "PATBM"),
            ("paket_b", "Kejar Paket B (Non-formal school)", "community", "non_formal_education", None),
            ("ppa", "UPTD PPA Kota Batam", "institution", "child_protection_unit", "PPA"),
            ("puskesmas", "Puskesmas Sagulung", "institution", "health", "PKM"),
            ("rsud", "RSUD Embung Fatimah", "institution", "health", "RSUD"),
            ("school", "SMP Negeri di Sagulung (School)", "institution", "school", None),
        ),
        {
            "2024-05-06": (
                ("child", "mother", 4, "+", "material;emotional", "acceptance;protection", "", 1),
                ("child", "grandmother", 3, "+", "emotional", "acceptance", "", 7),
                ("child", "teacher", 3, "+", "emotional;instrumental", "empowerment", "education", 5),
                ("child", "peer", 3, "+", "emotional", "acceptance", "", 1),
                ("child", "school", 3, "+", "instrumental", "empowerment", "education", 5),
                ("child", "ppa", 3, "+", "emotional;instrumental", "protection", "behavioral_health", 14),
                ("child", "puskesmas", 2, "+", "instrumental", "", "physical_health", 30),
                ("mother", "teacher", 3, "+", "instrumental", "protection", "", 20),
                ("teacher", "school", 4, "+", "instrumental", "empowerment", "education", 5),
                ("mother", "ppa", 2, "+", "instrumental", "protection", "", 14),
            ),
            "2024-11-11": (
                ("child", "mother", 3, "+", "material;emotional", "acceptance;protection", "", 2),
                ("child", "grandmother", 3, "+", "emotional", "acceptance", "", 10),
                ("child", "teacher", 0, "+", "", "", "", 120),
                ("child", "peer", 2, "~", "emotional", "", "", 5),
                ("child", "school", 0, "+", "", "", "", 120),
                ("child", "patbm", 2, "+", "instrumental", "protection", "", 20),
                ("child", "ppa", 4, "+", "emotional;instrumental", "protection", "behavioral_health", 10),
                ("child", "puskesmas", 2, "+", "instrumental", "", "physical_health", 45),
                ("mother", "teacher", 0, "+", "", "", "", 150),
                ("mother", "patbm", 2, "+", "instrumental", "protection", "", 20),
                ("patbm", "ppa", 2, "+", "instrumental", "protection", "", 20),
                ("mother", "ppa", 3, "+", "instrumental", "protection", "", 10),
            ),
            "2025-06-16": (
                ("child", "mother", 4, "+", "material;emotional", "acceptance;protection", "", 1),
                ("child", "grandmother", 3, "+", "emotional", "acceptance", "", 8),
                ("child", "peer", 3, "+", "emotional", "acceptance", "", 2),
                ("child", "patbm", 3, "+", "instrumental", "protection", "", 14),
                ("child", "paket_b", 3, "+", "instrumental", "empowerment", "education", 3),
                ("child", "ppa", 4, "+", "emotional;instrumental", "protection;empowerment", "behavioral_health", 12),
                ("child", "puskesmas", 2, "+", "instrumental", "", "physical_health", 60),
                ("child", "rsud", 3, "+", "instrumental", "protection", "behavioral_health", 30),
                ("mother", "patbm", 3, "+", "instrumental", "protection", "", 14),
                ("patbm", "paket_b", 3, "+", "instrumental", "empowerment", "", 14),
                ("patbm", "ppa", 3, "+", "instrumental", "protection", "", 14),
                ("mother", "ppa", 3, "+", "instrumental", "protection", "", 12),
                ("ppa", "rsud", 3, "+", "instrumental", "protection", "behavioral_health", 30),
            ),
        },
    ),
    # Nobody at home: her mother died and her father works abroad, reachable now and then.
    Story(
        _child("IDM-002", 12, "F", "no_adult_support;weak_attachment;maltreatment",
               "housing;behavioral_health;education", (2, 2, 3)),
        (
            ("father", "Ayah, bekerja di Malaysia (Father abroad)", "family", "father", None),
            ("neighbour", "Tetangga (Neighbour)", "community", "neighbour", None),
            ("ustadzah", "Ustadzah (Religious teacher)", "community", "religious_leader", None),
            ("ppa", "UPTD PPA Kabupaten Indramayu", "institution", "child_protection_unit", "PPA"),
            ("lsm", "Yayasan Kasih Anak Pantura", "institution", "ngo", "LSM"),
            ("police", "Polres Indramayu PPA unit", "institution", "police", "POL"),
        ),
        {
            "2025-11-03": (
                ("child", "father", 1, "~", "material", "", "", 75),
                ("child", "neighbour", 3, "+", "material;emotional", "acceptance", "", 2),
                ("child", "ustadzah", 3, "+", "emotional", "acceptance;empowerment", "education", 6),
                ("child", "ppa", 3, "+", "instrumental", "protection", "behavioral_health", 9),
                ("child", "lsm", 3, "+", "emotional;instrumental", "empowerment", "education", 9),
                ("child", "police", 2, "+", "instrumental", "protection", "", 40),
                ("neighbour", "ppa", 2, "+", "instrumental", "protection", "", 9),
                ("ppa", "lsm", 3, "+", "instrumental", "protection", "", 9),
            ),
        },
    ),
)  # fmt: skip


# The large network (35 members, to exercise the map's layout): one row per member with its
# child tie at each of two conferences, (strength, valence) or None when the tie is not recorded.
LARGE_ID = "BDG-002"
LARGE_DATES = ("2025-03-03", "2025-09-08")
LARGE_MEMBERS = (
    # member_id, label, level, role, service, first, second, support, keys, needs met
    ("mother", "Ibu (Mother)", "family", "mother", None, (4, "+"), (4, "+"), "material;emotional", "acceptance", ""),
    ("stepfather", "Ayah tiri (Stepfather)", "family", "stepfather", None, (3, "-"), (2, "-"), "", "", ""),
    ("grandmother", "Nenek (Grandmother)", "family", "grandmother", None, (4, "+"), (4, "+"), "emotional", "acceptance", ""),
    ("grandfather", "Kakek (Grandfather)", "family", "grandfather", None, (3, "+"), (3, "+"), "material", "protection", "housing"),
    ("aunt", "Bibi dari pihak ibu (Maternal aunt)", "family", "aunt", None, (3, "+"), (3, "+"), "emotional", "acceptance", ""),
    ("uncle", "Paman (Uncle)", "family", "uncle", None, (2, "~"), (2, "~"), "material", "", ""),
    ("sister", "Kakak perempuan (Older sister)", "family", "sister", None, (4, "+"), (5, "+"), "emotional;instrumental", "acceptance;empowerment", "life_skills"),
    ("brother", "Adik laki-laki (Younger brother)", "family", "brother", None, (3, "+"), (3, "+"), "emotional", "acceptance", ""),
    ("cousin", "Sepupu (Cousin)", "family", "cousin", None, (2, "+"), (2, "+"), "emotional", "", ""),
    ("teacher", "Wali kelas (Homeroom teacher)", "community", "teacher", None, (3, "+"), (3, "+"), "instrumental", "empowerment", "education"),
    ("counsellor", "Guru BK (School counsellor)", "community", "teacher", None, (4, "+"), (4, "+"), "emotional", "acceptance", "behavioral_health"),
    ("desk_mate", "Teman sebangku (Desk mate)", "community", "peer", None, (4, "+"), (4, "+"), "emotional", "acceptance", ""),
    ("study_friend", "Teman ngaji (Quran study friend)", "community", "peer", None, (3, "+"), (3, "+"), "emotional", "acceptance", ""),
    ("hangout_friend", "Teman nongkrong (Hangout friend)", "community", "peer", None, (2, "~"), (0, "~"), "emotional", "", ""),
    ("ustadzah", "Ustadzah Cibiru (Religious teacher)", "community", "religious_leader", None, (3, "+"), (3, "+"), "emotional", "acceptance", ""),
    ("pak_rt", "Pak RT (Neighbourhood head)", "community", "community_leader", None, (2, "+"), (2, "+"), "instrumental", "protection", ""),
    ("lurah", "Lurah Cipadung (Village head)", "community", "village_head", None, (2, "+"), (2, "+"), "instrumental", "protection", ""),
    ("patbm", "PATBM Cibiru", "community", "patbm", "PATBM", (3, "+"), (4, "+"), "instrumental", "protection", ""),
    ("volunteer", "Relawan PKBM (Volunteer)", "community", "volunteer", None, (3, "+"), (3, "+"), "emotional;instrumental", "empowerment", "life_skills"),
    ("pkbm", "PKBM Cibiru", "community", "non_formal_education", "PKBM", (3, "+"), (3, "+"), "instrumental", "empowerment", "education;life_skills"),
    ("employer", "Pemilik konveksi (Employer)", "community", "employer", None, None, (3, "+"), "material;instrumental", "empowerment", "employment"),
    ("karang_taruna", "Karang Taruna Cibiru (Youth group)", "community", "youth_group", None, (2, "+"), (2, "+"), "emotional", "acceptance", ""),
    ("p2tp2a", "P2TP2A Kota Bandung", "institution", "child_protection_unit", "P2TP2A", (4, "+"), (4, "+"), "emotional;instrumental", "protection", "behavioral_health"),
    ("dinsos", "Dinas Sosial Kota Bandung", "institution", "social_services", "DINSOS", (3, "+"), (3, "+"), "material;instrumental", "protection", "housing"),
    ("lbh", "LBH Bandung", "institution", "legal_aid", "LBH", (3, "+"), (4, "+"), "instrumental", "protection", "legal"),
    ("police", "Polrestabes Bandung PPA unit", "institution", "police", "POL", (3, "~"), (3, "+"), "instrumental", "protection", "legal"),
    ("puskesmas", "Puskesmas Cibiru", "institution", "health", "PKM", (3, "+"), (3, "+"), "instrumental", "", "physical_health"),
    ("rsud", "RSUD Kota Bandung", "institution", "health", "RSUD", (2, "+"), (2, "+"), "instrumental", "", "physical_health"),
    ("psychologist", "Layanan Psikologi Anak Bandung", "institution", "mental_health", "PSI", (4, "+"), (4, "+"), "emotional;instrumental", "acceptance", "behavioral_health"),
    ("rpsa", "Rumah Perlindungan Sosial Anak Bandung", "institution", "shelter", "RPSA", (3, "+"), (0, "+"), "material", "protection", "housing"),
    ("blk", "Balai Latihan Kerja Kota Bandung", "institution", "vocational_training", "BLK", None, (3, "+"), "instrumental", "empowerment", "employment;life_skills"),
    ("court", "Pengadilan Negeri Bandung", "institution", "court", "PN", (2, "+"), (2, "+"), "instrumental", "protection", "legal"),
    ("lsm", "Yayasan Pelita Anak Bandung", "institution", "ngo", "LSM", (4, "+"), (4, "+"), "emotional;instrumental", "acceptance;empowerment", "life_skills"),
    ("school", "SMK Negeri di Cibiru (School)", "institution", "school", None, (3, "+"), (3, "+"), "instrumental", "empowerment", "education"),
    ("peksos", "Pekerja sosial Kemensos (Social worker)", "institution", "social_worker", None, (4, "+"), (4, "+"), "instrumental", "protection", ""),
)  # fmt: skip
LARGE_MEMBER_TIES = (
    # source, target, first strength, second strength (0: ended), support, keys
    ("mother", "grandmother", 4, 4, "emotional", "acceptance"),
    ("mother", "counsellor", 3, 3, "instrumental", "protection"),
    ("mother", "patbm", 2, 3, "instrumental", "protection"),
    ("grandmother", "ustadzah", 3, 3, "emotional", "acceptance"),
    ("sister", "volunteer", 2, 3, "instrumental", "empowerment"),
    ("aunt", "pak_rt", 2, 2, "instrumental", "protection"),
    ("mother", "p2tp2a", 3, 4, "instrumental", "protection"),
    ("mother", "dinsos", 2, 2, "material", "protection"),
    ("grandfather", "rpsa", 2, 0, "instrumental", "protection"),
    ("sister", "lbh", 0, 3, "instrumental", "protection"),
    ("patbm", "p2tp2a", 4, 4, "instrumental", "protection"),
    ("counsellor", "psychologist", 3, 3, "instrumental", "acceptance"),
    ("teacher", "school", 4, 4, "instrumental", "empowerment"),
    ("volunteer", "lsm", 3, 3, "instrumental", "empowerment"),
    ("lurah", "dinsos", 2, 2, "instrumental", "protection"),
    ("employer", "blk", 0, 3, "instrumental", "empowerment"),
    ("p2tp2a", "lbh", 3, 4, "instrumental", "protection"),
    ("p2tp2a", "psychologist", 4, 4, "instrumental", "protection"),
    ("lbh", "court", 2, 3, "instrumental", "protection"),
    ("police", "court", 3, 3, "instrumental", "protection"),
    ("peksos", "dinsos", 4, 4, "instrumental", "protection"),
)  # fmt: skip


def _large_story() -> Story:
    child = _child(
        LARGE_ID, 16, "F", "maltreatment;risky_peers;weak_attachment;early_sexual_experience",
        ";".join(codes.NEEDS), (3, 4, 3),
    )  # fmt: skip
    members = tuple(row[:5] for row in LARGE_MEMBERS)
    assessments = {}
    for index, date in enumerate(LARGE_DATES):
        ties = []
        for number, row in enumerate(LARGE_MEMBERS):
            state = row[5 + index]
            if state is None:
                continue
            strength, valence = state
            stressful = valence == "-"
            support, keys, needs = ("", "", "") if stressful else row[7:10]
            # Contact spreads from days to weeks, the same each run.
            ties.append(
                ("child", row[0], strength, valence, support, keys, needs, 2 + number * 7 % 60)
            )
        for number, (source, target, *strengths, support, keys) in enumerate(LARGE_MEMBER_TIES):
            strength = strengths[index]
            if strength == 0 and (index == 0 or strengths[0] == 0):
                continue  # not yet there at this conference
            ties.append((source, target, strength, "+", support, keys, "", 5 + number * 11 % 70))
        assessments[date] = tuple(ties)
    return Story(child, members, assessments)


def sample_dataset() -> Dataset:
    """The whole sample: curated stories, synthetic filler, services and caseworkers."""
    resources = [
        Resource(f"{prefix}-{key}", district, name, level, _split(needs), kind)
        for prefix, district, _, _ in DISTRICTS
        for key, name, level, kind, needs in SERVICES[prefix]
    ]
    stories = (*STORIES, _large_story())
    curated = Dataset.from_objects(
        [story.child for story in stories],
        [_member(story, row) for story in stories for row in story.members],
        [_tie(story, date, row) for story in stories for date, rows in story.assessments.items() for row in rows],
        resources,
    )  # fmt: skip
    filler = _filler(resources, {story.child.child_id for story in stories})
    tables = {
        name: pd.concat([getattr(curated, name), getattr(filler, name)], ignore_index=True)
        for name in ("children", "members", "ties")
    }
    tables["children"] = _with_caseworkers(tables["children"])
    for name, keys in (("children", ["child_id"]), ("members", ["child_id"]),
                       ("ties", ["child_id", "assessed_on"])):  # fmt: skip
        tables[name] = tables[name].sort_values(keys, kind="stable", ignore_index=True)
    return Dataset(**tables, resources=curated.resources)


def _member(story: Story, row: tuple) -> Member:
    member_id, label, level, role, service = row
    prefix = story.child.child_id.split("-")[0]
    return Member(story.child.child_id, member_id, label, level, role,
                  f"{prefix}-{service}" if service else None)  # fmt: skip


def _tie(story: Story, date: str, row: tuple) -> Tie:
    source, target, strength, valence, support, keys, needs, days = row
    day = dt.date.fromisoformat(date)
    return Tie(
        story.child.child_id, source, target, strength, VALENCE[valence], day,
        _split(support), _split(keys), _split(needs),
        None if days is None else day - dt.timedelta(days=days),
    )  # fmt: skip


def _filler(resources: list[Resource], curated_ids: set[str]) -> Dataset:
    """Synthetic children renamed to the sample's codes, their services to the curated ones."""
    generated = synth.generate(FILLER_CHILDREN, districts=len(DISTRICTS), seed=FILLER_SEED)
    children = generated.children.copy()
    # Dealt out evenly, so that every district has a caseload worth looking at.
    districts = [district for _, district, _, _ in DISTRICTS]
    children["district"] = pd.Series(
        [districts[i % len(districts)] for i in range(len(children))], dtype="str"
    )
    prefix = {district: code for code, district, _, _ in DISTRICTS}
    # Numbered on from the curated children of the same district.
    curated = pd.Series([child_id.split("-")[0] for child_id in curated_ids]).value_counts()
    number = children.groupby("district").cumcount() + 1
    codes_by_child = {
        old: f"{prefix[district]}-{n + curated.get(prefix[district], 0):03d}"
        for old, district, n in zip(children["child_id"], children["district"], number, strict=True)
    }
    children["child_id"] = children["child_id"].map(codes_by_child)
    members = generated.members.copy()
    members["child_id"] = members["child_id"].map(codes_by_child)
    ties = generated.ties.copy()
    ties["child_id"] = ties["child_id"].map(codes_by_child)

    # A member stands for the district's first listed service of its kind, if there is one.
    first_service = {}
    for resource in resources:
        first_service.setdefault((resource.district, resource.kind), resource)
    district_of = children.set_index("child_id")["district"]
    services = [
        first_service.get((district, role))
        for district, role in zip(
            district_of.loc[members["child_id"]], members["role"], strict=True
        )
    ]
    members["label"] = [
        s.name if s else label for s, label in zip(services, members["label"], strict=True)
    ]
    members["resource_id"] = pd.Series(
        [s.resource_id if s else None for s in services], dtype="str"
    )
    return Dataset(children, members, ties)


def _with_caseworkers(children: pd.DataFrame) -> pd.DataFrame:
    """A few caseworkers per district (``cw_bdg1``...), children dealt out in code order."""
    children = children.sort_values("child_id", ignore_index=True)
    count = {district: n for _, district, _, n in DISTRICTS}
    prefix = {district: code.lower() for code, district, _, _ in DISTRICTS}
    turn = children.groupby("district").cumcount()
    children["caseworker"] = pd.Series(
        [
            f"cw_{prefix[district]}{n % count[district] + 1}"
            for district, n in zip(children["district"], turn, strict=True)
        ],
        dtype="str",
    )
    return children


if __name__ == "__main__":
    dataset = sample_dataset()
    io.write_dataset(dataset, FOLDER)
    print(io.summary(io.read_dataset(FOLDER)))
