"""Alembic environment: runs the migrations on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from eska_network.store.engine import database_url, make_engine
from eska_network.store.tables import metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with make_engine(database_url()).connect() as own_connection:
        _run(own_connection)
        own_connection.commit()
