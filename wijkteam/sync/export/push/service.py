"""'Synchroniseren': the export's resources sent to the configured ZGW server.

Idempotent without help from the server: every resource created is recorded with its
server URL (ledger.py) and never posted again; one that may be there already is looked up
first (lookups.py). References between resources are rewritten from the URLs derived here
to the server's own. A refusal is recorded and the rest goes on (sender.py); a broken
connection stops the push, and the next one resumes without duplicates.

What the push carried is recorded as a batch: 'bevestigd' when everything arrived, 'deels
bevestigd' when the server refused something. Only the meldingen of which everything
arrived are acknowledged (report.sync_acknowledged_at, which retention waits for); the
others are collected again by the next push, whatever its window.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from wijkteam.common.cancel import CancelToken
from wijkteam.domain.sync import BatchChannel, BatchState
from wijkteam.domain.text import sort_name
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService, Entry
from wijkteam.store import Store
from wijkteam.store.models import Report, Resident, SyncBatchCase
from wijkteam.sync.export.batches import (
    audit_cases,
    batch_record,
    last_acknowledged_until,
    record_batch,
    stamp_acknowledged,
)
from wijkteam.sync.export.errors import PushNotConfigured
from wijkteam.sync.export.records import BatchRecord, CaseLabel, PushUser, UndeliveredResource
from wijkteam.sync.export.settings import SyncSettingsService
from wijkteam.sync.export.sources import CollectContext, Sources, check_names
from wijkteam.sync.export.window import ExportWindow
from wijkteam.sync.zgw.values import identificatie

if TYPE_CHECKING:
    import httpx

UUIDS_PER_QUERY = 500


@dataclass(frozen=True)
class PushResult:
    batch: BatchRecord
    created: int  # posted now
    found: int  # already on the server, found by looking up
    unchanged: int  # created by an earlier push
    undelivered: tuple[UndeliveredResource, ...] = ()  # refused or held back, this push

    @property
    def complete(self) -> bool:
        return not self.undelivered


class PushService:
    def __init__(
        self,
        store: Store,
        settings: SyncSettingsService,
        sources: Sources,
        audit: AuditService,
        may_send: Callable[[], None] = lambda: None,
    ) -> None:
        self._may_send = may_send  # one device per team sends (raises on the others)
        self._store = store
        self._settings = settings
        self._sources = check_names(sources)
        self._audit = audit

    def push(
        self,
        secret: str,
        user: PushUser,
        *,
        include_all: bool = False,
        member_id: int | None = None,
        transport: httpx.BaseTransport | None = None,  # tests plug in their own
        progress: Callable[[int], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> PushResult:
        """Stops with Cancelled between two resources when `cancel` is set; what arrived is
        in the ledger, and the next push resumes without duplicates."""
        # httpx, PyJWT and the schema validator load only when a push runs (start-up time).
        from wijkteam.sync.export.pipeline import run
        from wijkteam.sync.export.push.client import ZgwClient
        from wijkteam.sync.export.push.ledger import Ledger, pending_cases
        from wijkteam.sync.export.push.sender import Sender

        self._may_send()
        config = self._settings.config()
        if not config.client_id or not secret:
            raise PushNotConfigured()
        batch_uuid = uuid.uuid4()
        client = ZgwClient(config, config.client_id, secret, user, transport=transport)
        # Sending starts now: the attempt is logged even if the connection breaks halfway.
        self._audit.log(AuditAction.EXPORT, "sync_push")
        try:
            client.check_access()
            with self._store.transaction() as session:
                acknowledged = (
                    None if include_all else last_acknowledged_until(session, self._audit.device)
                )
                window = ExportWindow.after(acknowledged, self._store.clock.utcnow())
                ctx = CollectContext(session, window, config, pending=pending_cases())
                sender = Sender(client, Ledger(self._store, batch_uuid), ctx, progress)
                counts, cases = run(ctx, sender, self._sources, cancel)
        finally:
            client.close()
        now = self._store.clock.utcnow()
        failed = sender.failed_cases
        with self._store.transaction() as session:
            batch = record_batch(
                session,
                batch_uuid=batch_uuid,
                channel=BatchChannel.PUSH,
                since=window.since,
                until=window.until,
                include_all=include_all,
                counts={k.value: n for k, n in counts.items()},
                case_uuids=cases,
                device=self._audit.device,
                member_id=member_id if member_id is not None else self._audit.member_id,
            )
            batch.state = BatchState.PARTIAL if failed else BatchState.ACKNOWLEDGED
            batch.acknowledged_at = now
            batch.undelivered = len(sender.undelivered)
            carried = select(SyncBatchCase.case_uuid).where(SyncBatchCase.batch_uuid == batch_uuid)
            stamp_acknowledged(session, carried, now)
            missing = sorted(failed)  # withdrawn again: the municipality lacks something
            for start in range(0, len(missing), UUIDS_PER_QUERY):
                chunk = select(Report.uuid).where(
                    Report.uuid.in_(missing[start : start + UUIDS_PER_QUERY])
                )
                stamp_acknowledged(session, chunk, None)
            session.flush()
            self._audit.record(session, AuditAction.EXPORT, "sync_batch", batch.id)
            audit_cases(session, self._audit, cases)
            record = batch_record(session, batch)
        return PushResult(
            record, sender.created, sender.found, sender.unchanged, tuple(sender.undelivered)
        )

    def undelivered(self) -> list[UndeliveredResource]:
        """What the server has not taken yet (refused, or held back), newest first."""
        from wijkteam.sync.export.push.ledger import undelivered

        return undelivered(self._store)

    def case_labels(self, case_uuids: Iterable[uuid.UUID]) -> dict[uuid.UUID, CaseLabel]:
        """How the member recognises these meldingen (for a list of what did not arrive).
        Shows residents' names, so each melding shown is in the audit log."""
        wanted = sorted(set(case_uuids))
        labels: dict[uuid.UUID, CaseLabel] = {}
        with self._store.transaction() as session:
            for start in range(0, len(wanted), UUIDS_PER_QUERY):
                chunk = wanted[start : start + UUIDS_PER_QUERY]
                rows = session.execute(
                    select(
                        Report.uuid,
                        Report.id,
                        Report.received_on,
                        Report.case_reference,
                        Resident.uuid,
                        Resident.first_names,
                        Resident.prefix,
                        Resident.surname,
                    )
                    .join(Resident, Resident.id == Report.resident_id)
                    .where(Report.uuid.in_(chunk))
                )
                seen: list[Entry] = []
                for case, report_id, received, reference, resident, *name in rows:
                    labels[case] = CaseLabel(
                        case_uuid=case,
                        report_id=report_id,
                        resident_name=sort_name(*name),
                        received_on=received,
                        zaak_identificatie=reference or identificatie(case),
                    )
                    seen.append(
                        Entry(AuditAction.VIEW, "report", object_uuid=case, resident_uuid=resident)
                    )
                self._audit.record_many(session, seen)
        return labels
