"""What the push has sent: local URL → server URL, written before and after every POST.

'sent' is written (and committed) before a POST goes out, 'created' with the server's URL
when it answers. A resource still 'sent' on the next run may or may not have arrived: the
push looks it up before posting again. 'refused' and 'held' keep why a resource did not
arrive; their meldingen are collected again by the next push (`pending_cases`).

Every row names its resource and melding by UUID and carries no local id, so a ledger row
means the same on every laptop of a team: the ledger is a team record (its record UUID
derived from the local URL), so a laptop that takes over the push knows what was delivered.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from wijkteam.domain.sync import RemoteState, Undelivered
from wijkteam.store import Store
from wijkteam.store.models import Report, SyncRemote
from wijkteam.store.models.sync import ledger_uuid
from wijkteam.sync.export.records import UndeliveredResource
from wijkteam.sync.zgw.resources import Resource, ResourceKind


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    state: RemoteState
    remote_url: str | None


def pending_cases() -> Select[Any]:
    """The meldingen (by UUID) with a resource the server does not have yet."""
    return select(SyncRemote.case_uuid).where(
        SyncRemote.state != RemoteState.CREATED, SyncRemote.case_uuid.isnot(None)
    )


class Ledger:
    def __init__(self, store: Store, batch_uuid: uuid.UUID | None = None) -> None:
        self._store = store
        self._batch = batch_uuid
        with store.transaction() as session:
            rows = session.execute(
                select(SyncRemote.local_url, SyncRemote.state, SyncRemote.remote_url)
            ).all()
        self._entries = {local: LedgerEntry(state, remote) for local, state, remote in rows}

    def get(self, local_url: str) -> LedgerEntry | None:
        return self._entries.get(local_url)

    def remote_url(self, local_url: str) -> str | None:
        entry = self._entries.get(local_url)
        if entry is None or entry.state is not RemoteState.CREATED:
            return None
        return entry.remote_url

    def mark_sent(self, item: Resource) -> None:
        self._write(item, RemoteState.SENT, None)

    def mark_created(self, item: Resource, remote_url: str) -> None:
        self._write(item, RemoteState.CREATED, remote_url)

    def mark_undelivered(self, item: Resource, why: UndeliveredResource) -> None:
        state = RemoteState.HELD if why.held else RemoteState.REFUSED
        self._write(item, state, None, why)

    def _write(
        self,
        item: Resource,
        state: RemoteState,
        remote_url: str | None,
        why: UndeliveredResource | None = None,
    ) -> None:
        digest = hashlib.sha256(
            json.dumps(item.body, sort_keys=True, ensure_ascii=False).encode("utf-8")
        ).hexdigest()
        now = self._store.clock.utcnow()
        with self._store.transaction() as session:
            row = session.scalar(select(SyncRemote).where(SyncRemote.local_url == item.url))
            if row is None:
                row = SyncRemote(
                    uuid=ledger_uuid(item.url), local_url=item.url, kind=item.kind.value
                )
                session.add(row)
            row.resource_uuid = item.uuid
            row.case_uuid = item.case_uuid
            row.state = state
            row.remote_url = remote_url
            row.body_sha256 = digest
            row.changed_at = now
            row.batch_uuid = self._batch
            row.reason = why.reason.value if why else None
            row.http_status = why.status if why else None
            row.error_codes = " ".join(why.codes) if why and why.codes else None
            row.waits_for = why.waits_for.value if why and why.waits_for else None
        self._entries[item.url] = LedgerEntry(state, remote_url)


def undelivered(store: Store, limit: int = 1000) -> list[UndeliveredResource]:
    """What the server has refused or the push held back, newest first (of meldingen still
    on this laptop: an erased one has nothing left to send)."""
    with store.transaction() as session:
        rows = session.scalars(
            select(SyncRemote)
            .where(
                SyncRemote.state.in_((RemoteState.REFUSED, RemoteState.HELD)),
                SyncRemote.case_uuid.in_(select(Report.uuid)),
            )
            .order_by(SyncRemote.changed_at.desc(), SyncRemote.id.desc())
            .limit(limit)
        ).all()
        return [_undelivered(row) for row in rows]


def _undelivered(row: SyncRemote) -> UndeliveredResource:
    return UndeliveredResource(
        kind=ResourceKind(row.kind),
        resource_uuid=row.resource_uuid or uuid.UUID(int=0),
        case_uuid=row.case_uuid or uuid.UUID(int=0),
        reason=Undelivered(row.reason or Undelivered.OTHER.value),
        status=row.http_status,
        codes=tuple((row.error_codes or "").split()),
        waits_for=ResourceKind(row.waits_for) if row.waits_for else None,
    )
