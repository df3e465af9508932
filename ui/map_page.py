"""One run of the child map page, as the tabs under the map see it, and the keys they share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eska_network.child_map.view import MapRequest, MapView
from eska_network.domain.model import ChildSystem
from eska_network.store import Store

from .session import PageContext

PROPOSALS_KEY = "child_map_proposals"
MESSAGE_KEY = "child_map_message"
ERROR_KEY = "child_map_record_error"
TAB_KEY = "child_map_tab"


@dataclass(frozen=True)
class MapPage:
    """One run of the child map page: who looks, at which child, and the map they see.

    Its language and presentation mode are the map's: ``view.lang``, ``view.presentation``.
    """

    context: PageContext
    child_id: str
    record: ChildSystem
    request: MapRequest
    view: MapView
    dates: list[dt.date]
    revision: int
    may_edit: bool

    @property
    def store(self) -> Store:
        return self.context.store
