"""One running Wijkteam per store: an operating-system lock on a file next to the store.

The lock is held by the open file, so it disappears when the process ends, even after a
crash; a stale lock file never blocks a start.
"""

from __future__ import annotations

import os
from pathlib import Path

from wijkteam.errors import StoreInUse, StoreReadOnly

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        # flock locks belong to the open file, so a second open in the same process is
        # refused as well (tests rely on that).
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


class InstanceLock:
    def __init__(self, store_file: Path) -> None:
        self.path = Path(f"{store_file}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreReadOnly() from error
        if not _try_lock(fd):
            os.close(fd)
            raise StoreInUse()
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
