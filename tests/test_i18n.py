"""The catalogue of words: every message in both languages, and no language switch outside it."""

from __future__ import annotations

import ast
import string

import pytest

from eska_network import i18n
from eska_network.i18n import LANGUAGES

from .conftest import REPO_ROOT

# Modules whose words have not yet moved into the catalogue (shrink this list, never grow it).
NOT_YET_IN_THE_CATALOGUE: set[str] = set()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("message_id", sorted(i18n.MESSAGES))
def test_every_message_has_both_languages_with_the_same_fields(message_id):
    entry = i18n.MESSAGES[message_id]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert _fields(entry["en"]) == _fields(entry["id"])


@pytest.mark.parametrize("area", i18n.AREAS, ids=lambda area: area.__name__)
def test_every_message_id_starts_with_its_area(area):
    prefixes = {
        "shell": ("app.", "home.", "page.", "role."),
        "accounts": ("login.", "accounts."),
        "record": ("assess.",),
        "import_data": ("import.",),
        "child_map": ("map.",),
    }
    short = area.__name__.rsplit(".", 1)[1]
    allowed = prefixes.get(short, (f"{short}.",))
    assert all(key.startswith(allowed) for key in area.MESSAGES), short


def _switches_on_language(path) -> bool:
    """Whether a module compares a language with "id" (the sign of a word table of its own)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            parts = (node.left, *node.comparators)
            said_id = any(isinstance(part, ast.Constant) and part.value == "id" for part in parts)
            a_language = any(isinstance(part, ast.Name) and "lang" in part.id for part in parts)
            if said_id and a_language:
                return True
    return False


def test_no_module_outside_the_catalogue_switches_on_the_language():
    switching = {
        str(path.relative_to(REPO_ROOT))
        for folder in ("eska_network", "ui", "pages")
        for path in (REPO_ROOT / folder).rglob("*.py")
        if "i18n" not in path.parts and _switches_on_language(path)
    }
    # The vocabularies keep their two labels beside their codes (DOMAIN.md's terms, in one place).
    switching.discard("eska_network/domain/codes.py")
    assert switching - NOT_YET_IN_THE_CATALOGUE == set()
    assert NOT_YET_IN_THE_CATALOGUE <= switching, "remove the moved modules from the list"
