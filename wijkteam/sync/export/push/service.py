"""'Synchroniseren': the export's resources sent to the configured ZGW server.

Idempotent without help from the server: every resource created is recorded with its
server URL (ledger.py) and never posted again; one whose POST may or may not have arrived
is looked up first (lookups.py); a zaak the server already knows by its identificatie
(`identificatie-niet-uniek`) is fetched instead of created. References between resources
are rewritten from the URLs derived here to the server's own. A broken connection stops
the push; the next one resumes where it stopped, without duplicates. When every resource
arrived, the batch is recorded as acknowledged.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wijkteam.domain.sync import BatchChannel
from wijkteam.errors import WijkteamError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.sync.export.batches import (
    BatchService,
    audit_cases,
    last_acknowledged_until,
    record_batch,
)
from wijkteam.sync.export.records import BatchRecord, PushUser
from wijkteam.sync.export.settings import SyncSettingsService
from wijkteam.sync.export.sources import CollectContext
from wijkteam.sync.export.window import ExportWindow

if TYPE_CHECKING:
    import httpx


class PushNotConfigured(WijkteamError):
    """No client id in the settings, or no secret typed."""

    code = "push_not_configured"


@dataclass(frozen=True)
class PushResult:
    batch: BatchRecord
    created: int  # posted now
    found: int  # already on the server, found by looking up
    unchanged: int  # created by an earlier push


class PushService:
    def __init__(self, store: Store, settings: SyncSettingsService, audit: AuditService) -> None:
        self._store = store
        self._settings = settings
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
    ) -> PushResult:
        # httpx, PyJWT and the schema validator load only when a push runs (start-up time).
        from wijkteam.sync.export.pipeline import run
        from wijkteam.sync.export.push.client import ZgwClient
        from wijkteam.sync.export.push.ledger import Ledger
        from wijkteam.sync.export.push.sender import Sender

        config = self._settings.config()
        if not config.client_id or not secret:
            raise PushNotConfigured()
        client = ZgwClient(config, config.client_id, secret, user, transport=transport)
        # Sending starts now: the attempt is logged even if the connection breaks halfway.
        self._audit.log(AuditAction.EXPORT, "sync_push")
        try:
            with self._store.transaction() as session:
                acknowledged = None if include_all else last_acknowledged_until(session)
                window = ExportWindow.after(acknowledged, self._store.clock.utcnow())
                ctx = CollectContext(session, window, config)
                sender = Sender(client, Ledger(self._store), ctx, progress)
                counts, cases = run(ctx, sender)
        finally:
            client.close()
        with self._store.transaction() as session:
            batch = record_batch(
                session,
                batch_uuid=uuid.uuid4(),
                channel=BatchChannel.PUSH,
                since=window.since,
                until=window.until,
                include_all=include_all,
                counts={k.value: n for k, n in counts.items()},
                case_uuids=cases,
                member_id=member_id,
            )
            batch_uuid = batch.uuid
            self._audit.record(session, AuditAction.EXPORT, "sync_batch", batch.id)
            audit_cases(session, self._audit, cases)
        record = BatchService(self._store).acknowledge(batch_uuid)
        return PushResult(record, sender.created, sender.found, sender.unchanged)
