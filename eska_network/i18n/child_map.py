"""Words of the child map page: the map, its tabs, the conference's actions."""

MESSAGES: dict[str, dict[str, str]] = {
    "map.presentation": {"en": "Presentation mode", "id": "Mode presentasi"},
    "map.presentation_help": {
        "en": "For a projector: large type, role names instead of names, the child shown as "
        "'Child A'. Exports follow this mode.",
        "id": "Untuk proyektor: huruf besar, nama peran sebagai ganti nama, anak ditampilkan "
        "sebagai 'Anak A'. Ekspor mengikuti mode ini.",
    },
    "map.child_hidden": {
        "en": "Child A (code hidden; turn off presentation mode to choose another child)",
        "id": "Anak A (kode disembunyikan; matikan mode presentasi untuk memilih anak lain)",
    },
    "map.no_children": {
        "en": "No child is assigned to you or your team.",
        "id": "Tidak ada anak yang ditugaskan kepada Anda atau tim Anda.",
    },
    "map.date": {"en": "Assessment date", "id": "Tanggal asesmen"},
    "map.date_help": {
        "en": "The map as it was recorded on this date (latest first).",
        "id": "Peta seperti yang dicatat pada tanggal ini (terbaru lebih dulu).",
    },
    "map.compare": {"en": "Compare with", "id": "Bandingkan dengan"},
    "map.compare_help": {
        "en": "An earlier assessment: the map and the list show what changed since then.",
        "id": "Asesmen sebelumnya: peta dan daftar menunjukkan apa yang berubah sejak itu.",
    },
    "map.no_compare": {"en": "No comparison", "id": "Tanpa perbandingan"},
    "map.no_assessment": {
        "en": "No assessment has been recorded for this child yet.",
        "id": "Belum ada asesmen yang dicatat untuk anak ini.",
    },
    "map.reading_hint": {
        "en": "Point at a person or a line to see its details. Line style shows strength; "
        "the legend explains every mark.",
        "id": "Arahkan ke orang atau garis untuk melihat rinciannya. Gaya garis menunjukkan "
        "kekuatan; legenda menjelaskan setiap tanda.",
    },
    "map.gaps": {"en": "Gaps, most serious first", "id": "Kesenjangan, yang paling serius dulu"},
    "map.gaps_with_proposals": {
        "en": "These gaps count the proposed ties as if they were recorded.",
        "id": "Kesenjangan ini menghitung ikatan usulan seolah-olah sudah dicatat.",
    },
    "map.changes": {"en": "What changed since {date}", "id": "Yang berubah sejak {date}"},
    "map.no_changes": {"en": "Nothing changed.", "id": "Tidak ada yang berubah."},
    "map.would_close": {
        "en": "The proposals would close",
        "id": "Usulan ini akan menutup",
    },
    "map.closes_nothing": {
        "en": "These proposals would close no gap.",
        "id": "Usulan ini tidak menutup kesenjangan apa pun.",
    },
    "map.would_open": {"en": "They would open", "id": "Usulan ini akan membuka"},
    "map.tab_whatif": {"en": "What-if", "id": "Bagaimana jika"},
    "map.tab_actions": {"en": "Actions", "id": "Rencana tindak lanjut"},
    "map.tab_table": {"en": "Table view", "id": "Tampilan tabel"},
    "map.tab_export": {"en": "Export", "id": "Ekspor"},
    "map.whatif_intro": {
        "en": "Add a proposed tie to see which gaps it would close. Nothing is recorded until "
        "you press Record.",
        "id": "Tambahkan ikatan usulan untuk melihat kesenjangan mana yang akan tertutup. Tidak "
        "ada yang dicatat sampai Anda menekan Catat.",
    },
    "map.proposals": {"en": "Proposed ties", "id": "Ikatan usulan"},
    "map.record_on": {"en": "Record with the date", "id": "Catat dengan tanggal"},
    "map.record_on_help": {
        "en": "The date of this case conference; it cannot be before the latest assessment.",
        "id": "Tanggal konferensi kasus ini; tidak boleh sebelum asesmen terakhir.",
    },
    "map.record": {"en": "Record", "id": "Catat"},
    "map.drop": {"en": "Drop", "id": "Buang"},
    "map.no_edit_rights": {
        "en": "Only the child's caseworker can record ties.",
        "id": "Hanya pekerja sosial anak yang dapat mencatat ikatan.",
    },
    "map.recorded": {
        "en": "The tie was recorded with the date {date}.",
        "id": "Ikatan dicatat dengan tanggal {date}.",
    },
    "map.record_refused": {
        "en": "The tie was not recorded: {reason}",
        "id": "Ikatan tidak dicatat: {reason}",
    },
    "map.suggestions": {
        "en": "Services of the child's district for each unmet need",
        "id": "Layanan di kabupaten/kota anak untuk setiap kebutuhan yang belum terpenuhi",
    },
    "map.no_unmet_needs": {
        "en": "Every need of the child is met.",
        "id": "Setiap kebutuhan anak sudah terpenuhi.",
    },
    "map.no_service": {
        "en": "The district lists no service for {need}.",
        "id": "Kabupaten/kota ini tidak mencatat layanan untuk {need}.",
    },
    "map.propose": {"en": "Propose", "id": "Usulkan"},
    "map.custom": {"en": "Propose another tie", "id": "Usulkan ikatan lain"},
    "map.custom_label": {
        "en": "Who (leave empty to use the role)",
        "id": "Siapa (kosongkan untuk memakai peran)",
    },
    "map.custom_level": {"en": "Level", "id": "Tingkat"},
    "map.custom_role": {"en": "Role", "id": "Peran"},
    "map.custom_other_end": {"en": "Tie to", "id": "Ikatan dengan"},
    "map.custom_strength": {"en": "Strength", "id": "Kekuatan"},
    "map.custom_needs": {"en": "Needs it would meet", "id": "Kebutuhan yang akan dipenuhi"},
    "map.custom_functions": {"en": "Keys it would give", "id": "Kunci yang akan diberikan"},
    "map.custom_support": {"en": "Kinds of support", "id": "Jenis dukungan"},
    "map.custom_add": {"en": "Add the proposal", "id": "Tambahkan usulan"},
    "map.custom_invalid": {
        "en": "The proposal was not added: {reason}",
        "id": "Usulan tidak ditambahkan: {reason}",
    },
    "map.overdue": {
        "en": "{count} action(s) overdue: still to do after the date agreed, or a referral sent "
        "and not accepted in time.",
        "id": "{count} rencana tindak lanjut lewat tenggat: belum selesai setelah tanggal yang "
        "disepakati, atau rujukan terkirim yang belum diterima tepat waktu.",
    },
    "map.actions_hidden_text": {
        "en": "Presentation mode: what and who are hidden, as typed text may name someone.",
        "id": "Mode presentasi: apa dan siapa disembunyikan, karena teks ketikan bisa menyebut "
        "nama orang.",
    },
    "map.no_actions": {
        "en": "No action has been agreed for this child yet.",
        "id": "Belum ada rencana tindak lanjut yang disepakati untuk anak ini.",
    },
    "map.action_choose": {"en": "Action", "id": "Rencana tindak lanjut"},
    "map.action_status": {"en": "New status", "id": "Status baru"},
    "map.action_update": {"en": "Change the status", "id": "Ubah status"},
    "map.action_new": {
        "en": "Turn a gap into an action",
        "id": "Jadikan kesenjangan rencana tindak lanjut",
    },
    "map.action_no_gaps": {
        "en": "The child has no gap as of this date.",
        "id": "Anak tidak memiliki kesenjangan pada tanggal ini.",
    },
    "map.action_gap": {"en": "Gap", "id": "Kesenjangan"},
    "map.action_what": {"en": "What will be done", "id": "Apa yang akan dilakukan"},
    "map.action_who": {"en": "Who does it", "id": "Siapa yang melakukan"},
    "map.action_due": {"en": "By when", "id": "Paling lambat"},
    "map.action_no_names": {
        "en": "Write roles, not names of the child's family or friends.",
        "id": "Tulis peran, bukan nama keluarga atau teman anak.",
    },
    "map.action_add": {"en": "Add the action", "id": "Tambahkan rencana tindak lanjut"},
    "map.action_invalid": {
        "en": "The action was not added: {reason}",
        "id": "Rencana tindak lanjut tidak ditambahkan: {reason}",
    },
    "map.table_intro": {
        "en": "The same content as the map, as tables.",
        "id": "Isi yang sama dengan peta, dalam bentuk tabel.",
    },
    "map.ties": {"en": "Ties", "id": "Ikatan"},
    "map.no_export_rights": {
        "en": "Your role may not export a child's map.",
        "id": "Peran Anda tidak boleh mengekspor peta anak.",
    },
    "map.export_named": {
        "en": "Exports hold the names shown on screen. Every export is recorded in the audit log.",
        "id": "Ekspor memuat nama yang tampil di layar. Setiap ekspor dicatat di log audit.",
    },
    "map.export_presentation": {
        "en": "Presentation mode: exports hold role names only. Every export is recorded in "
        "the audit log.",
        "id": "Mode presentasi: ekspor hanya memuat nama peran. Setiap ekspor dicatat di log "
        "audit.",
    },
    "map.export_png": {"en": "Image (PNG)", "id": "Gambar (PNG)"},
    "map.export_pdf": {"en": "PDF", "id": "PDF"},
    "map.export_html": {"en": "Web page (HTML)", "id": "Halaman web (HTML)"},
    "map.export_csv": {"en": "Gap list (CSV)", "id": "Daftar kesenjangan (CSV)"},
}
