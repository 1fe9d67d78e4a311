"""The check that makes a forgotten audit entry impossible: every transaction that changes
personal data must carry an audit entry naming each record it changed, or it is rolled back.

The store installs it on its session factory. While a transaction runs, every changed row
of a table below (flushed objects, and ORM insert/update/delete statements) is noted under
the record an audit entry names: a row itself, or for a part of a record (a theme note, a
consent, an event) its owner. The audit service marks what its entries name. At commit, a
changed record without an entry raises AuditMissing, and the whole transaction rolls back.
Rows deleted by the database itself (ON DELETE CASCADE) go with the record whose deletion
was audited.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Delete, Insert, Update, event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from wijkteam.errors import AuditMissing
from wijkteam.store.audit_chain import write_head
from wijkteam.store.models import Base

# table -> (the table whose record an entry names, the column holding that record's id)
SUBJECT_OF: dict[str, tuple[str, str]] = {
    "resident": ("resident", "id"),
    "report": ("report", "id"),
    "report_event": ("report", "report_id"),
    "status_change": ("report", "report_id"),
    "home_visit": ("report", "report_id"),
    "contact": ("contact", "id"),
    "contact_theme": ("contact", "contact_id"),
    "contact_draft": ("contact_draft", "id"),
    "step": ("step", "id"),
    "follow_up": ("follow_up", "id"),
    "referral": ("referral", "id"),
    "referral_consent": ("referral", "referral_id"),
    "document": ("document", "id"),
    "social_map_entry": ("social_map_entry", "id"),
    "social_map_entry_category": ("social_map_entry", "entry_id"),
    "social_map_gap": ("social_map_gap", "id"),
    "member": ("member", "id"),
}
# Changing only these is bookkeeping, not a change of the person's data.
BOOKKEEPING = frozenset({"updated_at", "sync_acknowledged_at"})

NEW, CHANGED, DELETED = "new", "changed", "deleted"
_KEY = "audit_guard"
HEAD_INFO = "audit_head"  # (device, Head) of the newest row this transaction appended


@dataclass
class Tracking:
    """What one transaction changed and what its audit entries named."""

    changed: dict[tuple[str, int], str] = field(default_factory=dict)
    uuids: dict[tuple[str, int], uuid.UUID] = field(default_factory=dict)
    residents: dict[tuple[str, int], int | None] = field(default_factory=dict)
    covered: set[tuple[str, int]] = field(default_factory=set)

    def note(self, key: tuple[str, int], how: str) -> None:
        if self.changed.get(key) in (NEW, DELETED):
            return  # a new record stays new; a deleted one stays deleted
        self.changed[key] = how

    def uncovered(self) -> dict[tuple[str, int], str]:
        return {k: v for k, v in self.changed.items() if k not in self.covered}


def tracking(session: Session) -> Tracking:
    found = session.info.get(_KEY)
    if found is None:
        found = session.info[_KEY] = Tracking()
    return found


def cover(session: Session, table: str, record_id: int | None) -> None:
    """An audit entry in this transaction names this record."""
    if record_id is not None:
        tracking(session).covered.add((table, record_id))


def install(factory: sessionmaker[Session], data_dir: Path | None) -> None:
    """`data_dir`: where the audit head file is kept (None for a store without a folder)."""

    def after_commit(session: Session) -> None:
        head = session.info.pop(HEAD_INFO, None)
        _forget(session)
        if head is not None and data_dir is not None:
            write_head(data_dir, *head)

    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_execute)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_rollback", _forget)
    event.listen(factory, "after_commit", after_commit)


def _subject(obj: Any) -> tuple[str, int] | None:
    table = getattr(obj, "__tablename__", None)
    if table not in SUBJECT_OF:
        return None
    subject_table, column = SUBJECT_OF[table]
    record_id = getattr(obj, column, None)
    return (subject_table, record_id) if record_id is not None else None


def _is_changed(obj: Any) -> bool:
    state = inspect(obj)
    return any(
        attr.key not in BOOKKEEPING and attr.history.has_changes()
        for attr in state.attrs
        if attr.key in state.mapper.columns
    )


def _after_flush(session: Session, _context: object) -> None:
    track = tracking(session)
    for obj in session.new:
        key = _subject(obj)
        if key is not None:
            own = SUBJECT_OF[obj.__tablename__][1] == "id"
            track.note(key, NEW if own else CHANGED)
            _remember(track, key, obj if own else None)
    for obj in session.dirty:
        key = _subject(obj)
        if key is not None and _is_changed(obj):
            track.note(key, CHANGED)
    for obj in session.deleted:
        key = _subject(obj)
        if key is not None:
            own = SUBJECT_OF[obj.__tablename__][1] == "id"
            track.note(key, DELETED if own else CHANGED)
            _remember(track, key, obj if own else None)


def _remember(track: Tracking, key: tuple[str, int], obj: Any) -> None:
    """Keeps a record's UUID and resident while they can be read (before a delete)."""
    if obj is None:
        return
    if getattr(obj, "uuid", None) is not None:
        track.uuids[key] = obj.uuid
    if key[0] == "resident":
        track.residents[key] = key[1]
    elif hasattr(obj, "resident_id"):
        track.residents[key] = obj.resident_id


def _on_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if not isinstance(statement, Insert | Update | Delete):
        return
    table = statement.table.name  # type: ignore[attr-defined]
    if table not in SUBJECT_OF:
        return
    subject_table, column = SUBJECT_OF[table]
    track = tracking(state.session)
    if isinstance(statement, Insert):
        params = state.parameters
        rows = params if isinstance(params, list) else [params or {}]
        for row in rows:
            record_id = row.get(column)
            if record_id is None:
                raise AuditMissing(f"bulk insert into {table} without ids cannot be audited")
            key = (subject_table, record_id)
            track.note(key, NEW if column == "id" else CHANGED)
            if column == "id" and row.get("uuid") is not None:
                track.uuids[key] = row["uuid"]
            if column == "id" and "resident_id" in row:
                track.residents[key] = row["resident_id"]
        return
    if isinstance(statement, Update):
        values = {getattr(c, "key", str(c)) for c in statement._values or {}}
        if values and values <= BOOKKEEPING:
            return
    model = Base.metadata.tables[table]
    columns = [model.c[column]]
    if column == "id":
        columns.append(model.c.uuid)
    if column == "id" and "resident_id" in model.c:
        columns.append(model.c.resident_id)
    found = select(*columns)
    if statement.whereclause is not None:
        found = found.where(statement.whereclause)
    params = state.parameters
    if isinstance(params, list) and params and "id" in params[0]:  # ORM bulk by primary key
        found = found.where(model.c.id.in_([row["id"] for row in params]))
    how = DELETED if isinstance(statement, Delete) and column == "id" else CHANGED
    for row in state.session.execute(found):
        key = (subject_table, row[0])
        track.note(key, how)
        if column == "id":
            track.uuids[key] = row[1]
            if len(row) > 2:
                track.residents[key] = row[2]
            elif subject_table == "resident":
                track.residents[key] = row[0]


def _before_commit(session: Session) -> None:
    session.flush()
    missing = tracking(session).uncovered()
    if missing:
        kinds = sorted({table for table, _ in missing})
        raise AuditMissing(f"{len(missing)} changed record(s) without an audit entry: {kinds}")


def _forget(session: Session) -> None:
    session.info.pop(_KEY, None)
    session.info.pop(HEAD_INFO, None)
