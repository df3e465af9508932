"""The words of the app's screens in English and Bahasa Indonesia, keyed by message id.

Domain vocabularies keep their labels in :mod:`eska_network.domain.codes`; this table holds
everything else a screen says. Add a message as ``"message_id": {"en": ..., "id": ...}``; ``{name}``
fields are filled by :func:`text`.
"""

from __future__ import annotations

from eska_network.domain.codes import LANGUAGES

LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}

MESSAGES: dict[str, dict[str, str]] = {
    # The shell
    "app.title": {"en": "ESKA support networks", "id": "Jaringan dukungan ESKA"},
    "app.language": {"en": "Language", "id": "Bahasa"},
    "app.signed_in_as": {
        "en": "Signed in as {user} ({role})",
        "id": "Masuk sebagai {user} ({role})",
    },
    "app.logout": {"en": "Log out", "id": "Keluar"},
    "app.timed_out": {
        "en": "You were logged out after {minutes} minutes without activity.",
        "id": "Anda dikeluarkan setelah {minutes} menit tanpa aktivitas.",
    },
    "app.logged_out": {"en": "You are logged out.", "id": "Anda sudah keluar."},
    "app.demo_banner": {
        "en": "Demo mode: fictional data, demo accounts. Do not enter real children's records.",
        "id": "Mode demo: data fiktif, akun demo. Jangan memasukkan catatan anak yang nyata.",
    },
    "app.refused": {
        "en": "You may not see this. The attempt has been recorded.",
        "id": "Anda tidak boleh melihat ini. Percobaan ini telah dicatat.",
    },
    "app.no_child_in_url": {
        "en": "Children are never chosen through the address bar; pick the child on the page.",
        "id": "Anak tidak pernah dipilih lewat bilah alamat; pilih anak di halaman.",
    },
    "app.coming_soon": {"en": "Coming soon.", "id": "Segera hadir."},
    "app.child": {"en": "Child", "id": "Anak"},
    # Login
    "login.title": {"en": "Log in", "id": "Masuk"},
    "login.user": {"en": "User name", "id": "Nama pengguna"},
    "login.password": {"en": "Password", "id": "Kata sandi"},
    "login.submit": {"en": "Log in", "id": "Masuk"},
    "login.failed": {
        "en": "Wrong user name or password.",
        "id": "Nama pengguna atau kata sandi salah.",
    },
    "login.locked": {
        "en": "Too many failed attempts: this account is locked until {until} UTC.",
        "id": "Terlalu banyak percobaan gagal: akun ini dikunci sampai {until} UTC.",
    },
    "login.no_accounts_hint": {
        "en": "No account yet? An operator creates the first administrator on the server with "
        "`python -m eska_network users add NAME --role admin --password-stdin`.",
        "id": "Belum punya akun? Operator membuat administrator pertama di server dengan "
        "`python -m eska_network users add NAMA --role admin --password-stdin`.",
    },
    "login.demo_accounts": {
        "en": "Demo accounts (password `{password}` for each):",
        "id": "Akun demo (kata sandi `{password}` untuk masing-masing):",
    },
    "login.demo_as": {"en": "Log in as {role}", "id": "Masuk sebagai {role}"},
    "login.oidc": {
        "en": "Log in with the agency's identity provider",
        "id": "Masuk dengan penyedia identitas lembaga",
    },
    "login.oidc_unknown": {
        "en": "Your agency account has no local user here; ask an administrator.",
        "id": "Akun lembaga Anda belum punya pengguna lokal di sini; hubungi administrator.",
    },
    "login.preparing": {
        "en": "Preparing the data store...",
        "id": "Menyiapkan penyimpanan data...",
    },
    # Roles
    "role.caseworker": {"en": "caseworker", "id": "pekerja sosial"},
    "role.supervisor": {"en": "supervisor", "id": "supervisor"},
    "role.planner": {"en": "planner", "id": "perencana"},
    "role.auditor": {"en": "auditor", "id": "auditor"},
    "role.admin": {"en": "administrator", "id": "administrator"},
    # Pages
    "page.home": {"en": "Home", "id": "Beranda"},
    "page.child_map": {"en": "Child map", "id": "Peta anak"},
    "page.record_assessment": {"en": "Record an assessment", "id": "Catat asesmen"},
    "page.caseload": {"en": "Caseload", "id": "Beban kasus"},
    "page.districts": {"en": "Districts", "id": "Kabupaten/kota"},
    "page.import_data": {"en": "Import data", "id": "Impor data"},
    "page.audit_log": {"en": "Audit log", "id": "Log audit"},
    "page.accounts": {"en": "Accounts", "id": "Akun"},
    # Child map page (pages/child_map.py, eska_network.services.conference)
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
    "map.tab_actions": {"en": "Actions", "id": "Tindakan"},
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
        "en": "{count} action(s) overdue: open and past the date agreed.",
        "id": "{count} tindakan lewat tenggat: masih terbuka dan melewati tanggal yang disepakati.",
    },
    "map.actions_hidden_text": {
        "en": "Presentation mode: what and who are hidden, as typed text may name someone.",
        "id": "Mode presentasi: apa dan siapa disembunyikan, karena teks ketikan bisa menyebut "
        "nama orang.",
    },
    "map.no_actions": {
        "en": "No action has been agreed for this child yet.",
        "id": "Belum ada tindakan yang disepakati untuk anak ini.",
    },
    "map.action_choose": {"en": "Action", "id": "Tindakan"},
    "map.action_status": {"en": "New status", "id": "Status baru"},
    "map.action_update": {"en": "Change the status", "id": "Ubah status"},
    "map.action_new": {"en": "Turn a gap into an action", "id": "Jadikan kesenjangan tindakan"},
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
    "map.action_add": {"en": "Add the action", "id": "Tambahkan tindakan"},
    "map.action_invalid": {
        "en": "The action was not added: {reason}",
        "id": "Tindakan tidak ditambahkan: {reason}",
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
    # Home
    "home.welcome": {"en": "Welcome, {user}.", "id": "Selamat datang, {user}."},
    "home.intro.caseworker": {
        "en": "You see and edit the children assigned to you: {count} children.",
        "id": "Anda melihat dan mengubah anak yang ditugaskan kepada Anda: {count} anak.",
    },
    "home.intro.supervisor": {
        "en": "You see the children of your team's caseworkers ({count} children) and can "
        "reassign them.",
        "id": "Anda melihat anak-anak dari pekerja sosial tim Anda ({count} anak) dan dapat "
        "memindahkan penugasannya.",
    },
    "home.intro.planner": {
        "en": "You see district aggregates, with small counts suppressed; never a single child.",
        "id": "Anda melihat agregat per kabupaten/kota, dengan jumlah kecil disembunyikan; "
        "tidak pernah satu anak.",
    },
    "home.intro.auditor": {
        "en": "You read the audit log: who looked at what, and when.",
        "id": "Anda membaca log audit: siapa melihat apa, dan kapan.",
    },
    "home.intro.admin": {
        "en": "You manage accounts and teams. Administrators see no child data.",
        "id": "Anda mengelola akun dan tim. Administrator tidak melihat data anak.",
    },
    "home.pages": {"en": "Your pages:", "id": "Halaman Anda:"},
    # Record assessment page (eska_network.services.assessment_forms, pages/record_assessment.py)
    "assess.the_child": {"en": "The child", "id": "Anak"},
    "assess.no_children": {
        "en": "No child is assigned to you, so there is nothing to record.",
        "id": "Tidak ada anak yang ditugaskan kepada Anda, jadi tidak ada yang dicatat.",
    },
    "assess.date": {"en": "Date of this assessment", "id": "Tanggal asesmen ini"},
    "assess.date_help": {
        "en": "The day of the home visit or case conference. It cannot be before the latest "
        "assessment, so earlier maps never change: to correct something, record the correction "
        "at today's date.",
        "id": "Hari kunjungan rumah atau konferensi kasus. Tidak boleh sebelum asesmen terakhir, "
        "agar peta sebelumnya tidak berubah: untuk memperbaiki sesuatu, catat perbaikannya "
        "dengan tanggal hari ini.",
    },
    "assess.latest": {
        "en": "Latest assessment: {date}.",
        "id": "Asesmen terakhir: {date}.",
    },
    "assess.no_latest": {
        "en": "No assessment recorded yet.",
        "id": "Belum ada asesmen yang dicatat.",
    },
    "assess.now_title": {
        "en": "The support system as of {date}",
        "id": "Sistem dukungan per {date}",
    },
    "assess.now_caption": {
        "en": "What is recorded now. The form below adds to it; the map as of any earlier date "
        "stays as it was.",
        "id": "Yang tercatat sekarang. Formulir di bawah menambahkannya; peta pada tanggal "
        "sebelumnya tetap seperti semula.",
    },
    "assess.members_title": {"en": "Members", "id": "Anggota"},
    "assess.ties_title": {"en": "Ties", "id": "Ikatan"},
    "assess.none_yet": {"en": "None recorded yet.", "id": "Belum ada yang dicatat."},
    "assess.form_title": {
        "en": "What this assessment records",
        "id": "Yang dicatat asesmen ini",
    },
    "assess.form_caption": {
        "en": "Change only what is different now. Fields you leave as they are stay as recorded.",
        "id": "Ubah hanya yang berbeda sekarang. Isian yang tidak diubah tetap seperti tercatat.",
    },
    "assess.to_fix": {"en": "{name} ({n} to fix)", "id": "{name} ({n} perlu diperbaiki)"},
    "assess.new_members": {"en": "Add new members", "id": "Tambah anggota baru"},
    "assess.new_members_help": {
        "en": "Fill in only the ones you need; empty ones are ignored. With a linked service, "
        "an empty name takes the service's name and an empty level its level.",
        "id": "Isi hanya yang diperlukan; yang kosong diabaikan. Dengan layanan terkait, nama "
        "yang kosong memakai nama layanan dan tingkat yang kosong memakai tingkatnya.",
    },
    "assess.new_ties": {"en": "Add new ties", "id": "Tambah ikatan baru"},
    "assess.new_ties_help": {
        "en": "A new tie counts once you choose who it is with (To). A member you add above is "
        "listed as New member 1, 2...",
        "id": "Ikatan baru dihitung setelah Anda memilih dengan siapa (Ke). Anggota yang Anda "
        "tambahkan di atas tercantum sebagai Anggota baru 1, 2...",
    },
    "assess.new_member_option": {
        "en": "New member {n} (above)",
        "id": "Anggota baru {n} (di atas)",
    },
    "assess.choose": {"en": "Choose...", "id": "Pilih..."},
    "assess.no_service": {"en": "(none)", "id": "(tidak ada)"},
    "assess.not_assessed": {"en": "not assessed", "id": "tidak dinilai"},
    "assess.more_members": {"en": "Room for another new member", "id": "Tambah baris anggota"},
    "assess.more_ties": {"en": "Room for another new tie", "id": "Tambah baris ikatan"},
    "assess.submit": {"en": "Check and save the assessment", "id": "Periksa dan simpan asesmen"},
    "assess.discard": {
        "en": "Start again from the latest record",
        "id": "Mulai lagi dari catatan terbaru",
    },
    "assess.problems": {
        "en": "Nothing was saved: {n} thing(s) to fix, each also shown next to its field.",
        "id": "Tidak ada yang disimpan: {n} hal perlu diperbaiki, masing-masing juga ditampilkan "
        "di samping isiannya.",
    },
    "assess.saved": {
        "en": "Saved: the assessment of {date}. Recorded:",
        "id": "Tersimpan: asesmen tanggal {date}. Yang dicatat:",
    },
    "assess.nothing_changed": {
        "en": "Nothing was changed in the form, so nothing was saved.",
        "id": "Tidak ada yang diubah di formulir, jadi tidak ada yang disimpan.",
    },
    "assess.conflict": {
        "en": "Not saved: someone else saved this child's record after you opened it. Your "
        "entries are kept below. Look at the record as it is now (above); saving again records "
        "only what you changed, on top of what they saved.",
        "id": "Tidak disimpan: orang lain menyimpan catatan anak ini setelah Anda membukanya. "
        "Isian Anda tetap ada di bawah. Lihat catatan saat ini (di atas); menyimpan lagi hanya "
        "mencatat yang Anda ubah, di atas yang mereka simpan.",
    },
    "assess.member_summary": {"en": "{name} · {level}", "id": "{name} · {level}"},
    "assess.tie_summary": {
        "en": "{name} · {strength} · {valence}",
        "id": "{name} · {strength} · {valence}",
    },
    "assess.remove_help": {
        "en": "The member stays on earlier maps; their ties are recorded as ended at this date.",
        "id": "Anggota tetap ada di peta sebelumnya; ikatannya dicatat berakhir pada tanggal ini.",
    },
    "assess.strength_help": {
        "en": "As on an ecomap: 0 the tie has ended; 1-2 tenuous (dashed line); 3 moderate; "
        "4-5 strong (thick line).",
        "id": "Seperti pada ekomap: 0 ikatan berakhir; 1-2 lemah (garis putus-putus); 3 sedang; "
        "4-5 kuat (garis tebal).",
    },
    "assess.role_help": {
        "en": "Choose a role from the list or type another.",
        "id": "Pilih peran dari daftar atau ketik yang lain.",
    },
    "assess.choose_end": {
        "en": "Choose who the tie is with.",
        "id": "Pilih dengan siapa ikatan ini.",
    },
    "assess.new_member_blank": {
        "en": "New member {n} is not filled in: give it a name above, or choose another member.",
        "id": "Anggota baru {n} belum diisi: beri nama di atas, atau pilih anggota lain.",
    },
    "assess.strength.0": {"en": "ended", "id": "berakhir"},
    "assess.strength.1": {"en": "very weak (dashed line)", "id": "sangat lemah (putus-putus)"},
    "assess.strength.2": {"en": "weak (dashed line)", "id": "lemah (putus-putus)"},
    "assess.strength.3": {"en": "moderate", "id": "sedang"},
    "assess.strength.4": {"en": "strong (thick line)", "id": "kuat (garis tebal)"},
    "assess.strength.5": {"en": "very strong (thick line)", "id": "sangat kuat (garis tebal)"},
    "assess.where.member": {"en": "Member {name}", "id": "Anggota {name}"},
    "assess.where.tie": {"en": "Tie ({name})", "id": "Ikatan ({name})"},
    "assess.where.new_member": {"en": "New member {n}", "id": "Anggota baru {n}"},
    "assess.where.new_tie": {"en": "New tie {n}", "id": "Ikatan baru {n}"},
    "assess.where.child": {"en": "The child", "id": "Anak"},
    "assess.where.assessed_on": {"en": "Date of this assessment", "id": "Tanggal asesmen ini"},
    "assess.field.label": {"en": "Name shown on the map", "id": "Nama di peta"},
    "assess.field.level": {"en": "Level", "id": "Tingkat"},
    "assess.field.role": {"en": "Role", "id": "Peran"},
    "assess.field.resource_id": {"en": "Linked service", "id": "Layanan terkait"},
    "assess.field.remove": {
        "en": "Remove from the support system",
        "id": "Keluarkan dari sistem dukungan",
    },
    "assess.field.source": {"en": "From", "id": "Dari"},
    "assess.field.target": {"en": "To", "id": "Ke"},
    "assess.field.strength": {"en": "Strength", "id": "Kekuatan"},
    "assess.field.valence": {"en": "Nature of the tie", "id": "Sifat ikatan"},
    "assess.field.support_types": {"en": "Kinds of support", "id": "Jenis dukungan"},
    "assess.field.functions": {"en": "Keys it provides", "id": "Kunci yang diberikan"},
    "assess.field.needs_met": {"en": "Needs it meets", "id": "Kebutuhan yang dipenuhi"},
    "assess.field.last_contact": {"en": "Last contact", "id": "Kontak terakhir"},
    "assess.field.assessed_on": {"en": "Recorded on", "id": "Dicatat pada"},
    "assess.field.needs": {"en": "Needs", "id": "Kebutuhan"},
    "assess.field.risk_factors": {"en": "Risk factors", "id": "Faktor risiko"},
    "assess.field.wellbeing_personal": {
        "en": "Wellbeing: personal (hope, calm, self-worth)",
        "id": "Kesejahteraan: personal (harapan, ketenangan, harga diri)",
    },
    "assess.field.wellbeing_interpersonal": {
        "en": "Wellbeing: interpersonal (belonging, closeness)",
        "id": "Kesejahteraan: interpersonal (rasa memiliki, kedekatan)",
    },
    "assess.field.wellbeing_skills": {
        "en": "Wellbeing: skills (learning, decisions, coping)",
        "id": "Kesejahteraan: keterampilan (belajar, mengambil keputusan, mengatasi masalah)",
    },
    "assess.recorded.child": {
        "en": "The child: needs {needs}; risk factors {risks}; wellbeing (personal / "
        "interpersonal / skills) {scores}.",
        "id": "Anak: kebutuhan {needs}; faktor risiko {risks}; kesejahteraan (personal / "
        "interpersonal / keterampilan) {scores}.",
    },
    "assess.recorded.member_added": {
        "en": "New member: {name} ({level}, {role}).",
        "id": "Anggota baru: {name} ({level}, {role}).",
    },
    "assess.recorded.member_edited": {
        "en": "Member changed: {name} ({level}, {role}).",
        "id": "Anggota diubah: {name} ({level}, {role}).",
    },
    "assess.recorded.member_removed": {
        "en": "Member removed: {name} (their ties are recorded as ended).",
        "id": "Anggota dikeluarkan: {name} (ikatannya dicatat berakhir).",
    },
    "assess.recorded.tie": {
        "en": "Tie ({name}): {strength}, {valence}.",
        "id": "Ikatan ({name}): {strength}, {valence}.",
    },
    "assess.count.ties": {"en": "{n} tie(s)", "id": "{n} ikatan"},
    "assess.count.members": {"en": "{n} member(s)", "id": "{n} anggota"},
    "assess.count.child": {
        "en": "the child's needs, risks or wellbeing",
        "id": "kebutuhan, risiko atau kesejahteraan anak",
    },
    "assess.saved_by": {
        "en": "{user} saved at {at} (assessment of {dated}): {what}.",
        "id": "{user} menyimpan pada {at} (asesmen tanggal {dated}): {what}.",
    },
    # Import page (eska_network.services.dataset_transfer, pages/import_data.py)
    "import.intro": {
        "en": "Upload a data set as one zip file, or as its CSV files (children.csv, members.csv, "
        "ties.csv and, if you have it, resources.csv). At most {limit} MB. The files are checked "
        "first; nothing changes until you press Import, and then all of it is imported or "
        "nothing.",
        "id": "Unggah data sebagai satu berkas zip, atau sebagai berkas CSV-nya (children.csv, "
        "members.csv, ties.csv dan, bila ada, resources.csv). Paling besar {limit} MB. Berkas "
        "diperiksa dulu; tidak ada yang berubah sampai Anda menekan Impor, lalu semuanya "
        "diimpor atau tidak sama sekali.",
    },
    "import.upload": {"en": "Data files (zip or CSV)", "id": "Berkas data (zip atau CSV)"},
    "import.checking": {"en": "Checking the files...", "id": "Memeriksa berkas..."},
    "import.too_large": {
        "en": "the upload is {size} MB; the limit is {limit} MB",
        "id": "unggahan {size} MB; batasnya {limit} MB",
    },
    "import.unknown_file": {
        "en": "is not a file of the data format: name it children.csv, members.csv, ties.csv or "
        "resources.csv, or upload one zip file",
        "id": "bukan berkas format data: beri nama children.csv, members.csv, ties.csv atau "
        "resources.csv, atau unggah satu berkas zip",
    },
    "import.not_yours": {
        "en": "child {child} is not one of the children you may see, so you may not change it",
        "id": "anak {child} bukan anak yang boleh Anda lihat, jadi Anda tidak boleh mengubahnya",
    },
    "import.problems": {
        "en": "These files cannot be imported: {n} problem(s). Nothing was changed. Fix them and "
        "upload the files again.",
        "id": "Berkas ini tidak dapat diimpor: {n} masalah. Tidak ada yang diubah. Perbaiki lalu "
        "unggah lagi.",
    },
    "import.column.file": {"en": "File", "id": "Berkas"},
    "import.column.row": {"en": "Row", "id": "Baris"},
    "import.column.column": {"en": "Column", "id": "Kolom"},
    "import.column.problem": {"en": "Problem", "id": "Masalah"},
    "import.download_problems": {
        "en": "Download the problems (CSV)",
        "id": "Unduh daftar masalah (CSV)",
    },
    "import.valid": {
        "en": "The files are valid: {summary}. Importing them would change:",
        "id": "Berkas valid: {summary}. Mengimpornya akan mengubah:",
    },
    "import.column.what": {"en": "What", "id": "Apa"},
    "import.column.added": {"en": "Added", "id": "Ditambah"},
    "import.column.updated": {"en": "Updated", "id": "Diperbarui"},
    "import.column.unchanged": {"en": "Already stored", "id": "Sudah tersimpan"},
    "import.kind.children": {"en": "Children", "id": "Anak"},
    "import.kind.members": {"en": "Members", "id": "Anggota"},
    "import.kind.ties": {"en": "Tie rows", "id": "Baris ikatan"},
    "import.kind.resources": {"en": "Services (resources)", "id": "Layanan (sumber daya)"},
    "import.nothing_new": {
        "en": "Everything in these files is already stored: importing them changes nothing.",
        "id": "Semua isi berkas ini sudah tersimpan: mengimpornya tidak mengubah apa pun.",
    },
    "import.submit": {"en": "Import all of it", "id": "Impor semuanya"},
    "import.progress.check": {"en": "Checking again...", "id": "Memeriksa lagi..."},
    "import.progress.write": {
        "en": "Writing to the database (all or nothing)...",
        "id": "Menulis ke basis data (semua atau tidak sama sekali)...",
    },
    "import.progress.done": {"en": "Done.", "id": "Selesai."},
    "import.done": {
        "en": "Imported, and recorded in the audit log. What changed:",
        "id": "Sudah diimpor dan dicatat di log audit. Yang berubah:",
    },
    "import.export_title": {"en": "Export", "id": "Ekspor"},
    "import.export_intro": {
        "en": "Download the records of the children you may see, with the district services, as "
        "a zip of CSV files in the same format. Every export is recorded in the audit log.",
        "id": "Unduh catatan anak yang boleh Anda lihat, beserta layanan distrik, sebagai zip "
        "berisi berkas CSV dengan format yang sama. Setiap ekspor dicatat di log audit.",
    },
    "import.export_prepare": {"en": "Prepare the export", "id": "Siapkan ekspor"},
    "import.export_download": {
        "en": "Download the zip ({n} children)",
        "id": "Unduh zip ({n} anak)",
    },
    # Audit log page
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
    # Accounts page
    "accounts.users": {"en": "Users", "id": "Pengguna"},
    "accounts.teams": {"en": "Teams", "id": "Tim"},
    "accounts.add_user": {"en": "Add a user", "id": "Tambah pengguna"},
    "accounts.add_team": {"en": "Add a team", "id": "Tambah tim"},
    "accounts.change_user": {"en": "Change a user", "id": "Ubah pengguna"},
    "accounts.user_name": {"en": "User name", "id": "Nama pengguna"},
    "accounts.display_name": {"en": "Display name", "id": "Nama tampilan"},
    "accounts.role": {"en": "Role", "id": "Peran"},
    "accounts.team": {"en": "Team", "id": "Tim"},
    "accounts.no_team": {"en": "(no team)", "id": "(tanpa tim)"},
    "accounts.team_code": {"en": "Team code", "id": "Kode tim"},
    "accounts.team_name": {"en": "Team name", "id": "Nama tim"},
    "accounts.password": {"en": "Initial password", "id": "Kata sandi awal"},
    "accounts.new_password": {"en": "New password", "id": "Kata sandi baru"},
    "accounts.save": {"en": "Save", "id": "Simpan"},
    "accounts.lock": {"en": "Lock", "id": "Kunci"},
    "accounts.unlock": {"en": "Unlock", "id": "Buka kunci"},
    "accounts.set_password": {"en": "Set password", "id": "Atur kata sandi"},
    "accounts.done": {"en": "Saved.", "id": "Tersimpan."},
    # Caseload page
    "caseload.intro": {
        "en": "Your children, most serious first. The severity score adds points for every gap "
        "and overdue action; the reasons say why, most serious first.",
        "id": "Anak-anak Anda, yang paling serius lebih dulu. Skor keseriusan menjumlahkan poin "
        "untuk setiap celah dan tindakan lewat tenggat; alasannya menjelaskan mengapa, yang "
        "paling serius lebih dulu.",
    },
    "caseload.empty": {
        "en": "No child is assigned to you or your team yet.",
        "id": "Belum ada anak yang ditugaskan kepada Anda atau tim Anda.",
    },
    "caseload.children": {"en": "Children", "id": "Anak"},
    "caseload.with_overdue": {"en": "With overdue actions", "id": "Dengan tindakan lewat tenggat"},
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
    "caseload.gap_kind": {"en": "Kind of gap", "id": "Jenis celah"},
    "caseload.all": {"en": "All", "id": "Semua"},
    "caseload.overdue_only": {
        "en": "Only children with overdue actions",
        "id": "Hanya anak dengan tindakan lewat tenggat",
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
        "en": "Points for every gap and overdue action (docs/severity.md explains each weight).",
        "id": "Poin untuk setiap celah dan tindakan lewat tenggat (docs/severity.md menjelaskan "
        "setiap bobot).",
    },
    "caseload.gaps_chart": {
        "en": "How many of these children have each kind of gap",
        "id": "Berapa banyak anak ini yang memiliki setiap jenis celah",
    },
    "caseload.export": {"en": "Download these rows (CSV)", "id": "Unduh baris ini (CSV)"},
    # Districts page
    "districts.intro": {
        "en": "Gaps of {children} children in {districts} districts, as of each child's latest "
        "assessment. Counts below {k} show as <{k}, and any figure that would reveal one as x.",
        "id": "Celah {children} anak di {districts} kabupaten/kota, per asesmen terakhir setiap "
        "anak. Jumlah di bawah {k} tampil sebagai <{k}, dan angka yang bisa mengungkapnya "
        "sebagai x.",
    },
    "districts.headline": {"en": "Needs with no service", "id": "Kebutuhan tanpa layanan"},
    "districts.headline_text": {
        "en": "In these districts children have a need unmet and no service is listed for it:",
        "id": "Di kabupaten/kota ini ada anak dengan kebutuhan belum terpenuhi dan tidak ada "
        "layanan yang tercatat untuknya:",
    },
    "districts.headline_none": {
        "en": "Every need that children have unmet has a service listed in their district.",
        "id": "Setiap kebutuhan anak yang belum terpenuhi memiliki layanan yang tercatat di "
        "kabupaten/kotanya.",
    },
    "districts.need": {"en": "Need", "id": "Kebutuhan"},
    "districts.unmet": {
        "en": "Children with the need unmet",
        "id": "Anak dengan kebutuhan belum terpenuhi",
    },
    "districts.compare": {"en": "Compare districts", "id": "Bandingkan kabupaten/kota"},
    "districts.choose": {"en": "Districts", "id": "Kabupaten/kota"},
    "districts.none_chosen": {
        "en": "Choose at least one district.",
        "id": "Pilih setidaknya satu kabupaten/kota.",
    },
    "districts.all_small": {
        "en": "Each chosen district has fewer than {k} children: to protect them, no figures "
        "are shown.",
        "id": "Setiap kabupaten/kota yang dipilih memiliki kurang dari {k} anak: demi melindungi "
        "mereka, tidak ada angka yang ditampilkan.",
    },
    "districts.group": {"en": "Gaps to compare", "id": "Celah yang dibandingkan"},
    "districts.group.levels": {"en": "Levels absent or weak", "id": "Tingkat kosong atau lemah"},
    "districts.group.needs": {"en": "Unmet needs", "id": "Kebutuhan belum terpenuhi"},
    "districts.group.keys": {"en": "Missing keys", "id": "Kunci belum ada"},
    "districts.group.support": {
        "en": "Missing kinds of support",
        "id": "Jenis dukungan belum ada",
    },
    "districts.group.links": {
        "en": "Weakest link between levels",
        "id": "Hubungan terlemah antar tingkat",
    },
    "districts.group.ties": {
        "en": "Stressful, single and stale ties",
        "id": "Ikatan menekan, tunggal dan tanpa kontak",
    },
    "districts.side_by_side": {"en": "Side by side", "id": "Berdampingan"},
    "districts.heatmap": {"en": "Heatmap", "id": "Peta panas"},
    "districts.map": {"en": "Map", "id": "Peta"},
    "districts.map_upload": {
        "en": "GeoJSON of your districts (optional)",
        "id": "GeoJSON kabupaten/kota Anda (opsional)",
    },
    "districts.map_help": {
        "en": "A FeatureCollection of district outlines, at most {mb} MB. Only this file is "
        "drawn: nothing is loaded from the internet.",
        "id": "FeatureCollection batas kabupaten/kota, paling besar {mb} MB. Hanya berkas ini "
        "yang digambar: tidak ada yang dimuat dari internet.",
    },
    "districts.map_property": {
        "en": "Property holding the district name",
        "id": "Properti yang berisi nama kabupaten/kota",
    },
    "districts.map_measure": {"en": "Gap shown on the map", "id": "Celah yang ditampilkan di peta"},
    "districts.map_bad": {
        "en": "This file cannot be used: {reason}.",
        "id": "Berkas ini tidak dapat digunakan: {reason}.",
    },
    "districts.map_unmatched": {
        "en": "No outline in the file for: {names}.",
        "id": "Tidak ada batas wilayah dalam berkas untuk: {names}.",
    },
    "districts.services": {
        "en": "Unmet needs and the services each district lists",
        "id": "Kebutuhan belum terpenuhi dan layanan yang tercatat di setiap kabupaten/kota",
    },
    "districts.services_district": {"en": "District", "id": "Kabupaten/kota"},
    "districts.trend": {
        "en": "Trend by quarter of assessment",
        "id": "Tren per triwulan asesmen",
    },
    "districts.trend_note": {
        "en": "All districts together. Each quarter counts the children assessed in it, as they "
        "were then.",
        "id": "Semua kabupaten/kota. Setiap triwulan menghitung anak yang diases pada triwulan "
        "itu, sebagaimana keadaan mereka saat itu.",
    },
    "districts.trend_measures": {"en": "Gaps to follow", "id": "Celah yang diikuti"},
    "districts.trend_compute": {
        "en": "Compute the trend (reads every assessment: it takes a while on large data)",
        "id": "Hitung tren (membaca setiap asesmen: perlu waktu pada data besar)",
    },
    "districts.table": {"en": "The figures", "id": "Angka-angkanya"},
    "districts.table_note": {
        "en": "The chosen districts and all districts together; the download holds exactly "
        "this table.",
        "id": "Kabupaten/kota yang dipilih dan semua kabupaten/kota; unduhan berisi tepat "
        "tabel ini.",
    },
    "districts.export": {"en": "Download this table (CSV)", "id": "Unduh tabel ini (CSV)"},
    "districts.headline_small": {
        "en": "Districts with fewer than {k} children are left out: too few to say.",
        "id": "Kabupaten/kota dengan kurang dari {k} anak tidak dimasukkan: terlalu sedikit untuk "
        "disimpulkan.",
    },
    "caseload.days_without_contact": {"en": "Days without contact", "id": "Hari tanpa kontak"},
}


def text(message_id: str, lang: str = "en", **fields: object) -> str:
    """The message in ``lang`` (English when ``lang`` is unknown), with ``fields`` filled in.

    Examples
    --------
    >>> text("home.welcome", "id", user="ani")
    'Selamat datang, ani.'
    >>> text("page.home", "fr")
    'Home'
    """
    entry = MESSAGES[message_id]
    message = entry[lang] if lang in LANGUAGES else entry["en"]
    return message.format(**fields) if fields else message
