"""The export's services, wired once over one store."""

from __future__ import annotations

from dataclasses import dataclass

from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.sync.export.batches import BatchService
from wijkteam.sync.export.push.service import PushService
from wijkteam.sync.export.service import ExportService
from wijkteam.sync.export.settings import SyncSettingsService


@dataclass(frozen=True)
class ExportServices:
    settings: SyncSettingsService
    exports: ExportService
    batches: BatchService
    push: PushService

    @classmethod
    def create(cls, store: Store, audit: AuditService) -> ExportServices:
        settings = SyncSettingsService(store)
        return cls(
            settings=settings,
            exports=ExportService(store, settings, audit),
            batches=BatchService(store),
            push=PushService(store, settings, audit),
        )
