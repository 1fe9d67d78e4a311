"""The key file (keys.json) next to the store: the store key, wrapped once per member and
once with the recovery code.

The store is encrypted with one random 256-bit store key. Each member's password (and the
team's recovery code) derives a key-encryption key with scrypt; that key wraps the store key
with AES-256-GCM. A password change re-wraps one entry and never re-encrypts the store.

The file holds no personal data: a random store id, member UUIDs, a salted hash of each
member's initials (to find the entry at sign-in), salts, KDF settings and the wrapped keys.
AES-GCM binds every entry to its store id, kind and member, so entries cannot be swapped.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wijkteam.errors import KeyFileDamaged, SignInRefused
from wijkteam.security.kdf import STRONG, KdfParams, derive
from wijkteam.security.recovery import new_recovery_code, normalise_recovery_code
from wijkteam.store.cipher import STORE_KEY_BYTES

KEYS_FILENAME = "keys.json"
FORMAT = 1
MEMBER, RECOVERY = "member", "recovery"


def keys_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_FILENAME


@dataclass(frozen=True)
class Wrap:
    kind: str
    member_uuid: str | None
    login: str | None
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "member_uuid": self.member_uuid,
            "login": self.login,
            "salt": _b64(self.salt),
            "kdf": self.kdf.to_json(),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, data: dict) -> Wrap:  # type: ignore[type-arg]
        return cls(
            kind=str(data["kind"]),
            member_uuid=data.get("member_uuid"),
            login=data.get("login"),
            salt=_unb64(data["salt"]),
            kdf=KdfParams.from_json(data["kdf"]),
            nonce=_unb64(data["nonce"]),
            wrapped=_unb64(data["wrapped"]),
        )


@dataclass(frozen=True)
class Unlocked:
    """What a correct password or recovery code opens."""

    store_key: bytes
    member_uuid: uuid.UUID | None  # None: opened with the recovery code

    def __repr__(self) -> str:
        return f"Unlocked(member_uuid={self.member_uuid}, store_key=<hidden>)"


class KeyRing:
    def __init__(self, path: Path, store_id: str, wraps: list[Wrap], kdf: KdfParams) -> None:
        self.path = path
        self.store_id = store_id
        self._wraps = wraps
        self.kdf = kdf  # used for new wraps

    # --- file -----------------------------------------------------------------------------
    @classmethod
    def new(cls, path: Path, kdf: KdfParams = STRONG) -> tuple[KeyRing, bytes]:
        """A key ring for a new store and its fresh store key (nothing written yet)."""
        return cls(path, str(uuid.uuid4()), [], kdf), secrets.token_bytes(STORE_KEY_BYTES)

    @classmethod
    def load(cls, path: Path) -> KeyRing:
        """New entries get the KDF cost the existing ones have (so a test store made with
        weak settings stays weak and a real one strong), or the strong default."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("unknown key file format")
            wraps = [Wrap.from_json(w) for w in data["wraps"]]
            costs = {w.kdf for w in wraps}
            kdf = costs.pop() if len(costs) == 1 else STRONG
            return cls(path, str(data["store_id"]), wraps, kdf)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise KeyFileDamaged() from error

    def save(self) -> None:
        """Atomically (temporary file, fsync, rename), so a crash never leaves half a file."""
        data = {
            "format": FORMAT,
            "about": "Wijkteam key file: wrapped store keys, no personal data. Keep it with "
            "the store; without it the store cannot be opened.",
            "store_id": self.store_id,
            "wraps": [w.to_json() for w in self._wraps],
        }
        temporary = self.path.with_name(self.path.name + ".new")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    # --- reading --------------------------------------------------------------------------
    def member_uuids(self) -> set[uuid.UUID]:
        return {uuid.UUID(w.member_uuid) for w in self._wraps if w.member_uuid}

    def has_recovery(self) -> bool:
        return any(w.kind == RECOVERY for w in self._wraps)

    def unlock(self, initials: str, password: str) -> Unlocked:
        """Raises SignInRefused for unknown initials or a wrong password alike."""
        login = self._login(initials)
        for wrap in self._wraps:
            if wrap.kind == MEMBER and wrap.login == login:
                return Unlocked(self._open(wrap, password), uuid.UUID(str(wrap.member_uuid)))
        # Spend the same time as for a wrong password, so initials cannot be probed.
        derive(password, b"\0" * 16, self.kdf)
        raise SignInRefused()

    def unlock_member(self, member_uuid: uuid.UUID, password: str) -> Unlocked:
        for wrap in self._wraps:
            if wrap.kind == MEMBER and wrap.member_uuid == str(member_uuid):
                return Unlocked(self._open(wrap, password), member_uuid)
        raise SignInRefused()

    def unlock_recovery(self, code: str) -> Unlocked:
        clean = normalise_recovery_code(code)
        for wrap in self._wraps:
            if wrap.kind == RECOVERY:
                return Unlocked(self._open(wrap, clean), None)
        raise SignInRefused()

    def unlock_any(self, secret: str) -> Unlocked:
        """Headless commands: a member's password or the recovery code, tried against every
        entry (slow by design: one KDF run per entry)."""
        for wrap in self._wraps:
            attempt = normalise_recovery_code(secret) if wrap.kind == RECOVERY else secret
            try:
                key = self._open(wrap, attempt)
            except SignInRefused:
                continue
            member = uuid.UUID(wrap.member_uuid) if wrap.member_uuid else None
            return Unlocked(key, member)
        raise SignInRefused()

    # --- changing -------------------------------------------------------------------------
    def set_member(
        self, store_key: bytes, member_uuid: uuid.UUID, initials: str, password: str
    ) -> None:
        """Add or replace a member's entry (new account, password change or reset)."""
        self._wraps = [w for w in self._wraps if w.member_uuid != str(member_uuid)]
        self._wraps.append(
            self._wrap(store_key, MEMBER, str(member_uuid), self._login(initials), password)
        )

    def rename_member(self, member_uuid: uuid.UUID, initials: str) -> None:
        self._wraps = [
            replace(w, login=self._login(initials)) if w.member_uuid == str(member_uuid) else w
            for w in self._wraps
        ]

    def remove_member(self, member_uuid: uuid.UUID) -> None:
        self._wraps = [w for w in self._wraps if w.member_uuid != str(member_uuid)]

    def new_recovery_code(self, store_key: bytes) -> str:
        """Replace the recovery entry; the code is returned once and never stored."""
        code = new_recovery_code()
        self._wraps = [w for w in self._wraps if w.kind != RECOVERY]
        self._wraps.append(self._wrap(store_key, RECOVERY, None, None, code))
        return code

    # --- crypto ---------------------------------------------------------------------------
    def _login(self, initials: str) -> str:
        folded = "".join(initials.split()).upper()
        return hashlib.sha256(f"{self.store_id}|{folded}".encode()).hexdigest()

    def _aad(self, kind: str, member_uuid: str | None) -> bytes:
        return f"wijkteam-key|{FORMAT}|{self.store_id}|{kind}|{member_uuid or ''}".encode()

    def _wrap(
        self, store_key: bytes, kind: str, member_uuid: str | None, login: str | None, secret: str
    ) -> Wrap:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = derive(secret, salt, self.kdf)
        wrapped = AESGCM(kek).encrypt(nonce, store_key, self._aad(kind, member_uuid))
        return Wrap(kind, member_uuid, login, salt, self.kdf, nonce, wrapped)

    def _open(self, wrap: Wrap, secret: str) -> bytes:
        kek = derive(secret, wrap.salt, wrap.kdf)
        try:
            return AESGCM(kek).decrypt(
                wrap.nonce, wrap.wrapped, self._aad(wrap.kind, wrap.member_uuid)
            )
        except InvalidTag as error:
            raise SignInRefused() from error


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    return base64.b64decode(str(text), validate=True)


class OpenKeyRing:
    """The key ring together with the store key, after a member signed in: adds, changes
    and removes entries and saves the file at once."""

    def __init__(self, ring: KeyRing, store_key: bytes) -> None:
        self.ring = ring
        self._store_key = store_key

    def __repr__(self) -> str:
        return "OpenKeyRing(<hidden>)"

    @property
    def store_key(self) -> bytes:
        return self._store_key

    def has_account(self, member_uuid: uuid.UUID) -> bool:
        return member_uuid in self.ring.member_uuids()

    def set_member(self, member_uuid: uuid.UUID, initials: str, password: str) -> None:
        self.ring.set_member(self._store_key, member_uuid, initials, password)
        self.ring.save()

    def rename_member(self, member_uuid: uuid.UUID, initials: str) -> None:
        self.ring.rename_member(member_uuid, initials)
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
