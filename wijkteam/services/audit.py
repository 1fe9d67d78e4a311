"""The audit log (NEN 7513 / BIO 8.15): every view, change, print, export and erasure.

Services call `record(session, …)` inside their own transaction, so the entry commits or
rolls back with the work. Actions done elsewhere (printing in the UI, writing an export file)
use `log(…)`, which has its own transaction. Refusals are logged in a separate transaction,
because the refused work rolls back.

Entries hold ids, never content. Each entry's hash covers its fields and the previous entry's
hash; the last hash and the count are also kept in the settings, so removing the newest
entries shows too. The chain is written after the row is inserted: by then the transaction
holds SQLite's write lock, so no other entry can slip in between.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import IO, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from wijkteam.errors import NotAllowed
from wijkteam.security.audit_labels import action_label, object_label, result_label
from wijkteam.security.context import AuditAction, AuditResult, ServiceContext
from wijkteam.services.audit_records import (
    AuditQuery,
    AuditRecord,
    ChainCheck,
    ChainProblem,
)
from wijkteam.store import Store
from wijkteam.store.models import AuditEvent, Setting
from wijkteam.sync.csv_safety import formula_safe_writer

HEAD_KEY = "audit_chain_head"
AUDIT_LOG = "audit_log"
BATCH = 2000
CSV_COLUMNS = [
    "id",
    "tijdstip_utc",
    "actor_teamlid_id",
    "verantwoordelijk_teamlid_id",
    "herkomst",
    "actie",
    "objecttype",
    "object_id",
    "inwoner_id",
    "resultaat",
    "hash",
]


class AuditService:
    def __init__(self, store: Store, context: ServiceContext) -> None:
        self._store = store
        self._context = context

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
        actor = self._context.actor
        event = AuditEvent(
            created_at=self._store.clock.utcnow(),
            actor_member_id=actor.member_id,
            responsible_member_id=actor.responsible_member_id,
            origin=self._context.origin,
            action=action.value,
            object_type=object_type,
            object_id=object_id,
            resident_id=resident_id,
            result=result.value,
        )
        session.add(event)
        session.flush()  # the insert takes the write lock and gives the id
        previous = session.scalar(
            select(AuditEvent.entry_hash)
            .where(AuditEvent.id < event.id)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        )
        event.previous_hash = previous or ""
        event.entry_hash = entry_hash(event)
        head = session.get(Setting, HEAD_KEY)
        value = f"{event.id}:{event.entry_hash}"
        if head is None:
            session.add(Setting(key=HEAD_KEY, value=value))
        else:
            head.value = value
        session.flush()

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
        statement = _filtered(select(AuditEvent), query).order_by(AuditEvent.id.desc())
        with self._store.transaction() as session:
            rows = session.scalars(statement.offset(offset).limit(limit)).all()
            return [_record(e) for e in rows]

    def count(self, query: AuditQuery) -> int:
        self.require_coordinator(AuditAction.VIEW, AUDIT_LOG)
        with self._store.transaction() as session:
            return session.scalar(_filtered(select(func.count(AuditEvent.id)), query)) or 0

    def opened_log(self) -> None:
        """The coordinator opened the audit screen (itself an audited view)."""
        self.require_coordinator(AuditAction.VIEW, AUDIT_LOG)
        self.log(AuditAction.VIEW, AUDIT_LOG)

    def export_csv(self, query: AuditQuery, out: IO[str]) -> int:
        """Writes the matching entries (oldest first) as CSV; returns how many."""
        self.require_coordinator(AuditAction.EXPORT, AUDIT_LOG)
        writer = formula_safe_writer(out)  # ids and codes only, but opened in Excel
        writer.writerow(CSV_COLUMNS)
        written = 0
        statement = _filtered(select(AuditEvent), query).order_by(AuditEvent.id)
        for event in self._stream(statement):
            writer.writerow(
                [
                    event.id,
                    event.created_at.isoformat(sep=" "),
                    _blank(event.actor_member_id),
                    _blank(event.responsible_member_id),
                    event.origin,
                    action_label(event.action),  # Dutch words, as on screen (issue 13)
                    object_label(event.object_type),
                    _blank(event.object_id),
                    _blank(event.resident_id),
                    result_label(event.result),
                    event.entry_hash,
                ]
            )
            written += 1
        self.log(AuditAction.EXPORT, AUDIT_LOG)
        return written

    def verify(self) -> ChainCheck:
        """Walks the whole chain; reports altered entries and gaps."""
        self.require_coordinator(AuditAction.VIEW, AUDIT_LOG)
        problems: list[ChainProblem] = []
        previous_hash, last_id, checked = "", 0, 0
        for event in self._stream(select(AuditEvent).order_by(AuditEvent.id)):
            checked += 1
            if event.previous_hash != previous_hash:
                problems.append(ChainProblem(event.id, "missing_before"))
            if event.entry_hash != entry_hash(event):
                problems.append(ChainProblem(event.id, "altered"))
            previous_hash, last_id = event.entry_hash, event.id
        with self._store.transaction() as session:
            head = session.get(Setting, HEAD_KEY)
            expected = head.value if head else ""
        if expected and expected != f"{last_id}:{previous_hash}":
            problems.append(ChainProblem(last_id, "missing_at_end"))
        return ChainCheck(checked=checked, problems=tuple(problems))

    def _stream(self, statement: Select[Any]) -> Iterator[AuditEvent]:
        """Entries in batches by id, so a long log never sits in memory at once."""
        after = 0
        while True:
            with self._store.transaction() as session:
                batch = session.scalars(statement.where(AuditEvent.id > after).limit(BATCH)).all()
            if not batch:
                return
            yield from batch
            after = batch[-1].id


def entry_hash(event: AuditEvent) -> str:
    fields = [
        event.id,
        event.uuid,
        event.created_at.isoformat(),
        _blank(event.actor_member_id),
        _blank(event.responsible_member_id),
        event.origin,
        event.action,
        event.object_type,
        _blank(event.object_id),
        _blank(event.resident_id),
        event.result,
        event.previous_hash,
    ]
    return hashlib.sha256("|".join(str(f) for f in fields).encode("utf-8")).hexdigest()


def _blank(value: object) -> object:
    return "" if value is None else value


def _filtered(statement: Select[Any], query: AuditQuery) -> Select[Any]:
    if query.actor_member_id is not None:
        statement = statement.where(AuditEvent.actor_member_id == query.actor_member_id)
    if query.action is not None:
        statement = statement.where(AuditEvent.action == query.action.value)
    if query.resident_id is not None:
        statement = statement.where(AuditEvent.resident_id == query.resident_id)
    if query.since is not None:
        statement = statement.where(
            AuditEvent.created_at >= datetime.combine(query.since, time.min)
        )
    if query.until is not None:
        statement = statement.where(
            AuditEvent.created_at < datetime.combine(query.until + timedelta(days=1), time.min)
        )
    return statement


def _record(e: AuditEvent) -> AuditRecord:
    return AuditRecord(
        id=e.id,
        at=e.created_at,
        actor_member_id=e.actor_member_id,
        responsible_member_id=e.responsible_member_id,
        origin=e.origin,
        action=AuditAction(e.action),
        object_type=e.object_type,
        object_id=e.object_id,
        resident_id=e.resident_id,
        result=AuditResult(e.result),
    )
