"""Is the store file intact? Checks at the right moments, and a gate that holds writes while
the full check runs (issue 17).

- **At opening** the read-only inspection reads the schema, and signing in reads what it
  needs: with SQLCipher every page carries an HMAC, so a damaged page that opening reads fails
  at once. That failure becomes StoreDamaged (wijkteam/faults.py), never a traceback.
- **After sign-in** the full check (`PRAGMA integrity_check`, and for an encrypted store
  `PRAGMA cipher_integrity_check`, which verifies every page's HMAC) runs in the background on
  its own read-only connection, so it does not eat into the sign-in budget. Until it passes,
  writes wait for it (`IntegrityGate.before_write`); when it fails they are refused.
- **Before every backup and restore** the same full check runs on the file being copied.

What the checks report (page numbers, index names) is counted, never logged or shown.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from enum import Enum
from pathlib import Path
from typing import Any

from wijkteam.errors import StoreDamaged
from wijkteam.store.cipher import Cipher, connect_plain

HOLD_SECONDS = 120.0  # the longest a write waits for the check; after it, it goes ahead
log = logging.getLogger(__name__)


def problems_in(connection: Any, encrypted: bool) -> int:
    """How many problems the full check finds on this connection (0: intact)."""
    found = 0
    if encrypted:
        found += len(connection.execute("PRAGMA cipher_integrity_check").fetchall())
    rows = connection.execute("PRAGMA integrity_check").fetchall()
    found += sum(1 for (text,) in rows if text != "ok")
    return found


def file_is_intact(path: Path, cipher: Cipher | None) -> bool:
    """The full check on a file (a store or a backup), on a read-only connection of its own."""
    try:
        if cipher is not None:
            connection = cipher.connect(Path(path), read_only=True)
        else:
            connection = connect_plain(Path(path), read_only=True)
    except (sqlite3.Error, Cipher.module.Error, OSError):
        return False
    try:
        problems = problems_in(connection, cipher is not None)
    except (sqlite3.Error, Cipher.module.Error):
        return False
    finally:
        connection.close()
    if problems:
        log.warning("Integrity check found %d problems", problems)
    return problems == 0


class Integrity(Enum):
    UNCHECKED = "unchecked"  # no full check yet (headless commands check before they start)
    CHECKING = "checking"
    INTACT = "intact"
    DAMAGED = "damaged"


class IntegrityGate:
    """Holds writes while the full check runs; refuses them once it found damage."""

    def __init__(self) -> None:
        self.state = Integrity.UNCHECKED
        self._settled = threading.Event()
        self._settled.set()

    def checking(self) -> None:
        self._settled.clear()
        self.state = Integrity.CHECKING

    def settle(self, intact: bool) -> None:
        self.state = Integrity.INTACT if intact else Integrity.DAMAGED
        self._settled.set()

    def wait(self, timeout: float | None = None) -> Integrity:
        self._settled.wait(timeout)
        return self.state

    def before_write(self) -> None:
        if self.state is Integrity.CHECKING:
            self._settled.wait(HOLD_SECONDS)
        if self.state is Integrity.DAMAGED:
            raise StoreDamaged()
