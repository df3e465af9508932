"""The data version: a cheap fingerprint of what the caseload and district pages show."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from eska_network.store.core import Store
from eska_network.store.tables import actions, resources, revisions


def data_version(store: Store) -> tuple:
    """A fingerprint of the data the caseload and district pages show, cheap to read.

    Every import and saved assessment adds ``revisions`` rows (with the time of the save), every
    change of an action sets its ``updated_at``, and the services are few enough to hash whole. A
    reassignment changes none of these: :func:`~eska_network.services.caseload.caseload_view` reads
    assignments afresh.

    It is read from the database on every page run, so a cache keyed by it is right on every app
    server at once, whichever server (or command) made the change. The other caches of the pages
    are the published figures, keyed by their period: frozen in the database once written.
    """
    counted = sa.select(sa.func.count(), sa.func.max(revisions.c.saved_at))
    acted = sa.select(sa.func.count(), sa.func.max(actions.c.updated_at))
    services = sa.select(
        resources.c.resource_id, resources.c.district, resources.c.name, resources.c.needs_served
    ).order_by(resources.c.resource_id)
    with store.reading() as connection:
        saves = tuple(connection.execute(counted).one())
        changes = tuple(connection.execute(acted).one())
        digest = hashlib.sha256(repr(connection.execute(services).all()).encode()).hexdigest()
    return (str(store.url), *map(str, saves), *map(str, changes), digest)
