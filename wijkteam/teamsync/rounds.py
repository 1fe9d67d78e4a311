"""One sync round's writes into the store: what a push applied, the three-way merge of a
push's conflicts and of pulled records this laptop changed too, and applying what a pull
delivered. Everything here runs inside the caller's transaction with APPLYING set."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from wijkteam.services.audit import AuditService
from wijkteam.services.privacy_ledger import LedgerEntry, _erase_again, add_entry
from wijkteam.store.models import AuditEvent, TeamConflict, TeamLink, TeamWaiting
from wijkteam.store.team_kinds import AUDIT_KIND, BY_NAME, ERASURE_KIND, ORDER, decode, dumps
from wijkteam.teamsync.merge import three_way
from wijkteam.teamsync.outbox import (
    Pending,
    drop_outbox,
    loads,
    newest_outbox,
    now,
    restage,
    set_synced,
    synced,
)
from wijkteam.teamsync.session import PushOutcome
from wijkteam.teamsync.store_apply import DROP, WAIT, Applier
from wijkteam.teamsync.verify import Received


class RoundWriter:
    def __init__(self, session: Session, audit: AuditService) -> None:
        self.session = session
        self.audit = audit
        self.applier = Applier(session)
        self.conflicts = 0
        self.received = 0
        self.erasures: list[LedgerEntry] = []

    # --- push -------------------------------------------------------------------------
    def pushed(self, outcome: PushOutcome, sent: Sequence[Pending]) -> int:
        by_op = {p.outgoing.op_id: p for p in sent}
        audit_seq = 0
        for applied in outcome.applied:
            item = by_op.get(applied.op_id)
            if item is None:  # a batch resent after a crash: its rows are still there
                self._applied_unknown(applied.kind, uuid.UUID(applied.uuid), applied.version)
                continue
            if item.audit_seq is not None:
                audit_seq = max(audit_seq, item.audit_seq)
                continue
            record = uuid.UUID(applied.uuid)
            payload = None if item.outgoing.tombstone else item.outgoing.payload.decode()
            set_synced(self.session, applied.kind, record, applied.version, payload,
                       item.outgoing.tombstone)  # fmt: skip
            drop_outbox(self.session, applied.kind, record, item.last_row)
        if audit_seq:
            link = self.session.get(TeamLink, 1)
            assert link is not None
            link.audit_pushed_seq = max(link.audit_pushed_seq, audit_seq)
        for conflict in outcome.conflicts:
            record = uuid.UUID(conflict.uuid)
            if conflict.theirs_tombstone:
                self._tombstone(conflict.kind, record, conflict.current_version)
            elif conflict.theirs is not None:
                self._merge(conflict.kind, record, conflict.current_version, conflict.theirs)
        return len(outcome.applied)

    def _applied_unknown(self, kind: str, record: uuid.UUID, version: int) -> None:
        row = newest_outbox(self.session, kind, record)
        if row is not None:
            set_synced(self.session, kind, record, version, row.payload, row.tombstone)

    # --- merge --------------------------------------------------------------------------
    def _merge(self, kind_name: str, record: uuid.UUID, version: int, theirs_raw: bytes) -> None:
        """Their version arrived while this laptop has an unpushed change of the record."""
        kind = BY_NAME.get(kind_name)
        mine_row = newest_outbox(self.session, kind_name, record)
        base_row = synced(self.session, kind_name, record)
        theirs = loads(theirs_raw) or {}
        if kind is None or mine_row is None:
            self._write(kind_name, record, version, theirs_raw)
            return
        mine = loads(mine_row.payload) or {}
        base = loads(base_row.payload) if base_row is not None else None
        merged, fields = three_way(base, mine, theirs)
        if kind.append_only:
            merged, fields = mine, []
        elif kind.settle is not None:  # settled as a whole, never a conflict
            merged, fields = kind.settle(base, mine, theirs), []
        for f in fields:
            self.session.add(
                TeamConflict(kind=kind_name, record_uuid=record, field=f.field,
                             base=_wire(f.base), mine=_wire(f.mine), theirs=_wire(f.theirs),
                             found_at=now())
            )  # fmt: skip
            self.conflicts += 1
        set_synced(self.session, kind_name, record, version, dumps(theirs))
        if self.applier.write(kind, merged) is None and merged != theirs:
            restage(self.session, kind_name, record, version, merged)
        else:
            drop_outbox(self.session, kind_name, record)

    def _tombstone(self, kind_name: str, record: uuid.UUID, version: int) -> None:
        """Erased: removed here too; what this laptop changed of it is not sent."""
        drop_outbox(self.session, kind_name, record)
        set_synced(self.session, kind_name, record, version, None, tombstone=True)
        kind = BY_NAME.get(kind_name)
        if kind is not None:
            self.applier.remove(kind, record)

    # --- pull ---------------------------------------------------------------------------
    def pulled(self, received: Sequence[Received]) -> None:
        ordered = sorted(received, key=lambda r: (ORDER.get(r.kind, -1), r.version))
        for item in ordered:
            record = uuid.UUID(item.uuid)
            if item.kind == AUDIT_KIND:
                self._audit_row(item.payload)
            elif item.kind == ERASURE_KIND:
                self.erasures.append(LedgerEntry.from_json(item.payload.decode()))
            elif item.kind in BY_NAME:
                self._received(item.kind, record, item.version, item.payload, item.tombstone)
        self.release_waiting()
        for entry in self.erasures:
            add_entry(self.session, entry)
            _erase_again(self.session, entry, self.audit)
        self.applier.derive_statuses(now())

    def _received(
        self, kind: str, record: uuid.UUID, version: int, payload: bytes, tombstone: bool
    ) -> None:
        known = synced(self.session, kind, record)
        if known is not None and (known.version >= version or known.tombstone):
            return
        self.received += 1
        if tombstone:
            self._tombstone(kind, record, version)
        elif known is not None and known.gone:
            set_synced(self.session, kind, record, version, None)
            known.gone = True
        elif newest_outbox(self.session, kind, record) is not None:
            self._merge(kind, record, version, payload)
        else:
            self._write(kind, record, version, payload)

    def _write(self, kind_name: str, record: uuid.UUID, version: int, payload: bytes) -> bool:
        body = loads(payload) or {}
        outcome = self.applier.write(BY_NAME[kind_name], body)
        if outcome == WAIT:
            self.applier.wait(kind_name, record, version, payload.decode())
            return False
        self.session.execute(
            delete(TeamWaiting).where(
                TeamWaiting.kind == kind_name, TeamWaiting.record_uuid == record
            )
        )
        set_synced(self.session, kind_name, record, version, dumps(body))
        if outcome == DROP:
            found = synced(self.session, kind_name, record)
            assert found is not None
            found.gone = True
        return True

    def release_waiting(self) -> None:
        """Children whose parents arrived meanwhile."""
        while True:
            rows = list(self.session.scalars(select(TeamWaiting)))
            rows.sort(key=lambda w: ORDER.get(w.kind, 0))
            placed = [w for w in rows if self._write(w.kind, w.record_uuid, w.version,
                                                     w.payload.encode())]  # fmt: skip
            if not placed:
                return

    def _audit_row(self, payload: bytes) -> None:
        body = loads(payload) or {}
        table = AuditEvent.__table__
        record = uuid.UUID(body["uuid"])
        if self.session.scalar(select(table.c.id).where(table.c.uuid == record)) is not None:
            return
        values = {k: decode(table.c[k], v) for k, v in body.items() if k in table.c}
        self.session.execute(insert(table).values(updated_at=values["created_at"], **values))


def _wire(value: Any) -> str | None:
    return None if value is None else dumps({"v": value})
