"""The province of each kabupaten/kota the product knows.

The data format has no province column (a child's ``district`` is the kabupaten/kota name): the
table below holds those of the sample and of the synthetic data sets, from the Kemendagri list. A
district it does not know is counted under :data:`UNKNOWN_PROVINCE`, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping

UNKNOWN_PROVINCE = "?"
"""The province of a district :data:`PROVINCE_OF` does not know (shown in words on the page)."""

PROVINCE_OF: Mapping[str, str] = {
    "Kota Bandung": "Jawa Barat",
    "Kabupaten Indramayu": "Jawa Barat",
    "Kabupaten Cianjur": "Jawa Barat",
    "Kabupaten Sukabumi": "Jawa Barat",
    "Kabupaten Karawang": "Jawa Barat",
    "Kabupaten Subang": "Jawa Barat",
    "Kota Bekasi": "Jawa Barat",
    "Kabupaten Cirebon": "Jawa Barat",
    "Kabupaten Garut": "Jawa Barat",
    "Kota Surabaya": "Jawa Timur",
    "Kabupaten Banyuwangi": "Jawa Timur",
    "Kabupaten Malang": "Jawa Timur",
    "Kabupaten Jember": "Jawa Timur",
    "Kabupaten Tulungagung": "Jawa Timur",
    "Kota Semarang": "Jawa Tengah",
    "Kota Yogyakarta": "DI Yogyakarta",
    "Kota Tangerang": "Banten",
    "Kota Batam": "Kepulauan Riau",
    "Kabupaten Bintan": "Kepulauan Riau",
    "Kabupaten Karimun": "Kepulauan Riau",
    "Kota Tanjungpinang": "Kepulauan Riau",
    "Kota Medan": "Sumatera Utara",
    "Kota Padang": "Sumatera Barat",
    "Kota Pekanbaru": "Riau",
    "Kota Palembang": "Sumatera Selatan",
    "Kota Bandar Lampung": "Lampung",
    "Kabupaten Karangasem": "Bali",
    "Kota Denpasar": "Bali",
    "Kabupaten Lombok Barat": "Nusa Tenggara Barat",
    "Kota Mataram": "Nusa Tenggara Barat",
    "Kota Kupang": "Nusa Tenggara Timur",
    "Kabupaten Sikka": "Nusa Tenggara Timur",
    "Kota Pontianak": "Kalimantan Barat",
    "Kota Samarinda": "Kalimantan Timur",
    "Kota Balikpapan": "Kalimantan Timur",
    "Kabupaten Nunukan": "Kalimantan Utara",
    "Kota Makassar": "Sulawesi Selatan",
    "Kota Manado": "Sulawesi Utara",
    "Kota Ambon": "Maluku",
    "Kota Jayapura": "Papua",
}
"""The province of each kabupaten/kota the product knows, by the name the data uses."""


def province_of(district: str) -> str:
    """The province of a district, or :data:`UNKNOWN_PROVINCE`.

    >>> province_of("Kota Batam"), province_of("Kabupaten Sintetis 1")
    ('Kepulauan Riau', '?')
    """
    return PROVINCE_OF.get(district, UNKNOWN_PROVINCE)
