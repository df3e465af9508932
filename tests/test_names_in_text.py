"""Names of the child's people in action texts: found as whole words whatever the case, and
replaced by roles."""

from __future__ import annotations

from eska_network.domain.model import Member
from eska_network.domain.names_in_text import names_in, with_roles

SARI = Member("C1", "mother", "Ibu Sari (Mother)", "family", "mother")
RINA = Member("C1", "friend", "Rina", "community", None)
LBH = Member("C1", "lbh", "LBH Bandung", "institution", "legal_aid", "BDG-LBH")
PAK = Member("C1", "teacher", "Pak Budi", "community", "teacher")


def test_a_name_is_found_whole_and_in_any_case():
    members = [SARI, RINA, LBH, PAK]
    found = names_in("PAK BUDI calls rina; Rinaldi is someone else", members)
    assert [(name.member_id, name.role) for name in found] == [
        ("teacher", "Teacher"),
        ("friend", "Community member"),
    ]
    assert names_in("Sekolah Rinaldi", members) == ()
    # A service's name is no person's: an action may refer to it.
    assert names_in("Refer to LBH Bandung", members) == ()


def test_names_are_replaced_by_roles_in_the_language_shown():
    members = [SARI, PAK]
    assert with_roles("Pak  Budi talks to ibu sari", members) == ("the teacher talks to the mother")
    assert with_roles("Pak Budi bicara dengan Ibu Sari", members, "id") == (
        "guru bicara dengan ibu"
    )
    assert with_roles("nothing to replace", members) == "nothing to replace"
