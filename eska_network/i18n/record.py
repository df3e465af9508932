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
}
