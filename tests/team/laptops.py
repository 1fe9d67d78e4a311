"""Simulated laptops built on the teamsync engine, with in-memory state: what a laptop
store will do (an outbox with base versions, apply what a pull delivers), without the store."""

from __future__ import annotations

import copy
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from wijkteam.server.run import add_team
from wijkteam.teamsync.client import Observer
from wijkteam.teamsync.session import DeviceSession, Outgoing, PushOutcome
from wijkteam.teamsync.state import DeviceState
from wijkteam.teamsync.team import join_team, register_team
from wijkteam.teamsync.verify import PullOutcome


@dataclass
class Laptop:
    session: DeviceSession
    records: dict[tuple[str, str], tuple[int, bytes, bool]] = field(default_factory=dict)
    outbox: list[Outgoing] = field(default_factory=list)
    conflicts: list[Any] = field(default_factory=list)
    quarantined: list[Any] = field(default_factory=list)
    saved: DeviceState | None = None  # what `persist` last wrote, as the store would

    @property
    def state(self) -> DeviceState:
        return self.session.state

    def persist(self, state: DeviceState) -> None:
        self.saved = DeviceState.from_json(state.to_json(), state.versions.copy())

    def write(self, kind: str, ident: str, content: dict[str, Any], tombstone: bool = False) -> str:
        base = self.records.get((kind, ident), (0, b"", False))[0]
        op = Outgoing(str(uuid.uuid4()), kind, ident, base, json.dumps(content).encode(), tombstone)
        self.outbox.append(op)
        return op.op_id

    def push(self) -> PushOutcome:
        outcome = self.session.push(list(self.outbox))
        finished = {a.op_id for a in outcome.applied} | {c.op_id for c in outcome.conflicts}
        by_id = {o.op_id: o for o in self.outbox}
        for applied in outcome.applied:
            op = by_id.get(applied.op_id)
            if op is not None:
                self.records[(op.kind, op.uuid)] = (applied.version, op.payload, op.tombstone)
        self.conflicts += outcome.conflicts
        self.outbox = [o for o in self.outbox if o.op_id not in finished]
        return outcome

    def pull(self) -> PullOutcome:
        outcome = self.session.pull()
        for item in outcome.received:
            self.records[(item.kind, item.uuid)] = (item.version, item.payload, item.tombstone)
        self.quarantined += outcome.quarantined
        return outcome

    def sync(self) -> tuple[PushOutcome, PullOutcome]:
        return self.push(), self.pull()

    def content(self, kind: str, ident: str) -> dict[str, Any] | None:
        found = self.records.get((kind, ident))
        return json.loads(found[1]) if found else None

    def version(self, kind: str, ident: str) -> int:
        return self.records.get((kind, ident), (0, b"", False))[0]


def registration_code(database: str, name: str = "Wijkteam Proef") -> str:
    return add_team(database, name)


def coordinator(
    server_url: str, database: str, observe: Observer | None = None
) -> tuple[Laptop, str]:
    holder: list[Laptop] = []

    def persist(state: DeviceState) -> None:
        if holder:
            holder[0].persist(state)

    session, recovery = register_team(
        server_url, registration_code(database), str(uuid.uuid4()), persist=persist, observe=observe
    )
    laptop = Laptop(session)
    holder.append(laptop)
    return laptop, recovery


def member(server_url: str, code: str, observe: Observer | None = None) -> Laptop:
    holder: list[Laptop] = []

    def persist(state: DeviceState) -> None:
        if holder:
            holder[0].persist(state)

    laptop = Laptop(join_team(server_url, code, persist=persist, observe=observe))
    holder.append(laptop)
    return laptop


def snapshot(state: DeviceState) -> DeviceState:
    return copy.deepcopy(state)


def team_of_two(server_url: str, database: str) -> tuple[Laptop, Laptop]:
    from wijkteam.teamsync.team import invite, take_in_enrolments

    carla, _ = coordinator(server_url, database)
    mo = member(server_url, invite(carla.session, str(uuid.uuid4())))
    take_in_enrolments(carla.session)
    return carla, mo
