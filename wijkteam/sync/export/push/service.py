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

from wijkteam.common.cancel import CancelToken
from wijkteam.domain.sync import BatchChannel
from wijkteam.store import Store
from wijkteam.sync.export.batches import BatchService, last_acknowledged_until, record_batch
from wijkteam.sync.export.errors import PushNotConfigured
from wijkteam.sync.export.records import BatchRecord, PushUser
from wijkteam.sync.export.settings import SyncSettingsService
from wijkteam.sync.export.sources import CollectContext, Sources, check_names
from wijkteam.sync.export.window import ExportWindow

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True)
class PushResult:
    batch: BatchRecord
    created: int  # posted now
    found: int  # already on the server, found by looking up
    unchanged: int  # created by an earlier push


class PushService:
    def __init__(self, store: Store, settings: SyncSettingsService, sources: Sources) -> None:
        self._store = store
        self._settings = settings
        self._sources = check_names(sources)

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
        from wijkteam.sync.export.push.ledger import Ledger
        from wijkteam.sync.export.push.sender import Sender

        config = self._settings.config()
        if not config.client_id or not secret:
            raise PushNotConfigured()
        client = ZgwClient(config, config.client_id, secret, user, transport=transport)
        try:
            with self._store.transaction() as session:
                acknowledged = None if include_all else last_acknowledged_until(session)
                window = ExportWindow.after(acknowledged, self._store.clock.utcnow())
                ctx = CollectContext(session, window, config)
                sender = Sender(client, Ledger(self._store), ctx, progress)
                counts, cases = run(ctx, sender, self._sources, cancel)
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
        record = BatchService(self._store).acknowledge(batch_uuid)
        return PushResult(record, sender.created, sender.found, sender.unchanged)
