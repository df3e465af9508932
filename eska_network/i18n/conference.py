"""Words of the case conference's agreed actions: tasks and referrals (rujukan)."""

MESSAGES: dict[str, dict[str, str]] = {
    "conference.action.column.gap": {"en": "Gap it addresses", "id": "Kesenjangan yang ditangani"},
    "conference.action.column.what": {"en": "What", "id": "Apa"},
    "conference.action.column.who": {"en": "Who", "id": "Siapa"},
    "conference.action.column.role": {"en": "Social worker's role", "id": "Peran pekerja sosial"},
    "conference.action.column.service": {"en": "Service referred to", "id": "Layanan rujukan"},
    "conference.action.column.due_on": {"en": "By when", "id": "Tenggat"},
    "conference.action.column.status": {"en": "Status", "id": "Status"},
    "conference.action.column.overdue": {"en": "Overdue", "id": "Lewat tenggat"},
    "conference.action.overdue": {"en": "Overdue", "id": "Lewat tenggat"},
    "conference.action.status_since": {
        "en": "{status} since {date}",
        "id": "{status} sejak {date}",
    },
    "conference.action.refer_to": {
        "en": "Refer to {service} for {needs}",
        "id": "Rujuk ke {service} untuk {needs}",
    },
    "conference.action.refer_to_service": {"en": "Refer to {service}", "id": "Rujuk ke {service}"},
    "conference.action.by_caseworker": {"en": "Caseworker", "id": "Pekerja sosial"},
    "conference.refer": {"en": "Refer", "id": "Rujuk"},
    "conference.refer_help": {
        "en": "Record a proposed referral (rujukan) to this service among the actions; send it "
        "and follow its status there.",
        "id": "Catat usulan rujukan ke layanan ini di rencana tindak lanjut; kirim dan ikuti "
        "statusnya di sana.",
    },
    "conference.referred": {
        "en": "A referral to {service} is proposed among the actions.",
        "id": "Rujukan ke {service} diusulkan di rencana tindak lanjut.",
    },
    "conference.action_role": {"en": "Social worker's role", "id": "Peran pekerja sosial"},
    "conference.action_role_of_gap": {"en": "As the gap calls for", "id": "Sesuai kesenjangan"},
    "conference.action_service": {
        "en": "Refer to a service (optional)",
        "id": "Rujuk ke layanan (tidak wajib)",
    },
    "conference.action_service_help": {
        "en": "Choosing a service makes this a referral of a broker, proposed until it is sent.",
        "id": "Memilih layanan menjadikannya rujukan oleh perantara, berstatus diusulkan sampai "
        "dikirim.",
    },
    "conference.proposal.strength": {"en": "strength {strength}", "id": "kekuatan {strength}"},
    "conference.proposal.meets": {"en": "meets: {needs}", "id": "memenuhi: {needs}"},
    "conference.status.open": {"en": "open", "id": "belum selesai"},
    "conference.status.done": {"en": "done", "id": "selesai"},
    "conference.status.dropped": {"en": "dropped", "id": "dibatalkan"},
    "conference.status.proposed": {"en": "proposed", "id": "diusulkan"},
    "conference.status.sent": {"en": "sent", "id": "dikirim"},
    "conference.status.accepted": {"en": "accepted", "id": "diterima"},
    "conference.status.active": {"en": "under way", "id": "berjalan"},
    "conference.status.closed": {"en": "closed", "id": "ditutup"},
    "conference.status.declined": {"en": "declined", "id": "ditolak"},
    "conference.field.what": {"en": "what is to be done", "id": "apa yang dilakukan"},
    "conference.field.who": {"en": "who does it", "id": "siapa yang melakukan"},
    "conference.error.empty": {"en": "{field} is empty", "id": "{field} masih kosong"},
    "conference.error.too_long": {
        "en": "{field} is longer than {most} characters",
        "id": "{field} lebih dari {most} karakter",
    },
    "conference.error.broker": {
        "en": "a referral is the broker's action",
        "id": "rujukan adalah rencana tindak lanjut oleh perantara",
    },
    "conference.error.role": {
        "en": "{role} is not a social worker's role",
        "id": "{role} bukan peran pekerja sosial",
    },
    "conference.error.gap_kind": {
        "en": "{kind} is not a kind of gap",
        "id": "{kind} bukan jenis kesenjangan",
    },
    "conference.error.status": {
        "en": "{status} is not a status",
        "id": "{status} bukan status",
    },
    "conference.error.move": {
        "en": "an action that is {before} cannot become {after}",
        "id": "rencana tindak lanjut yang {before} tidak dapat menjadi {after}",
    },
    "conference.error.conflict": {
        "en": "Action {action} was changed by someone else after you opened it; your change was "
        "not saved. Look at it again and repeat the change if needed.",
        "id": "Rencana tindak lanjut {action} diubah orang lain setelah Anda membukanya; perubahan "
        "Anda tidak disimpan. Lihat lagi dan ulangi perubahan bila perlu.",
    },
    "conference.error.not_a_service": {
        "en": "only a proposal to a listed service can become a referral",
        "id": "hanya usulan ke layanan yang terdaftar yang dapat menjadi rujukan",
    },
    "conference.error.saved_meanwhile": {
        "en": "Someone saved this child's record after you opened it: {saves}. Nothing was "
        "recorded; look at the map again and record it again.",
        "id": "Orang lain menyimpan catatan anak ini setelah Anda membukanya: {saves}. Tidak ada "
        "yang dicatat; lihat peta lagi lalu catat ulang.",
    },
    "conference.error.proposal_empty": {
        "en": "give the proposed person a name or a role (an empty proposal is not a tie)",
        "id": "isi nama atau peran orang yang diusulkan (usulan kosong bukan sebuah hubungan)",
    },
    "conference.error.proposal_too_long": {
        "en": "the name is longer than {n} characters",
        "id": "nama lebih dari {n} karakter",
    },
    "conference.names.role_in_text": {"en": "the {role}", "id": "{role}"},
    "conference.names.found": {
        "en": "The text names people of the child's network: {names}. Action texts are read "
        "in conferences and kept: write roles, not names.",
        "id": "Teks menyebut nama orang dalam jaringan anak: {names}. Teks rencana tindak lanjut "
        "dibaca dalam konferensi kasus dan disimpan: tulis peran, bukan nama.",
    },
    "conference.names.pair": {"en": "{name} (the {role})", "id": "{name} ({role})"},
    "conference.names.preview": {"en": "With roles: {text}", "id": "Dengan peran: {text}"},
    "conference.names.replace": {
        "en": "Replace the names by roles and add",
        "id": "Ganti nama dengan peran lalu tambahkan",
    },
    "conference.names.keep": {"en": "Add as written", "id": "Tambahkan seperti ditulis"},
    "conference.names.cancel": {"en": "Do not add", "id": "Jangan tambahkan"},
}
