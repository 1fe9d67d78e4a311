"""Is a backup good? The full integrity check of its pages and, for a backup just made, its
audit chain. A new backup is checked before it takes its place (and before rotation deletes
an older one); restore refuses a backup that fails; a damaged store points to the newest
backup that passes (issue 17)."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, exc
from sqlalchemy.pool import NullPool

from wijkteam.clock import SystemClock
from wijkteam.errors import BackupUnverified, StoreDamaged
from wijkteam.services import audit_log
from wijkteam.store import Store
from wijkteam.store.cipher import Cipher, connect_plain
from wijkteam.store.integrity import file_is_intact

SUFFIX = ".backup"
STAMP = "%Y%m%d-%H%M%S"
log = logging.getLogger(__name__)


def chain_is_intact(path: Path, cipher: Cipher | None) -> bool:
    """The audit chain inside a copy: every row links to the one before it and matches its
    hash. Read-only; the copy is never migrated or changed."""

    def connect() -> Any:
        if cipher is not None:
            return cipher.connect(Path(path), read_only=True)
        return connect_plain(Path(path), read_only=True)

    module = cipher.module if cipher is not None else None
    options: dict[str, Any] = {"module": module} if module is not None else {}
    engine = create_engine(
        "sqlite://", creator=connect, poolclass=NullPool, hide_parameters=True, **options
    )
    try:
        return audit_log.verify(Store(engine, SystemClock(), None)).intact
    except exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def verify_new_backup(path: Path, cipher: Cipher | None) -> None:
    """Raises BackupUnverified unless the copy's pages and its audit chain are intact."""
    if not file_is_intact(path, cipher):
        log.warning("A new back-up failed its integrity check")
        raise BackupUnverified(reason="integrity")
    if not chain_is_intact(path, cipher):
        log.warning("A new back-up's audit chain does not check out")
        raise BackupUnverified(reason="audit_chain")


def made_at(path: Path) -> datetime | None:
    """UTC, from the file name (wijkteam-YYYYmmdd-HHMMSS.backup); None for other names."""
    try:
        return datetime.strptime(path.name[9:24], STAMP)
    except ValueError:
        return None


def last_good_backup(folder: Path, cipher: Cipher | None) -> Path | None:
    """The newest backup in `folder` whose pages are intact."""
    if not folder.is_dir():
        return None
    dated = [(made_at(p), p) for p in folder.glob(f"wijkteam-*{SUFFIX}")]
    for _when, path in sorted(((w, p) for w, p in dated if w), reverse=True):
        if file_is_intact(path, cipher):
            return path
    return None


def damaged_with_backup(folder: Path, cipher: Cipher | None) -> StoreDamaged:
    """StoreDamaged naming when the last good backup was made (`backup`, UTC), if any."""
    good = last_good_backup(folder, cipher)
    return StoreDamaged(backup=made_at(good) if good is not None else None)
