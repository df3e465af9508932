"""Words of the caseload."""

MESSAGES: dict[str, dict[str, str]] = {
    "caseload.intro": {
        "en": "Your children, most serious first. The severity score adds points for every gap, "
        "overdue action and referral not accepted in time; the reasons say why, most serious "
        "first.",
        "id": "Anak-anak Anda, yang paling serius lebih dulu. Skor keseriusan menjumlahkan poin "
        "untuk setiap kesenjangan, rencana tindak lanjut lewat tenggat dan rujukan yang belum "
        "diterima tepat waktu; alasannya menjelaskan mengapa, yang paling serius lebih dulu.",
    },
    "caseload.empty": {
        "en": "No child is assigned to you or your team yet.",
        "id": "Belum ada anak yang ditugaskan kepada Anda atau tim Anda.",
    },
    "caseload.children": {"en": "Children", "id": "Anak"},
    "caseload.with_overdue": {
        "en": "With overdue actions",
        "id": "Dengan rencana tindak lanjut lewat tenggat",
    },
    "caseload.with_stale": {
        "en": "No contact for over 90 days",
        "id": "Tanpa kontak lebih dari 90 hari",
    },
    "caseload.with_absent_level": {
        "en": "With a level nobody covers",
        "id": "Dengan tingkat yang kosong",
    },
    "caseload.caseworker": {"en": "Caseworker", "id": "Pekerja sosial"},
    "caseload.district": {"en": "District", "id": "Kabupaten/kota"},
    "caseload.gap_kind": {"en": "Kind of gap", "id": "Jenis kesenjangan"},
    "caseload.all": {"en": "All", "id": "Semua"},
    "caseload.overdue_only": {
        "en": "Only children with overdue actions",
        "id": "Hanya anak dengan rencana tindak lanjut lewat tenggat",
    },
    "caseload.stale_only": {
        "en": "Only children with stale ties",
        "id": "Hanya anak dengan ikatan tanpa kontak",
    },
    "caseload.matching": {
        "en": "{shown} of {total} children match.",
        "id": "{shown} dari {total} anak cocok.",
    },
    "caseload.limited": {
        "en": "Showing the {limit} most serious; narrow the filters to see the others.",
        "id": "Menampilkan {limit} yang paling serius; persempit filter untuk melihat yang lain.",
    },
    "caseload.none_match": {
        "en": "No child matches these filters.",
        "id": "Tidak ada anak yang cocok dengan filter ini.",
    },
    "caseload.open_hint": {
        "en": "Click a row to open that child's map.",
        "id": "Klik satu baris untuk membuka peta anak tersebut.",
    },
    "caseload.severity_help": {
        "en": "Points for every gap and overdue action; a danger now (contact through an "
        "exploitative tie, an unsafe placement) outranks everything else.",
        "id": "Poin untuk setiap kesenjangan dan rencana tindak lanjut lewat tenggat; bahaya saat "
        "ini (kontak melalui ikatan eksploitatif, pengasuhan tidak aman) selalu di atas yang lain.",
    },
    "caseload.gaps_chart": {
        "en": "How many of these children have each kind of gap",
        "id": "Berapa banyak anak ini yang memiliki setiap jenis kesenjangan",
    },
    "caseload.export": {"en": "Download these rows (CSV)", "id": "Unduh baris ini (CSV)"},
    "caseload.days_without_contact": {"en": "Days without contact", "id": "Hari tanpa kontak"},
    "caseload.column.rank": {"en": "Rank", "id": "Peringkat"},
    "caseload.column.child_id": {"en": "Child", "id": "Anak"},
    "caseload.column.severity": {"en": "Severity", "id": "Tingkat keseriusan"},
    "caseload.column.reasons": {"en": "Why", "id": "Alasan"},
    "caseload.column.caseworker": {"en": "Caseworker", "id": "Pekerja sosial"},
    "caseload.column.district": {"en": "District", "id": "Kabupaten/kota"},
    "caseload.column.as_of": {"en": "Assessed on", "id": "Tanggal asesmen"},
    "caseload.column.stale_ties": {"en": "Stale ties", "id": "Ikatan tanpa kontak"},
    "caseload.column.longest_no_contact_days": {
        "en": "Longest without contact (days)",
        "id": "Terlama tanpa kontak (hari)",
    },
    "caseload.column.overdue_actions": {
        "en": "Overdue actions",
        "id": "Rencana tindak lanjut lewat tenggat",
    },
    "caseload.column.overdue_referrals": {
        "en": "Referrals not accepted",
        "id": "Rujukan belum diterima",
    },
}
