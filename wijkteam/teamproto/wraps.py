"""What the server keeps so that laptops can get keys without the server reading them.

- Epoch keys wrapped to one device's box key (or to the team recovery key), signed by the
  coordinator, so a server cannot hand a laptop a key of its own making.
- An invite's bundle: the team's epoch keys, the coordinator's public signing key and the
  server pins, sealed under a key derived from the invite code's key part (which never reaches
  the server). The joining device's public keys travel back to the coordinator sealed under
  the same key part, so the server cannot slip in keys of its own.
- The coordinator signing key wrapped to the team recovery key.
"""

from __future__ import annotations

import json
from typing import Any

from wijkteam.teamproto.encoding import sha256, tagged
from wijkteam.teamproto.errors import OpenFailed
from wijkteam.teamproto.keys import (
    BoxKey,
    SigningKey,
    aead_open,
    aead_seal,
    derive,
    verify,
    wrap_to,
)

RECOVERY_RECIPIENT = "recovery"
SIGNATURE = 64


def _epoch_context(team: str, epoch: int, recipient: str) -> bytes:
    return tagged("wijkteam-epoch-wrap-v1", [team, epoch, recipient])


def wrap_epoch(
    coordinator: SigningKey, team: str, epoch: int, recipient: str, box_public: bytes, key: bytes
) -> bytes:
    context = _epoch_context(team, epoch, recipient)
    wrapped = wrap_to(box_public, key, context)
    return coordinator.sign(context + sha256(wrapped)) + wrapped


def unwrap_epoch(
    box: BoxKey, coordinator_public: bytes, team: str, epoch: int, recipient: str, blob: bytes
) -> bytes:
    context = _epoch_context(team, epoch, recipient)
    signature, wrapped = blob[:SIGNATURE], blob[SIGNATURE:]
    verify(coordinator_public, signature, context + sha256(wrapped))
    return box.unwrap(wrapped, context)


def _bundle_key(key_part: bytes) -> bytes:
    return derive(key_part, "wijkteam-invite-bundle-v1")


def seal_bundle(key_part: bytes, auth_hash: str, bundle: dict[str, Any]) -> bytes:
    associated = tagged("wijkteam-invite-v1", [auth_hash])
    return aead_seal(_bundle_key(key_part), json.dumps(bundle).encode(), associated)


def open_bundle(key_part: bytes, auth_hash: str, sealed: bytes) -> dict[str, Any]:
    associated = tagged("wijkteam-invite-v1", [auth_hash])
    bundle = json.loads(aead_open(_bundle_key(key_part), sealed, associated))
    if not isinstance(bundle, dict):
        raise OpenFailed()
    return bundle


def seal_enrolment(
    key_part: bytes, auth_hash: str, device: str, box_public: bytes, signing_public: bytes
) -> bytes:
    associated = tagged("wijkteam-enrol-v1", [auth_hash, device])
    key = derive(key_part, "wijkteam-invite-enrol-v1")
    return aead_seal(key, box_public + signing_public, associated)


def open_enrolment(
    key_part: bytes, auth_hash: str, device: str, sealed: bytes
) -> tuple[bytes, bytes]:
    """The joining device's (box public key, signing public key)."""
    associated = tagged("wijkteam-enrol-v1", [auth_hash, device])
    raw = aead_open(derive(key_part, "wijkteam-invite-enrol-v1"), sealed, associated)
    if len(raw) != 64:
        raise OpenFailed()
    return raw[:32], raw[32:]


def wrap_signing_key(recovery_public: bytes, team: str, coordinator: SigningKey) -> bytes:
    context = tagged("wijkteam-recovery-signing-v1", [team])
    return wrap_to(recovery_public, coordinator.private, context)


def unwrap_signing_key(recovery: BoxKey, team: str, blob: bytes) -> SigningKey:
    context = tagged("wijkteam-recovery-signing-v1", [team])
    return SigningKey(recovery.unwrap(blob, context))
