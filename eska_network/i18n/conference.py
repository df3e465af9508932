"""Words of the case conference's agreed actions: tasks and referrals (rujukan)."""

MESSAGES: dict[str, dict[str, str]] = {
    "action.column.gap": {"en": "Gap it addresses", "id": "Kesenjangan yang ditangani"},
    "action.column.what": {"en": "What", "id": "Apa"},
    "action.column.who": {"en": "Who", "id": "Siapa"},
    "action.column.role": {"en": "Social worker's role", "id": "Peran pekerja sosial"},
    "action.column.service": {"en": "Service referred to", "id": "Layanan rujukan"},
    "action.column.due_on": {"en": "By when", "id": "Tenggat"},
    "action.column.status": {"en": "Status", "id": "Status"},
    "action.column.overdue": {"en": "Overdue", "id": "Lewat tenggat"},
    "action.overdue": {"en": "Overdue", "id": "Lewat tenggat"},
    "action.status_since": {"en": "{status} since {date}", "id": "{status} sejak {date}"},
    "action.refer_to": {
        "en": "Refer to {service} for {needs}",
        "id": "Rujuk ke {service} untuk {needs}",
    },
    "action.refer_to_service": {"en": "Refer to {service}", "id": "Rujuk ke {service}"},
    "action.by_caseworker": {"en": "Caseworker", "id": "Pekerja sosial"},
    "map.refer": {"en": "Refer", "id": "Rujuk"},
    "map.refer_help": {
        "en": "Record a proposed referral (rujukan) to this service among the actions; send it "
        "and follow its status there.",
        "id": "Catat usulan rujukan ke layanan ini di rencana tindak lanjut; kirim dan ikuti "
        "statusnya di sana.",
    },
    "map.referred": {
        "en": "A referral to {service} is proposed among the actions.",
        "id": "Rujukan ke {service} diusulkan di rencana tindak lanjut.",
    },
    "map.action_role": {"en": "Social worker's role", "id": "Peran pekerja sosial"},
    "map.action_role_of_gap": {"en": "As the gap calls for", "id": "Sesuai kesenjangan"},
    "map.action_service": {
        "en": "Refer to a service (optional)",
        "id": "Rujuk ke layanan (tidak wajib)",
    },
    "map.action_service_help": {
        "en": "Choosing a service makes this a referral of a broker, proposed until it is sent.",
        "id": "Memilih layanan menjadikannya rujukan oleh perantara, berstatus diusulkan sampai "
        "dikirim.",
    },
    "proposal.strength": {"en": "strength {strength}", "id": "kekuatan {strength}"},
    "proposal.meets": {"en": "meets: {needs}", "id": "memenuhi: {needs}"},
}
