"""Reading the audit log (for AuditService, which checks the coordinator's role first):
pages for the screen, CSV for the functionaris gegevensbescherming, and the chain check."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import IO, Any

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.orm import Session

from wijkteam.common.csv_safety import formula_safe_writer
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit_records import AuditQuery, AuditRecord, ChainCheck, ChainProblem
from wijkteam.store import Store
from wijkteam.store.audit_chain import Head, entry_hash, read_heads
from wijkteam.store.models import AuditEvent, Base, Member, Resident

BATCH = 2000
CSV_COLUMNS = [
    "tijdstip_utc",
    "apparaat",
    "volgnummer",
    "teamlid",
    "teamlid_uuid",
    "verantwoordelijk_teamlid",
    "verantwoordelijk_teamlid_uuid",
    "actie",
    "gegeven",
    "gegeven_uuid",
    "inwoner_uuid",
    "resultaat",
    "hash",
]


@dataclass(frozen=True)
class Labels:
    """Words for the codes in the CSV (the screen passes its Dutch ones)."""

    actions: Mapping[str, str] = field(default_factory=dict)
    objects: Mapping[str, str] = field(default_factory=dict)
    results: Mapping[str, str] = field(default_factory=dict)


def events(store: Store, query: AuditQuery, offset: int, limit: int) -> list[AuditRecord]:
    with store.transaction() as session:
        statement = _filtered(session, select(AuditEvent), query)
        rows = session.scalars(
            statement.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
            .offset(offset)
            .limit(limit)
        ).all()
        return _records(session, list(rows))


def count(store: Store, query: AuditQuery) -> int:
    with store.transaction() as session:
        statement = _filtered(session, select(func.count(AuditEvent.id)), query)
        return session.scalar(statement) or 0


def export_csv(store: Store, query: AuditQuery, out: IO[str], labels: Labels | None) -> int:
    labels = labels or Labels()
    writer = formula_safe_writer(out)  # codes and UUIDs only, but opened in Excel
    writer.writerow(CSV_COLUMNS)
    with store.transaction() as session:
        names = {u: n for u, n in session.execute(select(Member.uuid, Member.name))}
        statement = _filtered(session, select(AuditEvent), query)
    written = 0
    for e in _stream(store, statement):
        writer.writerow(
            [
                e.created_at.isoformat(sep=" "),
                e.device_uuid,
                e.seq,
                names.get(e.actor_member_uuid, "") if e.actor_member_uuid else "",
                _blank(e.actor_member_uuid),
                names.get(e.responsible_member_uuid, "") if e.responsible_member_uuid else "",
                _blank(e.responsible_member_uuid),
                labels.actions.get(e.action, e.action),
                labels.objects.get(e.object_type, e.object_type),
                _blank(e.object_uuid),
                _blank(e.resident_uuid),
                labels.results.get(e.result, e.result),
                e.entry_hash,
            ]
        )
        written += 1
    return written


def verify(store: Store) -> ChainCheck:
    problems: list[ChainProblem] = []
    ends: dict[uuid.UUID, Head] = {}
    checked = 0
    device: uuid.UUID | None = None
    expected, previous = 1, ""
    for e in _stream(store, select(AuditEvent)):
        checked += 1
        if e.device_uuid != device:
            device, expected, previous = e.device_uuid, 1, ""
        seq = e.seq or 0
        if seq > expected:
            problems.append(ChainProblem(e.device_uuid, seq, "missing_before", seq - expected))
        elif e.previous_hash != previous or e.entry_hash != _hash(e):
            problems.append(ChainProblem(e.device_uuid, seq, "altered"))
        expected, previous = seq + 1, e.entry_hash
        ends[e.device_uuid] = Head(seq, e.entry_hash)
    heads = read_heads(store.path.parent) if store.path is not None else None
    for known_device, head in (heads or {}).items():
        end = ends.get(known_device, Head(0, ""))
        if end.seq < head.seq:
            problems.append(
                ChainProblem(known_device, head.seq, "missing_at_end", head.seq - end.seq)
            )
        elif not _has_row(store, known_device, head):
            problems.append(ChainProblem(known_device, head.seq, "altered"))
    head_known = heads is not None and set(ends) <= set(heads)
    return ChainCheck(checked, len(ends), tuple(problems), head_known)


def _has_row(store: Store, device: uuid.UUID, head: Head) -> bool:
    with store.transaction() as session:
        found = session.scalar(
            select(AuditEvent.entry_hash).where(
                AuditEvent.device_uuid == device, AuditEvent.seq == head.seq
            )
        )
    return found == head.hash


def _hash(e: AuditEvent) -> str:
    return entry_hash(
        entry_uuid=e.uuid,
        device=e.device_uuid,
        seq=e.seq or 0,
        created_at=e.created_at,
        actor=e.actor_member_uuid,
        responsible=e.responsible_member_uuid,
        action=e.action,
        object_type=e.object_type,
        object_uuid=e.object_uuid,
        resident_uuid=e.resident_uuid,
        result=e.result,
        previous_hash=e.previous_hash,
    )


def _stream(store: Store, statement: Select[Any]) -> Iterator[AuditEvent]:
    """Rows per device in sequence order, in batches, so a long log never sits in memory."""
    key = tuple_(AuditEvent.device_uuid, func.coalesce(AuditEvent.seq, 0))
    after: tuple[Any, int] | None = None
    while True:
        batch_query = statement.order_by(AuditEvent.device_uuid, AuditEvent.seq).limit(BATCH)
        if after is not None:
            batch_query = batch_query.where(key > tuple_(*after))
        with store.transaction() as session:
            batch = session.scalars(batch_query).all()
        if not batch:
            return
        yield from batch
        after = (batch[-1].device_uuid, batch[-1].seq or 0)


def _filtered(session: Session, statement: Select[Any], query: AuditQuery) -> Select[Any]:
    if query.actor_member_id is not None:
        member = session.scalar(select(Member.uuid).where(Member.id == query.actor_member_id))
        statement = statement.where(AuditEvent.actor_member_uuid == member)
    if query.action is not None:
        statement = statement.where(AuditEvent.action == query.action.value)
    if query.resident_id is not None:
        resident = session.scalar(select(Resident.uuid).where(Resident.id == query.resident_id))
        statement = statement.where(AuditEvent.resident_uuid == resident)
    if query.since is not None:
        statement = statement.where(
            AuditEvent.created_at >= datetime.combine(query.since, time.min)
        )
    if query.until is not None:
        statement = statement.where(
            AuditEvent.created_at < datetime.combine(query.until + timedelta(days=1), time.min)
        )
    return statement


def _records(session: Session, rows: list[AuditEvent]) -> list[AuditRecord]:
    """Rows with the local numbers of the records they name, where this store has them."""
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for e in rows:
        if e.object_uuid is not None:
            wanted[e.object_type].add(e.object_uuid)
        if e.resident_uuid is not None:
            wanted["resident"].add(e.resident_uuid)
    local: dict[tuple[str, uuid.UUID], int] = {}
    tables = Base.metadata.tables
    for table_name, uuids in wanted.items():
        table = tables.get(table_name)
        if table is None or "uuid" not in table.c:
            continue
        for ident, found in session.execute(
            select(table.c.id, table.c.uuid).where(table.c.uuid.in_(uuids))
        ):
            local[(table_name, found)] = ident
    return [
        AuditRecord(
            uuid=e.uuid,
            device_uuid=e.device_uuid,
            seq=e.seq or 0,
            at=e.created_at,
            actor_member_uuid=e.actor_member_uuid,
            responsible_member_uuid=e.responsible_member_uuid,
            action=AuditAction(e.action),
            object_type=e.object_type,
            object_uuid=e.object_uuid,
            resident_uuid=e.resident_uuid,
            result=AuditResult(e.result),
            object_id=local.get((e.object_type, e.object_uuid)) if e.object_uuid else None,
            resident_id=local.get(("resident", e.resident_uuid)) if e.resident_uuid else None,
        )
        for e in rows
    ]


def _blank(value: object) -> object:
    return "" if value is None else value
