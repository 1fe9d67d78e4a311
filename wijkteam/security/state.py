"""What is in a data folder before anyone signs in: nothing yet, an unencrypted store of an
earlier version, or an encrypted store with its key file. Light on purpose (no SQLAlchemy):
the sign-in screen needs it before the database layer is loaded."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from wijkteam.common.private_files import make_private
from wijkteam.errors import KeyFileMissing, StoreMissing
from wijkteam.security.conversion import finish_pending
from wijkteam.security.keyring import keys_path
from wijkteam.store import store_path
from wijkteam.store.cipher import is_plain_sqlite


class StoreState(Enum):
    NEW = "new"  # nothing yet: first start creates the team
    PLAIN = "plain"  # an unencrypted store of an earlier version: first start converts it
    LOCKED = "locked"  # encrypted, with its key file: sign in


def store_state(data_dir: Path) -> StoreState:
    """Also finishes a first start or conversion that a crash interrupted. Raises
    StoreMissing when keys.json is there without its store, KeyFileMissing for the reverse."""
    path, keys = store_path(data_dir), keys_path(data_dir)
    make_private(data_dir)  # owner-only, also for a folder of an earlier version
    finish_pending(path, keys.exists())
    if keys.exists():
        if not path.exists() or (path.is_file() and path.stat().st_size == 0):
            raise StoreMissing()  # never a new store next to a key file (issue 17)
        return StoreState.LOCKED
    if not path.exists() or path.is_dir() or path.stat().st_size == 0:
        return StoreState.NEW  # (a folder in the way is reported when opening)
    if is_plain_sqlite(path):
        return StoreState.PLAIN
    raise KeyFileMissing()
