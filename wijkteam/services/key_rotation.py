"""Key rotation: a new store key for the store and every copy of it on this laptop.

After the recovery code was used, or a member was switched off, an old copy of keys.json
(one sits in backups/) with the old code or the departed member's password must open
nothing. So the store gets a new random key: it is sealed to every remaining account in
keys.json, the store is re-encrypted (SQLCipher `PRAGMA rekey`), then every backup, every
store a restore put aside and the erasure ledger's copy, and the copy of keys.json next to
the backups is replaced.

Crash safety: keys.json is written first, holding the new key for every account and the
old key locked under the new one. Opening the store later (`open_rotating`) tries the new
key, falls back to the old one, and finishes whatever was left; only then is the old key
dropped from the file.
"""

from __future__ import annotations

import secrets
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from wijkteam.clock import Clock
from wijkteam.errors import StoreDamaged, StoreMissing, StoreNotADatabase
from wijkteam.security.keyring import KEYS_FILENAME, KeyRing, OpenKeyRing
from wijkteam.services.backup_checks import damaged_with_backup
from wijkteam.services.backups import SUFFIX, backup_folder
from wijkteam.services.privacy_ledger import mirror_path, replaced_copies
from wijkteam.store import Store, open_store, store_path
from wijkteam.store.cipher import STORE_KEY_BYTES, Cipher, opens, rekey_file


@dataclass(frozen=True)
class Rotation:
    copies: int  # backups and other copies re-encrypted
    lost_accounts: tuple[uuid.UUID, ...]  # accounts of an old key file: need a new password


def rotate_store_key(store: Store, keys: OpenKeyRing) -> Rotation:
    """The open store and its copies get a new key; `keys` holds it afterwards."""
    if store.path is None:
        raise StoreNotADatabase()
    old, new = keys.store_key, secrets.token_bytes(STORE_KEY_BYTES)
    lost = keys.ring.begin_rotation(old, new)
    keys.ring.save()
    store.rekey(new)
    keys.replace_store_key(new)
    copies = finish_rotation(store.path.parent, keys.ring, old, new)
    return Rotation(copies, tuple(lost))


def finish_rotation(data_dir: Path, ring: KeyRing, old: bytes, new: bytes) -> int:
    """Re-encrypt every copy next to the store still under the old key, then forget it."""
    old_cipher, new_cipher = Cipher(old), Cipher(new)
    changed = 0
    for path in copies_of_the_store(data_dir):
        if opens(path, new_cipher) or not opens(path, old_cipher):
            continue  # done already, or damaged (it opens nothing either way)
        rekey_file(path, old_cipher, new_cipher)
        changed += 1
    ring.finish_rotation()
    ring.save()
    folder = backup_folder(data_dir)
    if folder.exists():
        shutil.copy2(ring.path, folder / KEYS_FILENAME)
    return changed


def copies_of_the_store(data_dir: Path) -> list[Path]:
    folder = backup_folder(data_dir)
    backups = sorted(folder.glob(f"wijkteam-*{SUFFIX}")) if folder.exists() else []
    ledger = mirror_path(data_dir)
    return [*backups, *replaced_copies(data_dir), *([ledger] if ledger.exists() else [])]


def open_rotating(
    data_dir: Path, ring: KeyRing, store_key: bytes, *, clock: Clock | None = None
) -> Store:
    """Open the store with the key the key file gave, finishing a rotation that a crash
    interrupted (before or after the store itself was re-encrypted)."""
    path = store_path(data_dir)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        raise StoreMissing()  # the key file vouches for a store: never make a new one
    previous = ring.previous_key(store_key)
    try:
        store = open_store(path, store_key, clock=clock)
    except StoreDamaged:
        raise
    except StoreNotADatabase as error:
        if previous is None or not opens(path, Cipher(previous)):
            # keys.json vouches for this file, yet its pages do not decrypt: damaged (or a
            # store of another key file; putting back a backup is the answer to both)
            raise damaged_with_backup(backup_folder(data_dir), Cipher(store_key)) from error
        store = open_store(path, previous, clock=clock)
        try:
            store.rekey(store_key)
        except BaseException:
            store.close()
            raise
    if previous is not None:
        finish_rotation(data_dir, ring, previous, store_key)
    return store
