"""Putting a back-up in the store's place, for a coordinator: the store closes, the back-up
replaces it (the current file is kept aside), and the restore is logged in the restored
store. The window quits afterwards; the key never leaves wijkteam/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wijkteam.errors import StoreUnreadable
from wijkteam.security.context import AuditAction
from wijkteam.services.backups import Restored, restore
from wijkteam.wiring.services import Services


def restore_backup(
    services: Services, backup: Path, before_close: Callable[[], None] = lambda: None
) -> Restored:
    """Returns where the replaced store was kept and how many residents were erased again.
    `before_close` runs after the role check, just before the store closes (the window stops
    its timers there). `services` cannot be used afterwards."""
    services.audit.require_coordinator(AuditAction.RESTORE, "store")
    store = services.store
    if store.path is None:
        raise StoreUnreadable()
    key = services.accounts.keys.store_key
    data_dir = store.path.parent
    before_close()
    store.close()
    # The erasure ledger is re-applied and the restore logged in the restored store.
    return restore(data_dir, backup, key, store.clock, services.context)
