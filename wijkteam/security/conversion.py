"""Turning an unencrypted store of an earlier version into an encrypted one, and finishing
that safely after a crash.

The encrypted copy is written next to the store (`wijkteam.db.encrypting`), verified (every
table has as many rows as in the original, SQLCipher's integrity check passes), and only after
the key file is saved does it take the store's place. The plain file is then overwritten and
removed, with its -wal and -shm files. (On SSDs the drive may keep old blocks; full-disk
encryption of the laptop covers that, overwriting is the best an application can do.)
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from wijkteam.errors import StoreNotADatabase
from wijkteam.store.cipher import Cipher, connect_plain

WORK_SUFFIX = ".encrypting"
PLAIN_SUFFIX = ".plain"
SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")


def work_path(store_file: Path) -> Path:
    return Path(f"{store_file}{WORK_SUFFIX}")


def export_encrypted(plain: Path, target: Path, cipher: Cipher) -> None:
    """Write an encrypted copy of the plain store `plain` to `target` and verify it."""
    remove_with_side_files(target)
    _checkpoint(plain)
    source = Cipher.module.connect(str(plain))  # SQLCipher reads plain files without a key
    try:
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY {cipher.key_literal}", (str(target),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.commit()
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
    verify_copy(plain, target, cipher)


def verify_copy(plain: Path, target: Path, cipher: Cipher) -> None:
    """Same tables with the same row counts, and SQLCipher's own page check passes."""
    original = connect_plain(plain, read_only=True)
    copy = cipher.connect(target)
    try:
        tables = [
            row[0]
            for row in original.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            query = f'SELECT count(*) FROM "{table}"'
            if original.execute(query).fetchone() != copy.execute(query).fetchone():
                raise StoreNotADatabase()
        if copy.execute("PRAGMA cipher_integrity_check").fetchall():
            raise StoreNotADatabase()
    except (sqlite3.DatabaseError, Cipher.module.DatabaseError) as error:
        raise StoreNotADatabase() from error
    finally:
        original.close()
        copy.close()


def swap_in(store_file: Path) -> None:
    """The verified encrypted copy takes the store's place; the plain file is shredded.
    Each step is a rename, so `finish_pending` can complete it after a crash."""
    work = work_path(store_file)
    plain_aside = Path(f"{store_file}{PLAIN_SUFFIX}")
    if store_file.exists():
        os.replace(store_file, plain_aside)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{store_file}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{plain_aside}{suffix}"))
    os.replace(work, store_file)
    shred_with_side_files(plain_aside)
    remove_with_side_files(work)


def finish_pending(store_file: Path, key_file_exists: bool) -> None:
    """Complete or undo a first start or conversion that a crash interrupted."""
    work = work_path(store_file)
    plain_aside = Path(f"{store_file}{PLAIN_SUFFIX}")
    if work.exists():
        if key_file_exists:
            swap_in(store_file)
        else:  # the key file was never written: nobody could open the copy
            remove_with_side_files(work)
    if plain_aside.exists():
        if store_file.exists():
            shred_with_side_files(plain_aside)
        else:
            os.replace(plain_aside, store_file)


def shred(path: Path) -> None:
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as handle:
        block = b"\0" * (1024 * 1024)
        written = 0
        while written < size:
            chunk = min(len(block), size - written)
            handle.write(block[:chunk])
            written += chunk
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def shred_with_side_files(path: Path) -> None:
    shred(path)
    for suffix in SIDE_FILES:
        shred(Path(f"{path}{suffix}"))


def remove_with_side_files(path: Path) -> None:
    for candidate in (path, *(Path(f"{path}{s}") for s in SIDE_FILES)):
        if candidate.exists():
            candidate.unlink()


def _checkpoint(plain: Path) -> None:
    connection = sqlite3.connect(str(plain))
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
