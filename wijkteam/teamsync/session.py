"""The device session: the protocol engine of one laptop.

`push(outgoing)` seals the laptop's operations under the current epoch key (control records and
tombstones also signed with the coordinator key), chains them into the device's running hash,
signs the head and sends one all-or-nothing batch; a batch that may have reached the server is
kept in `state.in_flight` and resent byte for byte until the server answers for it.
`pull()` fetches everything after the cursor and verifies it (see `verify.py`) before the
laptop applies anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from wijkteam.teamproto.encoding import b64, unb64
from wijkteam.teamproto.errors import OpenFailed, SignatureInvalid
from wijkteam.teamproto.heads import Head, OpDigestInput, extend
from wijkteam.teamproto.keys import BoxKey, SigningKey
from wijkteam.teamproto.records import (
    RecordId,
    needs_coordinator,
    open_record,
    seal,
    sign_control,
    verify_control,
)
from wijkteam.teamproto.wraps import unwrap_epoch
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.errors import EpochStale, NotCoordinator, ServerRefused, VersionRollback
from wijkteam.teamsync.state import DeviceState
from wijkteam.teamsync.verify import PullOutcome, process_push, release_waiting
from wijkteam.teamsync.versions import slot

MAX_OPS = 200


@dataclass(frozen=True)
class Outgoing:
    """One operation from the laptop's outbox. For control kinds and tombstones, `payload`
    is the JSON body the engine signs with the coordinator key."""

    op_id: str
    kind: str
    uuid: str
    base_version: int
    payload: bytes
    tombstone: bool = False


@dataclass(frozen=True)
class Applied:
    op_id: str
    kind: str
    uuid: str
    version: int


@dataclass(frozen=True)
class Conflict:
    """The server holds a newer version than the operation's base: the laptop merges
    (base, mine, theirs) and stages the result with `current_version` as its base."""

    op_id: str
    kind: str
    uuid: str
    base_version: int
    current_version: int
    theirs: bytes | None  # None: no record yet, or it does not open (see quarantine)
    theirs_tombstone: bool
    # The server's word on which device stored `theirs`, and when: shown to the member who
    # settles, never trusted for anything else.
    theirs_device: str | None = None
    theirs_stored_at: str | None = None


@dataclass
class PushOutcome:
    applied: list[Applied] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


class DeviceSession:
    def __init__(
        self,
        state: DeviceState,
        client: TeamClient,
        persist: Callable[[DeviceState], None] | None = None,
    ) -> None:
        self.state = state
        self.client = client
        client.token = state.token
        self._persist_hook = persist

    def persist(self) -> None:
        if self._persist_hook is not None:
            self._persist_hook(self.state)

    @property
    def signing(self) -> SigningKey:
        return SigningKey(self.state.signing_private)

    def coordinator_key(self) -> SigningKey:
        if self.state.coordinator_private is None:
            raise NotCoordinator("team_not_coordinator")
        return SigningKey(self.state.coordinator_private)

    # --- push -------------------------------------------------------------------------
    def push(self, outgoing: Sequence[Outgoing]) -> PushOutcome:
        outcome = PushOutcome()
        done: set[str] = set()
        if self.state.in_flight is not None:
            self._send(outcome, done)
        pending = [o for o in outgoing if o.op_id not in done]
        refreshed = False
        while pending:
            self.state.in_flight = self._build(pending[:MAX_OPS])
            self.persist()
            try:
                self._send(outcome, done)
            except EpochStale:
                if refreshed:
                    raise
                self.refresh_keys()
                refreshed = True
                continue
            pending = [o for o in pending if o.op_id not in done]
        return outcome

    def _build(self, batch: Sequence[Outgoing]) -> dict[str, object]:
        state = self.state
        epoch = state.current_epoch
        key = state.epochs[epoch]
        chain, ops = state.chain, []
        for o in batch:
            ident = RecordId(state.team, o.kind, o.uuid, o.base_version + 1, epoch, o.tombstone)
            plaintext = o.payload
            if needs_coordinator(o.kind, o.tombstone):
                plaintext = sign_control(self.coordinator_key(), ident, json.loads(o.payload))
            ciphertext = seal(key, ident, plaintext)
            chain = extend(
                chain,
                OpDigestInput(
                    o.op_id, o.kind, o.uuid, ident.version, epoch, o.tombstone, ciphertext
                ),
            )
            ops.append(
                {
                    "op_id": o.op_id,
                    "kind": o.kind,
                    "uuid": o.uuid,
                    "base_version": o.base_version,
                    "key_epoch": epoch,
                    "tombstone": o.tombstone,
                    "ciphertext": b64(ciphertext),
                }
            )
        seen = {d: p.seq for d, p in state.peers.items() if d != state.device}
        head = Head(
            state.team,
            state.device,
            state.seq + len(ops),
            chain,
            state.erasures,
            state.erasure_chain,
            seen,
        ).signed(self.signing)
        return {"ops": ops, "head": head.to_wire()}

    def _send(self, outcome: PushOutcome, done: set[str]) -> None:
        batch = self.state.in_flight
        assert batch is not None
        ops = batch["ops"]
        try:
            answer = self.client.call(
                "POST", "/v1/push", {"head": batch["head"], "operations": ops}
            )
        except ServerRefused:
            self.state.in_flight = None  # a definitive refusal: nothing was applied
            self.persist()
            raise
        if answer.get("code") == "conflict":
            by_op = {o["op_id"]: o for o in ops}
            for current in answer["current"]:
                outcome.conflicts.append(self._conflict(by_op[current["op_id"]], current))
                done.add(current["op_id"])
        else:
            head = Head.from_wire(batch["head"])
            self.state.seq, self.state.chain = head.seq, head.chain
            versions = answer["versions"]
            for op in ops:
                outcome.applied.append(
                    Applied(op["op_id"], op["kind"], op["uuid"], int(versions[op["op_id"]]))
                )
                done.add(op["op_id"])
        self.state.in_flight = None
        self.persist()

    def _conflict(self, mine: dict[str, object], current: dict[str, object]) -> Conflict:
        kind, uuid, version = str(current["kind"]), str(current["uuid"]), int(current["version"])
        if version < self.state.versions.get(slot(kind, uuid), 0):
            raise VersionRollback("team_version_rollback", kind=kind)
        theirs, tombstone = None, bool(current.get("tombstone", False))
        key = self.state.epochs.get(int(current.get("key_epoch", 0) or 0))
        if version and key is not None:
            ident = RecordId(
                self.state.team, kind, uuid, version, int(current["key_epoch"]), tombstone
            )
            try:
                theirs = open_record(key, ident, unb64(str(current["ciphertext"])))
            except OpenFailed:
                theirs = None
        if tombstone:
            # The record is gone for the team only on the coordinator's signed word: a server
            # answering "tombstone" cannot make this laptop drop a record.
            if theirs is None:
                raise SignatureInvalid()
            verify_control(self.state.coordinator_public, ident, theirs)
        device, stored_at = current.get("device"), current.get("stored_at")
        return Conflict(
            str(mine["op_id"]), kind, uuid, int(mine["base_version"]), version, theirs, tombstone,
            str(device) if device else None, str(stored_at) if stored_at else None,
        )  # fmt: skip

    # --- pull ---------------------------------------------------------------------------
    def pull(
        self, limit: int = 200, apply: Callable[[PullOutcome], None] | None = None
    ) -> PullOutcome:
        """Everything after the cursor, verified; one page at a time, each page applied to the
        state only when all of it verified (a ChainBroken leaves the state as it was).
        `apply`, if given, writes each verified page (with the state) before the next."""
        outcome = PullOutcome()
        while True:
            page = self.client.call("GET", "/v1/pull", after=self.state.cursor, limit=limit)
            if int(page["current_epoch"]) > max(self.state.epochs, default=0):
                self.refresh_keys()
            versions = self.state.versions
            versions.load(slot(op["kind"], op["uuid"]) for p in page["pushes"] for op in p["ops"])
            work = self.state.copy()
            page_outcome = PullOutcome()
            for pushed in page["pushes"]:
                process_push(work, pushed, page_outcome)
                if page_outcome.devices_changed:
                    release_waiting(work, page_outcome)
            work.cursor = page["cursor"]
            layer, work.versions = work.versions, versions
            self.state.__dict__.update(work.__dict__)
            versions.adopt(layer)
            self.client.pins = list(self.state.pins)  # a newly announced server key
            outcome.extend(page_outcome)
            if apply is not None:
                apply(page_outcome)
            self.persist()
            if not page["more"]:
                return outcome

    def refresh_keys(self) -> None:
        """Epoch keys wrapped to this device (signed by the coordinator) that it lacks."""
        answer = self.client.call("GET", "/v1/keys")
        box = BoxKey(self.state.box_private)
        for item in answer["wraps"]:
            epoch = int(item["epoch"])
            if epoch in self.state.epochs:
                continue
            try:
                self.state.epochs[epoch] = unwrap_epoch(
                    box,
                    self.state.coordinator_public,
                    self.state.team,
                    epoch,
                    self.state.device,
                    unb64(item["wrap"]),
                )
            except (OpenFailed, SignatureInvalid):
                self.state.quarantine.append({"epoch": epoch, "reason": "wrap_refused"})
        self.state.current_epoch = max(self.state.epochs)
        self.persist()
