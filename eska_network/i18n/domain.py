"""Words of the domain model beyond its vocabularies: the child, neutral names, changes, no gaps."""

MESSAGES: dict[str, dict[str, str]] = {
    "domain.child": {"en": "Child", "id": "Anak"},
    "domain.the_child": {"en": "the child", "id": "anak"},
    "domain.no_gaps": {
        "en": "No gaps: every rule is met",
        "id": "Tidak ada kesenjangan: semua aturan terpenuhi",
    },
    "domain.no_role": {"en": "other", "id": "lainnya"},
    "domain.level_member.family": {"en": "Family member", "id": "Anggota keluarga"},
    "domain.level_member.community": {"en": "Community member", "id": "Anggota komunitas"},
    "domain.level_member.institution": {"en": "Institution", "id": "Lembaga"},
    "domain.change.gained": {"en": "New tie", "id": "Ikatan baru"},
    "domain.change.lost": {"en": "Tie lost", "id": "Ikatan hilang"},
    "domain.change.strengthened": {"en": "Stronger", "id": "Lebih kuat"},
    "domain.change.weakened": {"en": "Weaker", "id": "Lebih lemah"},
    "domain.change.valence_changed": {"en": "Changed nature", "id": "Sifat berubah"},
    "domain.change.gap_closed": {"en": "Gap closed", "id": "Kesenjangan tertutup"},
    "domain.change.gap_opened": {"en": "New gap", "id": "Kesenjangan baru"},
    "domain.change.strength": {"en": "strength", "id": "kekuatan"},
    "domain.easynwk.version_title": {"en": "Assessment {date}", "id": "Asesmen {date}"},
}
