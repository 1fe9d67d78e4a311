"""Frozen records and queries of the audit log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from wijkteam.security.context import AuditAction, AuditResult


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One row. Device, members, record and resident are named by UUID as stored; the local
    numbers (`object_id`, `resident_id`) are looked up for the screen and are None when the
    record is not (or no longer) in this store."""

    uuid: uuid.UUID
    device_uuid: uuid.UUID
    seq: int
    at: datetime  # UTC
    actor_member_uuid: uuid.UUID | None
    responsible_member_uuid: uuid.UUID | None
    action: AuditAction
    object_type: str
    object_uuid: uuid.UUID | None
    resident_uuid: uuid.UUID | None
    result: AuditResult
    object_id: int | None = None
    resident_id: int | None = None


@dataclass(frozen=True)
class AuditQuery:
    """Filters on local ids (what the screens know); the service turns them into UUIDs."""

    actor_member_id: int | None = None
    action: AuditAction | None = None
    resident_id: int | None = None
    since: date | None = None
    until: date | None = None  # inclusive


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """kind: 'altered' (the row's fields no longer match its hash), 'missing_before' (rows
    with a lower sequence number of this device are gone: `missing` of them), or
    'missing_at_end' (the device wrote rows this store no longer has, as the head file next to
    keys.json remembers: a restored older store, or rows removed)."""

    device_uuid: uuid.UUID
    seq: int
    kind: str
    missing: int = 0


@dataclass(frozen=True)
class ChainCheck:
    checked: int
    devices: int
    problems: tuple[ChainProblem, ...]
    head_known: bool = True  # False: no head file to compare the end of the chain with

    @property
    def intact(self) -> bool:
        return not self.problems
