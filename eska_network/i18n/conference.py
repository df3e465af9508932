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
    "proposal.strength": {"en": "strength {strength}", "id": "kekuatan {strength}"},
    "proposal.meets": {"en": "meets: {needs}", "id": "memenuhi: {needs}"},
}
