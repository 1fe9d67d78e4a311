"""Encrypted backups of the store, made with SQLite's online backup API (a running app never
produces a torn copy), rotated, and restored with the current store kept aside.

A backup is an SQLCipher file with the same store key, so the key file (copied next to the
backups) opens it with any member's password or the recovery code; when the store key is
rotated, every backup is re-encrypted with it (services/key_rotation.py). File names hold a
time, never a name."""

from __future__ import annotations

import logging
import os
import shutil
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, select

from wijkteam.clock import Clock
from wijkteam.common.private_files import private_file
from wijkteam.errors import StoreDamaged, StoreNotADatabase, StoreUnreadable
from wijkteam.security.context import AuditAction, ServiceContext
from wijkteam.security.keyring import KEYS_FILENAME
from wijkteam.services.audit import AuditService
from wijkteam.services.audit_carry import carry_over
from wijkteam.services.backup_checks import (
    damaged_with_backup,
    last_good_backup,
    verify_new_backup,
)
from wijkteam.services.privacy_ledger import (
    mirror_path,
    read_mirror,
    read_store_ledger,
    reapply,
    union,
    write_mirror,
)
from wijkteam.services.team_settings import SettingsService, ensure_origin
from wijkteam.store import Store, open_store, store_path
from wijkteam.store.cipher import Cipher, connect_plain
from wijkteam.store.integrity import file_is_intact
from wijkteam.store.models import AuditEvent, Contact, Erasure, Report, Resident

BACKUP_FOLDER = "backups"
REPLACED_FOLDER = "vervangen"
SUFFIX = ".backup"
LAST_KEY = "last_backup_at"
FAILED_KEY = "last_backup_failed_at"
DAILY = timedelta(hours=24)
log = logging.getLogger(__name__)
STALE = timedelta(days=2)  # Beheer warns when the last good back-up is older than this


class BackupWarning(StrEnum):
    NEVER = "never"  # no back-up was ever made of this store
    STALE = "stale"  # the last good one is older than two days
    FAILED = "failed"  # the last attempt failed


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: datetime  # UTC, from the file name
    size: int


@dataclass(frozen=True, slots=True)
class BackupStatus:
    """For Beheer: the last good back-up (UTC) and where back-ups go, and what is wrong."""

    folder: Path
    last_made_at: datetime | None
    last_failed_at: datetime | None
    warning: BackupWarning | None


@dataclass(frozen=True)
class RestorePreview:
    backup: BackupInfo
    changed_since: dict[str, int]  # "resident", "report", "contact": rows added or changed
    erased_since: int  # residents erased after the backup: erased again at the restore
    audit_rows_since: int  # audit entries written after the backup: carried into it


def backup_folder(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_FOLDER


class BackupService:
    def __init__(self, store: Store, audit: AuditService, settings: SettingsService) -> None:
        self._store = store
        self._audit = audit
        self._settings = settings

    @property
    def folder(self) -> Path:
        if self._store.path is None:
            raise StoreUnreadable()
        return backup_folder(self._store.path.parent)

    def make(self) -> Path:
        """One backup now (any member may: it is part of closing the app), then rotate. A
        failure is recorded (Beheer shows it) and raised."""
        stamp = self._store.clock.utcnow()
        try:
            made = self._make(stamp)
        except BaseException as error:
            log.warning("Back-up failed: %s", type(error).__name__)
            with suppress(Exception):  # the store itself may be what failed
                self._settings.set_value(FAILED_KEY, stamp.isoformat())
            raise
        log.info("Back-up made")
        return made

    def _make(self, stamp: datetime) -> Path:
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"wijkteam-{stamp:%Y%m%d-%H%M%S}{SUFFIX}"
        partial = target.with_name(target.name + ".partial")
        cipher = self._store.cipher
        self._refuse_damaged_store()
        try:
            destination = cipher.connect(partial) if cipher else connect_plain(partial)
            source = self._store.engine.raw_connection()
            try:
                source.driver_connection.backup(destination)  # type: ignore[union-attr]
            finally:
                destination.close()
                source.close()
            private_file(partial)
            verify_new_backup(partial, cipher)  # before it replaces (rotates out) an older one
            os.replace(partial, target)
        except BaseException:
            with suppress(OSError):  # nothing half-written stays behind (a full disk)
                partial.unlink(missing_ok=True)
            raise
        keys = self._store.path.parent / KEYS_FILENAME  # type: ignore[union-attr]
        if keys.exists():
            shutil.copy2(keys, folder / KEYS_FILENAME)
        self._settings.set_value(LAST_KEY, stamp.isoformat())
        self._audit.log(AuditAction.BACKUP, "store")
        self.rotate(self._settings.security().backups_kept)
        return target

    def _refuse_damaged_store(self) -> None:
        """The full integrity check before every backup: a damaged store is never copied
        over good backups; from now on it refuses writes too."""
        assert self._store.path is not None
        if not file_is_intact(self._store.path, self._store.cipher):
            self._store.integrity.settle(False)
            raise damaged_with_backup(self.folder, self._store.cipher)

    def check_store(self) -> None:
        """The full integrity check after sign-in (slow on a large store: off the UI thread;
        writes wait for it). Raises StoreDamaged naming the last good backup."""
        try:
            self._store.check_integrity()
        except StoreDamaged as error:
            raise damaged_with_backup(self.folder, self._store.cipher) from error

    def last_good(self) -> Path | None:
        """The newest backup whose pages are intact (to offer when the store is damaged)."""
        return last_good_backup(self.folder, self._store.cipher)

    def status(self) -> BackupStatus:
        made, failed = self._moment(LAST_KEY), self._moment(FAILED_KEY)
        warning = None
        if failed is not None and (made is None or failed > made):
            warning = BackupWarning.FAILED
        elif made is None:
            warning = BackupWarning.NEVER
        elif self._store.clock.utcnow() - made > STALE:
            warning = BackupWarning.STALE
        return BackupStatus(self.folder, made, failed, warning)

    def _moment(self, key: str) -> datetime | None:
        value = self._settings.value(key)
        return datetime.fromisoformat(value) if value else None

    def make_now(self) -> BackupInfo:
        """A backup on request (Beheer › Back-up maken): where it went and how big it is."""
        path = self.make()
        made = datetime.strptime(path.name[9:24], "%Y%m%d-%H%M%S")
        return BackupInfo(path, made, path.stat().st_size)

    def preview(self, backup: BackupInfo) -> RestorePreview:
        """What restoring `backup` would not bring back (for the warning)."""
        self._audit.require_coordinator(AuditAction.RESTORE, "store")
        since = backup.made_at
        with self._store.transaction() as session:
            changed = {
                name: session.scalar(
                    select(func.count()).select_from(model).where(model.updated_at > since)
                )
                or 0
                for name, model in (
                    ("resident", Resident),
                    ("report", Report),
                    ("contact", Contact),
                )
            }
            erased = session.scalar(
                select(func.count()).select_from(Erasure).where(Erasure.erased_at > since)
            )
            audit_rows = session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.created_at > since)
            )
        return RestorePreview(backup, changed, erased or 0, audit_rows or 0)

    def is_due(self) -> bool:
        last = self._settings.value(LAST_KEY)
        return last is None or self._store.clock.utcnow() - datetime.fromisoformat(last) >= DAILY

    def list(self) -> list[BackupInfo]:
        if not self.folder.exists():
            return []
        found = []
        for path in self.folder.glob(f"wijkteam-*{SUFFIX}"):
            try:
                made = datetime.strptime(path.name[9:24], "%Y%m%d-%H%M%S")
            except ValueError:
                continue
            found.append(BackupInfo(path, made, path.stat().st_size))
        return sorted(found, key=lambda b: b.made_at, reverse=True)

    def rotate(self, keep: int) -> None:
        for old in self.list()[keep:]:
            old.path.unlink()


def check_backup(path: Path, store_key: bytes | Cipher | None) -> None:
    """The backup opens with this key and its pages are intact."""
    cipher = Cipher(store_key) if isinstance(store_key, bytes) else store_key
    connection = cipher.connect(path) if cipher else connect_plain(path)
    try:
        connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if cipher and connection.execute("PRAGMA cipher_integrity_check").fetchall():
            raise StoreDamaged()
    except (Cipher.module.DatabaseError, OSError) as error:
        raise StoreNotADatabase() from error
    finally:
        connection.close()
    if not file_is_intact(path, cipher):  # every page and index, not only the HMACs
        raise StoreDamaged()


@dataclass(frozen=True)
class Restored:
    aside: Path | None  # where the replaced store was kept
    erased_again: int  # residents erased after the backup, erased again in it
    audit_carried: int = 0  # audit rows written after the backup, carried into it


def restore(
    data_dir: Path,
    backup: Path,
    store_key: bytes | Cipher | None,
    clock: Clock,
    context: ServiceContext | None = None,
) -> Restored:
    """Put a backup in the store's place (the store must be closed). The current store is
    moved to `vervangen/`, not deleted. Before anyone uses the restored store, the audit
    rows written since the backup are carried over from the replaced store and the erasure
    ledger (of the replaced store and of its copy next to it) is re-applied to it."""
    cipher = Cipher(store_key) if isinstance(store_key, bytes) else store_key
    check_backup(backup, cipher)
    current = store_path(data_dir)
    ledger = union(read_store_ledger(current, cipher), read_mirror(mirror_path(data_dir), cipher))
    aside = None
    if current.exists():
        aside_folder = Path(data_dir) / REPLACED_FOLDER
        aside_folder.mkdir(parents=True, exist_ok=True)
        aside = aside_folder / f"wijkteam-{clock.utcnow():%Y%m%d-%H%M%S}.db"
        os.replace(current, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{current}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
    partial = current.with_name(current.name + ".restoring")
    shutil.copy2(backup, partial)
    os.replace(partial, current)
    restored = open_store(current, cipher.secret if cipher else None, clock=clock)
    try:
        # First the audit rows written since the back-up (from the store put aside), then
        # what the restore itself does: each device's chain goes on where it was.
        with restored.transaction() as session:
            carried = carry_over(session, aside, cipher)
        audit = AuditService(restored, context or ServiceContext(ensure_origin(restored)))
        erased_again = reapply(restored, ledger, audit)
        audit.log(AuditAction.RESTORE, "store")
    finally:
        restored.close()
    if ledger:
        write_mirror(mirror_path(data_dir), cipher, ledger)
    return Restored(aside, erased_again, carried)
