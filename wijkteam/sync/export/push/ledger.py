"""What the push has sent: local URL → server URL, written before and after every POST.

'sent' is written (and committed) before a POST goes out, 'created' with the server's URL
when it answers. A resource still 'sent' on the next run may or may not have arrived: the
push looks it up before posting again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select

from wijkteam.domain.sync import RemoteState
from wijkteam.store import Store
from wijkteam.store.models import SyncRemote
from wijkteam.sync.zgw.resources import Resource


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    state: RemoteState
    remote_url: str | None


class Ledger:
    def __init__(self, store: Store) -> None:
        self._store = store
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

    def _write(self, item: Resource, state: RemoteState, remote_url: str | None) -> None:
        digest = hashlib.sha256(
            json.dumps(item.body, sort_keys=True, ensure_ascii=False).encode("utf-8")
        ).hexdigest()
        now = self._store.clock.utcnow()
        with self._store.transaction() as session:
            row = session.scalar(select(SyncRemote).where(SyncRemote.local_url == item.url))
            if row is None:
                row = SyncRemote(local_url=item.url, kind=item.kind.value)
                session.add(row)
            row.state = state
            row.remote_url = remote_url
            row.body_sha256 = digest
            row.changed_at = now
        self._entries[item.url] = LedgerEntry(state, remote_url)
