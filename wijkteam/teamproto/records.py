"""Records on the wire: sealed with the epoch key, the fields the server sees bound to them.

A record's associated data binds team, kind, UUID, version, key epoch and the tombstone flag,
so the server cannot move a ciphertext to another record, version or epoch, nor turn it into a
tombstone. Control records (kind "control.*") and tombstones are also signed inside the
ciphertext with the coordinator's key: the team key is shared by every member, so it can
never be what proves a coordinator's action.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wijkteam.teamproto.encoding import b64, tagged, unb64
from wijkteam.teamproto.errors import OpenFailed, SignatureInvalid
from wijkteam.teamproto.keys import SigningKey, aead_open, aead_seal, derive, verify

CONTROL_PREFIX = "control."
DEVICE_LIST = "control.devices"
ERASURE = "control.erasure"
SERVER_KEY = "control.server_key"


@dataclass(frozen=True)
class RecordId:
    """What the server stores beside a record's ciphertext (besides device and timestamps)."""

    team: str
    kind: str
    uuid: str
    version: int
    epoch: int
    tombstone: bool = False

    def associated(self) -> bytes:
        fields = [self.team, self.kind, self.uuid, self.version, self.epoch, self.tombstone]
        return tagged("wijkteam-record-v1", fields)


def needs_coordinator(kind: str, tombstone: bool) -> bool:
    return tombstone or kind.startswith(CONTROL_PREFIX)


@lru_cache(maxsize=64)
def record_key(epoch_key: bytes) -> bytes:
    return derive(epoch_key, "wijkteam-records-v1")


def seal(epoch_key: bytes, ident: RecordId, plaintext: bytes) -> bytes:
    return aead_seal(record_key(epoch_key), plaintext, ident.associated())


def open_sealed(epoch_key: bytes, ident: RecordId, ciphertext: bytes) -> bytes:
    return aead_open(record_key(epoch_key), ciphertext, ident.associated())


def _signed_message(ident: RecordId, body: Any) -> bytes:
    return tagged("wijkteam-control-v1", [ident.associated().decode(), body])


def sign_control(coordinator: SigningKey, ident: RecordId, body: Any) -> bytes:
    """The plaintext of a control record or tombstone: its body and the coordinator's
    signature over body and record identity (so an old signed body cannot be replayed
    under another version, record or team)."""
    signature = coordinator.sign(_signed_message(ident, body))
    return json.dumps({"body": body, "sig": b64(signature)}, sort_keys=True).encode()


def verify_control(coordinator_public: bytes, ident: RecordId, plaintext: bytes) -> Any:
    """The body of a signed control record or tombstone; SignatureInvalid if it is not."""
    try:
        wrapper = json.loads(plaintext)
        body, signature = wrapper["body"], unb64(wrapper["sig"])
    except (ValueError, KeyError, TypeError) as error:
        raise SignatureInvalid() from error
    verify(coordinator_public, signature, _signed_message(ident, body))
    return body


def open_record(epoch_key: bytes, ident: RecordId, ciphertext: bytes) -> bytes:
    """Plaintext of an ordinary record (OpenFailed if it does not open)."""
    if not ciphertext:
        raise OpenFailed()
    return open_sealed(epoch_key, ident, ciphertext)
