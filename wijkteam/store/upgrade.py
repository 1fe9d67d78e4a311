"""Bringing a store file to the newest schema without risking a user's data.

- **A backup first.** Before an existing store is migrated, SQLite's backup API copies it
  (encrypted with the same key, its WAL included) to
  `backups/wijkteam-voor-update-<from>-naar-<to>.backup` next to it. The name holds revisions,
  never a person; a second attempt of the same upgrade overwrites its own copy instead of
  piling up copies. No backup, no upgrade: the store is left as it is.
- **One transaction.** pysqlite commits before DDL unless told otherwise, which would leave a
  half-migrated file after a failing step or a crash. The migration runs on its own
  connection in autocommit mode with an explicit BEGIN, so every step, Alembic's version
  stamp included, commits together or not at all (SQLite's DDL is transactional).
- **No cascades.** Foreign keys are off while migrating: Alembic's batch mode copies a table
  and drops the old one, and with foreign keys on, dropping a parent table deletes every
  child row through ON DELETE CASCADE. `PRAGMA foreign_key_check` runs before the commit.
- **Migrations an earlier release skipped.** Releases built between the merges of
  the sociale kaart and the referrals stamped 0008 without 0007 (documents) and 0010
  without 0007 and 0009 (referrals): the chain was re-ordered after they shipped. Such a
  store is recognised by the missing table and gets those migrations run first.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Collection
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from wijkteam.errors import StoreBackupFailed, StoreReadOnly, StoreUpgradeFailed
from wijkteam.store.cipher import Cipher, connect_plain
from wijkteam.store.revisions import head_revision

BACKUP_FOLDER = "backups"
# (revision, a table it creates) of migrations that releases before their merge skipped.
LATE_MERGED = (("0007", "document"), ("0009", "referral"))


def missed_revisions(current: str | None, tables: Collection[str]) -> list[str]:
    if current is None:
        return []
    return [rev for rev, table in LATE_MERGED if rev < current and table not in tables]


def needs_upgrade(current: str | None, tables: Collection[str]) -> bool:
    return current != head_revision() or bool(missed_revisions(current, tables))


def pre_upgrade_backup_path(store_file: Path, current: str) -> Path:
    name = f"wijkteam-voor-update-{current}-naar-{head_revision()}.backup"
    return Path(store_file).parent / BACKUP_FOLDER / name


def backup_before_upgrade(store_file: Path, cipher: Cipher | None, current: str) -> Path:
    """A complete copy of the store as it is now; raises StoreBackupFailed (nothing
    changed) when it cannot be written, e.g. on a full disk."""
    target = pre_upgrade_backup_path(store_file, current)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        source = _connect(store_file, cipher, read_only=True)
        try:
            destination = _connect(partial, cipher, read_only=False)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error, Cipher.module.Error) as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StoreBackupFailed() from error
    return target


def upgrade_in_one_transaction(
    path: Path, cipher: Cipher | None, missed: list[str], configure: Any
) -> None:
    """Run the missed and the pending migrations on `path` as one transaction.
    `configure(dbapi_connection)` keys and sets up a connection as the store's own engine
    does. Raises StoreUpgradeFailed after rolling everything back."""
    engine = _migration_engine(path, cipher, configure)
    try:
        with engine.begin() as connection:
            from wijkteam.store.migrate import run_revision, upgrade  # Alembic: only now

            for revision in missed:
                run_revision(connection, revision)
            upgrade(connection)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = sorted({row[0] for row in broken})
                raise StoreUpgradeFailed(reason="foreign_keys", tables=tables)
    except StoreUpgradeFailed:
        raise
    except (sqlite3.OperationalError, Cipher.module.OperationalError) as error:
        if "readonly" in str(error):
            raise StoreReadOnly() from error
        raise StoreUpgradeFailed(reason="operational") from error
    except Exception as error:
        raise StoreUpgradeFailed(reason=type(error).__name__) from error
    finally:
        engine.dispose()


def _migration_engine(path: Path, cipher: Cipher | None, configure: Any) -> Engine:
    module = cipher.module if cipher is not None else sqlite3
    engine = create_engine(f"sqlite:///{path}", module=module)

    def on_connect(dbapi_connection: Any, _record: object) -> None:
        configure(dbapi_connection)
        dbapi_connection.isolation_level = None  # no implicit COMMIT before DDL
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # outside a transaction

    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


def _connect(path: Path, cipher: Cipher | None, *, read_only: bool) -> Any:
    if cipher is not None:
        return cipher.connect(path, read_only=read_only)
    return connect_plain(path, read_only=read_only)
