"""A damaged store at sign-in: the newest intact backup takes its place (issue 17). The
damaged file is kept in vervangen/ (backups.restore), the erasure ledger is re-applied, and
the member signs in on the restored store."""

from __future__ import annotations

from pathlib import Path

from wijkteam.clock import Clock, SystemClock
from wijkteam.errors import StoreDamaged
from wijkteam.security.keyring import KeyRing, Unlocked
from wijkteam.services.backup_checks import last_good_backup
from wijkteam.services.backups import backup_folder, restore
from wijkteam.store.cipher import Cipher
from wijkteam.wiring.access import Opened
from wijkteam.wiring.setup import open_unlocked


def restore_last_good(
    data_dir: Path, ring: KeyRing, unlocked: Unlocked, *, clock: Clock | None = None
) -> Opened:
    good = last_good_backup(backup_folder(data_dir), Cipher(unlocked.store_key))
    if good is None:
        raise StoreDamaged(backup=None)
    restore(data_dir, good, unlocked.store_key, clock or SystemClock())
    return open_unlocked(data_dir, ring, unlocked, clock=clock)
