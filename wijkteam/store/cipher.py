"""SQLCipher keys for the store: how a raw DB-API connection is opened and keyed.

The store key is 32 random bytes handed to SQLCipher as a raw key (`x'…'`), so SQLCipher's
own passphrase KDF does not run on every connection; the key file (wijkteam/security) makes
the store key slow to guess from a member's password instead. A text passphrase is accepted
too (SQLCipher then derives the key itself), for administrators' tools.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

import sqlcipher3

STORE_KEY_BYTES = 32


class Cipher:
    """Keys SQLCipher connections with one secret. Never printed, never in a message."""

    module: Any = sqlcipher3.dbapi2

    def __init__(self, secret: bytes | str) -> None:
        self._secret = secret
        if isinstance(secret, bytes):
            if len(secret) != STORE_KEY_BYTES:
                raise ValueError("a raw store key has 32 bytes")
            self.key_literal = f"\"x'{secret.hex()}'\""
        else:
            if not secret:
                raise ValueError("empty passphrase")
            self.key_literal = "'" + secret.replace("'", "''") + "'"
        self._pragma = f"PRAGMA key = {self.key_literal}"

    @property
    def secret(self) -> bytes | str:
        """What the cipher was made with (to open another file of the same store)."""
        return self._secret

    def __repr__(self) -> str:  # keep the secret out of tracebacks and logs
        return "Cipher(<hidden>)"

    def apply(self, connection: Any) -> None:
        """Key a freshly opened connection; must run before anything reads the file."""
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(self._pragma)

    def connect(self, path: Path, *, read_only: bool = False) -> Any:
        connection = self.module.connect(_uri(path, read_only), uri=True)
        self.apply(connection)
        return connection


def connect_plain(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(_uri(path, read_only), uri=True)


def _uri(path: Path, read_only: bool) -> str:
    uri = f"file:{pathname2url(str(Path(path).absolute()))}"
    return f"{uri}?mode=ro" if read_only else uri


SQLITE_HEADER = b"SQLite format 3\x00"


def is_plain_sqlite(path: Path) -> bool:
    """True when the file starts like an unencrypted SQLite database."""
    try:
        with Path(path).open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def opens(path: Path, cipher: Cipher) -> bool:
    """Whether this key reads the encrypted file (without changing it)."""
    try:
        connection = cipher.connect(path, read_only=True)
    except Cipher.module.DatabaseError:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Cipher.module.DatabaseError:
        return False
    finally:
        connection.close()


def rekey_file(path: Path, old: Cipher, new: Cipher) -> None:
    """Re-encrypt every page of an SQLCipher file under a new key (SQLCipher's own
    `PRAGMA rekey`, one transaction: a crash leaves the file under the old key). Nothing
    else may have the file open."""
    connection = old.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(f"PRAGMA rekey = {new.key_literal}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
