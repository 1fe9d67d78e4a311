"""Small cryptographic building blocks of the key file, all from `cryptography`.

- `seal`/`unseal`: encrypt to an X25519 public key (an ephemeral key pair, HKDF-SHA256 and
  AES-256-GCM), so anyone holding the store key can wrap a new one for every account without
  knowing their passwords (key rotation), and a sign-in attempt can be written down before the
  store is open without anyone but the store being able to read it.
- `lock`/`unlock`: AES-256-GCM under a symmetric key, with a random nonce.
Associated data binds every piece to its place in the file, so pieces cannot be swapped.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE = 12
RAW = serialization.Encoding.Raw


class Unreadable(Exception):
    """The key or the associated data does not fit (never says which)."""


@dataclass(frozen=True)
class Locked:
    nonce: bytes
    data: bytes

    def to_json(self) -> dict[str, str]:
        return {"nonce": b64(self.nonce), "data": b64(self.data)}

    @classmethod
    def from_json(cls, value: dict) -> Locked:  # type: ignore[type-arg]
        return cls(unb64(value["nonce"]), unb64(value["data"]))


@dataclass(frozen=True)
class Sealed:
    ephemeral: bytes  # the sender's one-time public key
    nonce: bytes
    data: bytes

    def to_json(self) -> dict[str, str]:
        return {"ephemeral": b64(self.ephemeral), "nonce": b64(self.nonce), "data": b64(self.data)}

    @classmethod
    def from_json(cls, value: dict) -> Sealed:  # type: ignore[type-arg]
        return cls(unb64(value["ephemeral"]), unb64(value["nonce"]), unb64(value["data"]))


def lock(key: bytes, plain: bytes, aad: bytes) -> Locked:
    nonce = secrets.token_bytes(NONCE)
    return Locked(nonce, AESGCM(key).encrypt(nonce, plain, aad))


def unlock(key: bytes, locked: Locked, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(locked.nonce, locked.data, aad)
    except (InvalidTag, ValueError) as error:
        raise Unreadable() from error


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) as 32 raw bytes each."""
    private = X25519PrivateKey.generate()
    return (
        private.private_bytes(RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        private.public_key().public_bytes(RAW, serialization.PublicFormat.Raw),
    )


def seal(public: bytes, plain: bytes, aad: bytes) -> Sealed:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    key = _kdf(shared, ephemeral_public, public, aad)
    nonce = secrets.token_bytes(NONCE)
    return Sealed(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, plain, aad))


def unseal(private: bytes, sealed: Sealed, aad: bytes) -> bytes:
    try:
        own = X25519PrivateKey.from_private_bytes(private)
        public = own.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
        shared = own.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
        key = _kdf(shared, sealed.ephemeral, public, aad)
        return AESGCM(key).decrypt(sealed.nonce, sealed.data, aad)
    except (InvalidTag, ValueError) as error:
        raise Unreadable() from error


def _kdf(shared: bytes, ephemeral_public: bytes, public: bytes, aad: bytes) -> bytes:
    info = b"wijkteam-seal|" + ephemeral_public + public + aad
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    return base64.b64decode(str(text), validate=True)
