"""What the export services hand out: frozen, plain data."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from wijkteam.domain.sync import BatchChannel, BatchState
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
