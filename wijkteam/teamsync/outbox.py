"""The laptop's side of one sync round over its store: the device state kept in the store,
the outbox turned into operations, and what the server answered written back."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from wijkteam.store import Store
from wijkteam.store.models import AuditEvent, TeamLink, TeamOutbox, TeamSynced
from wijkteam.store.team_kinds import AUDIT_KIND, dumps, encode
from wijkteam.teamsync.errors import NotConnected
from wijkteam.teamsync.session import Outgoing
from wijkteam.teamsync.state import DeviceState
from wijkteam.teamsync.version_table import save_versions, table_source
from wijkteam.teamsync.versions import Versions

AUDIT_COLUMNS = (
    "uuid", "created_at", "device_uuid", "seq", "actor_member_uuid", "responsible_member_uuid",
    "action", "object_type", "object_uuid", "resident_uuid", "result", "previous_hash",
    "entry_hash",
)  # fmt: skip


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def load_state(session: Session) -> DeviceState | None:
    link = session.get(TeamLink, 1)
    if link is None:
        return None
    return DeviceState.from_json(link.state, Versions(source=table_source(session)))


def save_state(session: Session, state: DeviceState) -> None:
    """The state and the versions it set since the last save, in the caller's transaction."""
    save_versions(session, state.versions)
    link = session.get(TeamLink, 1)
    if link is None:
        session.add(TeamLink(id=1, state=state.to_json(), audit_pushed_seq=0, revoked=False))
    else:
        link.state = state.to_json()
    session.flush()


class Persist:
    """The engine's persist hook: writes the state at once (a push's batch must survive a
    crash), or, while `held`, keeps it to be saved with what a pull delivered."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.held = False
        self.latest: DeviceState | None = None

    def __call__(self, state: DeviceState) -> None:
        self.latest = state
        if not self.held:
            with self.store.transaction() as session:
                save_state(session, state)


@dataclass(frozen=True)
class Pending:
    outgoing: Outgoing
    last_row: int  # outbox rows of this record up to here go when it is applied
    audit_seq: int | None = None


def pending(session: Session, device: uuid.UUID, with_audit: bool = True) -> list[Pending]:
    """One operation per record: its newest content, based on the last synced version."""
    newest: dict[tuple[str, uuid.UUID], TeamOutbox] = {}
    for row in session.scalars(select(TeamOutbox).order_by(TeamOutbox.id)):
        newest[(row.kind, row.record_uuid)] = row
    versions = _versions(session, list(newest))
    found = [
        Pending(
            Outgoing(str(row.op_uuid), row.kind, str(row.record_uuid),
                     versions.get(key, 0), row.payload.encode(), row.tombstone),
            row.id,
        )
        for key, row in newest.items()
    ]  # fmt: skip
    if with_audit:
        found += list(_audit_rows(session, device))
    return found


def _versions(session: Session, keys: list[tuple[str, uuid.UUID]]) -> dict[Any, int]:
    out: dict[Any, int] = {}
    records = [k[1] for k in keys]
    for start in range(0, len(records), 500):
        chunk = records[start : start + 500]
        for kind, record, version in session.execute(
            select(TeamSynced.kind, TeamSynced.record_uuid, TeamSynced.version).where(
                TeamSynced.record_uuid.in_(chunk)
            )
        ):
            out[(kind, record)] = version
    return out


def _audit_rows(session: Session, device: uuid.UUID) -> Iterator[Pending]:
    link = session.get(TeamLink, 1)
    after = link.audit_pushed_seq if link is not None else 0
    table = AuditEvent.__table__
    rows = session.execute(
        select(*(table.c[c] for c in AUDIT_COLUMNS))
        .where(table.c.device_uuid == device, table.c.seq > after)
        .order_by(table.c.seq)
    ).mappings()
    for row in rows:
        body = dumps({k: encode(v) for k, v in row.items()})
        op_id = str(uuid.uuid5(row["uuid"], "push"))
        yield Pending(
            Outgoing(op_id, AUDIT_KIND, str(row["uuid"]), 0, body.encode()), 0, row["seq"]
        )


def set_synced(
    session: Session, kind: str, record: uuid.UUID, version: int, payload: str | None,
    tombstone: bool = False,
) -> None:  # fmt: skip
    # Plain statements on the connection: bookkeeping of the sync, not records to audit or
    # share (the ORM's per-statement work made this the slowest part of a large pull).
    table = TeamSynced.__table__
    where = (table.c.kind == kind) & (table.c.record_uuid == record)
    values = {"version": version, "payload": payload, "tombstone": tombstone}
    connection = session.connection()
    if connection.execute(update(table).where(where).values(**values)).rowcount == 0:
        connection.execute(
            insert(table).values(kind=kind, record_uuid=record, gone=False, **values)
        )


def synced(session: Session, kind: str, record: uuid.UUID) -> TeamSynced | None:
    return session.scalar(
        select(TeamSynced).where(TeamSynced.kind == kind, TeamSynced.record_uuid == record)
    )


def drop_outbox(session: Session, kind: str, record: uuid.UUID, up_to: int | None = None) -> None:
    table = TeamOutbox.__table__
    where = (table.c.kind == kind) & (table.c.record_uuid == record)
    if up_to is not None:
        where = where & (table.c.id <= up_to)
    session.connection().execute(delete(table).where(where))


def newest_outbox(session: Session, kind: str, record: uuid.UUID) -> TeamOutbox | None:
    return session.scalar(
        select(TeamOutbox)
        .where(TeamOutbox.kind == kind, TeamOutbox.record_uuid == record)
        .order_by(TeamOutbox.id.desc())
        .limit(1)
    )


def restage(
    session: Session, kind: str, record: uuid.UUID, base: int, body: dict[str, Any]
) -> None:
    """This laptop's merged record replaces what waited to be pushed of it."""
    drop_outbox(session, kind, record)
    session.add(
        TeamOutbox(op_uuid=uuid.uuid4(), kind=kind, record_uuid=record, base_version=base,
                   payload=dumps(body), tombstone=False, made_at=now())
    )  # fmt: skip


def outbox_count(session: Session) -> int:
    records = select(TeamOutbox.kind, TeamOutbox.record_uuid).distinct().subquery()
    return int(session.scalar(select(func.count()).select_from(records)) or 0)


def loads(payload: str | bytes | None) -> dict[str, Any] | None:
    return json.loads(payload) if payload else None


def require_state(session: Session) -> DeviceState:
    state = load_state(session)
    if state is None:
        raise NotConnected()
    return state
