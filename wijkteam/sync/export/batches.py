"""Sync batches: recording them, acknowledging them, and where the next export starts."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.orm import Session

from wijkteam.domain.sync import BatchChannel, BatchState
from wijkteam.errors import NotFound
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService, Entry
from wijkteam.store import Store
from wijkteam.store.models import Member, Report, Resident, SyncBatch, SyncBatchCase
from wijkteam.sync.export.errors import ReceiptInvalid
from wijkteam.sync.export.receipt import read_receipt
from wijkteam.sync.export.records import BatchRecord

UUIDS_PER_QUERY = 500


class BatchService:
    """The history of exports and their acknowledgements."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self, limit: int = 500) -> list[BatchRecord]:
        with self._store.transaction() as session:
            batches = session.scalars(
                select(SyncBatch).order_by(SyncBatch.created_at.desc(), SyncBatch.id.desc())
            ).all()[:limit]
            return [batch_record(session, b) for b in batches]

    def get(self, batch_uuid: uuid.UUID) -> BatchRecord:
        with self._store.transaction() as session:
            return batch_record(session, _find(session, batch_uuid))

    def acknowledge(self, batch_uuid: uuid.UUID) -> BatchRecord:
        """Marks the batch done and stamps its meldingen. Acknowledging twice changes nothing."""
        now = self._store.clock.utcnow()
        with self._store.transaction() as session:
            batch = _find(session, batch_uuid)
            if batch.state is not BatchState.ACKNOWLEDGED:
                batch.state = BatchState.ACKNOWLEDGED
                batch.acknowledged_at = now
                stamp_acknowledged(session, _carried(batch.uuid), now)
            session.flush()
            return batch_record(session, batch)

    def acknowledge_receipt(self, path: Path) -> BatchRecord:
        """Reads a receipt file from the back office (see docs/sync-export.md)."""
        receipt = read_receipt(path)
        with self._store.transaction() as session:
            batch = session.scalar(select(SyncBatch).where(SyncBatch.uuid == receipt.batch))
            if batch is None:
                raise ReceiptInvalid("unknown_batch")
            counts = json.loads(batch.counts)
            if receipt.counts is not None and _nonzero(receipt.counts) != _nonzero(counts):
                raise ReceiptInvalid("counts_differ")
        return self.acknowledge(receipt.batch)


# A partly acknowledged push moves the window on too: what did not arrive is in the push's
# ledger, and the next push collects those meldingen again whatever the window says.
WINDOW_MOVED = (BatchState.ACKNOWLEDGED, BatchState.PARTIAL)


def last_acknowledged_until(session: Session, device: uuid.UUID) -> datetime | None:
    """Where this laptop's next export starts: the end of the latest acknowledged window of
    a batch it made itself. Windows are in change times, and a record that came from the team
    has this laptop's arrival time: another laptop's window says nothing about what arrived
    here. A laptop that takes over the push therefore starts from the beginning once; what
    the team's ledger knows as delivered is not sent again (push/ledger.py)."""
    return session.scalar(
        select(func.max(SyncBatch.window_until)).where(
            SyncBatch.state.in_(WINDOW_MOVED), SyncBatch.device_uuid == device
        )
    )


def record_batch(
    session: Session,
    *,
    batch_uuid: uuid.UUID,
    channel: BatchChannel,
    since: datetime | None,
    until: datetime,
    include_all: bool,
    counts: Mapping[str, int],
    case_uuids: Iterable[uuid.UUID],
    device: uuid.UUID,
    member_id: int | None = None,
) -> SyncBatch:
    batch = SyncBatch(
        uuid=batch_uuid,
        channel=channel,
        state=BatchState.CREATED,
        include_all=include_all,
        window_since=since,
        window_until=until,
        counts=json.dumps(dict(counts), sort_keys=True),
        member_uuid=session.scalar(select(Member.uuid).where(Member.id == member_id))
        if member_id is not None
        else None,
        device_uuid=device,
    )
    session.add(batch)
    session.flush()
    carried = sorted(set(case_uuids))
    for start in range(0, len(carried), UUIDS_PER_QUERY):
        chunk = carried[start : start + UUIDS_PER_QUERY]
        session.execute(
            insert(SyncBatchCase), [{"batch_uuid": batch_uuid, "case_uuid": c} for c in chunk]
        )
    return batch


def stamp_acknowledged(session: Session, cases: Select[Any], at: datetime | None) -> None:
    """Sets report.sync_acknowledged_at of the meldingen `cases` selects (by UUID) as a bulk
    UPDATE: it bypasses the flush that stamps updated_at, so an acknowledgement does not make
    every melding 'changed' again. None withdraws it: the municipality lacks something."""
    session.execute(
        update(Report)
        .where(Report.uuid.in_(cases))
        .values(sync_acknowledged_at=at)
        .execution_options(synchronize_session=False)
    )


def _carried(batch_uuid: uuid.UUID) -> Select[Any]:
    return select(SyncBatchCase.case_uuid).where(SyncBatchCase.batch_uuid == batch_uuid)


def batch_record(session: Session, batch: SyncBatch) -> BatchRecord:
    cases = session.scalar(
        select(func.count())
        .select_from(SyncBatchCase)
        .where(SyncBatchCase.batch_uuid == batch.uuid)
    )
    return BatchRecord(
        id=batch.id,
        uuid=batch.uuid,
        created_at=batch.created_at,
        channel=batch.channel,
        state=batch.state,
        include_all=batch.include_all,
        window_since=batch.window_since,
        window_until=batch.window_until,
        counts=json.loads(batch.counts),
        cases=cases or 0,
        acknowledged_at=batch.acknowledged_at,
        undelivered=batch.undelivered,
    )


def _find(session: Session, batch_uuid: uuid.UUID) -> SyncBatch:
    batch = session.scalar(select(SyncBatch).where(SyncBatch.uuid == batch_uuid))
    if batch is None:
        raise NotFound("sync_batch", batch_uuid)
    return batch


def _nonzero(counts: Mapping[str, int]) -> dict[str, int]:
    return {k: int(v) for k, v in counts.items() if v}


def audit_cases(session: Session, audit: AuditService, case_uuids: Iterable[uuid.UUID]) -> None:
    """An EXPORT entry for each melding that left the laptop, with its resident; written in
    chunks, so a large export keeps its memory flat."""
    pending = list(case_uuids)
    for start in range(0, len(pending), UUIDS_PER_QUERY):
        chunk = pending[start : start + UUIDS_PER_QUERY]
        rows = session.execute(
            select(Report.uuid, Resident.uuid)
            .join(Resident, Resident.id == Report.resident_id)
            .where(Report.uuid.in_(chunk))
        )
        audit.record_many(
            session,
            [
                Entry(AuditAction.EXPORT, "report", object_uuid=report, resident_uuid=resident)
                for report, resident in rows
            ],
        )
