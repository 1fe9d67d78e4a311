"""The sync's own bookkeeping of a pulled page, read and written in batches: the last-synced
copy of each record (team_synced), what waits to be pushed (team_outbox) and the children
waiting for their parents (team_waiting). Plain Core statements: bookkeeping of the sync, not
records to audit or share."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from wijkteam.store.models import TeamOutbox, TeamSynced, TeamWaiting

CHUNK = 500  # SQLite's bound-parameter limit is far above; keeps IN lists short


@dataclass
class Incoming:
    kind: str
    uuid: uuid.UUID
    version: int
    body: dict[str, Any]
    payload: str  # the body as it arrived (kept as the last-synced copy, the merge's base)


@dataclass
class SyncedRow:
    version: int
    tombstone: bool
    gone: bool


def chunks(items: Iterable[Any]) -> Iterable[Sequence[Any]]:
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _rows_of(
    session: Session, table: Any, columns: Sequence[Any], kind: str, records: set[uuid.UUID]
) -> Iterable[Any]:
    """The bookkeeping rows of these records of a kind: looked up by UUID for a few, read
    whole when the page holds as many records as the table (a join: one scan, no lookups)."""
    connection = session.connection()
    where = table.c.kind == kind
    size = connection.execute(select(func.count()).select_from(table).where(where)).scalar()
    if (size or 0) <= 2 * len(records):
        return [r for r in connection.execute(select(*columns).where(where)) if r[0] in records]
    found: list[Any] = []
    for part in chunks(records):
        found += connection.execute(select(*columns).where(where, table.c.record_uuid.in_(part)))
    return found


class PageBook:
    """The sync's bookkeeping of the records on one page, read in one go."""

    def __init__(self, session: Session, keys: Iterable[tuple[str, uuid.UUID]]) -> None:
        self.session = session
        wanted = defaultdict(set)
        for kind, record in keys:
            wanted[kind].add(record)
        self.synced: dict[tuple[str, uuid.UUID], SyncedRow] = {}
        self.outbox: set[tuple[str, uuid.UUID]] = set()
        s, o = TeamSynced.__table__, TeamOutbox.__table__
        for kind, records in wanted.items():
            columns = (s.c.record_uuid, s.c.version, s.c.tombstone, s.c.gone)
            for r in _rows_of(session, s, columns, kind, records):
                self.synced[(kind, r[0])] = SyncedRow(r[1], bool(r[2]), bool(r[3]))
            self.outbox.update(
                (kind, r[0]) for r in _rows_of(session, o, (o.c.record_uuid,), kind, records)
            )
        connection = session.connection()
        w = TeamWaiting.__table__
        self.waiting = {(r[0], r[1]) for r in connection.execute(select(w.c.kind, w.c.record_uuid))}

    def write_synced(self, rows: list[tuple[str, uuid.UUID, int, str | None, bool, bool]]) -> None:
        """(kind, record, version, payload, tombstone, gone) as set_synced, in two executemany."""
        if not rows:
            return
        t = TeamSynced.__table__
        updates, inserts = [], []
        for kind, record, version, payload, tombstone, gone in rows:
            values = {"version": version, "payload": payload, "tombstone": tombstone, "gone": gone}
            if (kind, record) in self.synced:
                updates.append({"k": kind, "r": record, **values})
            else:
                inserts.append({"kind": kind, "record_uuid": record, **values})
            self.synced[(kind, record)] = SyncedRow(version, tombstone, gone)
        connection = self.session.connection()
        if updates:
            connection.execute(
                update(t)
                .where(t.c.kind == bindparam("k"), t.c.record_uuid == bindparam("r"))
                .values(version=bindparam("version"), payload=bindparam("payload"),
                        tombstone=bindparam("tombstone"), gone=bindparam("gone")),
                updates,
            )  # fmt: skip
        if inserts:
            connection.execute(insert(t), inserts)

    def gone(self, kind: str, record: uuid.UUID) -> bool:
        known = self.synced.get((kind, record))
        return known is not None and known.gone

    def drop_outbox(self, rows: list[tuple[str, uuid.UUID, int]]) -> None:
        """(kind, record, up to outbox id): what a push applied leaves the outbox."""
        if not rows:
            return
        t = TeamOutbox.__table__
        self.session.connection().execute(
            delete(t).where(
                t.c.kind == bindparam("k"), t.c.record_uuid == bindparam("r"),
                t.c.id <= bindparam("up"),
            ),
            [{"k": k, "r": r, "up": up} for k, r, up in rows],
        )  # fmt: skip

    def unwait(self, keys: Iterable[tuple[str, uuid.UUID]]) -> None:
        found = [k for k in keys if k in self.waiting]
        if not found:
            return
        t = TeamWaiting.__table__
        self.session.connection().execute(
            delete(t).where(t.c.kind == bindparam("k"), t.c.record_uuid == bindparam("r")),
            [{"k": k, "r": r} for k, r in found],
        )
        self.waiting.difference_update(found)

    def wait(self, items: list[Incoming]) -> None:
        if not items:
            return
        self.unwait([(i.kind, i.uuid) for i in items])
        self.session.connection().execute(
            insert(TeamWaiting.__table__),
            [{"kind": i.kind, "record_uuid": i.uuid, "version": i.version,
              "payload": i.payload} for i in items],
        )  # fmt: skip
        self.waiting.update((i.kind, i.uuid) for i in items)
