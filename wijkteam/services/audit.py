"""The audit log (NEN 7513 / BIO 8.15): every view, change, print, export and erasure.

Services call `record(session, …)` inside their own transaction, so the entry commits or
rolls back with the work; `record_changes(session)` writes an entry for every record the
transaction changed that no entry names yet. The store refuses to commit a change of
personal data that no entry names (wijkteam/store/audit_guard.py). Actions done elsewhere
(printing in the UI, writing a file) use `log(…)`, which has its own transaction. Refusals are
logged in a separate transaction, because the refused work rolls back.

Entries hold UUIDs, never content: the device (this store's origin), the member acting and
the member responsible, the record and its resident. Each device writes its own hash chain
(sequence number and hash, wijkteam/store/audit_chain.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import IO, Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from wijkteam.errors import NotAllowed
from wijkteam.security.context import AuditAction, AuditResult, ServiceContext
from wijkteam.services import audit_log
from wijkteam.services.audit_records import AuditQuery, AuditRecord, ChainCheck
from wijkteam.store import Store
from wijkteam.store.audit_chain import Head, entry_hash
from wijkteam.store.audit_guard import CHANGED, DELETED, HEAD_INFO, NEW, cover, tracking
from wijkteam.store.models import AuditEvent, Base, Member, Report

AUDIT_LOG = "audit_log"
_ACTION_OF = {NEW: AuditAction.CREATE, CHANGED: AuditAction.CHANGE, DELETED: AuditAction.DELETE}
# A sync writes what another laptop did: logged as received, not as this member's own work.
RECEIVED = {
    NEW: AuditAction.TEAM_RECEIVED_NEW,
    CHANGED: AuditAction.TEAM_RECEIVED_CHANGE,
    DELETED: AuditAction.TEAM_RECEIVED_DELETE,
}
# Records that belong to a resident through their melding.
_VIA_REPORT = frozenset({"step", "follow_up", "referral"})


@dataclass(frozen=True, slots=True)
class Entry:
    action: AuditAction
    object_type: str
    object_id: int | None = None
    resident_id: int | None = None
    result: AuditResult = AuditResult.DONE
    object_uuid: uuid.UUID | None = None  # given: no lookup (bulk writers know them)
    resident_uuid: uuid.UUID | None = None


class AuditService:
    def __init__(self, store: Store, context: ServiceContext) -> None:
        self._store = store
        self._context = context
        self._member_uuids: dict[int, uuid.UUID] = {}

    @property
    def device(self) -> uuid.UUID:
        return uuid.UUID(self._context.origin)

    @property
    def member_id(self) -> int | None:
        """The member acting now (None: a headless command opened with the recovery code)."""
        return self._context.actor.member_id

    # --- writing --------------------------------------------------------------------------
    def record(
        self,
        session: Session,
        action: AuditAction,
        object_type: str,
        object_id: int | None = None,
        resident_id: int | None = None,
        result: AuditResult = AuditResult.DONE,
    ) -> None:
        """Append one entry in the caller's transaction."""
        self.record_many(session, [Entry(action, object_type, object_id, resident_id, result)])

    def record_changes(
        self,
        session: Session,
        action: AuditAction | None = None,
        actions: dict[str, AuditAction] = _ACTION_OF,
    ) -> None:
        """An entry for each record this transaction changed that no entry names yet: created,
        changed or deleted (or `action` for all of them, e.g. a retention removal; `actions`
        names them otherwise, e.g. RECEIVED for what a sync wrote)."""
        session.flush()
        track = tracking(session)
        entries = [
            Entry(
                action or actions[how],
                table,
                record_id,
                self._resident_of(session, table, record_id),
            )
            for (table, record_id), how in sorted(track.uncovered().items())
        ]
        self.record_many(session, entries)

    def record_many(self, session: Session, entries: list[Entry]) -> None:
        """Appends the entries to this device's chain, in order, in the caller's transaction."""
        if not entries:
            return
        session.flush()  # the transaction's own writes first: they hold the write lock
        actor = self._context.actor
        actor_uuid = self._member_uuid(session, actor.member_id)
        responsible = actor.responsible_member_id or actor.member_id
        responsible_uuid = self._member_uuid(session, responsible)
        at = self._store.clock.utcnow()
        rows = [
            {
                "uuid": uuid.uuid4(),
                "created_at": at,
                "updated_at": at,
                "device_uuid": self.device,
                "seq": None,
                "actor_member_uuid": actor_uuid,
                "responsible_member_uuid": responsible_uuid,
                "action": e.action.value,
                "object_type": e.object_type,
                "object_uuid": e.object_uuid or self._uuid_of(session, e.object_type, e.object_id),
                "resident_uuid": e.resident_uuid
                or self._uuid_of(session, "resident", e.resident_id),
                "result": e.result.value,
                "previous_hash": "",
                "entry_hash": "",
            }
            for e in entries
        ]
        table = AuditEvent.__table__
        placeholder = None
        if len(rows) == 1:  # inserted without a sequence number: the write lock is ours now
            placeholder = session.execute(insert(table).values(**rows[0])).inserted_primary_key[0]
        head = self._head(session)
        for row in rows:
            row["seq"] = head.seq + 1
            row["previous_hash"] = head.hash
            row["entry_hash"] = seal_row(row)
            head = Head(row["seq"], row["entry_hash"])
        if placeholder is None:  # a batch: the transaction's own writes hold the lock already
            session.execute(insert(table), rows)
        else:
            sealed = {k: rows[0][k] for k in ("seq", "previous_hash", "entry_hash")}
            session.execute(update(table).where(table.c.id == placeholder).values(**sealed))
        session.info[HEAD_INFO] = (self.device, head)
        for e in entries:
            cover(session, e.object_type, e.object_id)

    def log(
        self,
        action: AuditAction,
        object_type: str,
        object_id: int | None = None,
        resident_id: int | None = None,
        result: AuditResult = AuditResult.DONE,
    ) -> None:
        """Append one entry in a transaction of its own (printing, file exports, refusals)."""
        with self._store.transaction() as session:
            self.record(session, action, object_type, object_id, resident_id, result)

    def require_coordinator(self, action: AuditAction, object_type: str) -> None:
        """Raises NotAllowed (after logging the refusal) unless a coordinator is acting."""
        if self._context.actor.is_coordinator:
            return
        self.log(action, object_type, result=AuditResult.REFUSED)
        raise NotAllowed(action.value)

    def require_self_or_coordinator(
        self, member_id: int, action: AuditAction, object_type: str
    ) -> None:
        """A member may act on their own record; on a colleague's only a coordinator may."""
        if self._context.actor.member_id == member_id:
            return
        self.require_coordinator(action, object_type)

    # --- reading (coordinators) -----------------------------------------------------------
    def events(self, query: AuditQuery, offset: int = 0, limit: int = 500) -> list[AuditRecord]:
        self.require_coordinator(AuditAction.VIEW, AUDIT_LOG)
        return audit_log.events(self._store, query, offset, limit)

    def count(self, query: AuditQuery) -> int:
        self.require_coordinator(AuditAction.VIEW, AUDIT_LOG)
        return audit_log.count(self._store, query)

    def opened_log(self) -> None:
        """The coordinator opened the audit screen (itself an audited view)."""
        self.require_coordinator(AuditAction.VIEW, AUDIT_LOG)
        self.log(AuditAction.VIEW, AUDIT_LOG)

    def export_csv(
        self, query: AuditQuery, out: IO[str], labels: audit_log.Labels | None = None
    ) -> int:
        """Writes the matching entries (oldest first) as CSV; returns how many. `labels`
        turns codes into the reader's words (the screen passes Dutch ones)."""
        self.require_coordinator(AuditAction.EXPORT, AUDIT_LOG)
        written = audit_log.export_csv(self._store, query, out, labels)
        self.log(AuditAction.EXPORT, AUDIT_LOG)
        return written

    def verify(self) -> ChainCheck:
        """Walks every device's chain: altered rows, gaps in the sequence, and rows missing at
        the end as the head file next to the store remembers them."""
        self.require_coordinator(AuditAction.VIEW, AUDIT_LOG)
        return audit_log.verify(self._store)

    # --- helpers --------------------------------------------------------------------------
    def _head(self, session: Session) -> Head:
        row = session.execute(
            select(AuditEvent.seq, AuditEvent.entry_hash)
            .where(AuditEvent.device_uuid == self.device, AuditEvent.seq.isnot(None))
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).first()
        return Head(0, "") if row is None else Head(row[0], row[1])

    def _member_uuid(self, session: Session, member_id: int | None) -> uuid.UUID | None:
        if member_id is None:
            return None
        if member_id not in self._member_uuids:
            found = session.scalar(select(Member.uuid).where(Member.id == member_id))
            if found is None:
                return None
            self._member_uuids[member_id] = found
        return self._member_uuids[member_id]

    def _uuid_of(self, session: Session, table: str, record_id: int | None) -> uuid.UUID | None:
        if record_id is None:
            return None
        known = tracking(session).uuids.get((table, record_id))
        if known is not None:
            return known
        model = _MODELS.get(table)
        if model is None:
            return None
        return session.scalar(select(model.uuid).where(model.id == record_id))

    def _resident_of(self, session: Session, table: str, record_id: int) -> int | None:
        track = tracking(session)
        if (table, record_id) in track.residents:
            return track.residents[(table, record_id)]
        if table == "resident":
            return record_id
        model = _MODELS.get(table)
        if model is None:
            return None
        if table in _VIA_REPORT:
            return session.scalar(
                select(Report.resident_id)
                .join(model, model.report_id == Report.id)
                .where(model.id == record_id)
            )
        if "resident_id" in model.__table__.c:
            return session.scalar(select(model.resident_id).where(model.id == record_id))
        return None


def seal_row(row: dict[str, Any]) -> str:
    """The hash of an audit row given as a dict of its columns (its chain fields set)."""
    return entry_hash(
        entry_uuid=row["uuid"],
        device=row["device_uuid"],
        seq=row["seq"],
        created_at=row["created_at"],
        actor=row["actor_member_uuid"],
        responsible=row["responsible_member_uuid"],
        action=row["action"],
        object_type=row["object_type"],
        object_uuid=row["object_uuid"],
        resident_uuid=row["resident_uuid"],
        result=row["result"],
        previous_hash=row["previous_hash"],
    )


def _mapped_models() -> dict[str, Any]:
    models = {}
    for mapper in Base.registry.mappers:
        table = getattr(mapper.class_, "__tablename__", None)
        if table and "uuid" in mapper.columns:
            models[table] = mapper.class_
    return models


_MODELS = _mapped_models()
