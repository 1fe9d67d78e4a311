"""The one place where local changes enter the team's outbox (DESIGN.md §11 "Push").

Installed on the store's session factory next to the audit guard: while a transaction runs,
every changed row of a shared kind (flushed objects, and ORM insert/update/delete statements)
is noted; at commit, if the store belongs to a team, each changed record's whole shared
content goes into `team_outbox` in the same transaction, so no service can write without
its change being shared, and no change is shared that did not commit. A new erasure goes
out as a coordinator-signed ledger record with a tombstone for each record it removed; a
retention removal (`retire`) goes out as a tombstone for each record it removed that the
team server holds, marked as retention (no ledger record): every laptop that pulls them
removes the case too, and the server drops its ciphertext. What the sync itself applies
(APPLYING) is not sent back.
"""

from __future__ import annotations

import json
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Delete, Insert, Update, delete, event, exists, insert, select, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from wijkteam.store.models import (
    Base,
    Erasure,
    TeamConflict,
    TeamLink,
    TeamOutbox,
    TeamSynced,
    TeamWaiting,
)
from wijkteam.store.team_kinds import BY_NAME, CHILD_TABLES, ERASURE_KIND, dumps, snapshot

APPLYING: ContextVar[bool] = ContextVar("team_applying", default=False)
_KEY = "team_capture"


@dataclass
class Captured:
    changed: set[tuple[str, int]] = field(default_factory=set)  # (kind, id)
    deleted: set[tuple[str, uuid.UUID]] = field(default_factory=set)
    erasures: set[int] = field(default_factory=set)
    retention: str | None = None  # the day of a retention removal (`retire`)


RETENTION_KEY = "retention"  # a retention tombstone's body: {"retention": "<ISO day>"}


def retire(session: Session, day: str) -> None:
    """What this transaction deletes leaves the whole team: a retention removal confirmed by
    the coordinator on `day` (services/retention.py)."""
    _captured(session).retention = day


def is_retention(body: Any) -> bool:
    return isinstance(body, dict) and RETENTION_KEY in body


def _captured(session: Session) -> Captured:
    found = session.info.get(_KEY)
    if found is None:
        found = session.info[_KEY] = Captured()
    return found


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_execute)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_commit", _forget)
    event.listen(factory, "after_rollback", _forget)


def _forget(session: Session) -> None:
    session.info.pop(_KEY, None)


def _target(table: str, row: Any) -> tuple[str, int | None] | None:
    """(kind, record id) that a change of a row of `table` changes."""
    if table in BY_NAME:
        return table, getattr(row, "id", None) if not isinstance(row, dict) else row.get("id")
    kind = CHILD_TABLES.get(table)
    if kind is None:
        return None
    column = next(c.parent_column for c in kind.children if c.table == table)
    value = row.get(column) if isinstance(row, dict) else getattr(row, column, None)
    return kind.name, value


def _after_flush(session: Session, _context: object) -> None:
    if APPLYING.get():
        return
    found = _captured(session)
    for obj in [*session.new, *session.dirty]:
        table = getattr(obj, "__tablename__", None)
        if table == Erasure.__tablename__ and obj in session.new:
            found.erasures.add(obj.id)
            continue
        target = _target(table or "", obj)
        if target is not None and target[1] is not None:
            found.changed.add((target[0], target[1]))
    for obj in session.deleted:
        table = getattr(obj, "__tablename__", None)
        if table in BY_NAME:
            found.deleted.add((table, obj.uuid))
        else:
            target = _target(table or "", obj)
            if target is not None and target[1] is not None:
                found.changed.add((target[0], target[1]))


def _on_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if APPLYING.get() or not isinstance(statement, Insert | Update | Delete):
        return
    name = statement.table.name  # type: ignore[attr-defined]
    if name not in BY_NAME and name not in CHILD_TABLES:
        return
    found = _captured(state.session)
    if isinstance(statement, Insert):
        params = state.parameters
        for row in params if isinstance(params, list) else [params or {}]:
            target = _target(name, row)
            if target is not None and target[1] is not None:
                found.changed.add((target[0], target[1]))
        return
    table = Base.metadata.tables[name]
    own = name in BY_NAME
    kind = BY_NAME[name] if own else CHILD_TABLES[name]
    column = "id" if own else next(c.parent_column for c in kind.children if c.table == name)
    columns = [table.c[column], table.c.uuid] if own else [table.c[column]]
    query = select(*columns)
    if statement.whereclause is not None:
        query = query.where(statement.whereclause)
    params = state.parameters
    if isinstance(params, list) and params and "id" in params[0]:
        query = query.where(table.c.id.in_([row["id"] for row in params]))
    for row in state.session.execute(query):
        if own and isinstance(statement, Delete):
            found.deleted.add((name, row[1]))
        else:
            found.changed.add((kind.name, row[0]))


def _before_commit(session: Session) -> None:
    if APPLYING.get():
        return
    session.flush()
    found = session.info.get(_KEY)
    if found is None or not (found.changed or found.deleted or found.erasures):
        return
    if not session.scalar(select(exists().where(TeamLink.id.isnot(None)))):
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    rows: list[dict[str, Any]] = []
    for kind_name, record_id in sorted(found.changed):
        kind = BY_NAME[kind_name]
        body = snapshot(session, kind, record_id)
        if body is None:
            continue
        record, payload = uuid.UUID(body["uuid"]), dumps(body)
        if _already_shared(session, kind_name, record, payload):
            continue  # only local fields changed (a ZGW acknowledgement, say): nothing to send
        rows.append(_op(session, kind_name, record, payload, now))
    for kind_name, record_uuid in sorted(found.deleted, key=str):
        _gone(session, kind_name, record_uuid)
    if found.retention is not None:
        rows += _retention_ops(session, found.deleted, found.retention, now)
    for erasure_id in sorted(found.erasures):
        rows += _erasure_ops(session, erasure_id, now)
    if rows:
        session.execute(insert(TeamOutbox), rows)
    found.changed.clear()
    found.deleted.clear()
    found.erasures.clear()
    found.retention = None


def _already_shared(session: Session, kind: str, record: uuid.UUID, payload: str) -> bool:
    """The shared content is what the team already has or will get: the newest waiting
    change if there is one, else the last synced copy."""
    waiting = session.scalar(
        select(TeamOutbox.payload)
        .where(TeamOutbox.kind == kind, TeamOutbox.record_uuid == record)
        .order_by(TeamOutbox.id.desc())
        .limit(1)
    )
    if waiting is not None:
        return waiting == payload
    synced = session.scalar(
        select(TeamSynced.payload).where(
            TeamSynced.kind == kind, TeamSynced.record_uuid == record, TeamSynced.gone.is_(False)
        )
    )
    return synced is not None and synced == payload


def _op(
    session: Session, kind: str, record: uuid.UUID, payload: str, now: datetime, tomb: bool = False
) -> dict[str, Any]:
    base = session.scalar(
        select(TeamSynced.version).where(TeamSynced.kind == kind, TeamSynced.record_uuid == record)
    )
    return {
        "op_uuid": uuid.uuid4(), "kind": kind, "record_uuid": record, "base_version": base or 0,
        "payload": payload, "tombstone": tomb, "made_at": now,
    }  # fmt: skip


def _gone(session: Session, kind: str, record: uuid.UUID) -> None:
    """Removed from this laptop (retention): an older edit from elsewhere never brings it
    back, and what was not pushed of it is not pushed any more."""
    session.execute(
        delete(TeamOutbox).where(TeamOutbox.kind == kind, TeamOutbox.record_uuid == record)
    )
    _forget_copies(session, kind, [record])
    where = (TeamSynced.kind == kind) & (TeamSynced.record_uuid == record)
    if session.execute(update(TeamSynced).where(where).values(gone=True)).rowcount == 0:
        session.add(TeamSynced(kind=kind, record_uuid=record, version=0, gone=True))
        session.flush()


def _erasure_ops(session: Session, erasure_id: int, now: datetime) -> list[dict[str, Any]]:
    row = session.get(Erasure, erasure_id)
    if row is None:
        return []
    records = json.loads(row.records)
    body = {
        "uuid": str(row.uuid), "erased_at": row.erased_at.isoformat(),
        "resident_uuid": str(row.resident_uuid), "records": records,
        "member_uuid": str(row.member_uuid) if row.member_uuid else None,
        "signature": row.signature.hex() if row.signature else None,
        "signing_key_id": row.signing_key_id,
    }  # fmt: skip
    ops = [_op(session, ERASURE_KIND, row.uuid, dumps(body), now)]
    tomb = dumps({"erasure": str(row.uuid)})
    # The resident's own record too: the ledger names what hung under them, and the team
    # server keeps no ciphertext of a record once its tombstone arrived.
    records = {**records, "resident": [*records.get("resident", []), str(row.resident_uuid)]}
    for table, uuids in sorted(records.items()):
        if table not in BY_NAME:
            continue
        _forget_copies(session, table, [uuid.UUID(u) for u in uuids])
        known = session.scalars(
            select(TeamSynced.record_uuid).where(
                TeamSynced.kind == table,
                TeamSynced.version > 0,
                TeamSynced.record_uuid.in_([uuid.UUID(u) for u in uuids]),
            )
        )
        ops += [_op(session, table, record, tomb, now, tomb=True) for record in known]
    return ops


def _retention_ops(
    session: Session, deleted: set[tuple[str, uuid.UUID]], day: str, now: datetime
) -> list[dict[str, Any]]:
    """A tombstone for each removed record the team server holds (pushed at least once)."""
    tomb = dumps({RETENTION_KEY: day})
    ops = []
    by_kind: dict[str, list[uuid.UUID]] = {}
    for kind_name, record_uuid in deleted:
        by_kind.setdefault(kind_name, []).append(record_uuid)
    for kind_name, records in sorted(by_kind.items()):
        for start in range(0, len(records), 500):
            known = session.scalars(
                select(TeamSynced.record_uuid).where(
                    TeamSynced.kind == kind_name,
                    TeamSynced.version > 0,
                    TeamSynced.tombstone.is_(False),
                    TeamSynced.record_uuid.in_(records[start : start + 500]),
                )
            )
            ops += [_op(session, kind_name, record, tomb, now, tomb=True) for record in known]
    return ops


def _forget_copies(session: Session, kind: str, records: list[uuid.UUID]) -> None:
    """An erased or removed record leaves no copy of its content in the sync's own tables:
    no unpushed change, no last-synced base, no conflict, no child waiting for it."""
    for start in range(0, len(records), 500):
        chunk = records[start : start + 500]
        session.execute(
            delete(TeamOutbox).where(TeamOutbox.kind == kind, TeamOutbox.record_uuid.in_(chunk))
        )
        session.execute(
            update(TeamSynced)
            .where(TeamSynced.kind == kind, TeamSynced.record_uuid.in_(chunk))
            .values(payload=None)
        )
        session.execute(
            delete(TeamConflict).where(
                TeamConflict.kind == kind, TeamConflict.record_uuid.in_(chunk)
            )
        )
        session.execute(
            delete(TeamWaiting).where(TeamWaiting.kind == kind, TeamWaiting.record_uuid.in_(chunk))
        )
