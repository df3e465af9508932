"""Words of the child map page: the map, its tabs, the conference's actions.

Why one module of over 400 lines: it is a catalogue, one entry per word in both languages, with
no logic; the words of the map's legend, hovers, sectors and tabs are read and translated side
by side, so they stay in the one area the catalogue gives this page.
"""

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
    "map.wellbeing": {
        "en": "Wellbeing (1 to 5)",
        "id": "Kesejahteraan (1 sampai 5)",
    },
    "map.wellbeing_help": {
        "en": "Personal (hope, calm, self-worth), interpersonal (belonging, closeness), skills "
        "(learning, decisions, coping), at each assessment up to the date shown. A filled mark: "
        "scored at that assessment; a hollow mark: the last score carried forward.",
        "id": "Personal (harapan, ketenangan, harga diri), interpersonal (rasa memiliki, "
        "kedekatan), keterampilan (belajar, mengambil keputusan, mengatasi masalah), pada setiap "
        "asesmen sampai tanggal yang ditampilkan. Tanda penuh: dinilai pada asesmen itu; tanda "
        "kosong: nilai terakhir yang dibawa ke depan.",
    },
    "map.no_wellbeing": {
        "en": "No assessment has scored wellbeing yet.",
        "id": "Belum ada asesmen yang menilai kesejahteraan.",
    },
    "map.risks": {
        "en": "Risks and protective ties",
        "id": "Risiko dan ikatan pelindung",
    },
    "map.no_risks": {
        "en": "No risk factor recorded.",
        "id": "Tidak ada faktor risiko yang dicatat.",
    },
    "map.risk.answered": {
        "en": "{risk}: answered by {ties}",
        "id": "{risk}: diimbangi oleh {ties}",
    },
    "map.risk.unanswered": {
        "en": "{risk}: no tie answers it yet",
        "id": "{risk}: belum ada ikatan yang mengimbanginya",
    },
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
    "map.export_no_images.no_browser": {
        "en": "Image (PNG) and PDF exports are unavailable on this server: they are drawn by a "
        "Chromium browser, and none is installed (on Debian: apt-get install chromium, or set "
        "BROWSER_PATH to one). The web page (HTML) and the gap list (CSV) still work.",
        "id": "Ekspor gambar (PNG) dan PDF tidak tersedia di server ini: keduanya digambar oleh "
        "peramban Chromium, dan tidak ada yang terpasang (di Debian: apt-get install chromium, "
        "atau atur BROWSER_PATH ke peramban itu). Halaman web (HTML) dan daftar kesenjangan (CSV) "
        "tetap bisa diunduh.",
    },
    "map.export_no_images.bad_browser_path": {
        "en": "Image (PNG) and PDF exports are unavailable on this server: BROWSER_PATH names no "
        "Chromium that can run. The web page (HTML) and the gap list (CSV) still work.",
        "id": "Ekspor gambar (PNG) dan PDF tidak tersedia di server ini: BROWSER_PATH tidak "
        "menunjuk ke Chromium yang bisa dijalankan. Halaman web (HTML) dan daftar kesenjangan "
        "(CSV) tetap bisa diunduh.",
    },
    "map.export_no_images.no_kaleido": {
        "en": "Image (PNG) and PDF exports are unavailable on this server: the kaleido package "
        "is not installed (make run installs it). The web page (HTML) and the gap list (CSV) "
        "still work.",
        "id": "Ekspor gambar (PNG) dan PDF tidak tersedia di server ini: paket kaleido belum "
        "terpasang (make run memasangnya). Halaman web (HTML) dan daftar kesenjangan (CSV) tetap "
        "bisa diunduh.",
    },
    "map.export_png": {"en": "Image (PNG)", "id": "Gambar (PNG)"},
    "map.export_pdf": {"en": "PDF", "id": "PDF"},
    "map.export_html": {"en": "Web page (HTML)", "id": "Halaman web (HTML)"},
    "map.export_csv": {"en": "Gap list (CSV)", "id": "Daftar kesenjangan (CSV)"},
    # --- The map's own words: figure, legend, sectors, hover text, tables, exports -------------
    "map.figure.title": {"en": "Support system of {child}", "id": "Sistem dukungan {child}"},
    "map.figure.as_of": {"en": "as of {date}", "id": "per {date}"},
    "map.situation.lives": {"en": "Lives: {placement}", "id": "Tinggal: {placement}"},
    "map.situation.unsafe": {
        "en": "Lives: {placement} (unsafe)",
        "id": "Tinggal: {placement} (tidak aman)",
    },
    "map.situation.no_placement": {
        "en": "Where the child lives: not recorded",
        "id": "Tempat tinggal: belum dicatat",
    },
    "map.situation.stage": {"en": "Stage: {stage}", "id": "Tahap: {stage}"},
    "map.figure.compared": {"en": "compared with {date}", "id": "dibandingkan dengan {date}"},
    "map.figure.footer": {
        "en": "Confidential: the record of a child in care. Share it only with the people working "
        "on this case.",
        "id": "Rahasia: catatan seorang anak yang didampingi. Bagikan hanya kepada orang yang "
        "menangani kasus ini.",
    },
    "map.figure.absent": {
        "en": "No supportive tie at {level} level",
        "id": "Tidak ada ikatan yang mendukung di tingkat {level}",
    },
    "map.figure.weak": {
        "en": "Weak support at {level} level ({strength} of {max})",
        "id": "Dukungan lemah di tingkat {level} ({strength} dari {max})",
    },
    "map.word.stressful": {"en": "stressful", "id": "penuh tekanan"},
    "map.word.exploitative": {"en": "exploitative", "id": "eksploitatif"},
    "map.word.only_link": {"en": "only link", "id": "penghubung tunggal"},
    "map.word.weak_link": {"en": "weak link", "id": "penghubung lemah"},
    "map.word.no_contact": {"en": "no contact {days} d", "id": "tanpa kontak {days} hr"},
    "map.box.unmet_need": {"en": "Unmet need: {items}", "id": "Kebutuhan belum terpenuhi: {items}"},
    "map.box.missing_function": {
        "en": "No tie gives {items}",
        "id": "Tidak ada ikatan yang memberi {items}",
    },
    "map.box.missing_support_type": {
        "en": "No {items} support",
        "id": "Tidak ada dukungan {items}",
    },
    "map.box.link_missing": {
        "en": "No tie links {pair}",
        "id": "Tidak ada ikatan yang menghubungkan {pair}",
    },
    "map.box.link_weak": {
        "en": "Weak link {pair} ({strength} of {max})",
        "id": "Hubungan lemah {pair} ({strength} dari {max})",
    },
    "map.legend.title": {"en": "Legend", "id": "Keterangan"},
    "map.legend.strong": {"en": "Strong tie ({low}–{max})", "id": "Ikatan kuat ({low}–{max})"},
    "map.legend.moderate": {"en": "Moderate tie ({value})", "id": "Ikatan sedang ({value})"},
    "map.legend.tenuous": {
        "en": "Tenuous tie (1–{high}), dashed",
        "id": "Ikatan lemah (1–{high}), putus-putus",
    },
    "map.legend.between_levels": {
        "en": "Supportive tie between two levels",
        "id": "Ikatan mendukung antar tingkat",
    },
    "map.legend.ambivalent": {
        "en": "Ambivalent tie, dotted",
        "id": "Ikatan ambivalen, titik-titik",
    },
    "map.legend.stressful": {
        "en": "Stressful tie, jagged",
        "id": "Ikatan penuh tekanan, bergerigi",
    },
    "map.legend.exploitative": {
        "en": "Exploitative tie, barred",
        "id": "Ikatan eksploitatif, bergaris silang",
    },
    "map.legend.proposed": {
        "en": "Proposed tie, not recorded",
        "id": "Ikatan usulan, belum dicatat",
    },
    "map.legend.proposed_member": {"en": "Proposed member", "id": "Anggota usulan"},
    "map.legend.lost": {"en": "Lost since {date}", "id": "Hilang sejak {date}"},
    "map.legend.gained": {"en": "New since {date} (halo)", "id": "Baru sejak {date} (lingkar)"},
    "map.legend.strengthened": {"en": "Stronger since {date}", "id": "Lebih kuat sejak {date}"},
    "map.legend.weakened": {"en": "Weaker since {date}", "id": "Lebih lemah sejak {date}"},
    "map.legend.band_absent": {
        "en": "Level with no supportive tie (hatched)",
        "id": "Tingkat tanpa ikatan mendukung (arsir)",
    },
    "map.legend.band_weak": {"en": "Weak level (dotted)", "id": "Tingkat lemah (bertitik)"},
    "map.key.title": {"en": "Numbers on the map", "id": "Nomor pada peta"},
    "map.sector.parents": {"en": "Parents & carers", "id": "Orang tua & pengasuh"},
    "map.sector.grandparents": {"en": "Grandparents", "id": "Kakek & nenek"},
    "map.sector.siblings": {"en": "Siblings & cousins", "id": "Saudara & sepupu"},
    "map.sector.relatives": {"en": "Other relatives", "id": "Kerabat lain"},
    "map.sector.peers": {"en": "Peers & friends", "id": "Teman"},
    "map.sector.school_work": {"en": "School & work", "id": "Sekolah & kerja"},
    "map.sector.neighbourhood": {"en": "Neighbourhood & faith", "id": "Lingkungan & agama"},
    "map.sector.groups": {"en": "Groups & others", "id": "Kelompok & lainnya"},
    "map.sector.protection": {"en": "Protection & justice", "id": "Perlindungan & hukum"},
    "map.sector.health": {"en": "Health", "id": "Kesehatan"},
    "map.sector.social_care": {"en": "Social care & others", "id": "Layanan sosial & lainnya"},
    "map.sector.education": {"en": "Education", "id": "Pendidikan"},
    "map.hover.level": {"en": "Level", "id": "Tingkat"},
    "map.hover.role": {"en": "Role", "id": "Peran"},
    "map.hover.ties": {"en": "Ties", "id": "Ikatan"},
    "map.hover.no_ties": {"en": "no ties", "id": "tidak ada ikatan"},
    "map.hover.strength": {"en": "strength {value} of {max}", "id": "kekuatan {value} dari {max}"},
    "map.hover.support_types": {"en": "Kinds of support", "id": "Jenis dukungan"},
    "map.hover.functions": {"en": "Keys", "id": "Kunci"},
    "map.hover.needs_met": {"en": "Needs met", "id": "Kebutuhan terpenuhi"},
    "map.hover.assessed_on": {"en": "Assessed", "id": "Dinilai"},
    "map.hover.last_contact": {"en": "Last contact", "id": "Kontak terakhir"},
    "map.hover.none": {"en": "none", "id": "tidak ada"},
    "map.hover.not_recorded": {"en": "not recorded", "id": "tidak dicatat"},
    "map.hover.proposed": {"en": "Proposed, not recorded", "id": "Usulan, belum dicatat"},
    "map.hover.strengthened": {
        "en": "Stronger since {date}: {old} → {new}",
        "id": "Lebih kuat sejak {date}: {old} → {new}",
    },
    "map.hover.weakened": {
        "en": "Weaker since {date}: {old} → {new}",
        "id": "Lebih lemah sejak {date}: {old} → {new}",
    },
    "map.table.order": {"en": "#", "id": "#"},
    "map.table.kind": {"en": "Kind of gap", "id": "Jenis kesenjangan"},
    "map.table.detail": {"en": "About", "id": "Tentang"},
    "map.table.sentence": {"en": "In words", "id": "Penjelasan"},
    "map.table.from": {"en": "From", "id": "Dari"},
    "map.table.to": {"en": "To", "id": "Ke"},
    "map.table.levels": {"en": "Levels", "id": "Tingkat"},
    "map.table.strength": {"en": "Strength (0–{max})", "id": "Kekuatan (0–{max})"},
    "map.table.valence": {"en": "Nature", "id": "Sifat"},
    "map.table.support_types": {"en": "Kinds of support", "id": "Jenis dukungan"},
    "map.table.functions": {"en": "Keys", "id": "Kunci"},
    "map.table.needs_met": {"en": "Needs met", "id": "Kebutuhan terpenuhi"},
    "map.table.assessed_on": {"en": "Assessed", "id": "Dinilai"},
    "map.table.last_contact": {"en": "Last contact", "id": "Kontak terakhir"},
    "map.table.flags": {"en": "Flags", "id": "Tanda"},
    "map.flag.ended": {"en": "ended", "id": "berakhir"},
    "map.flag.stressful": {"en": "stressful", "id": "penuh tekanan"},
    "map.flag.exploitative": {"en": "exploitative", "id": "eksploitatif"},
    "map.flag.stale": {"en": "no contact > {days} days", "id": "tanpa kontak > {days} hari"},
    "map.flag.single_point_of_failure": {
        "en": "only tie between its levels",
        "id": "satu-satunya ikatan antar tingkat",
    },
    "map.flag.weakest_link": {
        "en": "weakest link between levels",
        "id": "hubungan antar tingkat terlemah",
    },
    "map.flag.between_levels": {"en": "between levels", "id": "antar tingkat"},
    "map.flag.proposed": {"en": "proposed, not recorded", "id": "usulan, belum dicatat"},
    "map.focus_hint": {
        "en": "Pick a gap, or click a person on the map, to highlight it there.",
        "id": "Pilih kesenjangan, atau klik orang pada peta, untuk menyorotnya di peta.",
    },
    "map.focus_member": {
        "en": "Highlighted: {name}, its ties and its gaps.",
        "id": "Disorot: {name}, ikatan dan kesenjangannya.",
    },
    "map.focus_clear": {"en": "Show the whole map", "id": "Tampilkan seluruh peta"},
    "map.proposals_kept": {
        "en": "Kept for you as a draft: shown again after a reload or a new login, until "
        "recorded or dropped.",
        "id": "Disimpan untuk Anda sebagai draf: ditampilkan lagi setelah halaman dimuat ulang "
        "atau masuk kembali, sampai dicatat atau dibuang.",
    },
    "map.drop_all": {"en": "Drop all proposals", "id": "Buang semua usulan"},
    "map.export_easynwk": {"en": "easyNWK file", "id": "Berkas easyNWK"},
    "map.export_easynwk_help": {
        "en": "The map as recorded, one easyNWK version per assessment up to the date shown "
        "(proposals are not in it). The documentation on easyNWK lists what it cannot hold.",
        "id": "Peta seperti dicatat, satu versi easyNWK per asesmen sampai tanggal yang "
        "ditampilkan (usulan tidak termasuk). Dokumentasi tentang easyNWK mencantumkan apa yang "
        "tidak dapat disimpannya.",
    },
}
