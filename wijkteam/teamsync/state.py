"""Everything the protocol engine remembers between rounds, as one plain dataclass.

The laptop keeps it inside its encrypted store (it holds the device's private keys, the token
and the team's epoch keys) and must save it in the same transaction as the outbox changes
that a push or pull reports, whenever the engine calls its `persist` hook: a batch that may
have reached the server must be resent byte for byte, never resealed.
"""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import dataclass, field, fields, replace
from typing import Any

from wijkteam.teamproto.heads import GENESIS

_BYTES = (
    "box_private",
    "signing_private",
    "coordinator_public",
    "coordinator_private",
    "recovery_public",
)


_LAYOUT = "layout"  # 2: `versions` comes last (its encoding is reused when loaded)
_VERSIONS_LAST = ', "versions": '


@dataclass
class PeerState:
    """How far this laptop has replayed one device's chain."""

    seq: int = 0
    chain: str = GENESIS


@dataclass
class DeviceState:
    server: str
    pins: list[str]  # hex SHA-256 of the server's SubjectPublicKeyInfo (current and announced)
    team: str
    device: str
    token: str
    role: str  # "coordinator" | "member"
    member: str  # the member's UUID this device belongs to
    box_private: bytes
    signing_private: bytes
    coordinator_public: bytes
    coordinator_private: bytes | None = None  # only on the coordinator's device
    epochs: dict[int, bytes] = field(default_factory=dict)
    current_epoch: int = 1
    cursor: str = "0:0"
    seq: int = 0  # this device's own chain
    chain: str = GENESIS
    erasures: int = 0  # the erasure ledger this laptop applied
    erasure_chain: str = GENESIS
    peers: dict[str, PeerState] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)  # "kind/uuid" -> highest pulled
    devices: dict[str, dict[str, str]] = field(default_factory=dict)  # the signed device list
    waiting: list[dict[str, Any]] = field(default_factory=list)  # pushes of unlisted devices
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    in_flight: dict[str, Any] | None = None  # the batch being pushed, exactly as sent
    invites: dict[str, dict[str, Any]] = field(default_factory=dict)  # auth hash -> invite
    recovery_public: bytes | None = None

    def to_json(self) -> str:
        # Field by field, not dataclasses.asdict: its deep recursion over `versions` (one
        # entry per record the team holds) made each save of the state take tens of ms.
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["peers"] = {k: {"seq": p.seq, "chain": p.chain} for k, p in self.peers.items()}
        for name in _BYTES:
            if data[name] is not None:
                data[name] = base64.b64encode(data[name]).decode()
        data["epochs"] = {str(k): base64.b64encode(v).decode() for k, v in self.epochs.items()}
        del data["versions"]
        text = json.dumps({_LAYOUT: 2, **data})
        return f"{text[:-1]}{_VERSIONS_LAST}{self._versions_json()}}}"

    def _versions_json(self) -> str:
        """`versions` as JSON, kept while the map is unchanged: it holds an entry per record
        the team ever sent (tens of thousands), and the state is saved several times a
        round. The map only grows and its versions only rise (verify.py), so the same map
        with the same length and sum is unchanged."""
        versions = self.versions
        key = (id(versions), len(versions), sum(versions.values()))
        cached = self.__dict__.get("_versions_cache")
        if cached is None or cached[0] != key or cached[1] is not versions:
            cached = (key, versions, json.dumps(versions))
            self.__dict__["_versions_cache"] = cached
        return cached[2]

    @staticmethod
    def from_json(text: str) -> DeviceState:
        data = json.loads(text)
        layout = data.pop(_LAYOUT, 1)
        for name in _BYTES:
            if data[name] is not None:
                data[name] = base64.b64decode(data[name])
        data["epochs"] = {int(k): base64.b64decode(v) for k, v in data["epochs"].items()}
        data["peers"] = {k: PeerState(**v) for k, v in data["peers"].items()}
        state = DeviceState(**data)
        if layout == 2:  # written by to_json: the text ends with the versions as encoded
            versions = state.versions
            tail = text[text.rfind(_VERSIONS_LAST) + len(_VERSIONS_LAST) : -1]
            key = (id(versions), len(versions), sum(versions.values()))
            state.__dict__["_versions_cache"] = (key, versions, tail)
        return state

    def copy(self) -> DeviceState:
        """A copy to verify a page on: the large maps copied flat (their values are
        immutable), the rest deep; what verification changes never touches `self`."""
        return replace(
            self,
            pins=list(self.pins),
            epochs=dict(self.epochs),
            peers={k: PeerState(p.seq, p.chain) for k, p in self.peers.items()},
            versions=dict(self.versions),
            devices={k: dict(v) for k, v in self.devices.items()},
            waiting=copy.deepcopy(self.waiting),
            quarantine=[dict(q) for q in self.quarantine],
            in_flight=copy.deepcopy(self.in_flight),
            invites=copy.deepcopy(self.invites),
        )
