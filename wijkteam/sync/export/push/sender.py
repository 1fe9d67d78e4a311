"""The pipeline's sink for a push: delivers one resource at a time and records it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from wijkteam.domain.sync import RemoteState
from wijkteam.store.models import Report
from wijkteam.sync.export.errors import UnresolvedReference
from wijkteam.sync.export.push.client import ServerRefused, ZgwClient
from wijkteam.sync.export.push.ledger import Ledger
from wijkteam.sync.export.push.lookups import find_existing
from wijkteam.sync.export.sources import CollectContext
from wijkteam.sync.zgw.data import CaseData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.zaak import map_zaak

NOT_UNIQUE = "identificatie-niet-uniek"


class Sender:
    """Sends what the pipeline hands it; counts what it created, found and skipped."""

    def __init__(
        self,
        client: ZgwClient,
        ledger: Ledger,
        ctx: CollectContext,
        progress: Callable[[int], None] | None,
    ) -> None:
        self._client, self._ledger, self._ctx, self._progress = client, ledger, ctx, progress
        self._urls = ctx.config.urls
        self.created = self.found = self.unchanged = 0

    def begin(self, kind: ResourceKind) -> None:
        pass

    def end(self, kind: ResourceKind) -> None:
        pass

    def add(self, item: Resource) -> None:
        self._deliver(item, look_first=False)
        if self._progress is not None:
            self._progress(self.created + self.found + self.unchanged)

    def _deliver(self, item: Resource, *, look_first: bool) -> str:
        entry = self._ledger.get(item.url)
        if entry is not None and entry.state is RemoteState.CREATED and entry.remote_url:
            self.unchanged += 1
            return entry.remote_url
        body = self._rewrite(item.body, item.kind)
        remote = None
        if look_first or entry is not None:  # an earlier POST may have arrived
            remote = find_existing(self._client, item.kind, body)
        if remote is not None:
            self.found += 1
        else:
            remote = self._post(item, body)
        self._ledger.mark_created(item, remote)
        return remote

    def _post(self, item: Resource, body: dict[str, Any]) -> str:
        self._ledger.mark_sent(item)
        try:
            created = self._client.create(item.kind, body)
        except ServerRefused as refused:
            if item.kind is not ResourceKind.ZAAK or NOT_UNIQUE not in refused.codes:
                raise
            existing = find_existing(self._client, item.kind, body)
            if existing is None:
                raise
            self.found += 1
            return existing
        self.created += 1
        return str(created["url"])

    def _rewrite(self, value: Any, kind: ResourceKind) -> Any:
        if isinstance(value, dict):
            return {k: self._rewrite(v, kind) for k, v in value.items()}
        if isinstance(value, list):
            return [self._rewrite(v, kind) for v in value]
        if not isinstance(value, str):
            return value
        remote = self._ledger.remote_url(value)
        if remote is not None:
            return remote
        zaak_uuid = self._urls.zaak_uuid_of(value)
        if zaak_uuid is not None:
            return self._ensure_zaak(zaak_uuid, kind)
        for local_kind in ResourceKind:
            if value.startswith(self._urls.collection(local_kind) + "/"):
                raise UnresolvedReference(kind)
        return value

    def _ensure_zaak(self, zaak_uuid: uuid.UUID, kind: ResourceKind) -> str:
        """A zaak outside this push (sent by file earlier, say): find it, or create it."""
        row = self._ctx.session.execute(
            select(
                Report.uuid,
                Report.received_on,
                Report.created_at,
                Report.source,
                Report.case_reference,
            ).where(Report.uuid == zaak_uuid)
        ).first()
        if row is None:
            raise UnresolvedReference(kind)
        case = CaseData(row[0], row[1], row[2].date(), row[3], row[4])
        return self._deliver(map_zaak(case, self._ctx.config), look_first=True)
