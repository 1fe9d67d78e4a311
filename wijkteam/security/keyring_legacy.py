"""Key files of format 1 (before key rotation): each password wrapped the store key directly,
with its own salt, and each member entry carried a hash of the member's initials.

Such a file still opens. The hashes of initials are dropped the first time the file is saved
again, so an old entry is found by trying it (one key derivation per old entry). The first
time a member signs in with an old entry, it is replaced by a new one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from wijkteam.security.kdf import KdfParams, derive
from wijkteam.security.sealing import Locked, Unreadable, b64, unb64, unlock

FORMAT_1 = 1


@dataclass(frozen=True)
class LegacyEntry:
    kind: str
    member_uuid: str | None
    salt: bytes
    kdf: KdfParams
    wrapped: Locked
    login: str | None = None  # only while the format-1 file has not been saved again

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "member_uuid": self.member_uuid,
            "salt": b64(self.salt),
            "kdf": self.kdf.to_json(),
            "store_key": self.wrapped.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict) -> LegacyEntry:  # type: ignore[type-arg]
        return cls(
            kind=str(data["kind"]),
            member_uuid=data.get("member_uuid"),
            salt=unb64(data["salt"]),
            kdf=KdfParams.from_json(data["kdf"]),
            wrapped=Locked.from_json(data["store_key"]),
        )

    @classmethod
    def from_format_1(cls, data: dict) -> LegacyEntry:  # type: ignore[type-arg]
        return cls(
            kind=str(data["kind"]),
            member_uuid=data.get("member_uuid"),
            salt=unb64(data["salt"]),
            kdf=KdfParams.from_json(data["kdf"]),
            wrapped=Locked(unb64(data["nonce"]), unb64(data["wrapped"])),
            login=data.get("login"),
        )

    def open(self, store_id: str, secret: str) -> bytes:
        """The store key, or Unreadable."""
        kek = derive(secret, self.salt, self.kdf)
        aad = f"wijkteam-key|{FORMAT_1}|{store_id}|{self.kind}|{self.member_uuid or ''}"
        return unlock(kek, self.wrapped, aad.encode())

    def matches_login(self, store_id: str, initials: str) -> bool:
        """Without a login hash (saved once since), every entry is worth a try."""
        if self.login is None:
            return True
        folded = "".join(initials.split()).upper()
        return self.login == hashlib.sha256(f"{store_id}|{folded}".encode()).hexdigest()


__all__ = ["FORMAT_1", "LegacyEntry", "Unreadable"]
