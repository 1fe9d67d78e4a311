"""What the export services hand out: frozen, plain data."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wijkteam.domain.sync import BatchChannel, BatchState, Undelivered
from wijkteam.sync.zgw.resources import ResourceKind


@dataclass(frozen=True, slots=True)
class BatchRecord:
    id: int
    uuid: uuid.UUID
    created_at: datetime  # UTC
    channel: BatchChannel
    state: BatchState
    include_all: bool
    window_since: datetime | None
    window_until: datetime
    counts: Mapping[str, int]
    cases: int
    acknowledged_at: datetime | None
    undelivered: int = 0  # a push: resources refused or held back (retried next push)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ExportPreview:
    """What an export would send now: counts per resource and the first bodies of each."""

    since: datetime | None
    include_all: bool
    counts: Mapping[ResourceKind, int]
    samples: Mapping[ResourceKind, tuple[dict[str, Any], ...]]
    cases: int
    share_conversation: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ExportResult:
    batch: BatchRecord
    path: Path
    counts: Mapping[ResourceKind, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PushUser:
    """The member on whose behalf a push runs (for the server's audit trail)."""

    user_id: str
    name: str


@dataclass(frozen=True, slots=True)
class UndeliveredResource:
    """A resource that did not reach the server, and why: the server refused it (`status`,
    its error `codes`), or the push held it back because it needs something that did not
    arrive (`waits_for`), or because its zaak would be closed with something missing."""

    kind: ResourceKind
    resource_uuid: uuid.UUID
    case_uuid: uuid.UUID  # the melding it belongs to
    reason: Undelivered
    status: int | None = None
    codes: tuple[str, ...] = ()
    waits_for: ResourceKind | None = None

    @property
    def held(self) -> bool:
        return self.reason in (Undelivered.WAITS, Undelivered.CLOSING_WAITS)


@dataclass(frozen=True, slots=True)
class CaseLabel:
    """How the member recognises a melding in a list of what did not arrive."""

    case_uuid: uuid.UUID
    report_id: int
    resident_name: str
    received_on: date
    zaak_identificatie: str
