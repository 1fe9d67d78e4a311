"""Deriving a key-encryption key from a password or recovery code (scrypt, memory-hard).

scrypt comes with Python's hashlib (OpenSSL), so no extra dependency is needed for it.
The cost is stored with every wrapped key, so stronger settings can come later without
locking anyone out. Weak settings exist only for tests, which pass them explicitly.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost: n (CPU/memory, a power of two), r (block size), p (parallelism)."""

    n: int = 2**17  # with r=8: 128 MiB and about half a second on a laptop (OWASP advice)
    r: int = 8
    p: int = 1

    def to_json(self) -> dict[str, object]:
        return {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> KdfParams:
        if data.get("name") != "scrypt":
            raise ValueError("unknown kdf")
        return cls(n=int(data["n"]), r=int(data["r"]), p=int(data["p"]))  # type: ignore[call-overload]


STRONG = KdfParams()


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    text = unicodedata.normalize("NFC", secret).encode("utf-8")
    memory = 128 * params.n * params.r * params.p
    return hashlib.scrypt(
        text,
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=memory + 16 * 1024 * 1024,
        dklen=KEY_BYTES,
    )
