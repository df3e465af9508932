"""The districts: their names, the services each lists, what local people call their leaders."""

from __future__ import annotations

import numpy as np
import pandas as pd

from eska_network.domain import codes, schema

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


def district_names(count: int) -> list[str]:
    """The names of ``count`` districts: real ones first, then generated ones.

    >>> district_names(42)[-3:]
    ['Kota Bandar Lampung', 'Kabupaten Sintetis 1', 'Kabupaten Sintetis 2']
    """
    real = list(REAL_DISTRICTS[:count])
    return real + [f"Kabupaten Sintetis {i}" for i in range(1, count - len(real) + 1)]


def _short_name(district: str) -> str:
    return district.removeprefix("Kabupaten ").removeprefix("Kota ")


# Services a district may list: (name, level, kind, needs served, share of districts having it).
# Kinds that are also roles give the matching members their label and resource_id. Public offices
# are named generically by their district ("UPTD PPA Kota Medan"); schools and NGOs are invented
# ({ngo}: one of _NGO_NAMES per district), so that no real school or organisation is ever attached
# to a fictional exploited child.
SERVICES = (
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


def service_name(service: int, district: int, names: list[str]) -> str:
    """The name of the service at position ``service`` of :data:`SERVICES` in ``district``."""
    return SERVICES[service][0].format(
        district=names[district],
        short=_short_name(names[district]),
        ngo=_NGO_NAMES[district % len(_NGO_NAMES)],
    )


def resource_id(district: int, service: int) -> str:
    """The resource_id of a district's service, such as ``R0003-12``."""
    return f"R{district + 1:04d}-{service + 1:02d}"


def resources_table(names: list[str], has_service: np.ndarray) -> pd.DataFrame:
    """The resources.csv table: a row per service each district lists (``has_service``)."""
    needs = codes.NEEDS
    rows = [
        (
            resource_id(d, j),
            names[d],
            service_name(j, d, names),
            SERVICES[j][1],
            SERVICES[j][2],
            schema.LIST_SEPARATOR.join(needs.sort(SERVICES[j][3])),
        )
        for d, j in zip(*np.nonzero(has_service), strict=True)
    ]
    table = pd.DataFrame(rows, columns=list(schema.RESOURCES.column_names))
    return table.astype("str")
