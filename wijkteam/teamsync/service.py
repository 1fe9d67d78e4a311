"""`services.team`: this laptop in its team (DESIGN.md §11). Each public method is one user
action; a sync round pushes the outbox, writes back what the server applied, merges what it
refused as out of date, pulls and applies what the others did, in that order."""

from __future__ import annotations

import functools
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import func, select

from wijkteam.common.cancel import CancelToken
from wijkteam.errors import NotFound
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import RECEIVED, AuditService
from wijkteam.store import Store
from wijkteam.store.models import (
    Contact,
    FollowUp,
    HomeVisit,
    Member,
    Referral,
    Report,
    ReportEvent,
    Resident,
    Step,
    TeamConflict,
    TeamLink,
)  # fmt: skip
from wijkteam.store.team_capture import APPLYING
from wijkteam.store.team_kinds import BY_NAME
from wijkteam.teamsync import team as flows
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.errors import (
    AlreadyConnected,
    ConflictSettled,
    DeviceRevoked,
    NotConnected,
)
from wijkteam.teamsync.exclusive import device_lock
from wijkteam.teamsync.laptops import MemberLaptops, member_laptops
from wijkteam.teamsync.outbox import (
    Persist,
    load_state,
    outbox_count,
    pending,
    require_state,
    save_state,
)
from wijkteam.teamsync.rounds import RoundWriter
from wijkteam.teamsync.session import DeviceSession
from wijkteam.teamsync.store_apply import Applier
from wijkteam.teamsync.upload import stage_everything, stage_new_kinds
from wijkteam.teamsync.verify import PullOutcome

log = logging.getLogger(__name__)
R = TypeVar("R")
PUSH_ROUNDS = 3


@dataclass(frozen=True)
class TeamStatus:
    connected: bool
    server_url: str | None
    last_sync_at: datetime | None  # UTC
    pending: int
    conflicts: int
    revoked: bool
    is_coordinator: bool


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: int


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    kind: str
    record_uuid: uuid.UUID
    field: str
    base: str | None
    mine: str | None
    theirs: str | None
    resident_id: int | None
    theirs_member: str | None = None  # uuid of the member whose laptop stored `theirs`
    theirs_stored_at: datetime | None = None  # UTC, aware


def _one_at_a_time(method: Callable[..., R]) -> Callable[..., R]:
    """The store's device session is used by one flow at a time (teamsync/exclusive.py)."""

    @functools.wraps(method)
    def held(self: TeamService, *args: Any, **kwargs: Any) -> R:
        with device_lock(self._store):
            return method(self, *args, **kwargs)

    return held


class TeamService:
    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    # --- reading ------------------------------------------------------------------------
    def status(self) -> TeamStatus:
        with self._store.transaction() as session:
            link = session.get(TeamLink, 1)
            if link is None:
                return TeamStatus(False, None, None, 0, 0, False, False)
            state = load_state(session)
            assert state is not None
            waiting = outbox_count(session)
            open_conflicts = _open_conflicts(session)
            last = link.last_sync_at.replace(tzinfo=UTC) if link.last_sync_at else None
            return TeamStatus(True, state.server, last, waiting, open_conflicts, link.revoked,
                              state.role == "coordinator")  # fmt: skip

    def laptops(self) -> dict[int, MemberLaptops]:
        """Per member id, their laptops on the team's device list and open invites."""
        with self._store.transaction() as session:
            return member_laptops(session, self._store.clock.utcnow().replace(tzinfo=UTC))

    def conflicts(self) -> list[ConflictRecord]:
        with self._store.transaction() as session:
            rows = session.scalars(
                select(TeamConflict)
                .where(TeamConflict.settled_at.is_(None))
                .order_by(TeamConflict.id)
            ).all()
            state = load_state(session)
            devices = state.devices if state is not None else {}
            found = [
                ConflictRecord(r.id, r.kind, r.record_uuid, r.field, _shown(r.base),
                               _shown(r.mine), _shown(r.theirs),
                               _resident_of(session, r.kind, r.record_uuid),
                               devices.get(r.theirs_device or "", {}).get("member"),
                               r.theirs_stored_at.replace(tzinfo=UTC)
                               if r.theirs_stored_at else None)
                for r in rows
            ]  # fmt: skip
            self._audit.record(session, AuditAction.VIEW, "team_conflict")
            return found

    # --- the coordinator ------------------------------------------------------------------
    @_one_at_a_time
    def connect(self, server_url: str, registration_code: str) -> str:
        """Registers the team with the server admin's code, and stages the whole store to be
        uploaded (the next sync sends it). Returns the team recovery code to print."""
        self._audit.require_coordinator(AuditAction.TEAM_CONNECT, "team")
        with self._store.transaction() as session:
            if session.get(TeamLink, 1) is not None:
                raise AlreadyConnected()
            member = self._member_uuid(session)
        persist = Persist(self._store)
        session_, recovery = flows.register_team(server_url, registration_code, member,
                                                 persist=persist)  # fmt: skip
        with self._store.transaction() as session:
            save_state(session, session_.state)
            stage_everything(session)
            self._audit.record(session, AuditAction.TEAM_CONNECT, "team")
        self.sync()
        return recovery

    @_one_at_a_time
    def invite(self, member_id: int) -> str:
        self._audit.require_coordinator(AuditAction.TEAM_INVITE, "member")
        member_uuid = self._uuid_of_member(member_id)
        engine = self._session()
        code = flows.invite(engine, member_uuid)
        self._audit.log(AuditAction.TEAM_INVITE, "member", member_id)
        return code

    def _uuid_of_member(self, member_id: int) -> str:
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            return str(member.uuid)

    @_one_at_a_time
    def revoke(self, member_id: int) -> None:
        """Every device of the member leaves the team; the key epoch is rotated."""
        self._audit.require_coordinator(AuditAction.TEAM_REVOKE, "member")
        member_uuid = self._uuid_of_member(member_id)
        engine = self._session()
        flows.take_in_enrolments(engine)
        devices = [d for d, e in engine.state.devices.items() if e.get("member") == member_uuid]
        devices = [d for d in devices if d != engine.state.device]
        flows.rotate(engine, revoke=devices)
        self._audit.log(AuditAction.TEAM_REVOKE, "member", member_id)

    @_one_at_a_time
    def rotate(self) -> None:
        self._audit.require_coordinator(AuditAction.TEAM_ROTATE, "team")
        flows.rotate(self._session())
        self._audit.log(AuditAction.TEAM_ROTATE, "team")

    # --- every member --------------------------------------------------------------------
    @_one_at_a_time
    def sync(self, cancel: CancelToken | None = None) -> SyncResult:
        engine, persist = self._engine()
        if engine.state.role == "coordinator":
            flows.take_in_enrolments(engine)
        with self._store.transaction() as session:
            stage_new_kinds(session)
        pushed = pulled = 0
        try:
            for _ in range(PUSH_ROUNDS):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                shared, merged = self._push(engine)
                pushed, pulled = pushed + shared, pulled + merged
                if cancel is not None:
                    cancel.raise_if_cancelled()
                pulled += self._pull(engine, persist)
                with self._store.transaction() as session:
                    if outbox_count(session) == 0:
                        break
        except DeviceRevoked:
            self._mark_revoked()
            raise
        with self._store.transaction() as session:
            self._audit.record(session, AuditAction.TEAM_SYNC, "team")
            found = _open_conflicts(session)
        log.info("Team sync: %d pushed, %d received, %d conflicts open", pushed, pulled, found)
        return SyncResult(pushed, pulled, found)

    def settle(self, conflict_id: int, keep: str) -> None:
        """keep: "mine" (this laptop's value stays, as already sent) or "theirs" (the other
        laptop's value is written here, and sent)."""
        if keep not in ("mine", "theirs"):
            raise ValueError(keep)
        with self._store.transaction() as session:
            row = session.get(TeamConflict, conflict_id)
            if row is None or row.settled_at is not None:
                raise ConflictSettled()
            if keep == "theirs":
                kind = BY_NAME[row.kind]
                applier = Applier(session)
                local = applier.local_id(row.kind, row.record_uuid)
                if local is not None:
                    value = json.loads(row.theirs)["v"] if row.theirs else None
                    body = {"uuid": str(row.record_uuid), row.field: value}
                    values = applier.columns(kind, body)
                    if isinstance(values, dict) and row.field in values:
                        obj = session.get(_model(row.kind), local)
                        setattr(obj, row.field, values[row.field])
            row.settled_at = self._store.clock.utcnow()
            row.kept = keep
            self._audit.record_changes(session)
            self._audit.record(session, AuditAction.TEAM_SETTLE, "team_conflict")

    # --- inside ------------------------------------------------------------------------------
    def _session(self) -> DeviceSession:
        return self._engine()[0]

    def _engine(self) -> tuple[DeviceSession, Persist]:
        with self._store.transaction() as session:
            state = require_state(session)
            link = session.get(TeamLink, 1)
            if link is not None and link.revoked:
                raise DeviceRevoked()
        persist = Persist(self._store)
        return DeviceSession(state, TeamClient(state.server, state.pins), persist), persist

    def _member_uuid(self, session) -> str:  # type: ignore[no-untyped-def]
        actor = self._audit.member_id
        member = session.get(Member, actor) if actor is not None else None
        if member is None:
            member = session.scalar(select(Member).order_by(Member.id).limit(1))
        if member is None:
            raise NotConnected()
        return str(member.uuid)

    def _push(self, engine: DeviceSession) -> tuple[int, int]:
        """(team records shared, colleagues' versions taken in through a conflict)."""
        with self._store.transaction() as session:
            sent = pending(session, self._audit.device)
        if not sent and engine.state.in_flight is None:
            return 0, 0
        outcome = engine.push([p.outgoing for p in sent])
        token = APPLYING.set(True)
        try:
            self._store.integrity.before_write()  # the batched writes bypass the ORM's check
            with self._store.transaction() as session:
                writer = RoundWriter(session, self._audit, self._store.clock.utcnow())
                count = writer.pushed(outcome, sent)
                writer.applier.derive_statuses(writer.at)
                writer.bulk.derive_statuses(writer.at)
                save_state(session, engine.state)
                self._audit.record_changes(session, actions=RECEIVED)
        finally:
            APPLYING.reset(token)
        return count, writer.received

    def _pull(self, engine: DeviceSession, persist: Persist) -> int:
        """Each verified page is written in its own transaction, with the state that
        verified it (a large join never holds every record in memory at once)."""
        received = 0

        def apply(page: PullOutcome) -> None:
            nonlocal received
            if page.quarantined:
                log.warning("Team sync: %d record(s) quarantined", len(page.quarantined))
            token = APPLYING.set(True)
            try:
                self._store.integrity.before_write()
                with self._store.transaction() as session:
                    writer = RoundWriter(session, self._audit, self._store.clock.utcnow())
                    writer.pulled(page.received)
                    save_state(session, engine.state)
                    link = session.get(TeamLink, 1)
                    assert link is not None
                    link.last_sync_at = self._store.clock.utcnow()
                    self._audit.record_changes(session, actions=RECEIVED)
            finally:
                APPLYING.reset(token)
            received += writer.received

        persist.held = True
        try:
            engine.pull(apply=apply)
        finally:
            persist.held = False
        return received

    def _mark_revoked(self) -> None:
        with self._store.transaction() as session:
            link = session.get(TeamLink, 1)
            if link is not None:
                link.revoked = True


def _open_conflicts(session) -> int:  # type: ignore[no-untyped-def]
    return int(
        session.scalar(
            select(func.count()).select_from(TeamConflict).where(TeamConflict.settled_at.is_(None))
        )
        or 0
    )


def _shown(wire: str | None) -> str | None:
    if wire is None:
        return None
    value = json.loads(wire)["v"]
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_MODELS = {
    "resident": Resident, "report": Report, "report_event": ReportEvent,
    "home_visit": HomeVisit, "contact": Contact, "step": Step, "follow_up": FollowUp,
    "referral": Referral, "member": Member,
}  # fmt: skip


def _model(kind: str):  # type: ignore[no-untyped-def]
    from wijkteam.teamsync.store_apply import _MODELS as ALL

    return ALL[kind]


def _resident_of(session, kind: str, record: uuid.UUID) -> int | None:  # type: ignore[no-untyped-def]
    model = _MODELS.get(kind)
    if model is None:
        return None
    row = session.scalar(select(model).where(model.uuid == record))
    if row is None:
        return None
    if kind == "resident":
        return row.id
    if hasattr(row, "resident_id"):
        return row.resident_id
    report_id = getattr(row, "report_id", None)
    if report_id is not None:
        return session.scalar(select(Report.resident_id).where(Report.id == report_id))
    return None
