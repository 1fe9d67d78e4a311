"""Alembic environment. The application passes its own connection; the alembic CLI
(for writing new migrations) uses `-x url=sqlite:////tmp/x.db`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from wijkteam.store.models import Base
from wijkteam.store.search_index import include_object

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///migrations-dev.db")
    with create_engine(url, hide_parameters=True).connect() as dev_connection:
        _run(dev_connection)
