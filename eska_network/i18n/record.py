"""Words of recording an assessment."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "assess.field.placement": {
        "en": "Where the child lives",
        "id": "Tempat tinggal / pengasuhan",
    },
    "assess.field.reintegration_stage": {
        "en": "Stage of the case",
        "id": "Tahap penanganan",
    },
    "assess.not_recorded": {"en": "Not recorded", "id": "Belum dicatat"},
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
    # -- quick entry on the map page (issue 14)
    "assess.quick.title": {"en": "Quick add", "id": "Tambah cepat"},
    "assess.quick.caption": {
        "en": "Recorded at once as an assessment of {date}; Enter adds the person. Use roles, "
        "not names, where the conference is shown to others.",
        "id": "Langsung dicatat sebagai asesmen tanggal {date}; Enter menambahkan orangnya. "
        "Gunakan peran, bukan nama, bila konferensi ditampilkan kepada orang lain.",
    },
    "assess.quick.name": {"en": "Name or label", "id": "Nama atau sebutan"},
    "assess.quick.level": {"en": "Level", "id": "Tingkat"},
    "assess.quick.level_from_role": {"en": "From the role", "id": "Sesuai peran"},
    "assess.quick.role": {"en": "Role", "id": "Peran"},
    "assess.quick.no_role": {"en": "No role", "id": "Tanpa peran"},
    "assess.quick.strength": {"en": "Strength", "id": "Kekuatan"},
    "assess.quick.valence": {"en": "Kind of tie", "id": "Sifat hubungan"},
    "assess.quick.add_person": {"en": "Add person", "id": "Tambah orang"},
    "assess.quick.first": {"en": "Tie between", "id": "Hubungan antara"},
    "assess.quick.second": {"en": "and", "id": "dan"},
    "assess.quick.add_tie": {"en": "Add tie", "id": "Tambah hubungan"},
    "assess.quick.choose": {"en": "Choose", "id": "Pilih"},
    "assess.quick.added_person": {
        "en": "{name} was recorded with a tie to the child ({date}).",
        "id": "{name} dicatat dengan hubungan ke anak ({date}).",
    },
    "assess.quick.added_tie": {
        "en": "The tie {name} was recorded ({date}).",
        "id": "Hubungan {name} dicatat ({date}).",
    },
    "assess.quick.edited_tie": {
        "en": "The tie {name} was changed ({date}).",
        "id": "Hubungan {name} diubah ({date}).",
    },
    "assess.quick.refused": {
        "en": "Not recorded: {reason}",
        "id": "Tidak dicatat: {reason}",
    },
    "assess.quick.no_name": {
        "en": "give a name or a role",
        "id": "isi nama atau peran",
    },
    "assess.quick.too_long": {
        "en": "the name is longer than {n} characters",
        "id": "nama lebih dari {n} karakter",
    },
    "assess.quick.no_level": {
        "en": "choose a level, or a role from the list (it gives the level)",
        "id": "pilih tingkat, atau peran dari daftar (peran menentukan tingkatnya)",
    },
    "assess.quick.pick_two": {
        "en": "choose the two members the tie joins",
        "id": "pilih dua anggota yang dihubungkan",
    },
    "assess.quick.same_member": {
        "en": "a tie joins two different members",
        "id": "hubungan menghubungkan dua anggota yang berbeda",
    },
    "assess.quick.no_tie": {
        "en": "this tie is no longer in the record",
        "id": "hubungan ini sudah tidak ada dalam catatan",
    },
    "assess.quick.no_edit_rights": {
        "en": "Your role may look at this record but not change it.",
        "id": "Peran Anda boleh melihat catatan ini tetapi tidak mengubahnya.",
    },
    "assess.quick.ties_of": {"en": "Ties of {name}", "id": "Hubungan {name}"},
    "assess.quick.last_contact": {"en": "Last contact", "id": "Kontak terakhir"},
    "assess.quick.contact_never": {"en": "not recorded", "id": "tidak dicatat"},
    "assess.quick.contact_line": {
        "en": "{name}: strength {strength}, {valence}; last contact {contact}",
        "id": "{name}: kekuatan {strength}, {valence}; kontak terakhir {contact}",
    },
    "assess.quick.contact_today": {"en": "Contact today", "id": "Kontak hari ini"},
    "assess.quick.contact_today_help": {
        "en": "Record that this tie had contact today (its other values are kept).",
        "id": "Catat bahwa hubungan ini ada kontak hari ini (nilai lainnya tetap).",
    },
    "assess.quick.recorded_today": {
        "en": "Recorded today: a further change is recorded on a later day.",
        "id": "Sudah dicatat hari ini: perubahan berikutnya dicatat pada hari lain.",
    },
    "assess.quick.all_seen": {"en": "All ties seen today", "id": "Semua hubungan ditemui hari ini"},
    "assess.quick.all_seen_help": {
        "en": "Record contact today for every current tie ({n}) in one save.",
        "id": "Catat kontak hari ini untuk setiap hubungan saat ini ({n}) dalam satu penyimpanan.",
    },
    "assess.quick.seen_saved": {
        "en": "Contact today recorded for {n} ties.",
        "id": "Kontak hari ini dicatat untuk {n} hubungan.",
    },
    "assess.quick.done": {"en": "Recorded: {what}", "id": "Dicatat: {what}"},
    "assess.quick.edit_tie": {"en": "Change", "id": "Ubah"},
    "assess.quick.save_tie": {"en": "Save this tie", "id": "Simpan hubungan ini"},
    # -- ties a save would make stale (rule 8)
    "assess.stale.title": {
        "en": "Before saving: {n} ties would count as out of contact",
        "id": "Sebelum menyimpan: {n} hubungan akan dianggap tanpa kontak",
    },
    "assess.stale.intro": {
        "en": "This save is an assessment of the whole system on {date}. These ties were not "
        "recorded again and their last contact is more than {days} days before {date}. For each, "
        "was there contact (on which day)? 'Not known' leaves the tie shown as out of contact.",
        "id": "Penyimpanan ini adalah asesmen seluruh sistem pada {date}. Hubungan berikut tidak "
        "dicatat ulang dan kontak terakhirnya lebih dari {days} hari sebelum {date}. Untuk "
        "masing-masing, apakah ada kontak (pada tanggal berapa)? 'Tidak diketahui' membuat "
        "hubungan tetap ditampilkan tanpa kontak.",
    },
    "assess.stale.tie": {
        "en": "{name} (last contact {contact})",
        "id": "{name} (kontak terakhir {contact})",
    },
    "assess.stale.confirmed": {
        "en": "Contact on the day given",
        "id": "Kontak pada tanggal tertera",
    },
    "assess.stale.unknown": {
        "en": "Not known",
        "id": "Tidak diketahui",
    },
    "assess.stale.lost": {
        "en": "Lost: the tie ends",
        "id": "Terputus: hubungan berakhir",
    },
    "assess.stale.day": {"en": "Day of contact", "id": "Tanggal kontak"},
    "assess.stale.all_today": {
        "en": "All had contact on {date}",
        "id": "Semua ada kontak pada {date}",
    },
    "assess.stale.save": {"en": "Save with these answers", "id": "Simpan dengan jawaban ini"},
    "assess.stale.cancel": {"en": "Back, do not save", "id": "Kembali, jangan simpan"},
    "assess.stale.unanswered": {
        "en": "answer for every tie listed whether there was contact",
        "id": "jawab untuk setiap hubungan yang tercantum apakah ada kontak",
    },
    "assess.stale.bad_day": {
        "en": "a day of contact must be given and not after {day}",
        "id": "tanggal kontak harus diisi dan tidak setelah {day}",
    },
    # -- drafts (issue 14.3)
    "assess.keep_draft": {"en": "Keep as a draft", "id": "Simpan sebagai draf"},
    "assess.draft_kept": {
        "en": "Kept as your draft, not saved to the record: it comes back after a reload or a "
        "new login. 'Start again from the latest record' drops it.",
        "id": "Disimpan sebagai draf Anda, belum masuk catatan: muncul kembali setelah halaman "
        "dimuat ulang atau masuk kembali. 'Mulai lagi dari catatan terbaru' membuangnya.",
    },
    "assess.draft_back": {
        "en": "Your unsaved entries kept at {at} are back in the form. Save them, or start again "
        "from the latest record to drop them.",
        "id": "Isian Anda yang belum disimpan (disimpan sebagai draf pada {at}) kembali di "
        "formulir. Simpan, atau mulai lagi dari catatan terbaru untuk membuangnya.",
    },
    "assess.draft_older": {
        "en": "The record was saved after this draft was kept: check the entries against the "
        "record as it stands before saving.",
        "id": "Catatan telah disimpan setelah draf ini dibuat: periksa isian terhadap catatan "
        "terkini sebelum menyimpan.",
    },
}
