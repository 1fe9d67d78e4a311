"""The one place that opens the store.

Everything that touches the file goes through `open_store`, so that encryption (a passphrase)
can be added here without touching the rest. Before anything is written, the file is inspected
read-only: a file that is not a database, or has a newer schema than this version knows, is
refused untouched.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.request import pathname2url

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from wijkteam.clock import Clock, SystemClock
from wijkteam.errors import (
    StoreError,
    StoreNotADatabase,
    StoreReadOnly,
    StoreTooNew,
    StoreUnreadable,
)
from wijkteam.store.revisions import head_revision, known_revisions
from wijkteam.store.timestamps import stamp_records

STORE_FILENAME = "wijkteam.db"
SQLITE_HEADER = b"SQLite format 3\x00"


def store_path(data_dir: Path) -> Path:
    return Path(data_dir) / STORE_FILENAME


class Store:
    """An open store: an engine, a session factory and the clock that stamps records."""

    def __init__(self, engine: Engine, clock: Clock, path: Path | None) -> None:
        self.engine = engine
        self.clock = clock
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", self._before_flush)

    def _before_flush(self, session: Session, _context: object, _instances: object) -> None:
        stamp_records(session, self.clock.utcnow())

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self._sessions.begin() as session:
            yield session

    def refresh_statistics(self) -> None:
        """Let SQLite's planner know the table sizes (after bulk writes); without them it may
        scan all open meldingen instead of looking up the few matching residents."""
        with self.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        try:
            with self.engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        except exc.SQLAlchemyError:  # a read-only or damaged store still closes
            pass
        self.engine.dispose()


def open_store(
    location: Path | str, passphrase: str | None = None, *, clock: Clock | None = None
) -> Store:
    """Open (and create or migrate) the store at `location`: a file path or an engine URL.

    Raises a StoreError subclass, without having changed the file, when it cannot be used.
    """
    del passphrase  # reserved for the encrypted store
    clock = clock or SystemClock()
    if isinstance(location, str) and "://" in location:
        engine = create_engine(location)
        _migrate_if_needed(engine, current=_current_revision_of(engine))
        return Store(engine, clock, None)

    path = Path(location).absolute()
    _check_location(path)
    current = _inspect_read_only(path)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _configure_sqlite_connection)
    try:
        _migrate_if_needed(engine, current=current)
    except exc.OperationalError as error:
        engine.dispose()
        raise StoreReadOnly() from error
    return Store(engine, clock, path)


def _check_location(path: Path) -> None:
    if path.is_dir():
        raise StoreUnreadable()
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise StoreReadOnly() from error
    if not folder.is_dir():
        raise StoreUnreadable()
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreUnreadable()
    # SQLite in WAL mode writes -wal and -shm files next to the store.
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StoreReadOnly()


def _inspect_read_only(path: Path) -> str | None:
    """The schema revision of an existing store, read without writing a byte."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreUnreadable() from error
    if header != SQLITE_HEADER:
        raise StoreNotADatabase()
    uri = f"file:{pathname2url(str(path))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            has_version = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            row = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_version
                else None
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StoreNotADatabase() from error
    revision = row[0] if row else None
    _refuse_unknown(revision)
    return revision


def _refuse_unknown(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise StoreTooNew(revision=revision)


def _current_revision_of(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not engine.dialect.has_table(connection, "alembic_version"):
            return None
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    _refuse_unknown(revision)
    return revision


def _migrate_if_needed(engine: Engine, current: str | None) -> None:
    if current == head_revision():
        return
    from wijkteam.store.migrate import upgrade  # Alembic is imported only when needed

    with engine.begin() as connection:
        upgrade(connection)


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


__all__ = ["STORE_FILENAME", "Store", "StoreError", "open_store", "store_path"]
