"""Every word the product shows, in English and Bahasa Indonesia: one catalogue, keyed by id.

The catalogue is kept in one module per area of the product (``shell``, ``child_map``, ...), each
a ``MESSAGES`` table of ``"area.message": {"en": ..., "id": ...}``; they are merged here into
:data:`MESSAGES`, and a key defined twice is an error at import. Domain vocabularies (levels, needs,
roles...) keep their labels beside their codes in :mod:`eska_network.domain.codes`. ``{name}``
fields are filled by :func:`text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from eska_network.domain.codes import LANGUAGES
from eska_network.i18n import (
    accounts,
    audit,
    caseload,
    child_map,
    districts,
    domain,
    import_data,
    record,
    shell,
)

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "MESSAGES", "number_text", "text"]

LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}

AREAS: tuple[ModuleType, ...] = (
    shell,
    domain,
    accounts,
    audit,
    child_map,
    record,
    caseload,
    districts,
    import_data,
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


def number_text(value: float, lang: str = "en", decimals: int = 0) -> str:
    """A number written for reading: thousands grouped, the decimal mark of ``lang``.

    >>> number_text(123456), number_text(123456, "id"), number_text(12.25, "id", 1)
    ('123,456', '123.456', '12,2')
    """
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text
