"""Everything the protocol engine remembers between rounds, as one plain dataclass.

The laptop keeps it inside its encrypted store (it holds the device's private keys, the token
and the team's epoch keys) and must save it in the same transaction as the outbox changes
that a push or pull reports, whenever the engine calls its `persist` hook: a batch that may
have reached the server must be resent byte for byte, never resealed. The versions seen of
each record are not in the JSON: see versions.py.
"""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import dataclass, field, fields, replace
from typing import Any

from wijkteam.teamproto.heads import GENESIS
from wijkteam.teamsync.versions import Versions

_BYTES = (
    "box_private",
    "signing_private",
    "coordinator_public",
    "coordinator_private",
    "recovery_public",
)


_LAYOUT = "layout"  # 3: no `versions` (their own table); 1, 2: `versions` in the JSON


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
    versions: Versions = field(default_factory=Versions)  # "kind/uuid" -> highest pulled
    devices: dict[str, dict[str, str]] = field(default_factory=dict)  # the signed device list
    waiting: list[dict[str, Any]] = field(default_factory=list)  # pushes of unlisted devices
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    in_flight: dict[str, Any] | None = None  # the batch being pushed, exactly as sent
    invites: dict[str, dict[str, Any]] = field(default_factory=dict)  # auth hash -> invite
    recovery_public: bytes | None = None

    def to_json(self) -> str:
        """Everything but `versions` (the caller saves `versions.take_dirty()` beside it)."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "versions"}
        data["peers"] = {k: {"seq": p.seq, "chain": p.chain} for k, p in self.peers.items()}
        for name in _BYTES:
            if data[name] is not None:
                data[name] = base64.b64encode(data[name]).decode()
        data["epochs"] = {str(k): base64.b64encode(v).decode() for k, v in self.epochs.items()}
        return json.dumps({_LAYOUT: 3, **data})

    @staticmethod
    def from_json(text: str, versions: Versions | None = None) -> DeviceState:
        """`versions`: where the versions are kept (in memory if not given). A state written
        before layout 3 brings its versions along, to be saved with the next save."""
        data = json.loads(text)
        data.pop(_LAYOUT, 1)
        for name in _BYTES:
            if data[name] is not None:
                data[name] = base64.b64decode(data[name])
        data["epochs"] = {int(k): base64.b64decode(v) for k, v in data["epochs"].items()}
        data["peers"] = {k: PeerState(**v) for k, v in data["peers"].items()}
        legacy = data.pop("versions", None) or {}
        data["versions"] = versions if versions is not None else Versions()
        data["versions"].load(legacy)
        for key, version in legacy.items():
            if version > data["versions"].get(key, 0):
                data["versions"][key] = int(version)
        return DeviceState(**data)

    def copy(self) -> DeviceState:
        """A copy to verify a page on: the versions as a layer over this state's (taken
        over with `Versions.adopt`), the rest copied; what verification changes never
        touches `self`."""
        return replace(
            self,
            pins=list(self.pins),
            epochs=dict(self.epochs),
            peers={k: PeerState(p.seq, p.chain) for k, p in self.peers.items()},
            versions=self.versions.layer(),
            devices={k: dict(v) for k, v in self.devices.items()},
            waiting=copy.deepcopy(self.waiting),
            quarantine=[dict(q) for q in self.quarantine],
            in_flight=copy.deepcopy(self.in_flight),
            invites=copy.deepcopy(self.invites),
        )
