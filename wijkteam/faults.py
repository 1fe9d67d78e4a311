"""What a database or OS error means for the member: a damaged store, a full disk, a
read-only disk. The one handler of the headless commands, the window's task runner and
signing in use it, so these become a Dutch message and a clear exit code instead of a
traceback (issue 17). No Qt, no SQLAlchemy: the UI may use it."""

from __future__ import annotations

import errno
import sqlite3

import sqlcipher3

from wijkteam.errors import StoreDamaged, StoreDiskFull, StoreError, StoreReadOnly

# SQLite's own words for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) and for a full or
# read-only disk (SQLITE_FULL, SQLITE_READONLY).
_DAMAGE = ("malformed", "file is not a database", "database disk image", "corrupt")
_FULL = ("database or disk is full", "no space left")
_READ_ONLY = ("readonly database", "read-only", "attempt to write a readonly")


def damage_of(error: BaseException) -> StoreError | None:
    """The StoreError a database or OS error stands for (damage, a full or a read-only disk),
    or None when it is something else. Looks through SQLAlchemy's wrapper and the causes."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, StoreError):
            return current
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            return StoreDiskFull()
        if isinstance(current, OSError) and current.errno in (errno.EROFS, errno.EACCES):
            return StoreReadOnly()
        if _is_database_error(current):
            text = str(current).lower()
            if any(word in text for word in _DAMAGE):
                return StoreDamaged()
            if any(word in text for word in _FULL):
                return StoreDiskFull()
            if any(word in text for word in _READ_ONLY):
                return StoreReadOnly()
        orig = getattr(current, "orig", None)  # sqlalchemy.exc.DBAPIError
        current = (
            orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)
        )
    return None


def _is_database_error(error: BaseException) -> bool:
    return isinstance(error, sqlite3.DatabaseError | sqlcipher3.dbapi2.DatabaseError)
