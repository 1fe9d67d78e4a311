"""The one place that opens the store.

Everything that touches the file goes through `open_store`. With a key (the 32-byte store key
from the key file, see wijkteam/security) the store is an SQLCipher database: every page of the
file, its WAL and its backups is encrypted. Without a key it is plain SQLite, which the app
itself only uses to read a store of an earlier version once, for conversion.
Before anything is written, the file is inspected read-only: a file that is not a database, or
has a newer schema than this version knows, is refused untouched. A store of an older schema is
copied to backups/ first and migrated in one transaction (upgrade.py). One process at a time
may open a store file (an OS lock next to it).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from wijkteam.clock import Clock, SystemClock
from wijkteam.errors import (
    StoreDamaged,
    StoreError,
    StoreNotADatabase,
    StoreNotEncrypted,
    StoreReadOnly,
    StoreTooNew,
    StoreUnreadable,
)
from wijkteam.store import STORE_FILENAME, audit_guard, store_path, team_capture
from wijkteam.store.cipher import SQLITE_HEADER, Cipher, connect_plain, rekey_file
from wijkteam.store.instance_lock import InstanceLock
from wijkteam.store.integrity import IntegrityGate, file_is_intact
from wijkteam.store.revisions import head_revision, known_revisions
from wijkteam.store.timestamps import stamp_records
from wijkteam.store.upgrade import (
    backup_before_upgrade,
    missed_revisions,
    needs_upgrade,
    upgrade_in_one_transaction,
)


class Store:
    """An open store: an engine, a session factory and the clock that stamps records."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        path: Path | None,
        cipher: Cipher | None = None,
        lock: InstanceLock | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.path = path
        self.cipher = cipher
        self._lock = lock
        self.integrity = IntegrityGate()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", self._before_flush)
        event.listen(self._sessions, "do_orm_execute", self._before_statement)
        audit_guard.install(self._sessions, path.parent if path is not None else None)
        team_capture.install(self._sessions)

    def _before_flush(self, session: Session, _context: object, _instances: object) -> None:
        self.integrity.before_write()
        stamp_records(session, self.clock.utcnow())

    def _before_statement(self, state: Any) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            self.integrity.before_write()

    def check_integrity(self) -> None:
        """The full integrity check (wijkteam/store/integrity.py). Slow on a large store: the
        window runs it off the UI thread after sign-in; writes wait for it meanwhile. Raises
        StoreDamaged, after which every write is refused."""
        if self.path is None:
            self.integrity.settle(True)
            return
        self.integrity.checking()
        intact = False
        try:
            intact = file_is_intact(self.path, self.cipher)
        finally:
            self.integrity.settle(intact)
        if not intact:
            raise StoreDamaged()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def transaction_on(self, connection: Connection) -> Iterator[Session]:
        """A unit of work on a connection the caller set up (e.g. a durable commit)."""
        with self._sessions(bind=connection) as session, session.begin():
            yield session

    def refresh_statistics(self) -> None:
        """Let SQLite's planner know the table sizes (after bulk writes); without them it may
        scan all open meldingen instead of looking up the few matching residents."""
        with self.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    @property
    def encrypted(self) -> bool:
        return self.cipher is not None

    def checkpoint(self) -> None:
        """Fold the WAL into the store file and empty it: after removing personal data, after
        bulk writes and when the window is idle, so committed work does not live only in
        the WAL (a lost -wal file after a crash would take it along). With readers active
        SQLite folds what it can and leaves the rest for the next time."""
        with self.engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def rekey(self, store_key: bytes) -> None:
        """Re-encrypt the whole file under a new store key (key rotation). Every pooled
        connection is closed first; new ones get the new key."""
        if self.path is None or self.cipher is None:
            raise StoreUnreadable()
        new = Cipher(store_key)
        self.engine.dispose()
        rekey_file(self.path, self.cipher, new)
        self.cipher = new
        self.engine = _file_engine(self.path, new)
        self._sessions.configure(bind=self.engine)

    def close(self) -> None:
        try:
            with self.engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        except exc.SQLAlchemyError:  # a read-only or damaged store still closes
            pass
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()


def open_store(
    location: Path | str, passphrase: bytes | str | None = None, *, clock: Clock | None = None
) -> Store:
    """Open (and create or migrate) the store at `location`: a file path or an engine URL.

    `passphrase`: the raw 32-byte store key (what the app uses), or a text passphrase for
    SQLCipher's own KDF; None opens an unencrypted SQLite file (stores of earlier versions,
    before conversion; never used by the app for its own store).
    Raises a StoreError subclass, without having changed the file, when it cannot be used.
    """
    clock = clock or SystemClock()
    if isinstance(location, str) and "://" in location:
        engine = create_engine(location, hide_parameters=True)
        _migrate_if_needed(engine, current=_current_revision_of(engine))
        return Store(engine, clock, None)

    cipher = Cipher(passphrase) if passphrase is not None else None
    path = Path(location).absolute()
    _check_location(path)
    current, tables = _inspect_read_only(path, cipher)
    lock = InstanceLock(path)
    lock.acquire()
    try:
        if needs_upgrade(current, tables):
            _upgrade(path, cipher, current, tables)
        engine = _file_engine(path, cipher)
    except BaseException:
        lock.release()
        raise
    return Store(engine, clock, path, cipher, lock)


def _upgrade(path: Path, cipher: Cipher | None, current: str | None, tables: set[str]) -> None:
    """Backup first (an existing store), then every migration in one transaction
    (wijkteam/store/upgrade.py says why)."""
    if current is not None:
        backup_before_upgrade(path, cipher, current)

    def configure(dbapi_connection: Any) -> None:
        if cipher is not None:
            cipher.apply(dbapi_connection)
        _configure_sqlite_connection(dbapi_connection, None)

    upgrade_in_one_transaction(path, cipher, missed_revisions(current, tables), configure)


def check_store_file(location: Path | str, passphrase: bytes | str | None = None) -> None:
    """Raises what `open_store` would refuse the file for, without opening or changing it."""
    path = Path(location).absolute()
    _check_location(path)
    _inspect_read_only(path, Cipher(passphrase) if passphrase is not None else None)


def _file_engine(path: Path, cipher: Cipher | None) -> Engine:
    if cipher is None:
        engine = create_engine(f"sqlite:///{path}", pool_use_lifo=True, hide_parameters=True)
    else:
        # LIFO: the connection that just wrote (an audit entry) serves the next read with its
        # page cache still valid; a rotating pool would decrypt the pages all over again.
        engine = create_engine(
            f"sqlite:///{path}", module=cipher.module, pool_use_lifo=True, hide_parameters=True
        )

    def on_connect(dbapi_connection: Any, _record: object) -> None:
        if cipher is not None:
            cipher.apply(dbapi_connection)
        _configure_sqlite_connection(dbapi_connection, _record)

    event.listen(engine, "connect", on_connect)
    return engine


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


def _inspect_read_only(path: Path, cipher: Cipher | None) -> tuple[str | None, set[str]]:
    """The schema revision of an existing store and its tables, read without writing."""
    if not path.exists() or path.stat().st_size == 0:
        return None, set()
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreUnreadable() from error
    if cipher is None and header != SQLITE_HEADER:
        raise StoreNotADatabase()
    if cipher is not None and header == SQLITE_HEADER:
        raise StoreNotEncrypted()
    try:
        if cipher is None:
            connection = connect_plain(path, read_only=True)
        else:
            connection = cipher.connect(path, read_only=True)
        try:
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                )
            }
            row = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            connection.close()
    except (sqlite3.DatabaseError, Cipher.module.DatabaseError) as error:
        # With a key that the key file vouched for, a page that does not decrypt means the
        # file is damaged or belongs to another key file: the same answer either way.
        raise StoreNotADatabase() from error
    revision = row[0] if row else None
    _refuse_unknown(revision)
    return revision, tables


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


def _configure_sqlite_connection(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Temporary tables and sort files stay in memory (never a plain temp file on disk), and
    # deleted rows are overwritten, not merely marked free.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


__all__ = ["STORE_FILENAME", "Store", "StoreError", "open_store", "store_path"]
