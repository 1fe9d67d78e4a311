"""Alembic environment of the team server (its own chain, separate from the laptop store's).
The server passes its connection; the alembic CLI uses `-x url=postgresql+psycopg://...`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from wijkteam.server.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True)["url"]
    with create_engine(url).connect() as dev_connection:
        _run(dev_connection)
