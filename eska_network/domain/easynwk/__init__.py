"""Maps that travel: one child's system as an easyNWK file, and an easyNWK file as our data.

easyNWK (fhstp/easynwk-web) saves a *record*: ``{"versions": [...], "currentVersion": id,
"size": ...}``, each version ``{"id", "title", "date", "nwk": {"ego", "alteri", "connections"}}``.
An alter sits at an ``angle`` (degrees from the x-axis, -180 to 180) that picks its sector, and a
``distance`` from the ego (0 to 100 inside the outer horizon) that says how close it is;
``edgeType`` 0 means no tie to the ego; ``conflict`` marks a conflictual tie; a connection joins
two alteri and has nothing more. The mapping both ways is in ``docs/easynwk.md``.

What easyNWK cannot hold rides along in an ``"eska"`` object on each alter and connection (the
member's id, level and role code, the tie's exact strength and valence, kinds of support, keys,
needs met, last contact). easyNWK keeps unknown fields when it loads and saves a file; on the way
back, what easyNWK itself shows wins (sector, distance band, conflict, whether there is a tie)
and the ``"eska"`` object only refines it.

:mod:`.terms` holds what both directions share (sectors, distances, genders), :mod:`.writing`
makes the file (:func:`to_easynwk`), :mod:`.reading` reads one back (:func:`from_easynwk`).
"""

from eska_network.domain.easynwk.reading import from_easynwk
from eska_network.domain.easynwk.terms import EasyNWKError
from eska_network.domain.easynwk.writing import to_easynwk, to_json

__all__ = ["EasyNWKError", "from_easynwk", "to_easynwk", "to_json"]
