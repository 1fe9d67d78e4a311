"""The key file (keys.json) next to the store: the store key, reachable with each member's
password and with the team's recovery code.

The store is encrypted with one random 256-bit store key. Every account (each member, and the
recovery code) has its own X25519 key pair: the store key is sealed to the account's public
key, and the private key is locked (AES-256-GCM) under a key derived from the password with
scrypt. One salt serves the whole file, so a password is derived once and every account is
tried with it; nothing in the file is derived from initials or names. Because the store key
is sealed to public keys, a new store key can be given to every account without knowing any
password: that is what key rotation (after the recovery code was used, or when a member is
switched off) does, together with re-encrypting the store and its backups.

The file holds no personal data: a random store id, member UUIDs, the salt, KDF settings,
public keys and encrypted keys. Associated data binds every piece to its store and account.
While a rotation is unfinished, the previous store key is kept locked under the new one.
"""

from __future__ import annotations

import json
import os
import secrets
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from wijkteam.errors import KeyFileDamaged, SignInRefused
from wijkteam.security.kdf import STRONG, KdfParams, derive
from wijkteam.security.keyring_legacy import FORMAT_1, LegacyEntry
from wijkteam.security.recovery import new_recovery_code, normalise_recovery_code
from wijkteam.security.sealing import (
    Locked,
    Sealed,
    Unreadable,
    b64,
    lock,
    new_key_pair,
    seal,
    unb64,
    unlock,
    unseal,
)
from wijkteam.store.cipher import STORE_KEY_BYTES

KEYS_FILENAME = "keys.json"
FORMAT = 2
MEMBER, RECOVERY = "member", "recovery"


def keys_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_FILENAME


@dataclass(frozen=True)
class Entry:
    kind: str
    member_uuid: str | None
    public: bytes
    secret: Locked  # the private key, under the password's derived key
    store_key: Sealed  # the store key, sealed to `public`
    temporary: bool = False  # a password someone else chose: the member replaces it

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "member_uuid": self.member_uuid,
            "temporary": self.temporary,
            "public": b64(self.public),
            "secret": self.secret.to_json(),
            "store_key": self.store_key.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict) -> Entry:  # type: ignore[type-arg]
        return cls(
            kind=str(data["kind"]),
            member_uuid=data.get("member_uuid"),
            public=unb64(data["public"]),
            secret=Locked.from_json(data["secret"]),
            store_key=Sealed.from_json(data["store_key"]),
            temporary=bool(data.get("temporary", False)),
        )


@dataclass(frozen=True)
class Unlocked:
    """What a correct password or recovery code opens. `members`: every account this
    password opened (two colleagues may share one; the initials decide after opening)."""

    store_key: bytes
    members: tuple[uuid.UUID, ...] = ()
    initials: str | None = None  # as typed at sign-in, checked against the store
    by_recovery: bool = False
    temporary: frozenset[uuid.UUID] = field(default_factory=frozenset)

    @property
    def member_uuid(self) -> uuid.UUID | None:
        return self.members[0] if self.members else None

    def __repr__(self) -> str:
        return f"Unlocked(members={self.members}, store_key=<hidden>)"


class KeyRing:
    def __init__(self, path: Path, store_id: str, kdf: KdfParams, salt: bytes) -> None:
        self.path = path
        self.store_id = store_id
        self.kdf = kdf
        self.salt = salt
        self.entries: list[Entry] = []
        self.legacy: list[LegacyEntry] = []
        self.inbox: bytes | None = None  # public key that refused sign-ins are sealed to
        self.previous: Locked | None = None  # the old store key during a rotation

    # --- file -----------------------------------------------------------------------------
    @classmethod
    def new(cls, path: Path, kdf: KdfParams = STRONG) -> tuple[KeyRing, bytes]:
        """A key ring for a new store and its fresh store key (nothing written yet)."""
        ring = cls(path, str(uuid.uuid4()), kdf, secrets.token_bytes(16))
        return ring, secrets.token_bytes(STORE_KEY_BYTES)

    @classmethod
    def load(cls, path: Path) -> KeyRing:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT_1:
                return cls._from_format_1(path, data)
            if data.get("format") != FORMAT:
                raise ValueError("unknown key file format")
            ring = cls(
                path, str(data["store_id"]), KdfParams.from_json(data["kdf"]), unb64(data["salt"])
            )
            ring.entries = [Entry.from_json(e) for e in data["entries"]]
            ring.legacy = [LegacyEntry.from_json(e) for e in data.get("legacy", [])]
            ring.inbox = unb64(data["inbox"]) if data.get("inbox") else None
            ring.previous = Locked.from_json(data["previous"]) if data.get("previous") else None
            return ring
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise KeyFileDamaged() from error

    @classmethod
    def _from_format_1(cls, path: Path, data: dict) -> KeyRing:  # type: ignore[type-arg]
        legacy = [LegacyEntry.from_format_1(w) for w in data["wraps"]]
        costs = {w.kdf for w in legacy}
        kdf = costs.pop() if len(costs) == 1 else STRONG
        ring = cls(path, str(data["store_id"]), kdf, secrets.token_bytes(16))
        ring.legacy = legacy
        return ring

    def save(self) -> None:
        """Atomically (temporary file, fsync, rename), so a crash never leaves half a file."""
        data: dict[str, object] = {
            "format": FORMAT,
            "about": "Wijkteam key file: encrypted store keys, no personal data. Keep it with "
            "the store; without it the store cannot be opened.",
            "store_id": self.store_id,
            "kdf": self.kdf.to_json(),
            "salt": b64(self.salt),
            "inbox": b64(self.inbox) if self.inbox else None,
            "entries": [e.to_json() for e in self.entries],
        }
        if self.legacy:
            data["legacy"] = [e.to_json() for e in self.legacy]
        if self.previous is not None:
            data["previous"] = self.previous.to_json()
        write_atomically(self.path, json.dumps(data, indent=2))

    # --- reading --------------------------------------------------------------------------
    def member_uuids(self) -> set[uuid.UUID]:
        every = [*self.entries, *self.legacy]
        return {uuid.UUID(e.member_uuid) for e in every if e.kind == MEMBER and e.member_uuid}

    def has_recovery(self) -> bool:
        return any(e.kind == RECOVERY for e in [*self.entries, *self.legacy])

    def is_temporary(self, member_uuid: uuid.UUID) -> bool:
        return any(e.temporary for e in self._members(member_uuid))

    def is_current(self, member_uuid: uuid.UUID) -> bool:
        """The account has the current form (not one of a format-1 key file)."""
        return bool(self._members(member_uuid))

    def unlock(self, initials: str, password: str) -> Unlocked:
        """Every account this password opens; SignInRefused when none. The initials are
        checked against the store after opening (the file does not know them)."""
        kek = derive(password, self.salt, self.kdf)
        opened = [
            (uuid.UUID(str(e.member_uuid)), key, e.temporary)
            for e in self.entries
            if e.kind == MEMBER and (key := self._try(e, kek)) is not None
        ]
        if not opened:
            opened = self._unlock_legacy(initials, password)
        if not opened:
            raise SignInRefused()
        key = opened[0][1]
        return Unlocked(
            key,
            tuple(m for m, k, _t in opened if k == key),
            initials=initials,
            temporary=frozenset(m for m, _k, t in opened if t),
        )

    def unlock_member(self, member_uuid: uuid.UUID, password: str) -> Unlocked:
        kek = derive(password, self.salt, self.kdf)
        for entry in self._members(member_uuid):
            key = self._try(entry, kek)
            if key is not None:
                return Unlocked(key, (member_uuid,))
        for old in self.legacy:
            if old.member_uuid == str(member_uuid):
                try:
                    return Unlocked(old.open(self.store_id, password), (member_uuid,))
                except Unreadable:
                    pass
        raise SignInRefused()

    def unlock_recovery(self, code: str) -> Unlocked:
        clean = normalise_recovery_code(code)
        kek = derive(clean, self.salt, self.kdf)
        for entry in self.entries:
            if entry.kind == RECOVERY and (key := self._try(entry, kek)) is not None:
                return Unlocked(key, by_recovery=True)
        for old in self.legacy:
            if old.kind == RECOVERY:
                try:
                    return Unlocked(old.open(self.store_id, clean), by_recovery=True)
                except Unreadable:
                    pass
        raise SignInRefused()

    def unlock_any(self, secret: str) -> Unlocked:
        """Headless commands: a member's password or the recovery code."""
        kek = derive(secret, self.salt, self.kdf)
        for entry in self.entries:
            if entry.kind == MEMBER and (key := self._try(entry, kek)) is not None:
                return Unlocked(key, (uuid.UUID(str(entry.member_uuid)),))
        for old in self.legacy:
            if old.kind == MEMBER:
                try:
                    member = uuid.UUID(str(old.member_uuid))
                    return Unlocked(old.open(self.store_id, secret), (member,))
                except Unreadable:
                    continue
        return self.unlock_recovery(secret)

    def previous_key(self, store_key: bytes) -> bytes | None:
        """The store key before an unfinished rotation (to finish it after a crash)."""
        if self.previous is None:
            return None
        try:
            return unlock(store_key, self.previous, self._aad("previous", None, "store_key"))
        except Unreadable:
            return None

    # --- changing -------------------------------------------------------------------------
    def set_member(
        self, store_key: bytes, member_uuid: uuid.UUID, password: str, *, temporary: bool = False
    ) -> None:
        """Add or replace a member's account (new account, password change or reset). A
        new key pair each time: an old password opens nothing this file holds afterwards."""
        self.remove_member(member_uuid)
        self.entries.append(self._entry(store_key, MEMBER, str(member_uuid), password, temporary))

    def remove_member(self, member_uuid: uuid.UUID) -> None:
        self.entries = [e for e in self.entries if e.member_uuid != str(member_uuid)]
        self.legacy = [e for e in self.legacy if e.member_uuid != str(member_uuid)]

    def new_recovery_code(self, store_key: bytes) -> str:
        """Replace the recovery account; the code is returned once and never stored."""
        code = new_recovery_code()
        self.entries = [e for e in self.entries if e.kind != RECOVERY]
        self.legacy = [e for e in self.legacy if e.kind != RECOVERY]
        self.entries.append(self._entry(store_key, RECOVERY, None, code, False))
        return code

    def begin_rotation(self, old_key: bytes, new_key: bytes) -> list[uuid.UUID]:
        """Seal the new store key to every account and keep the old one under the new one,
        until `finish_rotation`. Accounts of format 1 cannot be resealed (their password is
        needed): they are dropped and returned, so the coordinator can give a new password."""
        self.entries = [
            replace(e, store_key=seal(e.public, new_key, self._aad(e.kind, e.member_uuid, "store")))
            for e in self.entries
        ]
        dropped = [uuid.UUID(e.member_uuid) for e in self.legacy if e.member_uuid]
        self.legacy = []
        self.previous = lock(new_key, old_key, self._aad("previous", None, "store_key"))
        return dropped

    def finish_rotation(self) -> None:
        self.previous = None

    # --- crypto ---------------------------------------------------------------------------
    def _members(self, member_uuid: uuid.UUID) -> list[Entry]:
        return [e for e in self.entries if e.kind == MEMBER and e.member_uuid == str(member_uuid)]

    def _unlock_legacy(self, initials: str, password: str) -> list[tuple[uuid.UUID, bytes, bool]]:
        for old in self.legacy:
            if old.kind != MEMBER or not old.matches_login(self.store_id, initials):
                continue
            try:
                return [(uuid.UUID(str(old.member_uuid)), old.open(self.store_id, password), False)]
            except Unreadable:
                continue
        return []

    def _aad(self, kind: str, member_uuid: str | None, part: str) -> bytes:
        return f"wijkteam-key|{FORMAT}|{self.store_id}|{kind}|{member_uuid or ''}|{part}".encode()

    def _entry(
        self, store_key: bytes, kind: str, member_uuid: str | None, secret: str, temporary: bool
    ) -> Entry:
        private, public = new_key_pair()
        kek = derive(secret, self.salt, self.kdf)
        return Entry(
            kind=kind,
            member_uuid=member_uuid,
            public=public,
            secret=lock(kek, private, self._aad(kind, member_uuid, "secret")),
            store_key=seal(public, store_key, self._aad(kind, member_uuid, "store")),
            temporary=temporary,
        )

    def _try(self, entry: Entry, kek: bytes) -> bytes | None:
        try:
            private = unlock(kek, entry.secret, self._aad(entry.kind, entry.member_uuid, "secret"))
            return unseal(
                private, entry.store_key, self._aad(entry.kind, entry.member_uuid, "store")
            )
        except Unreadable:
            return None


def write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".new")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class OpenKeyRing:
    """The key ring together with the store key, after a member signed in: adds, changes
    and removes accounts and saves the file at once."""

    def __init__(self, ring: KeyRing, store_key: bytes) -> None:
        self.ring = ring
        self._store_key = store_key

    def __repr__(self) -> str:
        return "OpenKeyRing(<hidden>)"

    @property
    def store_key(self) -> bytes:
        return self._store_key

    def replace_store_key(self, store_key: bytes) -> None:
        """After a rotation (wijkteam/security/rotation.py)."""
        self._store_key = store_key

    def has_account(self, member_uuid: uuid.UUID) -> bool:
        return member_uuid in self.ring.member_uuids()

    def is_temporary(self, member_uuid: uuid.UUID) -> bool:
        return self.ring.is_temporary(member_uuid)

    def set_member(self, member_uuid: uuid.UUID, password: str, *, temporary: bool = False) -> None:
        self.ring.set_member(self._store_key, member_uuid, password, temporary=temporary)
        self.ring.save()

    def remove_member(self, member_uuid: uuid.UUID) -> None:
        self.ring.remove_member(member_uuid)
        self.ring.save()

    def new_recovery_code(self) -> str:
        code = self.ring.new_recovery_code(self._store_key)
        self.ring.save()
        return code

    def check_member(self, member_uuid: uuid.UUID, password: str) -> bool:
        """The member's password opens this store (lock screen, password change)."""
        try:
            unlocked = self.ring.unlock_member(member_uuid, password)
        except SignInRefused:
            return False
        return secrets.compare_digest(unlocked.store_key, self._store_key)

    def check_recovery(self, code: str) -> bool:
        try:
            unlocked = self.ring.unlock_recovery(code)
        except SignInRefused:
            return False
        return secrets.compare_digest(unlocked.store_key, self._store_key)
