"""Verification of what a pull delivers, before anything is applied.

Per push, in commit order:
1. the pushing device's chain is replayed from the operations (sequence numbers without gaps,
   every record present, running hash equal to the signed head's);
2. the head's view of other devices and of the erasure ledger must not be ahead of this
   laptop: what another device saw before it pushed was committed before, so it is owed;
3. the head's signature is checked with the device's key from the coordinator-signed device
   list (pushes of devices not listed yet wait; control records, signed by the coordinator
   themselves, are applied at once so a device list can introduce its own pusher);
4. each record opens under its epoch key with its fields bound, is not older than a version
   already seen, and, if a control record or tombstone, carries the coordinator's signature.
Anything failing 3 or 4 is quarantined (never applied); failing 1 or 2 raises ChainBroken.

An op whose ciphertext the server dropped (a newer tombstone of the record: an erasure or a
retention removal) arrives as "dropped" with the sha256 the chain hashes, and the tombstone
inlined as its proof. The chain takes the digest only if that tombstone is of the same record,
newer, opens under its epoch key and carries the coordinator's signature; otherwise the server
withholds a record (ChainBroken). A dropped op applies nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wijkteam.teamproto.encoding import canonical, unb64
from wijkteam.teamproto.errors import ChainBroken, OpenFailed, SignatureInvalid
from wijkteam.teamproto.heads import Head, OpDigestInput, extend, extend_erasures
from wijkteam.teamproto.records import (
    CONTROL_PREFIX,
    DEVICE_LIST,
    ERASURE,
    SERVER_KEY,
    RecordId,
    needs_coordinator,
    open_record,
    verify_control,
)
from wijkteam.teamsync.state import DeviceState, PeerState

QUARANTINE_KEPT = 1000


@dataclass(frozen=True)
class Received:
    """A verified record for the laptop to apply (payload: the record's plaintext; for a
    control record or tombstone the canonical JSON of its signed body)."""

    kind: str
    uuid: str
    version: int
    device: str
    tombstone: bool
    payload: bytes


@dataclass(frozen=True)
class Quarantined:
    kind: str
    uuid: str
    version: int
    device: str
    reason: str  # open_failed | no_key | signature | head_signature | revoked | version_rollback


@dataclass
class PullOutcome:
    received: list[Received] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    devices_changed: bool = False

    def extend(self, other: PullOutcome) -> None:
        self.received += other.received
        self.quarantined += other.quarantined
        self.devices_changed |= other.devices_changed


def process_push(state: DeviceState, pushed: dict[str, Any], outcome: PullOutcome) -> None:
    device, ops = str(pushed["device"]), list(pushed["ops"])
    head = Head.from_wire(pushed["head"])
    peer = state.peers.setdefault(device, PeerState())
    if ops and int(ops[0]["seq"]) <= peer.seq:  # offered again: a replay of old versions
        for op in ops:
            _quarantine(state, outcome, device, op, "version_rollback")
        return
    _replay(state, device, peer, head, ops)
    _check_views(state, head)
    if device != state.device and device not in state.devices:
        rest = [op for op in ops if not _is_control(op) or not _apply(state, device, op, outcome)]
        if device not in state.devices:
            state.waiting.append({"device": device, "head": pushed["head"], "ops": rest})
            return
        ops = rest
    _finish(state, device, head, ops, outcome, late=False)


def release_waiting(state: DeviceState, outcome: PullOutcome) -> None:
    still = []
    for pushed in state.waiting:
        device = pushed["device"]
        if device in state.devices:
            head = Head.from_wire(pushed["head"])
            _finish(state, device, head, pushed["ops"], outcome, late=True)
        else:
            still.append(pushed)
    state.waiting = still


def _replay(
    state: DeviceState, device: str, peer: PeerState, head: Head, ops: list[dict[str, Any]]
) -> None:
    seq, chain = peer.seq, peer.chain
    for op in ops:
        if int(op["seq"]) != seq + 1:
            raise ChainBroken("team_chain_broken", device=device, reason="gap")
        if op.get("ciphertext") is None and not _proven_drop(state, op):
            reason = "dropped_unproven" if op.get("dropped") else "record_missing"
            raise ChainBroken("team_chain_broken", device=device, reason=reason)
        chain = extend(chain, _digest(op))
        seq += 1
    if (head.team, head.device, head.seq, head.chain) != (state.team, device, seq, chain):
        raise ChainBroken("team_chain_broken", device=device, reason="head")
    peer.seq, peer.chain = seq, chain


def _check_views(state: DeviceState, head: Head) -> None:
    for other, seen in head.seen.items():
        if other == state.device:
            continue
        if state.peers.get(other, PeerState()).seq < seen:
            raise ChainBroken("team_chain_broken", device=other, reason="withheld")
    if head.erasures > state.erasures or (
        head.erasures == state.erasures and head.erasure_chain != state.erasure_chain
    ):
        raise ChainBroken("team_chain_broken", device=head.device, reason="erasure_withheld")


def _finish(
    state: DeviceState,
    device: str,
    head: Head,
    ops: list[dict[str, Any]],
    outcome: PullOutcome,
    *,
    late: bool,
) -> None:
    own = device == state.device
    entry = state.devices.get(device, {})
    reason = None
    if not own:
        try:
            head.verify(unb64(entry["sign"]))
        except (KeyError, ValueError, SignatureInvalid):
            reason = "head_signature"
        if entry.get("status") == "revoked":
            reason = "revoked"
    for op in ops:
        if reason is not None:
            _quarantine(state, outcome, device, op, reason)
        else:
            _apply(state, device, op, outcome, own=own, late=late)


def _apply(
    state: DeviceState,
    device: str,
    op: dict[str, Any],
    outcome: PullOutcome,
    *,
    own: bool = False,
    late: bool = False,
) -> bool:
    if op.get("ciphertext") is None:  # dropped (proven in _replay): nothing left to apply
        return True
    kind, uuid, version = str(op["kind"]), str(op["uuid"]), int(op["version"])
    epoch, tombstone = int(op["key_epoch"]), bool(op["tombstone"])
    slot = f"{kind}/{uuid}"
    if version <= state.versions.get(slot, 0):
        if not late:
            _quarantine(state, outcome, device, op, "version_rollback")
        return False
    key = state.epochs.get(epoch)
    if key is None:
        _quarantine(state, outcome, device, op, "no_key")
        return False
    ident = RecordId(state.team, kind, uuid, version, epoch, tombstone)
    try:
        payload = open_record(key, ident, _ciphertext(op))
    except (OpenFailed, ValueError):
        _quarantine(state, outcome, device, op, "open_failed")
        return False
    if needs_coordinator(kind, tombstone):
        try:
            body = verify_control(state.coordinator_public, ident, payload)
        except SignatureInvalid:
            _quarantine(state, outcome, device, op, "signature")
            return False
        payload = canonical(body)
        _control(state, kind, uuid, version, body, outcome)
    state.versions[slot] = version
    if not own:
        outcome.received.append(Received(kind, uuid, version, device, tombstone, payload))
    return True


def _control(
    state: DeviceState, kind: str, uuid: str, version: int, body: Any, outcome: PullOutcome
) -> None:
    if kind == DEVICE_LIST:
        state.devices = {str(k): dict(v) for k, v in body["devices"].items()}
        outcome.devices_changed = True
    elif kind == ERASURE:
        state.erasures += 1
        state.erasure_chain = extend_erasures(state.erasure_chain, kind, uuid, version)
    elif kind == SERVER_KEY:
        for pin in body.get("pins", []):
            if pin not in state.pins:
                state.pins.append(str(pin))


def _is_control(op: dict[str, Any]) -> bool:
    return str(op["kind"]).startswith(CONTROL_PREFIX)


def _proven_drop(state: DeviceState, op: dict[str, Any]) -> bool:
    """Whether a dropped op comes with a newer coordinator-signed tombstone of its record."""
    proof, dropped = op.get("proof"), op.get("dropped")
    if not isinstance(proof, dict) or not isinstance(dropped, str) or len(dropped) != 64:
        return False
    try:
        bytes.fromhex(dropped)
        version, epoch = int(proof["version"]), int(proof["key_epoch"])
        if version <= int(op["version"]):
            return False
        key = state.epochs.get(epoch)
        if key is None:
            return False
        ident = RecordId(state.team, str(op["kind"]), str(op["uuid"]), version, epoch, True)
        payload = open_record(key, ident, unb64(proof["ciphertext"]))
        verify_control(state.coordinator_public, ident, payload)
    except (KeyError, TypeError, ValueError, OpenFailed, SignatureInvalid):
        return False
    return True


def _digest(op: dict[str, Any]) -> OpDigestInput:
    dropped = op.get("ciphertext") is None
    return OpDigestInput(
        str(op["op_id"]),
        str(op["kind"]),
        str(op["uuid"]),
        int(op["version"]),
        int(op["key_epoch"]),
        bool(op["tombstone"]),
        b"" if dropped else _ciphertext(op),
        bytes.fromhex(op["dropped"]) if dropped else None,
    )


def _ciphertext(op: dict[str, Any]) -> bytes:
    """The op's ciphertext, decoded from base64 once: the chain's digest and the opening
    both need it (a join decodes tens of thousands)."""
    raw = op.get("_ciphertext_raw")
    if raw is None:
        raw = op["_ciphertext_raw"] = unb64(op["ciphertext"])
    return raw


def _quarantine(
    state: DeviceState, outcome: PullOutcome, device: str, op: dict[str, Any], reason: str
) -> None:
    item = Quarantined(str(op["kind"]), str(op["uuid"]), int(op["version"]), device, reason)
    outcome.quarantined.append(item)
    state.quarantine.append(item.__dict__.copy())
    del state.quarantine[:-QUARANTINE_KEPT]
