"""Key pairs, key wrapping and signatures (X25519, Ed25519, HKDF, AES-256-GCM).

- A device has a box key pair (X25519: epoch keys are wrapped to it) and a signing key pair
  (Ed25519: its heads are signed with it).
- The team's coordinator signing key (Ed25519) signs the device list, erasures, tombstones and
  server-key announcements; every laptop pins its public half.
- A wrap is an ephemeral X25519 agreement with the recipient's public key, HKDF-SHA256 and
  AES-256-GCM, bound to a context (team, purpose, epoch, recipient) as associated data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from wijkteam.teamproto.encoding import sha256
from wijkteam.teamproto.errors import OpenFailed, SignatureInvalid

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NO_ENC = serialization.NoEncryption()
NONCE = 12


def new_secret() -> bytes:
    """A fresh 256-bit key (an epoch key)."""
    return AESGCM.generate_key(bit_length=256)


def derive(secret: bytes, purpose: str, length: int = 32) -> bytes:
    """A key for one purpose from a high-entropy secret (a code's key part, a recovery secret)."""
    return HKDF(hashes.SHA256(), length, salt=None, info=purpose.encode()).derive(secret)


@lru_cache(maxsize=64)
def _aead(key: bytes) -> AESGCM:
    return AESGCM(key)


def aead_seal(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    return nonce + _aead(key).encrypt(nonce, plaintext, associated)


def aead_open(key: bytes, sealed: bytes, associated: bytes) -> bytes:
    try:
        return _aead(key).decrypt(sealed[:NONCE], sealed[NONCE:], associated)
    except (InvalidTag, ValueError) as error:
        raise OpenFailed() from error


@dataclass(frozen=True)
class SigningKey:
    private: bytes

    @staticmethod
    def new() -> SigningKey:
        return SigningKey(Ed25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIV, _NO_ENC))

    @property
    def public(self) -> bytes:
        key = Ed25519PrivateKey.from_private_bytes(self.private).public_key()
        return key.public_bytes(_RAW, _RAW_PUB)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.private).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError) as error:
        raise SignatureInvalid() from error


@dataclass(frozen=True)
class BoxKey:
    private: bytes

    @staticmethod
    def new() -> BoxKey:
        return BoxKey(X25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIV, _NO_ENC))

    @staticmethod
    def from_secret(secret: bytes) -> BoxKey:
        """The recovery box key, derived from the team recovery code's secret."""
        return BoxKey(derive(secret, "wijkteam-recovery-box-v1"))

    @property
    def public(self) -> bytes:
        key = X25519PrivateKey.from_private_bytes(self.private).public_key()
        return key.public_bytes(_RAW, _RAW_PUB)

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes:
        if len(wrapped) < 32 + NONCE:
            raise OpenFailed()
        ephemeral = X25519PublicKey.from_public_bytes(wrapped[:32])
        shared = X25519PrivateKey.from_private_bytes(self.private).exchange(ephemeral)
        key = _wrap_key(shared, wrapped[:32], self.public, context)
        return aead_open(key, wrapped[32:], context)


def wrap_to(recipient_public: bytes, secret: bytes, context: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _wrap_key(shared, eph_public, recipient_public, context)
    return eph_public + aead_seal(key, secret, context)


def _wrap_key(shared: bytes, eph_public: bytes, recipient: bytes, context: bytes) -> bytes:
    salt = eph_public + recipient
    return HKDF(hashes.SHA256(), 32, salt=salt, info=b"wijkteam-wrap-v1" + context).derive(shared)


@dataclass(frozen=True)
class DeviceKeys:
    box: BoxKey
    signing: SigningKey

    @staticmethod
    def new() -> DeviceKeys:
        return DeviceKeys(BoxKey.new(), SigningKey.new())


def spki_pin(der_certificate: bytes) -> bytes:
    """SHA-256 of the certificate's SubjectPublicKeyInfo: survives a renewed certificate
    with the same key."""
    from cryptography import x509

    certificate = x509.load_der_x509_certificate(der_certificate)
    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return sha256(spki)


def spki_pin_of_pem(pem: bytes) -> bytes:
    from cryptography import x509

    return spki_pin(x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER))
