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
}
