"""Every word the product shows, in English and Bahasa Indonesia: one catalogue, keyed by id.

The catalogue is kept in one module per area of the product (``shell``, ``child_map``, ...), each
a ``MESSAGES`` table of ``"area.message": {"en": ..., "id": ...}``; they are merged here into
:data:`MESSAGES`, and a key defined twice is an error at import. Domain vocabularies (levels, needs,
roles...) keep their labels beside their codes in :mod:`eska_network.domain.codes`. ``{name}``
fields are filled by :func:`text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType

from eska_network.i18n import (
    accounts,
    audit,
    caseload,
    child_map,
    conference,
    districts,
    domain,
    import_data,
    record,
    shell,
    validation,
)

LANGUAGES = ("en", "id")
"""The languages of the product: English, and Bahasa Indonesia (its users' own)."""

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "MESSAGES",
    "Joined",
    "Said",
    "number_text",
    "say",
    "text",
]

LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}

AREAS: tuple[ModuleType, ...] = (
    shell,
    domain,
    accounts,
    audit,
    child_map,
    conference,
    record,
    caseload,
    districts,
    import_data,
    validation,
)


def _merged(areas: tuple[ModuleType, ...]) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for area in areas:
        for key, entry in area.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message id {key!r} is defined twice ({area.__name__})")
            merged[key] = entry
    return merged


MESSAGES: Mapping[str, Mapping[str, str]] = _merged(AREAS)


def text(message_id: str, lang: str = "en", **fields: object) -> str:
    """The message in ``lang`` (English when ``lang`` is unknown), with ``fields`` filled in.

    Examples
    --------
    >>> text("home.welcome", "id", user="ani")
    'Selamat datang, ani.'
    >>> text("page.home", "fr")
    'Home'
    """
    entry = MESSAGES[message_id]
    message = entry[lang] if lang in LANGUAGES else entry["en"]
    return message.format(**fields) if fields else message


@dataclass(frozen=True)
class Said:
    """A message of the catalogue and its fields, to be said in either language when shown.

    A field may itself be a :class:`Said`; it is said in the same language.

    Examples
    --------
    >>> problem = Said("validation.out_of_range", {"number": 7, "low": 0, "high": 5})
    >>> problem("id"), str(problem)
    ('7 di luar rentang 0 sampai 5', '7 is out of range 0 to 5')
    """

    message_id: str
    fields: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.message_id not in MESSAGES:
            raise KeyError(f"no message {self.message_id!r} in the catalogue")

    def __call__(self, lang: str = "en") -> str:
        values = {
            name: value(lang) if isinstance(value, Said | Joined) else value
            for name, value in self.fields.items()
        }
        return text(self.message_id, lang, **values)

    def __str__(self) -> str:
        return self("en")


@dataclass(frozen=True)
class Joined:
    """Parts said together, each in the reader's language when it is a :class:`Said`.

    >>> Joined(("a", Said("validation.empty_value")), "; ")("id")
    'a; (kosong)'
    """

    parts: tuple[object, ...]
    separator: str = ", "

    def __call__(self, lang: str = "en") -> str:
        return self.separator.join(
            part(lang) if isinstance(part, Said | Joined) else str(part) for part in self.parts
        )


def say(message_id: str, **fields: object) -> Said:
    """A :class:`Said` of ``message_id`` with ``fields``."""
    return Said(message_id, fields)


def number_text(value: float, lang: str = "en", decimals: int = 0) -> str:
    """A number written for reading: thousands grouped, the decimal mark of ``lang``.

    >>> number_text(123456), number_text(123456, "id"), number_text(12.25, "id", 1)
    ('123,456', '123.456', '12,2')
    """
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text
