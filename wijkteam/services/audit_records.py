"""Frozen records and queries of the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from wijkteam.security.context import AuditAction, AuditResult


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime  # UTC
    actor_member_id: int | None
    responsible_member_id: int | None
    origin: str
    action: AuditAction
    object_type: str
    object_id: int | None
    resident_id: int | None
    result: AuditResult


@dataclass(frozen=True)
class AuditQuery:
    actor_member_id: int | None = None
    action: AuditAction | None = None
    resident_id: int | None = None
    since: date | None = None
    until: date | None = None  # inclusive


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """kind: 'altered' (the entry's fields no longer match its hash), 'missing_before'
    (entries between the previous one and this one were removed) or 'missing_at_end'."""

    event_id: int
    kind: str


@dataclass(frozen=True)
class ChainCheck:
    checked: int
    problems: tuple[ChainProblem, ...]

    @property
    def intact(self) -> bool:
        return not self.problems
