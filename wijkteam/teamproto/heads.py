"""Per-device chains and signed heads.

Every operation a device pushes extends its running hash; each push carries the device's head
(sequence number, running hash, erasure-ledger head, and the sequence numbers it has seen of
the other devices), signed with the device's own key. A laptop replays each device's chain
from what it pulls: a server that drops or holds back the end of a device's pushes, or an
erasure, is caught as soon as a head (that device's or any other's) names more than arrived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wijkteam.teamproto.encoding import b64, sha256, tagged, unb64
from wijkteam.teamproto.keys import SigningKey, verify

GENESIS = "00" * 32


@dataclass(frozen=True)
class OpDigestInput:
    op_id: str
    kind: str
    uuid: str
    version: int
    epoch: int
    tombstone: bool
    ciphertext: bytes
    # For an op whose ciphertext the server dropped (a newer tombstone of the record): the
    # sha256 of that ciphertext, which is all the chain hashes of it.
    ciphertext_sha256: bytes | None = None


def op_digest(op: OpDigestInput) -> bytes:
    hashed = op.ciphertext_sha256 if op.ciphertext_sha256 is not None else sha256(op.ciphertext)
    fields = [op.op_id, op.kind, op.uuid, op.version, op.epoch, op.tombstone, hashed.hex()]
    return sha256(tagged("wijkteam-op-v1", fields))


def extend(chain: str, op: OpDigestInput) -> str:
    return sha256(bytes.fromhex(chain) + op_digest(op)).hex()


def extend_erasures(ledger: str, kind: str, uuid: str, version: int) -> str:
    entry = tagged("wijkteam-erasure-v1", [kind, uuid, version])
    return sha256(bytes.fromhex(ledger) + entry).hex()


@dataclass(frozen=True)
class Head:
    team: str
    device: str
    seq: int
    chain: str
    erasures: int = 0
    erasure_chain: str = GENESIS
    seen: dict[str, int] = field(default_factory=dict)
    signature: bytes = b""

    def _message(self) -> bytes:
        fields = [
            self.team,
            self.device,
            self.seq,
            self.chain,
            self.erasures,
            self.erasure_chain,
            sorted(self.seen.items()),
        ]
        return tagged("wijkteam-head-v1", fields)

    def signed(self, key: SigningKey) -> Head:
        return Head(
            self.team,
            self.device,
            self.seq,
            self.chain,
            self.erasures,
            self.erasure_chain,
            dict(self.seen),
            key.sign(self._message()),
        )

    def verify(self, device_public: bytes) -> None:
        verify(device_public, self.signature, self._message())

    def to_wire(self) -> dict[str, Any]:
        return {
            "team": self.team,
            "device": self.device,
            "seq": self.seq,
            "chain": self.chain,
            "erasures": self.erasures,
            "erasure_chain": self.erasure_chain,
            "seen": dict(self.seen),
            "sig": b64(self.signature),
        }

    @staticmethod
    def from_wire(data: dict[str, Any]) -> Head:
        return Head(
            str(data["team"]),
            str(data["device"]),
            int(data["seq"]),
            str(data["chain"]),
            int(data.get("erasures", 0)),
            str(data.get("erasure_chain", GENESIS)),
            {str(k): int(v) for k, v in dict(data.get("seen", {})).items()},
            unb64(str(data["sig"])),
        )
