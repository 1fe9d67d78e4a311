"""The pipeline's sink for a push: delivers one resource at a time, records every outcome,
and goes on after a refusal.

- A resource the ledger knows as created is not sent again.
- A resource that may already be on the server without the ledger knowing (an earlier POST
  whose answer was lost, or a lost ledger) is looked up first: everything of a zaak this
  push did not create itself; a zaak or document the server names `identificatie-niet-uniek`
  is fetched; an initiator rol the server refuses as `max-occurences` is the one it has.
- A refusal is recorded with its reason and the push goes on. What needs a resource that did
  not arrive (a document's link, anything of a refused zaak) is held back, and so is the
  final status of a zaak with something missing: closing it would shut the door on the rest
  (Open Zaak refuses changes to a closed zaak).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from wijkteam.domain.status import ReportStatus
from wijkteam.domain.sync import RemoteState, Undelivered
from wijkteam.store.models import Report
from wijkteam.sync.export.errors import ServerRefused
from wijkteam.sync.export.push.client import ZgwClient
from wijkteam.sync.export.push.ledger import Ledger
from wijkteam.sync.export.push.lookups import BY_IDENTIFICATIE, Lookups
from wijkteam.sync.export.records import UndeliveredResource
from wijkteam.sync.export.sources import CollectContext
from wijkteam.sync.zgw.data import CaseData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.schemas import ResourceInvalid
from wijkteam.sync.zgw.zaak import map_zaak

NOT_UNIQUE = "identificatie-niet-uniek"
UNIQUE = "unique"
MAX_OCCURRENCES = "max-occurences"  # sic: Open Zaak's spelling
ZAAK_CLOSED = "ZaakClosed"


class _Blocked(Exception):
    """A body refers to a resource that is not on the server (and will not be this push)."""

    def __init__(self, kind: ResourceKind) -> None:
        self.kind = kind


class Sender:
    """Sends what the pipeline hands it; counts what it created, found and left unchanged,
    and lists what did not arrive (`undelivered`, their meldingen in `failed_cases`)."""

    def __init__(
        self,
        client: ZgwClient,
        ledger: Ledger,
        ctx: CollectContext,
        progress: Callable[[int], None] | None,
    ) -> None:
        self._client, self._ledger, self._ctx, self._progress = client, ledger, ctx, progress
        self._urls = ctx.config.urls
        self._lookups = Lookups(client)
        self._final_statustype = ctx.config.statustypen[ReportStatus.CLOSED]
        self._made_here: set[str] = set()  # local URLs of the zaken this push created
        self._failed: dict[str, ResourceKind] = {}  # local URL -> kind, this push
        self.failed_cases: set[uuid.UUID] = set()
        self.undelivered: list[UndeliveredResource] = []
        self.created = self.found = self.unchanged = 0

    def begin(self, kind: ResourceKind) -> None:
        pass

    def end(self, kind: ResourceKind) -> None:
        pass

    def add(self, item: Resource) -> None:
        self._deliver(item)
        self._moved()

    def reject(self, item: Resource, error: ResourceInvalid) -> None:
        """A resource that breaks the official schema here: never sent, reported."""
        rule = str(error.params.get("rule", ""))
        self._give_up(item, Undelivered.SCHEMA, codes=(rule,) if rule else ())
        self._moved()

    def _moved(self) -> None:
        if self._progress is not None:
            done = self.created + self.found + self.unchanged + len(self.undelivered)
            self._progress(done)

    def _deliver(self, item: Resource, *, look_first: bool = False) -> str | None:
        """The server URL of `item` once it is there; None when it did not arrive."""
        entry = self._ledger.get(item.url)
        if entry is not None and entry.state is RemoteState.CREATED and entry.remote_url:
            self.unchanged += 1
            return entry.remote_url
        if item.url in self._failed:
            return None
        if self._closes_zaak(item) and item.case_uuid in self.failed_cases:
            self._give_up(item, Undelivered.CLOSING_WAITS)
            return None
        try:
            body = self._rewrite(item.body)
        except _Blocked as blocked:
            self._give_up(item, Undelivered.WAITS, waits_for=blocked.kind)
            return None
        look_first = look_first or entry is not None or self._may_be_there(item)
        try:
            remote, made = self._send(item, body, look_first)
        except ServerRefused as refused:
            self._refused(item, refused)
            return None
        self._ledger.mark_created(item, remote)
        if made:
            self.created += 1
            if item.kind is ResourceKind.ZAAK:
                self._made_here.add(item.url)
        else:
            self.found += 1
        return remote

    def _may_be_there(self, item: Resource) -> bool:
        """Anything of a zaak this push did not create may be on the server already (a lost
        ledger). A zaak or document need not be looked up: the server refuses a second one
        with the same identificatie, and then it is fetched."""
        if item.kind in BY_IDENTIFICATIE:
            return False
        return item.body.get("zaak") not in self._made_here

    def _send(self, item: Resource, body: dict[str, Any], look_first: bool) -> tuple[str, bool]:
        """(server URL, whether this push made it)."""
        if look_first:
            existing = self._lookups.find(item.kind, body)
            if existing is not None:
                return existing, False
        self._ledger.mark_sent(item)
        try:
            made = self._client.create(item.kind, body)
        except ServerRefused as refused:
            existing = self._already_there(item.kind, body, refused)
            if existing is None:
                raise
            return existing, False
        self._lookups.remember(item.kind, made)
        return str(made["url"]), True

    def _already_there(
        self, kind: ResourceKind, body: dict[str, Any], refused: ServerRefused
    ) -> str | None:
        """A refusal that means the server has it already: then it is found, not refused."""
        if refused.status != 400:
            return None
        if kind in BY_IDENTIFICATIE and NOT_UNIQUE in refused.codes:
            return self._lookups.find(kind, body)
        if kind is ResourceKind.ROL and MAX_OCCURRENCES in refused.codes:
            return self._lookups.same_rol_type(body)
        return None

    def _refused(self, item: Resource, refused: ServerRefused) -> None:
        status = refused.status
        if status == 403 and refused.fault == ZAAK_CLOSED:
            reason = Undelivered.ZAAK_CLOSED
        elif status in (401, 403):
            reason = Undelivered.NOT_ALLOWED
        elif status == 400 and ({NOT_UNIQUE, UNIQUE} & set(refused.codes)):
            reason = Undelivered.NOT_UNIQUE
        elif status in (400, 409, 412, 422):
            reason = Undelivered.INVALID
        elif status >= 500:
            reason = Undelivered.SERVER_ERROR
        else:
            reason = Undelivered.OTHER
        self._give_up(item, reason, status=status, codes=refused.codes)

    def _give_up(
        self,
        item: Resource,
        reason: Undelivered,
        *,
        status: int | None = None,
        codes: tuple[str, ...] = (),
        waits_for: ResourceKind | None = None,
    ) -> None:
        why = UndeliveredResource(
            item.kind, item.uuid, item.case_uuid, reason, status, codes, waits_for
        )
        self._ledger.mark_undelivered(item, why)
        self._failed[item.url] = item.kind
        self.failed_cases.add(item.case_uuid)
        self.undelivered.append(why)

    def _closes_zaak(self, item: Resource) -> bool:
        return (
            item.kind is ResourceKind.STATUS
            and item.body.get("statustype") == self._final_statustype
        )

    def _rewrite(self, value: Any) -> Any:
        """The body with every local URL replaced by the server's."""
        if isinstance(value, dict):
            return {k: self._rewrite(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._rewrite(v) for v in value]
        if not isinstance(value, str):
            return value
        remote = self._ledger.remote_url(value)
        if remote is not None:
            return remote
        if value in self._failed:
            raise _Blocked(self._failed[value])
        zaak_uuid = self._urls.zaak_uuid_of(value)
        if zaak_uuid is not None:
            return self._ensure_zaak(zaak_uuid)
        for local_kind in ResourceKind:
            if value.startswith(self._urls.collection(local_kind) + "/"):
                raise _Blocked(local_kind)
        return value

    def _ensure_zaak(self, zaak_uuid: uuid.UUID) -> str:
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
            raise _Blocked(ResourceKind.ZAAK)
        case = CaseData(row[0], row[1], row[2].date(), row[3], row[4])
        remote = self._deliver(map_zaak(case, self._ctx.config), look_first=True)
        if remote is None:
            raise _Blocked(ResourceKind.ZAAK)
        return remote
