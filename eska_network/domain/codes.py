"""The vocabularies of the domain model (DOMAIN.md), with English and Indonesian labels.

Every code the product knows is spelled out here once, in the order DOMAIN.md lists it; that order
is the order of every sorted list of codes the product prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """A text in English and Indonesian; ``{name}`` fields are filled when it is said.

    >>> Words("{n} ties", "{n} ikatan")("id", n=2)
    '2 ikatan'
    """

    en: str
    id: str

    def __call__(self, lang: str = "en", **fields: object) -> str:
        text = self.id if lang == "id" else self.en
        return text.format(**fields) if fields else text


@dataclass(frozen=True)
class Code:
    """One code with its labels."""

    code: str
    en: str
    id: str

    def label(self, lang: str = "en") -> str:
        return self.id if lang == "id" else self.en


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of codes, such as the three levels or the seven needs.

    Examples
    --------
    >>> NEEDS.sort(["legal", "housing", "legal"])
    ['housing', 'legal']
    >>> LEVELS.label("community", "id")
    'komunitas'
    >>> NEEDS.unmask(NEEDS.mask(["education", "legal"]))
    ('education', 'legal')
    """

    name: str
    en: str
    id: str
    items: tuple[Code, ...]

    def __iter__(self) -> Iterator[str]:
        return (item.code for item in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    def position(self, code: str) -> int:
        """Index of ``code`` in the vocabulary's order (ValueError when unknown)."""
        return self.codes.index(code)

    def label(self, code: str, lang: str = "en") -> str:
        for item in self.items:
            if item.code == code:
                return item.label(lang)
        raise KeyError(f"{code!r} is not a {self.name} code")

    def title(self, lang: str = "en") -> str:
        return self.id if lang == "id" else self.en

    def sort(self, codes: Iterable[str]) -> list[str]:
        """Distinct codes in vocabulary order."""
        return sorted(set(codes), key=self.position)

    def mask(self, codes: Iterable[str]) -> int:
        """Bit mask with bit i set for the i-th code: used by the vectorised gap engine."""
        return sum(1 << self.position(code) for code in set(codes))

    def unmask(self, mask: int) -> tuple[str, ...]:
        return tuple(code for i, code in enumerate(self.codes) if mask >> i & 1)


def _vocabulary(name: str, en: str, id_: str, *items: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, en, id_, tuple(Code(*item) for item in items))


LEVELS = _vocabulary(
    "level",
    "level",
    "tingkat",
    ("family", "family / caregiver", "keluarga / pengasuh"),
    ("community", "community", "komunitas"),
    ("institution", "institutions", "lembaga"),
)

FUNCTIONS = _vocabulary(
    "function",
    "the three keys",
    "tiga kunci",
    ("acceptance", "acceptance", "penerimaan"),
    ("protection", "protection", "perlindungan"),
    ("empowerment", "empowerment", "pemberdayaan"),
)

SUPPORT_TYPES = _vocabulary(
    "support_type",
    "kinds of support",
    "jenis dukungan",
    ("material", "material", "material"),
    ("emotional", "emotional", "emosional"),
    ("instrumental", "instrumental", "instrumental"),
)

NEEDS = _vocabulary(
    "need",
    "needs",
    "kebutuhan",
    ("physical_health", "physical health", "kesehatan fisik"),
    ("behavioral_health", "behavioural / mental health", "kesehatan perilaku / mental"),
    ("housing", "safe housing", "tempat tinggal aman"),
    ("education", "education", "pendidikan"),
    ("employment", "employment", "pekerjaan"),
    ("legal", "legal services", "layanan hukum"),
    ("life_skills", "life skills", "keterampilan hidup"),
)

RISK_FACTORS = _vocabulary(
    "risk_factor",
    "risk factors",
    "faktor risiko",
    ("maltreatment", "maltreatment", "perlakuan salah"),
    ("school_dropout", "school dropout", "putus sekolah"),
    ("risky_peers", "risky peers", "teman sebaya berisiko"),
    ("no_adult_support", "no supportive adult", "tidak ada figur dewasa pendukung"),
    ("weak_attachment", "weak attachment to parents", "kelekatan lemah dengan orang tua"),
    ("early_sexual_experience", "early sexual experience", "pengalaman seksual dini"),
)

WELLBEING = _vocabulary(
    "wellbeing",
    "wellbeing",
    "kesejahteraan",
    ("personal", "personal", "personal"),
    ("interpersonal", "interpersonal", "interpersonal"),
    ("skills", "skills", "keterampilan"),
)

VALENCES = _vocabulary(
    "valence",
    "valence",
    "sifat ikatan",
    ("supportive", "supportive", "mendukung"),
    ("ambivalent", "ambivalent", "ambivalen"),
    ("stressful", "stressful", "penuh tekanan"),
    ("exploitative", "exploitative", "eksploitatif"),
)

PLACEMENTS = _vocabulary(
    "placement",
    "where the child lives",
    "tempat tinggal / pengasuhan",
    ("family", "with parents", "keluarga (orang tua)"),
    ("kin", "with relatives", "kerabat"),
    ("foster", "foster family", "keluarga asuh"),
    ("shelter", "shelter / safe house", "rumah aman"),
    ("residential", "child care institution", "LKSA / panti"),
    ("independent", "on their own or at work", "mandiri / di tempat kerja"),
    ("street", "no stable home (street)", "jalanan"),
)

STAGES = _vocabulary(
    "reintegration_stage",
    "stage of the case",
    "tahap penanganan",
    ("rescue", "rescue and outreach", "penjangkauan"),
    ("recovery", "recovery", "pemulihan"),
    ("reintegration", "reintegration", "reintegrasi"),
    ("follow_up", "follow-up after return", "pendampingan lanjutan"),
    ("closed", "case closed", "terminasi"),
)

WORKER_ROLES = _vocabulary(
    "worker_role",
    "the social worker's role",
    "peran pekerja sosial",
    ("facilitator", "facilitator", "fasilitator"),
    ("broker", "broker", "perantara"),
    ("advocate", "advocate", "advokat"),
)

TASK_STATUSES = _vocabulary(
    "task_status",
    "status",
    "status",
    ("open", "open", "belum selesai"),
    ("done", "done", "selesai"),
    ("dropped", "dropped", "dibatalkan"),
)

REFERRAL_STATUSES = _vocabulary(
    "referral_status",
    "referral status",
    "status rujukan",
    ("proposed", "proposed", "diusulkan"),
    ("sent", "sent", "dikirim"),
    ("accepted", "accepted", "diterima"),
    ("active", "service under way", "layanan berjalan"),
    ("closed", "closed", "ditutup"),
    ("declined", "declined", "ditolak"),
)

ACTION_STATUSES = Vocabulary(
    "action_status",
    "status",
    "status",
    TASK_STATUSES.items + REFERRAL_STATUSES.items,
)
"""A task is open, done or dropped; a referral (*rujukan*) moves proposed -> sent -> accepted ->
active -> closed, or ends declined."""

NONE_WORD = "none"
"""In assessments.csv, the single word that records an empty list ("no needs")."""

SEXES = _vocabulary(
    "sex",
    "sex",
    "jenis kelamin",
    ("F", "female", "perempuan"),
    ("M", "male", "laki-laki"),
    ("X", "other / not stated", "lainnya / tidak disebut"),
)

LEVEL_PAIRS = _vocabulary(
    "level_pair",
    "links between levels",
    "hubungan antar tingkat",
    ("family-community", "family – community", "keluarga – komunitas"),
    ("community-institution", "community – institutions", "komunitas – lembaga"),
    ("family-institution", "family – institutions", "keluarga – lembaga"),
)

LEVEL_STATUSES = _vocabulary(
    "level_status",
    "level status",
    "status tingkat",
    ("absent", "absent", "tidak ada"),
    ("weak", "weak", "lemah"),
    ("ok", "ok", "memadai"),
)

CHILD_NODE = "child"
"""The reserved member id of the child at the centre of the map."""

MAX_STRENGTH = 5
STALE_AFTER_DAYS = 90


def level_pair(level_a: str, level_b: str) -> str | None:
    """The LEVEL_PAIRS code joining two levels, or None for two members of one level.

    >>> level_pair("institution", "community")
    'community-institution'
    """
    if level_a == level_b:
        return None
    for pair in LEVEL_PAIRS:
        if {level_a, level_b} == set(pair.split("-")):
            return pair
    raise KeyError(f"no level pair for {level_a!r}, {level_b!r}")
