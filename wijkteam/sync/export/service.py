"""Export to a file: preview what would leave the laptop, then write the encrypted archive."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from wijkteam.common.cancel import CancelToken
from wijkteam.domain.sync import BatchChannel
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.sync.export.batches import (
    audit_cases,
    batch_record,
    last_acknowledged_until,
    record_batch,
)
from wijkteam.sync.export.errors import ExportTargetUnwritable, NothingToExport
from wijkteam.sync.export.records import ExportPreview, ExportResult
from wijkteam.sync.export.settings import SyncSettingsService
from wijkteam.sync.export.sources import CollectContext, Sources, check_names
from wijkteam.sync.export.window import ExportWindow
from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.resources import KIND_ORDER, REQUEST_SCHEMA

PREVIEW_SAMPLES = 20


class ExportService:
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

    def preview(
        self,
        include_all: bool = False,
        samples: int = PREVIEW_SAMPLES,
        cancel: CancelToken | None = None,
    ) -> ExportPreview:
        """What an export would carry now, checked against the schemas, without writing.
        Stops with Cancelled when `cancel` is set (the member closed the dialog)."""
        from wijkteam.sync.export.pipeline import PreviewSink, run  # loads the validator

        config = self._settings.config()
        sink = PreviewSink(samples)
        with self._store.transaction() as session:
            window = self._window(session, include_all)
            counts, cases = run(
                CollectContext(session, window, config), sink, self._sources, cancel
            )
            self._audit.record(session, AuditAction.VIEW, "sync_preview")
        return ExportPreview(
            since=window.since,
            include_all=include_all,
            counts=counts,
            samples={k: tuple(v) for k, v in sink.samples.items()},
            cases=len(cases),
            share_conversation=config.share_conversation,
        )

    def export(
        self,
        target: Path,
        passphrase: str,
        *,
        include_all: bool = False,
        member_id: int | None = None,
        cancel: CancelToken | None = None,
    ) -> ExportResult:
        """Writes the archive and records the batch ('aangemaakt'). Raises NothingToExport
        (and writes nothing) when nothing changed since the last acknowledged batch, and
        Cancelled (nothing written, no batch) when `cancel` is set before the end."""
        from wijkteam.sync.export.archive import ArchiveWriter, check_passphrase

        self._may_send()
        check_passphrase(passphrase)
        config = self._settings.config()
        try:
            archive = ArchiveWriter(target, passphrase)
            return self._write(archive, config, include_all, member_id, cancel)
        except OSError as error:  # a full or pulled-out stick
            raise ExportTargetUnwritable() from error

    def _write(self, archive, config: ZgwConfig, include_all: bool, member_id, cancel):  # type: ignore[no-untyped-def]
        from wijkteam.sync.export.pipeline import run

        batch_uuid = uuid.uuid4()
        with archive as writer:
            with self._store.transaction() as session:
                window = self._window(session, include_all)
                ctx = CollectContext(session, window, config)
                counts, cases = run(ctx, writer, self._sources, cancel)
            if not cases:
                raise NothingToExport()
            writer.finish(_manifest(batch_uuid, window, include_all, counts, writer, config))
            with self._store.transaction() as session:
                batch = record_batch(
                    session,
                    batch_uuid=batch_uuid,
                    channel=BatchChannel.FILE,
                    since=window.since,
                    until=window.until,
                    include_all=include_all,
                    counts={k.value: n for k, n in counts.items()},
                    case_uuids=cases,
                    device=self._audit.device,
                    member_id=member_id if member_id is not None else self._audit.member_id,
                )
                record = batch_record(session, batch)
                self._audit.record(session, AuditAction.EXPORT, "sync_batch", batch.id)
                audit_cases(session, self._audit, cases)
            # Named only once the batch is recorded: a file on the stick always has a batch.
            path = writer.publish()
        return ExportResult(batch=record, path=path, counts=counts)

    def _window(self, session, include_all: bool) -> ExportWindow:  # type: ignore[no-untyped-def]
        acknowledged = None if include_all else last_acknowledged_until(session, self._audit.device)
        return ExportWindow.after(acknowledged, self._store.clock.utcnow())


def _manifest(batch_uuid, window, include_all, counts, writer, config: ZgwConfig) -> dict:  # type: ignore[no-untyped-def,type-arg]
    from wijkteam.sync.export.archive import FORMAT, FORMAT_VERSION, iter_entries

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "batch": str(batch_uuid),
        "created": window.until.isoformat(timespec="seconds") + "Z",
        "since": window.since.isoformat(timespec="seconds") + "Z" if window.since else None,
        "include_all": include_all,
        "counts": {kind.value: counts.get(kind, 0) for kind in KIND_ORDER},
        "entries": list(iter_entries(writer.entries)),
        "schemas": {kind.value: REQUEST_SCHEMA[kind] for kind in KIND_ORDER},
        "apis": {"zaken": "Zaken API 1.5.1", "documenten": "Documenten API 1.4.2"},
        "base_urls": {"zaken": config.zaken_url, "documenten": config.documenten_url},
    }
