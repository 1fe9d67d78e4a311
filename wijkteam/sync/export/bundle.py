"""The export's services, wired once over one store."""

from __future__ import annotations

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
    def create(cls, store: Store, sources: Sources, audit: AuditService) -> ExportServices:
        """`sources`: what the export reads, in order (the wiring's list)."""
        settings = SyncSettingsService(store, audit)
        return cls(
            settings=settings,
            exports=ExportService(store, settings, sources, audit),
            batches=BatchService(store),
            push=PushService(store, settings, sources, audit),
        )
