"""Writes that must survive a power cut, not only a crash.

The store runs SQLite in WAL mode with synchronous=NORMAL: a committed transaction survives
the app being killed (the WAL is in the operating system's cache), but the last commits may be
lost when the laptop loses power before the next checkpoint. Conversation drafts must survive
a flat battery too ("never lose a word", docs/architecture.md), so their commits run with
synchronous=FULL: SQLite syncs the WAL to disk before the commit returns. The setting is per
connection and is put back afterwards, so other writes keep their speed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from wijkteam.store.opening import Store

FULL = 2


@contextmanager
def durable_transaction(store: Store) -> Iterator[Session]:
    """One transaction (a session like any other, with the store's checks) on its own
    connection, whose commit is on disk when the block ends."""
    with store.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        previous = None
        if sqlite:
            previous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
            connection.exec_driver_sql(f"PRAGMA synchronous={FULL}")
            connection.commit()  # PRAGMA opens no SQLite transaction; this ends SQLAlchemy's
        try:
            with store.transaction_on(connection) as session:
                yield session
        finally:
            if sqlite and previous is not None and int(previous) != FULL:
                connection.exec_driver_sql(f"PRAGMA synchronous={int(previous)}")
                connection.commit()
