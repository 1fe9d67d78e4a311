"""The export's services, wired once over one store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.sync.export.batches import BatchService
from wijkteam.sync.export.push.service import PushService
from wijkteam.sync.export.service import ExportService
from wijkteam.sync.export.settings import SyncSettingsService
from wijkteam.sync.export.sources import Sources


@dataclass(frozen=True)
class ExportServices:
    settings: SyncSettingsService
    exports: ExportService
    batches: BatchService
    push: PushService

    @classmethod
    def create(
        cls,
        store: Store,
        sources: Sources,
        audit: AuditService,
        may_send: Callable[[], None] = lambda: None,
    ) -> ExportServices:
        """`sources`: what the export reads, in order (the wiring's list); `may_send`: raises
        unless this laptop sends the team's work to the municipality (the wiring passes the
        team's check: one device per team exports and pushes)."""
        settings = SyncSettingsService(store, audit)
        return cls(
            settings=settings,
            exports=ExportService(store, settings, sources, audit, may_send),
            batches=BatchService(store),
            push=PushService(store, settings, sources, audit, may_send),
        )
