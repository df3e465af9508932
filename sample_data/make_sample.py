"""Write the shipped sample data set: curated case stories on top of synthetic filler children.

Run from the repository root: ``.venv/bin/python -m sample_data.make_sample``. The output is
deterministic; it rewrites the four CSV files beside this script, which are what the app and the
tests read. Everything here is fictional: no child, family or case is real.
"""

# ruff: noqa: E501 - the stories are tables, one tie per line, easier to read unwrapped.
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from eska_network.domain import codes, io, synth
from eska_network.domain.model import (
    ActionRow,
    Assessment,
    Child,
    Dataset,
    Member,
    Resource,
    Tie,
)

FOLDER = Path(__file__).resolve().parent
FILLER_CHILDREN = 55
FILLER_SEED = 2088

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
        ("P2TP2A", "UPTD PPA Kota Bandung", INST, "child_protection_unit", "behavioral_health;legal"),
        ("DINSOS", "Dinas Sosial Kota Bandung", INST, "social_services", "housing;education;life_skills"),
        ("LBH", "LBH Pelangi Anak Bandung", INST, "legal_aid", "legal"),
        ("PKM", "Puskesmas Cibiru", INST, "health", "physical_health"),
        ("RSUD", "RSUD Kota Bandung", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Unit PPA Polrestabes Bandung", INST, "police", "legal"),
        ("RPSA", "Rumah Perlindungan Sosial Anak Bandung", INST, "shelter", "housing"),
        ("PSI", "Biro Psikologi Tumbuh Kembang Bandung", INST, "mental_health", "behavioral_health"),
        ("BLK", "Balai Latihan Kerja Kota Bandung", INST, "vocational_training", "employment;life_skills"),
        ("PN", "Pengadilan Negeri Bandung", INST, "court", "legal"),
        ("LSM", "Yayasan Sinar Pagi Anak Bandung", INST, "ngo", "behavioral_health;education;life_skills"),
        ("PATBM", "PATBM Cibiru", COMM, "patbm", "life_skills"),
        ("PKBM", "PKBM Cahaya Ilmu Cibiru", COMM, "non_formal_education", "education;life_skills"),
    ),
    "IDM": (
        ("PPA", "UPTD PPA Kabupaten Indramayu", INST, "child_protection_unit", "behavioral_health;legal"),
        ("DINSOS", "Dinas Sosial Kabupaten Indramayu", INST, "social_services", "housing;education;life_skills"),
        ("PKM", "Puskesmas Jatibarang", INST, "health", "physical_health"),
        ("RSUD", "RSUD Kabupaten Indramayu", INST, "health", "physical_health"),
        ("POL", "Unit PPA Polres Indramayu", INST, "police", "legal"),
        ("POSBAKUM", "Posbakum PN Indramayu", INST, "legal_aid", "legal"),
        ("LSM", "Yayasan Tangan Terbuka Indramayu", INST, "ngo", "education;life_skills"),
        ("PATBM", "PATBM Jatibarang", COMM, "patbm", "life_skills"),
    ),
    "SBY": (
        ("PPA", "UPTD PPA Kota Surabaya", INST, "child_protection_unit", "behavioral_health;legal;housing"),
        ("DINSOS", "Dinas Sosial Kota Surabaya", INST, "social_services", "housing;education;life_skills"),
        ("PKM", "Puskesmas Tambaksari", INST, "health", "physical_health"),
        ("RSUD", "RSUD Kota Surabaya", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Unit PPA Polrestabes Surabaya", INST, "police", "legal"),
        ("LBH", "LBH Pelangi Anak Surabaya", INST, "legal_aid", "legal"),
        ("RA", "Rumah Aman Kota Surabaya", INST, "shelter", "housing;behavioral_health"),
        ("PSI", "Puspaga Kota Surabaya", INST, "mental_health", "behavioral_health"),
        ("BLK", "Balai Latihan Kerja Surabaya", INST, "vocational_training", "employment;life_skills"),
        ("LSM", "Yayasan Rumah Harapan Kecil Surabaya", INST, "ngo", "behavioral_health;education;life_skills"),
        ("PATBM", "PATBM Tambaksari", COMM, "patbm", "life_skills"),
        ("PKBM", "PKBM Cahaya Ilmu Tambaksari", COMM, "non_formal_education", "education;life_skills"),
    ),
    "BTM": (
        ("PPA", "UPTD PPA Kota Batam", INST, "child_protection_unit", "behavioral_health;legal"),
        ("DINSOS", "Dinas Sosial Kota Batam", INST, "social_services", "housing;life_skills"),
        ("PKM", "Puskesmas Sagulung", INST, "health", "physical_health"),
        ("RSUD", "RSUD Kota Batam", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Unit PPA Polresta Batam", INST, "police", "legal"),
        ("RPTC", "Rumah Perlindungan Trauma Center Batam", INST, "shelter", "housing;behavioral_health"),
        ("LSM", "Yayasan Jembatan Pulih Batam", INST, "ngo", "behavioral_health;life_skills;housing"),
        ("BLK", "Balai Latihan Kerja Batam", INST, "vocational_training", "employment;life_skills"),
        ("PATBM", "PATBM Sagulung", COMM, "patbm", "life_skills"),
    ),
    "KRA": (
        ("PPA", "UPTD PPA Kabupaten Karangasem", INST, "child_protection_unit", "behavioral_health"),
        ("DINSOS", "Dinas Sosial Kabupaten Karangasem", INST, "social_services", "life_skills"),
        ("PKM", "Puskesmas Abang", INST, "health", "physical_health"),
        ("RSUD", "RSUD Karangasem", INST, "health", "physical_health"),
        ("POL", "Unit PPA Polres Karangasem", INST, "police", "legal"),
        ("PATBM", "PATBM Abang", COMM, "patbm", "life_skills"),
    ),
    "MDN": (
        ("PPA", "UPTD PPA Kota Medan", INST, "child_protection_unit", "behavioral_health;legal;housing"),
        ("DINSOS", "Dinas Sosial Kota Medan", INST, "social_services", "housing;education;life_skills"),
        ("PKM", "Puskesmas Medan Tembung", INST, "health", "physical_health"),
        ("RSUD", "RSUD Kota Medan", INST, "health", "physical_health;behavioral_health"),
        ("POL", "Unit PPA Polrestabes Medan", INST, "police", "legal"),
        ("LBH", "LBH Pelangi Anak Medan", INST, "legal_aid", "legal"),
        ("LSM", "Yayasan Benih Kasih Medan", INST, "ngo", "behavioral_health;education;life_skills"),
        ("PATBM", "PATBM Medan Tembung", COMM, "patbm", "life_skills"),
    ),
}  # fmt: skip

VALENCE = dict(zip("+~-x", codes.VALENCES, strict=True))
"""Ecomap shorthand in the stories: + supportive, ~ ambivalent, - stressful, x exploitative."""


@dataclass(frozen=True)
class Story:
    """One curated child: who is around them, and the ties recorded at each case conference.

    ``members`` rows are ``(member_id, label, level, role, service key or None)``. Each
    assessment lists ``(source, target, strength, valence, support types, keys, needs met,
    days since last contact or None)``, every tie recorded that day. ``found`` gives, per
    conference date, what it recorded about the child: ``(placement, stage, wellbeing personal,
    interpersonal, skills)`` and optionally ``needs`` (the whole list, ``none`` for none).
    ``actions`` are ``(action_id, agreed on, text, worker role, responsible, due on, service key
    or None, status, status changed on, gap)``; responsible is a role, never a name.
    """

    child: Child
    members: tuple[tuple, ...]
    assessments: dict[str, tuple[tuple, ...]]
    found: dict[str, tuple] = field(default_factory=dict)
    actions: tuple[tuple, ...] = ()


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
            ("ustadzah", "Ustazah pengajian (Religious teacher)", "community", "religious_leader", None),
            ("patbm", "PATBM Cibiru", "community", "patbm", "PATBM"),
            ("pkbm", "PKBM Cahaya Ilmu Cibiru", "community", "non_formal_education", "PKBM"),
            ("p2tp2a", "UPTD PPA Kota Bandung", "institution", "child_protection_unit", "P2TP2A"),
            ("lbh", "LBH Pelangi Anak Bandung", "institution", "legal_aid", "LBH"),
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
        found={
            "2025-02-10": ("family", "recovery", 3, 3, 3),
            "2025-08-18": ("family", "reintegration", 4, 4, 4),
        },
        actions=(
            ("R1", "2025-02-10", "Rujuk ke LBH Pelangi Anak Bandung untuk pendampingan hukum", "broker", "Pekerja sosial", "2025-03-10", "LBH", "closed", "2025-08-01", "unmet_need:legal"),
            ("R2", "2025-02-10", "Rujuk ke PKBM Cahaya Ilmu Cibiru untuk kejar paket", "broker", "Pekerja sosial", "2025-04-01", "PKBM", "active", "2025-03-20", "unmet_need:education"),
            ("T1", "2025-02-10", "Pertemuan keluarga bersama ibu dan nenek", "facilitator", "Pekerja sosial", "2025-03-01", None, "done", "2025-02-27", None),
        ),
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
            ("boyfriend", "Pacar yang merekrut (Recruiter boyfriend)", "community", "recruiter", None),
            ("bu_rt", "Bu RT (Neighbourhood head)", "community", "community_leader", None),
            ("patbm", "PATBM Jatibarang", "community", "patbm", "PATBM"),
            ("ppa", "UPTD PPA Kabupaten Indramayu", "institution", "child_protection_unit", "PPA"),
            ("police", "Unit PPA Polres Indramayu", "institution", "police", "POL"),
            ("lsm", "Yayasan Tangan Terbuka Indramayu", "institution", "ngo", "LSM"),
            ("posbakum", "Posbakum PN Indramayu", "institution", "legal_aid", "POSBAKUM"),
        ),
        {
            "2024-04-15": (
                ("child", "father", 4, "x", "", "", "", 20),
                ("child", "mother", 3, "-", "", "", "", 30),
                ("child", "brother", 2, "~", "emotional", "", "", 45),
                ("child", "boyfriend", 4, "x", "", "", "", 15),
                ("child", "ppa", 3, "+", "material;instrumental", "protection", "housing;behavioral_health", 3),
                ("child", "police", 3, "~", "instrumental", "protection", "legal", 10),
                ("ppa", "police", 3, "+", "instrumental", "protection", "legal", 10),
            ),
            "2024-10-07": (
                ("child", "father", 3, "x", "", "", "", 60),
                ("child", "mother", 2, "~", "emotional", "", "", 21),
                ("child", "brother", 2, "~", "emotional", "acceptance", "", 30),
                ("child", "boyfriend", 0, "x", "", "", "", 150),
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
                ("child", "father", 0, "x", "", "", "", 120),
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
        found={
            "2024-04-15": ("shelter", "rescue", 2, 2, 2),
            "2024-10-07": ("kin", "reintegration", 2, 3, 3),
            "2025-05-12": ("kin", "follow_up", 3, 3, 3, "behavioral_health;legal;education;life_skills"),
        },
        actions=(
            ("T1", "2024-10-07", "Advokasi ke kepolisian agar laporan terhadap ayah diproses", "advocate", "Pekerja sosial", "2024-11-15", None, "done", "2025-03-01", "exploitative_tie:child|father"),
            ("R1", "2025-05-12", "Rujuk ke Posbakum PN Indramayu untuk pendampingan hukum", "broker", "Pekerja sosial", "2025-06-01", "POSBAKUM", "accepted", "2025-05-20", "unmet_need:legal"),
            ("T2", "2025-05-12", "Mediasi keluarga bersama ibu dan bibi", "facilitator", "Pekerja sosial", "2025-06-30", None, "open", None, "level_weak:family"),
        ),
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
            ("ustadz", "Pak Ustaz (Religious teacher)", "community", "religious_leader", None),
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
        found={"2026-03-02": ("family", "recovery", 3, 3, 2)},
        actions=(
            ("R1", "2026-03-02", "Rujuk ke UPTD PPA Kota Surabaya untuk konseling", "broker", "Pekerja sosial", "2026-03-16", "PPA", "sent", "2026-03-04", "unmet_need:behavioral_health"),
            ("R2", "2026-03-02", "Rujuk ke Puskesmas Tambaksari untuk pemeriksaan kesehatan", "broker", "Pekerja sosial", "2026-03-16", "PKM", "proposed", None, "unmet_need:physical_health"),
        ),
    ),
    # Far from home: a thin community, no bridge from it to the services; the exploitative job
    # ended, vocational training was added, the police contact went stale.
    Story(
        _child("BTM-001", 17, "F", "no_adult_support;weak_attachment;risky_peers",
               "housing;behavioral_health;employment;life_skills", (3, 2, 3)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("sister", "Kakak perempuan (Older sister)", "family", "sister", None),
            ("housemate", "Teman kos (Housemate)", "community", "peer", None),
            ("employer", "Pemilik karaoke (Employer who exploited her)", "community", "employer", None),
            ("rptc", "Rumah Perlindungan Trauma Center Batam", "institution", "shelter", "RPTC"),
            ("lsm", "Yayasan Jembatan Pulih Batam", "institution", "ngo", "LSM"),
            ("blk", "Balai Latihan Kerja Batam", "institution", "vocational_training", "BLK"),
            ("police", "Unit PPA Polresta Batam", "institution", "police", "POL"),
        ),
        {
            "2025-06-03": (
                ("child", "mother", 2, "~", "emotional", "", "", 60),
                ("child", "sister", 3, "+", "material;emotional", "acceptance", "", 10),
                ("child", "housemate", 2, "+", "emotional", "acceptance", "", 2),
                ("child", "employer", 2, "x", "", "", "", 5),
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
                ("child", "employer", 0, "x", "", "", "", 160),
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
        found={
            "2025-06-03": ("shelter", "recovery", 3, 2, 3),
            "2025-12-08": ("independent", "reintegration", 3, 3, 4),
        },
        actions=(
            ("R1", "2025-06-03", "Rujuk ke Balai Latihan Kerja Batam untuk pelatihan menjahit", "broker", "Pekerja sosial", "2025-07-01", "BLK", "active", "2025-09-01", "unmet_need:employment"),
            ("T1", "2025-12-08", "Hubungi kembali unit PPA tentang laporan terhadap pemberi kerja", "advocate", "Pekerja sosial", "2026-01-15", None, "open", None, "stale_tie:child|police"),
        ),
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
            ("kelian", "Kelian banjar (Hamlet head)", "community", "village_head", None),
            ("pemangku", "Pemangku (Temple priest)", "community", "religious_leader", None),
            ("teacher", "Wali kelas (Homeroom teacher)", "community", "teacher", None),
            ("police", "Unit PPA Polres Karangasem", "institution", "police", "POL"),
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
        found={"2025-09-22": ("family", "recovery", 3, 4, 3)},
        actions=(
            ("T1", "2025-09-22", "Advokasi ke unit PPA Polres agar kasus dilanjutkan", "advocate", "Pekerja sosial", "2025-10-31", None, "open", None, "unmet_need:legal"),
            ("T2", "2025-09-22", "Pertemuan dengan kelian banjar dan pemangku tentang penerimaan anak", "facilitator", "Pekerja sosial", "2025-10-15", None, "done", "2025-10-10", None),
        ),
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
            ("lbh", "LBH Pelangi Anak Medan", "institution", "legal_aid", "LBH"),
            ("rsud", "RSUD Kota Medan", "institution", "health", "RSUD"),
            ("ppa", "UPTD PPA Kota Medan", "institution", "child_protection_unit", "PPA"),
            ("dinsos", "Dinas Sosial Kota Medan", "institution", "social_services", "DINSOS"),
            ("lsm", "Yayasan Benih Kasih Medan", "institution", "ngo", "LSM"),
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
        found={
            "2025-01-20": ("kin", "reintegration", 3, 3, 3),
            "2025-07-21": ("kin", "follow_up", 3, 2, 3),
        },
        actions=(
            ("T1", "2025-07-21", "Hubungi kembali relawan pendamping dan LBH", "facilitator", "Pekerja sosial", "2025-08-15", None, "open", None, "stale_tie:child|lbh"),
        ),
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
            ("lsm", "Yayasan Rumah Harapan Kecil Surabaya", "institution", "ngo", "LSM"),
            ("psi", "Puspaga Kota Surabaya", "institution", "mental_health", "PSI"),
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
        found={"2026-01-12": ("family", "follow_up", 3, 3, 4)},
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
        found={"2026-02-16": ("street", "rescue", 2, 3, 2)},
        actions=(
            ("R1", "2026-02-16", "Rujuk ke Yayasan Benih Kasih Medan untuk keterampilan hidup", "broker", "Pekerja sosial", "2026-03-01", "LSM", "sent", "2026-02-18", "unmet_need:life_skills"),
            ("T1", "2026-02-16", "Cari keluarga besar bersama paman", "facilitator", "Pekerja sosial", "2026-03-31", None, "open", None, "level_weak:family"),
        ),
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
            ("rsud", "RSUD Kota Batam", "institution", "health", "RSUD"),
            ("school", "SMP Tunas Cendekia Sagulung (School)", "institution", "school", None),
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
        found={
            "2024-05-06": ("family", "follow_up", 3, 3, 3),
            "2024-11-11": ("family", "follow_up", 2, 3, 2),
            "2025-06-16": ("family", "closed", 3, 4, 4),
        },
        actions=(
            ("R1", "2024-11-11", "Rujuk ke PATBM Sagulung untuk kejar paket B", "broker", "Pekerja sosial", "2024-12-15", "PATBM", "closed", "2025-06-10", "unmet_need:education"),
        ),
    ),
    # Nobody at home: her mother died and her father works abroad, reachable now and then.
    Story(
        _child("IDM-002", 12, "F", "no_adult_support;weak_attachment;maltreatment",
               "housing;behavioral_health;education", (2, 2, 3)),
        (
            ("father", "Ayah, jauh bekerja (Father, away for work)", "family", "father", None),
            ("neighbour", "Tetangga (Neighbour)", "community", "neighbour", None),
            ("ustadzah", "Ustazah (Religious teacher)", "community", "religious_leader", None),
            ("ppa", "UPTD PPA Kabupaten Indramayu", "institution", "child_protection_unit", "PPA"),
            ("lsm", "Yayasan Tangan Terbuka Indramayu", "institution", "ngo", "LSM"),
            ("police", "Unit PPA Polres Indramayu", "institution", "police", "POL"),
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
        found={"2025-11-03": ("foster", "recovery", 2, 2, 3)},
        actions=(
            ("R1", "2025-11-03", "Rujuk ke Dinas Sosial Kabupaten Indramayu untuk tempat tinggal aman", "broker", "Pekerja sosial", "2025-11-17", "DINSOS", "declined", "2025-11-20", "unmet_need:housing"),
        ),
    ),
    # Sold online by her mother's partner; after the police rescue she was sent home to her
    # mother, where he still lives: the most dangerous plan, and the first gap on her map.
    Story(
        _child("SBY-003", 11, "F", "maltreatment;weak_attachment",
               "physical_health;behavioral_health;housing;legal", (2, 2, 2)),
        (
            ("mother", "Ibu (Mother)", "family", "mother", None),
            ("stepfather", "Ayah tiri (Stepfather)", "family", "stepfather", None),
            ("grandmother", "Nenek (Grandmother)", "family", "grandmother", None),
            ("teacher", "Wali kelas (Homeroom teacher)", "community", "teacher", None),
            ("neighbour", "Tetangga (Neighbour)", "community", "neighbour", None),
            ("ppa", "UPTD PPA Kota Surabaya", "institution", "child_protection_unit", "PPA"),
            ("police", "Unit PPA Polrestabes Surabaya", "institution", "police", "POL"),
            ("rumah_aman", "Rumah Aman Kota Surabaya", "institution", "shelter", "RA"),
            ("puskesmas", "Puskesmas Tambaksari", "institution", "health", "PKM"),
        ),
        {
            "2026-01-19": (
                ("child", "mother", 2, "~", "emotional", "", "", 10),
                ("child", "stepfather", 3, "x", "", "", "", 12),
                ("child", "grandmother", 2, "+", "emotional", "acceptance", "", 40),
                ("child", "teacher", 2, "+", "emotional", "acceptance", "", 60),
                ("child", "rumah_aman", 4, "+", "material;instrumental", "protection", "housing", 1),
                ("child", "ppa", 4, "+", "emotional;instrumental", "protection", "behavioral_health", 2),
                ("child", "police", 3, "+", "instrumental", "protection", "legal", 5),
                ("child", "puskesmas", 3, "+", "instrumental", "protection", "physical_health", 7),
                ("ppa", "police", 4, "+", "instrumental", "protection", "legal", 5),
                ("ppa", "rumah_aman", 4, "+", "instrumental", "protection", "", 1),
                ("mother", "ppa", 2, "~", "", "", "", 10),
            ),
            "2026-03-16": (
                ("child", "mother", 2, "~", "material;emotional", "", "", 1),
                ("child", "stepfather", 3, "x", "", "", "", 1),
                ("child", "grandmother", 2, "+", "emotional", "acceptance", "", 30),
                ("child", "teacher", 2, "+", "emotional", "acceptance", "education", 20),
                ("child", "neighbour", 2, "+", "emotional", "protection", "", 3),
                ("child", "rumah_aman", 0, "+", "", "", "", 35),
                ("child", "ppa", 3, "+", "emotional;instrumental", "protection", "behavioral_health", 21),
                ("child", "police", 2, "+", "instrumental", "protection", "legal", 40),
                ("child", "puskesmas", 3, "+", "instrumental", "protection", "physical_health", 30),
                ("ppa", "police", 3, "+", "instrumental", "protection", "legal", 40),
                ("mother", "ppa", 2, "~", "", "", "", 21),
                ("grandmother", "neighbour", 2, "+", "emotional", "", "", 14),
            ),
        },
        found={
            "2026-01-19": ("shelter", "recovery", 2, 2, 2),
            "2026-03-16": ("family", "reintegration", 2, 1, 2),
        },
        actions=(
            ("R1", "2026-03-16", "Rujuk kembali ke Rumah Aman Kota Surabaya", "broker", "Pekerja sosial", "2026-03-20", "RA", "proposed", None, "unsafe_placement:family"),
            ("T1", "2026-03-16", "Advokasi ke UPTD PPA dan kepolisian agar pelaku dijauhkan dari rumah", "advocate", "Supervisor", "2026-03-23", None, "open", None, "exploitative_tie:child|stepfather"),
            ("T2", "2026-03-16", "Konferensi kasus ulang bersama ibu dan nenek", "facilitator", "Pekerja sosial", "2026-03-30", None, "open", None, None),
        ),
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
    ("ustadzah", "Ustazah pengajian (Religious teacher)", "community", "religious_leader", None, (3, "+"), (3, "+"), "emotional", "acceptance", ""),
    ("pak_rt", "Pak RT (Neighbourhood head)", "community", "community_leader", None, (2, "+"), (2, "+"), "instrumental", "protection", ""),
    ("lurah", "Lurah Cipadung (Village head)", "community", "village_head", None, (2, "+"), (2, "+"), "instrumental", "protection", ""),
    ("patbm", "PATBM Cibiru", "community", "patbm", "PATBM", (3, "+"), (4, "+"), "instrumental", "protection", ""),
    ("volunteer", "Relawan PKBM (Volunteer)", "community", "volunteer", None, (3, "+"), (3, "+"), "emotional;instrumental", "empowerment", "life_skills"),
    ("pkbm", "PKBM Cahaya Ilmu Cibiru", "community", "non_formal_education", "PKBM", (3, "+"), (3, "+"), "instrumental", "empowerment", "education;life_skills"),
    ("employer", "Pemilik konveksi (Employer)", "community", "employer", None, None, (3, "+"), "material;instrumental", "empowerment", "employment"),
    ("karang_taruna", "Karang Taruna Cibiru (Youth group)", "community", "youth_group", None, (2, "+"), (2, "+"), "emotional", "acceptance", ""),
    ("p2tp2a", "UPTD PPA Kota Bandung", "institution", "child_protection_unit", "P2TP2A", (4, "+"), (4, "+"), "emotional;instrumental", "protection", "behavioral_health"),
    ("dinsos", "Dinas Sosial Kota Bandung", "institution", "social_services", "DINSOS", (3, "+"), (3, "+"), "material;instrumental", "protection", "housing"),
    ("lbh", "LBH Pelangi Anak Bandung", "institution", "legal_aid", "LBH", (3, "+"), (4, "+"), "instrumental", "protection", "legal"),
    ("police", "Unit PPA Polrestabes Bandung", "institution", "police", "POL", (3, "~"), (3, "+"), "instrumental", "protection", "legal"),
    ("puskesmas", "Puskesmas Cibiru", "institution", "health", "PKM", (3, "+"), (3, "+"), "instrumental", "", "physical_health"),
    ("rsud", "RSUD Kota Bandung", "institution", "health", "RSUD", (2, "+"), (2, "+"), "instrumental", "", "physical_health"),
    ("psychologist", "Biro Psikologi Tumbuh Kembang Bandung", "institution", "mental_health", "PSI", (4, "+"), (4, "+"), "emotional;instrumental", "acceptance", "behavioral_health"),
    ("rpsa", "Rumah Perlindungan Sosial Anak Bandung", "institution", "shelter", "RPSA", (3, "+"), (0, "+"), "material", "protection", "housing"),
    ("blk", "Balai Latihan Kerja Kota Bandung", "institution", "vocational_training", "BLK", None, (3, "+"), "instrumental", "empowerment", "employment;life_skills"),
    ("court", "Pengadilan Negeri Bandung", "institution", "court", "PN", (2, "+"), (2, "+"), "instrumental", "protection", "legal"),
    ("lsm", "Yayasan Sinar Pagi Anak Bandung", "institution", "ngo", "LSM", (4, "+"), (4, "+"), "emotional;instrumental", "acceptance;empowerment", "life_skills"),
    ("school", "SMK Karya Mandiri Cibiru (School)", "institution", "school", None, (3, "+"), (3, "+"), "instrumental", "empowerment", "education"),
    ("peksos", "Sakti Peksos Kemensos (Social worker)", "institution", "social_worker", None, (4, "+"), (4, "+"), "instrumental", "protection", ""),
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
    found = {
        LARGE_DATES[0]: ("shelter", "recovery", 2, 3, 3),
        LARGE_DATES[1]: ("family", "reintegration", 3, 4, 3),
    }
    actions = (
        ("R1", LARGE_DATES[1], "Rujuk ke Balai Latihan Kerja Kota Bandung untuk pelatihan kerja", "broker", "Pekerja sosial", "2025-10-06", "BLK", "accepted", "2025-09-15", "unmet_need:employment"),
        ("T1", LARGE_DATES[1], "Pertemuan keluarga tentang sikap ayah tiri", "facilitator", "Pekerja sosial", "2025-10-01", None, "open", None, "stressful_tie:child|stepfather"),
    )  # fmt: skip
    return Story(child, members, assessments, found, actions)


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
        [_assessment(story, date, row) for story in stories for date, row in story.found.items()],
        [_action(story, row) for story in stories for row in story.actions],
    )  # fmt: skip
    filler = _filler(resources, {story.child.child_id for story in stories})
    tables = {
        name: pd.concat([getattr(curated, name), getattr(filler, name)], ignore_index=True)
        for name in ("children", "members", "ties", "assessments", "actions")
    }
    tables["children"] = _with_caseworkers(tables["children"])
    for name, keys in (("children", ["child_id"]), ("members", ["child_id"]),
                       ("ties", ["child_id", "assessed_on"]),
                       ("assessments", ["child_id", "assessed_on"]),
                       ("actions", ["child_id", "action_id"])):  # fmt: skip
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
        support_types=_split(support), functions=_split(keys), needs_met=_split(needs),
        last_contact=None if days is None else day - dt.timedelta(days=days),
    )  # fmt: skip


def _assessment(story: Story, date: str, row: tuple) -> Assessment:
    placement, stage, personal, interpersonal, skills, *needs = row
    return Assessment(
        story.child.child_id, dt.date.fromisoformat(date),
        needs=(() if needs[0] == "none" else _split(needs[0])) if needs else None,
        wellbeing_personal=personal, wellbeing_interpersonal=interpersonal,
        wellbeing_skills=skills, placement=placement, reintegration_stage=stage,
    )  # fmt: skip


def _action(story: Story, row: tuple) -> ActionRow:
    action_id, agreed, text, role, responsible, due, service, status, changed, gap = row
    prefix = story.child.child_id.split("-")[0]
    return ActionRow(
        story.child.child_id, action_id, dt.date.fromisoformat(agreed), text, role, status,
        responsible, dt.date.fromisoformat(due), f"{prefix}-{service}" if service else None,
        dt.date.fromisoformat(changed) if changed else None, gap,
    )  # fmt: skip


def _filler(resources: list[Resource], curated_ids: set[str]) -> Dataset:
    """Synthetic children of each district, renamed to the sample's codes, their members and
    referrals pointed at the district's own curated services.

    Each district is generated on its own (its name given to the generator), so that every
    member, leader and service of a child belongs to the child's own district.
    """
    districts = [district for _, district, _, _ in DISTRICTS]
    parts = [
        synth.generate(
            FILLER_CHILDREN // len(districts) + (d < FILLER_CHILDREN % len(districts)),
            districts=1,
            seed=FILLER_SEED + d,
            names=[district],
        )
        for d, district in enumerate(districts)
    ]
    prefix = {district: code for code, district, _, _ in DISTRICTS}
    # Numbered on from the curated children of the same district.
    curated = pd.Series([child_id.split("-")[0] for child_id in curated_ids]).value_counts()
    codes_by_child = {}
    for part in parts:
        for n, (old, district) in enumerate(
            zip(part.children["child_id"], part.children["district"], strict=True), start=1
        ):
            code = prefix[district]
            codes_by_child[old, district] = f"{code}-{n + curated.get(code, 0):03d}"

    def renamed(table: pd.DataFrame, district: str) -> pd.DataFrame:
        table = table.copy()
        table["child_id"] = pd.Series(
            [codes_by_child[old, district] for old in table["child_id"]], dtype="str"
        )
        return table

    tables: dict[str, list[pd.DataFrame]] = {}
    for part, district in zip(parts, districts, strict=True):
        for name in ("children", "members", "ties", "assessments", "actions"):
            tables.setdefault(name, []).append(renamed(getattr(part, name), district))
    children, members, ties, assessments, actions = (
        pd.concat(tables[name], ignore_index=True)
        for name in ("children", "members", "ties", "assessments", "actions")
    )

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
    members["label"] = pd.Series(
        [s.name if s else label for s, label in zip(services, members["label"], strict=True)],
        dtype="str",
    )
    members["resource_id"] = pd.Series(
        [s.resource_id if s else None for s in services], dtype="str"
    )
    return Dataset(
        children,
        members,
        ties,
        assessments=assessments,
        actions=_referrals(actions, resources, district_of),
    )


def _referrals(
    actions: pd.DataFrame, resources: list[Resource], district_of: pd.Series
) -> pd.DataFrame:
    """The generated actions with each referral sent to the district's curated service for its
    need (dropped where the district lists none), in the words of the sample."""
    serving = {}
    for resource in resources:
        for need in resource.needs_served:
            serving.setdefault((resource.district, need), resource)
    kept, ids, texts = [], [], []
    for row in actions.itertuples(index=False):
        if pd.isna(row.resource_id):
            kept.append(True)
            ids.append(None)
            texts.append(row.text)
            continue
        need = row.gap.partition(":")[2]
        service = serving.get((district_of[row.child_id], need))
        kept.append(service is not None)
        ids.append(service.resource_id if service else None)
        words = codes.NEEDS.label(need, "id")
        texts.append(f"Rujuk ke {service.name} untuk {words}" if service else row.text)
    actions = actions.assign(
        resource_id=pd.Series(ids, dtype="str"),
        text=pd.Series(texts, dtype="str"),
        responsible=pd.Series("Pekerja sosial", index=actions.index, dtype="str"),
    )
    return actions[kept].reset_index(drop=True)


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
