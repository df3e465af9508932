"""Finding a child by id among those a user may see, without listing them all.

A supervisor may see every child of a national store (1,000,000 at the bench): the child picker
asks for a page of ids at a time, in one query limited by the database, never the whole list.
"""

from __future__ import annotations

import sqlalchemy as sa

from eska_network.services import access
from eska_network.store import Store
from eska_network.store.tables import children

PICKER_LIMIT = 100
"""Children a picker offers at most at once; beyond this the user types the start of an id."""


def visible_ids_starting(
    store: Store, principal: access.Principal, prefix: str = "", limit: int = PICKER_LIMIT
) -> list[str]:
    """The first ``limit`` children (sorted) ``principal`` may see whose id starts with ``prefix``.

    One query, cut to ``limit`` rows by the database and read along the children's primary key
    from ``prefix`` on; visibility is :func:`access.visible_condition`, as for every check.

    Examples
    --------
    >>> from eska_network.store import open_store
    >>> store = open_store("sqlite://")
    >>> visible_ids_starting(store, access.Principal("nobody", "planner"))
    []
    """
    condition = access.visible_condition(principal)
    if condition is None or limit <= 0:
        return []
    query = (
        sa.select(children.c.child_id)
        .where(condition)
        .where(children.c.child_id >= prefix)
        .where(children.c.child_id.startswith(prefix, autoescape=True))
        .order_by(children.c.child_id)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return list(connection.execute(query).scalars())


def visible_count(store: Store, principal: access.Principal) -> int:
    """How many children ``principal`` may see: counted by the database, no id read."""
    condition = access.visible_condition(principal)
    if condition is None:
        return 0
    query = sa.select(sa.func.count()).select_from(children).where(condition)
    with store.engine.connect() as connection:
        return int(connection.scalar(query) or 0)
