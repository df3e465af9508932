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
    "caseload.column.rank": {"en": "Rank", "id": "Peringkat"},
    "caseload.column.child_id": {"en": "Child", "id": "Anak"},
    "caseload.column.severity": {"en": "Severity", "id": "Tingkat keseriusan"},
    "caseload.column.reasons": {"en": "Why", "id": "Alasan"},
    "caseload.column.caseworker": {"en": "Caseworker", "id": "Pekerja sosial"},
    "caseload.column.district": {"en": "District", "id": "Kabupaten/kota"},
    "caseload.column.as_of": {"en": "Assessed on", "id": "Tanggal asesmen"},
    "caseload.column.stale_ties": {"en": "Stale ties", "id": "Ikatan tanpa kontak"},
    "caseload.column.longest_no_contact_days": {
        "en": "Days without contact",
        "id": "Hari tanpa kontak",
    },
    "caseload.column.overdue_actions": {
        "en": "Overdue actions",
        "id": "Rencana tindak lanjut terlambat",
    },
    "caseload.column.overdue_referrals": {"en": "Referrals waiting", "id": "Rujukan tertunda"},
    "caseload.column.chips": {"en": "Most serious", "id": "Paling serius"},
    "caseload.column.severity_band": {"en": "Severity band", "id": "Kelompok keseriusan"},
    "caseload.chips_help": {
        "en": "The three most serious kinds of gap, most serious first. Select the row to read "
        "every reason in full.",
        "id": "Tiga jenis kesenjangan paling serius, yang paling serius lebih dulu. Pilih "
        "barisnya untuk membaca semua alasan selengkapnya.",
    },
    "caseload.band_help": {
        "en": "Band and score: danger (1,000 points or more: exploitation going on or an "
        "unsafe home), high (60 or more), medium (25 or more), low (under 25). The bands keep "
        "ordinary children comparable beside a child in danger.",
        "id": "Kelompok dan skor: bahaya (1.000 poin atau lebih: eksploitasi masih "
        "berlangsung atau rumah tidak aman), tinggi (60 atau lebih), sedang (25 atau lebih), "
        "rendah (di bawah 25). Kelompok ini membuat anak lain tetap bisa dibandingkan di samping "
        "anak yang dalam bahaya.",
    },
    "caseload.overdue_actions_help": {
        "en": "Actions agreed at a case conference still to do after their due date.",
        "id": "Rencana tindak lanjut hasil konferensi kasus yang belum dikerjakan melewati "
        "tenggatnya.",
    },
    "caseload.overdue_referrals_help": {
        "en": "Referrals sent and not accepted within {days} days.",
        "id": "Rujukan terkirim yang belum diterima dalam {days} hari.",
    },
    "caseload.no_contact_help": {
        "en": "The longest time, in days, since the last contact on any of the child's ties.",
        "id": "Waktu terlama, dalam hari, sejak kontak terakhir pada ikatan mana pun milik anak.",
    },
    "caseload.detail": {"en": "{child}: every reason", "id": "{child}: semua alasan"},
    "caseload.detail_hint": {
        "en": "Select a row to read every reason for that child, open its map or reassign it.",
        "id": "Pilih satu baris untuk membaca semua alasan anak itu, membuka petanya atau "
        "memindahkan penanganannya.",
    },
    "caseload.no_reason": {"en": "No gap found.", "id": "Tidak ada kesenjangan."},
    "caseload.open_map": {"en": "Open the map of {child}", "id": "Buka peta {child}"},
    "caseload.reassign": {"en": "Reassign to", "id": "Pindahkan ke"},
    "caseload.reassign_button": {"en": "Reassign", "id": "Pindahkan"},
    "caseload.reassign_help": {
        "en": "A caseworker of your team; the move is recorded in the audit log.",
        "id": "Pekerja sosial di tim Anda; pemindahan dicatat di log audit.",
    },
    "caseload.reassign_choose": {"en": "Choose a caseworker", "id": "Pilih pekerja sosial"},
    "caseload.reassigned": {
        "en": "{child} is now with {caseworker}.",
        "id": "{child} sekarang ditangani {caseworker}.",
    },
    "caseload.reassign_same": {
        "en": "{child} is already with {caseworker}.",
        "id": "{child} sudah ditangani {caseworker}.",
    },
    "caseload.team": {"en": "Team workload", "id": "Beban kerja tim"},
    "caseload.team_note": {
        "en": "Per caseworker, for the children matching the filters above.",
        "id": "Per pekerja sosial, untuk anak yang cocok dengan filter di atas.",
    },
    "caseload.team.caseworker": {"en": "Caseworker", "id": "Pekerja sosial"},
    "caseload.team.children": {"en": "Children", "id": "Anak"},
    "caseload.team.in_danger": {"en": "In danger now", "id": "Dalam bahaya saat ini"},
    "caseload.team.with_gaps": {"en": "With gaps", "id": "Dengan kesenjangan"},
    "caseload.team.gaps": {
        "en": "Kinds of gap, all children",
        "id": "Jenis kesenjangan, semua anak",
    },
    "caseload.team.overdue_actions": {
        "en": "Overdue actions",
        "id": "Rencana tindak lanjut terlambat",
    },
    "caseload.team.overdue_referrals": {"en": "Referrals waiting", "id": "Rujukan tertunda"},
}
