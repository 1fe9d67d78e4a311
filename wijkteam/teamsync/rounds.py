"""One sync round's writes into the store: what a push applied, the three-way merge of a
push's conflicts and of pulled records this laptop changed too, and applying what a pull
delivered. Everything here runs inside the caller's transaction with APPLYING set."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from wijkteam.services.audit import AuditService
from wijkteam.services.privacy_ledger import LedgerEntry, _erase_again, add_entry
from wijkteam.services.retention import retire_received
from wijkteam.store.models import (
    AuditEvent,
    Report,
    Resident,
    TeamConflict,
    TeamLink,
    TeamWaiting,
)
from wijkteam.store.team_capture import is_retention
from wijkteam.store.team_kinds import (
    AUDIT_KIND,
    BY_NAME,
    ERASURE_KIND,
    KINDS,
    ORDER,
    Kind,
    decode,
    dumps,
)
from wijkteam.teamsync.bulk_apply import BulkWriter
from wijkteam.teamsync.merge import three_way
from wijkteam.teamsync.outbox import (
    Pending,
    drop_outbox,
    loads,
    newest_outbox,
    restage,
    set_synced,
    synced,
)
from wijkteam.teamsync.page_book import Incoming, PageBook, chunks
from wijkteam.teamsync.session import Conflict, PushOutcome
from wijkteam.teamsync.store_apply import DROP, WAIT, Applier
from wijkteam.teamsync.verify import Received


class RoundWriter:
    def __init__(self, session: Session, audit: AuditService, at: datetime) -> None:
        """`at`: the store clock's time, stamped on the rows written in batches."""
        self.session = session
        self.audit = audit
        self.at = at
        self.applier = Applier(session)
        self.bulk = BulkWriter(session, at)
        self.conflicts = 0
        self.received = 0
        self.erasures: list[LedgerEntry] = []
        self.kept: set[tuple[str, uuid.UUID]] = set()  # retention tombstones not removed here

    # --- push -------------------------------------------------------------------------
    def pushed(self, outcome: PushOutcome, sent: Sequence[Pending]) -> int:
        """Writes what the server took and merges what it refused; returns the team records
        shared (audit rows and ledger entries are bookkeeping, not counted). A colleague's
        version taken in by a merge counts in `received`."""
        by_op = {p.outgoing.op_id: p for p in sent}
        audit_seq = 0
        done = []
        for applied in outcome.applied:
            item = by_op.get(applied.op_id)
            if item is None:  # a batch resent after a crash: its rows are still there
                self._applied_unknown(applied.kind, uuid.UUID(applied.uuid), applied.version)
                continue
            if item.audit_seq is not None:
                audit_seq = max(audit_seq, item.audit_seq)
                continue
            done.append((applied, item))
        book = PageBook(self.session, [(a.kind, uuid.UUID(a.uuid)) for a, _ in done])
        book.write_synced([
            (a.kind, uuid.UUID(a.uuid), a.version,
             None if i.outgoing.tombstone else i.outgoing.payload.decode(),
             i.outgoing.tombstone, book.gone(a.kind, uuid.UUID(a.uuid)))
            for a, i in done
        ])  # fmt: skip
        book.drop_outbox([(a.kind, uuid.UUID(a.uuid), i.last_row) for a, i in done])
        if audit_seq:
            link = self.session.get(TeamLink, 1)
            assert link is not None
            link.audit_pushed_seq = max(link.audit_pushed_seq, audit_seq)
        retired = [
            uuid.UUID(c.uuid) for c in outcome.conflicts
            if c.kind == "report" and c.theirs_tombstone and _retention(c.theirs)
        ]  # fmt: skip
        if retired:  # changed here, removed by the team's retention meanwhile: logged as such
            retire_received(self.session, self.audit, retired)
        for conflict in outcome.conflicts:
            record = uuid.UUID(conflict.uuid)
            if conflict.theirs_tombstone:
                self._tombstone(conflict.kind, record, conflict.current_version)
            elif conflict.theirs is not None:
                self._merge(conflict, record)
            else:
                continue
            self.received += 1
        return sum(1 for applied in outcome.applied if applied.kind in BY_NAME)

    def _applied_unknown(self, kind: str, record: uuid.UUID, version: int) -> None:
        row = newest_outbox(self.session, kind, record)
        if row is not None:
            set_synced(self.session, kind, record, version, row.payload, row.tombstone)

    # --- merge --------------------------------------------------------------------------
    def _merge(self, conflict: Conflict, record: uuid.UUID) -> None:
        """Their version arrived while this laptop has an unpushed change of the record."""
        kind_name, version, theirs_raw = conflict.kind, conflict.current_version, conflict.theirs
        assert theirs_raw is not None
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
                             found_at=self.at, theirs_device=conflict.theirs_device,
                             theirs_stored_at=_stored_at(conflict.theirs_stored_at))
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
        erased = {str(entry.resident_uuid) for entry in self.erasures}
        if kind_name == "resident" and str(record) in erased:
            return  # the ledger entry of this page removes the resident, logged (pulled)
        if kind is not None and (kind_name, record) not in self.kept:
            self.applier.remove(kind, record)
            self.bulk.ids[kind_name].pop(record, None)

    # --- pull ---------------------------------------------------------------------------
    def pulled(self, received: Sequence[Received]) -> None:
        """One verified page, kind by kind (parents first). A record with neither an unpushed
        change here, nor a tombstone, nor removed from this laptop takes the batched path
        (bulk_apply, its newest version only); the others go through the merge, one by one."""
        ordered = sorted(received, key=lambda r: (ORDER.get(r.kind, -1), r.version))
        self._audit_rows([item.payload for item in ordered if item.kind == AUDIT_KIND])
        for item in ordered:
            if item.kind == ERASURE_KIND:
                self.erasures.append(LedgerEntry.from_json(item.payload.decode()))
        records = [item for item in ordered if item.kind in BY_NAME]
        self._retire([item for item in records if item.tombstone])
        book = PageBook(self.session, {(i.kind, self.bulk.uid(i.uuid)) for i in records})
        by_kind: dict[str, list[Received]] = defaultdict(list)
        for item in records:
            by_kind[item.kind].append(item)
        for kind in KINDS:
            self._received_kind(kind, by_kind.get(kind.name, []), book)
        self.release_waiting()
        for entry in self.erasures:
            add_entry(self.session, entry)
            _erase_again(self.session, entry, self.audit)
        self.erasures = []
        self.applier.derive_statuses(self.at)
        self.bulk.derive_statuses(self.at)

    def _retire(self, tombstones: list[Received]) -> None:
        """The coordinator's retention removal (team_capture.retire): the cases leave this
        laptop as they left the coordinator's, logged here; a resident who still has a
        melding on this laptop stays (their other tombstoned records are removed as usual)."""
        retired = [t for t in tombstones if is_retention(loads(t.payload))]
        reports = [self.bulk.uid(t.uuid) for t in retired if t.kind == "report"]
        if reports:
            retire_received(self.session, self.audit, reports)
        for item in retired:
            if item.kind == "resident":
                record = self.bulk.uid(item.uuid)
                if self.session.scalar(
                    select(Report.id).join(Resident).where(Resident.uuid == record).limit(1)
                ):
                    self.kept.add(("resident", record))

    def _received_kind(self, kind: Kind, items: list[Received], book: PageBook) -> None:
        slow: set[uuid.UUID] = set()
        newest: dict[uuid.UUID, Incoming] = {}
        # The ZGW ledger and batches: settled as a whole and acknowledging their meldingen on
        # arrival (store_apply), their cases keyed by the batch's UUID: never the batched path.
        one_by_one = kind.settle is not None or any(c.parent_key != "id" for c in kind.children)
        for item in items:  # by version
            record = self.bulk.uid(item.uuid)
            known = book.synced.get((kind.name, record))
            if known is not None and (known.version >= item.version or known.tombstone):
                continue
            if (
                item.tombstone
                or one_by_one
                or (known is not None and known.gone)
                or ((kind.name, record) in book.outbox)
            ):
                slow.add(record)
            self.received += 1
            if not item.tombstone:
                text = item.payload.decode()
                body = loads(text) or {}
                newest[record] = Incoming(kind.name, record, item.version, body, text)
        fast = [i for r, i in newest.items() if r not in slow]
        self._place(kind, fast, book)
        for item in items:
            record = self.bulk.uid(item.uuid)
            if record in slow:
                self.session.flush()
                self._received(item.kind, record, item.version, item.payload, item.tombstone)

    def _place(self, kind: Kind, items: list[Incoming], book: PageBook) -> int:
        """Writes records in a batch: placed ones get their last-synced row, children whose
        parent has not arrived wait, those whose parent was erased or removed are dropped."""
        outcome = self.bulk.write(kind, items)
        placed = [i for i in items if outcome[i.uuid] != WAIT]
        book.unwait([(i.kind, i.uuid) for i in placed])
        gone = {i.uuid: outcome[i.uuid] == DROP or book.gone(i.kind, i.uuid) for i in placed}
        book.write_synced(
            [(i.kind, i.uuid, i.version, i.payload, False, gone[i.uuid]) for i in placed]
        )
        book.wait([i for i in items if outcome[i.uuid] == WAIT])
        return len(placed)

    def _received(
        self, kind: str, record: uuid.UUID, version: int, payload: bytes, tombstone: bool
    ) -> None:
        known = synced(self.session, kind, record)
        if known is not None and (known.version >= version or known.tombstone):
            return
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
        """Children whose parents arrived meanwhile, a kind at a time, until none moves."""
        while True:
            self.session.flush()
            rows = self.session.execute(
                select(TeamWaiting.kind, TeamWaiting.record_uuid, TeamWaiting.version,
                       TeamWaiting.payload)
            ).all()  # fmt: skip
            if not rows:
                return
            book = PageBook(self.session, [(kind, record) for kind, record, *_ in rows])
            by_kind: dict[str, list[Incoming]] = defaultdict(list)
            for kind, record, version, payload in rows:
                body = loads(payload) or {}
                by_kind[kind].append(Incoming(kind, record, version, body, payload))
            if not sum(self._place(k, by_kind.get(k.name, []), book) for k in KINDS):
                return

    def _audit_rows(self, payloads: list[bytes]) -> None:
        """Other devices' audit rows, each once (append-only), in one insert."""
        table = AuditEvent.__table__
        bodies = {}
        for payload in payloads:
            body = loads(payload) or {}
            bodies[uuid.UUID(body["uuid"])] = body
        connection = self.session.connection()
        for part in chunks(sorted(bodies)):
            for (found,) in connection.execute(select(table.c.uuid).where(table.c.uuid.in_(part))):
                bodies.pop(found, None)
        rows = []
        for body in bodies.values():
            values = {k: decode(table.c[k], v) for k, v in body.items() if k in table.c}
            rows.append({**values, "updated_at": values["created_at"]})
        groups: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            groups[frozenset(row)].append(row)
        for group in groups.values():
            for part in chunks(group):
                connection.execute(insert(table), list(part))


def _retention(signed: bytes | None) -> bool:
    """Whether a tombstone's plaintext (the signed wrapper) is a retention removal's."""
    try:
        return is_retention((loads(signed) or {}).get("body"))
    except ValueError:
        return False


def _wire(value: Any) -> str | None:
    return None if value is None else dumps({"v": value})


def _stored_at(text: str | None) -> datetime | None:
    """The server's time of their version, naive UTC as the store keeps times."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
