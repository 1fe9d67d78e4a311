"""Closed meldingen fetched from the team server, written as the inzage writes any melding.

The wire bodies go into a scratch store in memory (plain SQLite with the store's own tables,
never a file): the team's members, the resident and what the meldingen refer to are copied
in, integer ids are given anew, and the inzage's own builder writes them. So a melding reads
the same whether it came from this laptop or from the server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, create_engine, event, insert, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from wijkteam.domain.status import ReportStatus
from wijkteam.services.privacy_remote import CASE_KINDS, RemoteCases
from wijkteam.store.models import (
    AuditEvent,
    Base,
    Member,
    Resident,
    SocialMapEntry,
    SyncBatch,
    SyncBatchCase,
    SyncRemote,
    TeamConflict,
    TeamWaiting,
)
from wijkteam.store.team_kinds import BY_NAME, decode, sent_columns


@contextmanager
def scratch(
    main: Session,
    resident: Resident | None,
    cases: RemoteCases,
    person: dict[str, Any] | None = None,
) -> Iterator[Session]:
    """A session over an in-memory store holding the fetched meldingen (and what they need).
    `resident`: theirs on this laptop; or None and `person`, their record from the server,
    when nothing of theirs is left here: then what this laptop holds about them outside the
    dossier (audit rows, sync conflicts and waiting records) is copied in too."""
    engine = create_engine("sqlite://", poolclass=StaticPool)
    # Sorts and temporary tables stay in memory too: nothing of theirs in a temp file.
    event.listen(
        engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA temp_store=MEMORY")
    )
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            ids: dict[tuple[str, str], int] = {}
            _copy(main, session, Member.__table__, None, ids)
            entries = {b.get("social_map_entry_id") for b in cases.bodies.get("step", [])}
            entry = SocialMapEntry.__table__
            places = [uuid.UUID(u) for u in entries if u]
            _copy(main, session, entry, entry.c.uuid.in_(places), ids)
            if resident is not None:
                table = Resident.__table__
                _copy(main, session, table, table.c.id == resident.id, ids)
            elif person is not None:
                _insert(session, "resident", person, ids)
                _copy_about(main, session, uuid.UUID(person["uuid"]), cases.uuids())
            for kind in ("report", *CASE_KINDS):
                for body in cases.bodies.get(kind, []):
                    _insert(session, kind, body, ids)
            _copy_sync(main, session, {uuid.UUID(b["uuid"]) for b in cases.reports})
            session.flush()
            yield session
    finally:
        engine.dispose()


def _copy(
    main: Session, session: Session, table: Table, where: Any, ids: dict[tuple[str, str], int]
) -> None:
    query = select(table) if where is None else select(table).where(where)
    rows = [dict(r) for r in main.execute(query).mappings()]
    if rows:
        session.execute(insert(table), rows)
    for row in rows:
        if "uuid" in row:
            ids[(table.name, str(row["uuid"]))] = row["id"]


def _insert(
    session: Session, kind_name: str, body: dict[str, Any], ids: dict[tuple[str, str], int]
) -> None:
    kind = BY_NAME[kind_name]
    table = kind.table
    values: dict[str, Any] = {}
    for column in sent_columns(kind):
        value = body.get(column.name)
        if column.name in kind.refs:
            values[column.name] = ids.get((kind.refs[column.name], str(value))) if value else None
        else:
            values[column.name] = decode(column, value)
    values["updated_at"] = values.get("created_at")
    for name in kind.local - {"status", "sync_acknowledged_at"}:
        values.setdefault(name, "")  # search keys: not needed for reading
    if kind_name == "report":
        values["status"] = ReportStatus.CLOSED  # only closed meldingen leave a laptop
    record_id = session.execute(insert(table).values(**values)).inserted_primary_key[0]
    ids[(kind_name, str(body["uuid"]))] = record_id
    for child in kind.children:
        rows = [
            {**{k: decode(Base.metadata.tables[child.table].c[k], v) for k, v in row.items()},
             child.parent_column: record_id}
            for row in body.get(child.table, [])
        ]  # fmt: skip
        if rows:
            session.execute(insert(Base.metadata.tables[child.table]), rows)


def _copy_about(
    main: Session, session: Session, person: uuid.UUID, records: set[uuid.UUID]
) -> None:
    ignore: dict[tuple[str, str], int] = {}
    audit = AuditEvent.__table__
    named = or_(audit.c.resident_uuid == person, audit.c.object_uuid.in_(records | {person}))
    _copy(main, session, audit, named, ignore)
    for table in (TeamConflict.__table__, TeamWaiting.__table__):
        _copy(main, session, table, None, ignore)


def _copy_sync(main: Session, session: Session, reports: set[uuid.UUID]) -> None:
    """What this laptop still knows of those meldingen reaching the municipality."""
    if not reports:
        return
    ignore: dict[tuple[str, str], int] = {}
    remote, cases = SyncRemote.__table__, SyncBatchCase.__table__
    _copy(main, session, remote, remote.c.case_uuid.in_(reports), ignore)
    _copy(main, session, cases, cases.c.case_uuid.in_(reports), ignore)
    batches = set(main.scalars(select(cases.c.batch_uuid).where(cases.c.case_uuid.in_(reports))))
    if batches:
        batch = SyncBatch.__table__
        _copy(main, session, batch, batch.c.uuid.in_(batches), ignore)
