"""Words of the audit log."""

MESSAGES: dict[str, dict[str, str]] = {
    "audit.from": {"en": "From (UTC)", "id": "Dari (UTC)"},
    "audit.to": {"en": "To (UTC)", "id": "Sampai (UTC)"},
    "audit.user": {"en": "User", "id": "Pengguna"},
    "audit.action": {"en": "Action", "id": "Tindakan"},
    "audit.child": {"en": "Child code", "id": "Kode anak"},
    "audit.outcome": {"en": "Outcome", "id": "Hasil"},
    "audit.any": {"en": "(any)", "id": "(semua)"},
    "audit.rows": {"en": "{count} rows", "id": "{count} baris"},
    "audit.limited": {
        "en": "Showing the latest {limit} rows; narrow the filters to see older ones.",
        "id": "Menampilkan {limit} baris terbaru; persempit filter untuk melihat yang lebih lama.",
    },
    "audit.export": {"en": "Download CSV", "id": "Unduh CSV"},
}
