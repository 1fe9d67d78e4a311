"""What the mapping reads: small frozen snapshots of the team's records.

Collectors (wijkteam/sync/export/collectors/) fill them from the store; tests fill them by
hand. Nothing here knows about SQLAlchemy.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from wijkteam.domain.enums import ClosingReason, ReportSource
from wijkteam.domain.status import ReportStatus


@dataclass(frozen=True, slots=True)
class CaseData:
    """A melding, as far as the zaak needs it."""

    uuid: uuid.UUID
    received_on: date
    registered_on: date
    source: ReportSource
    case_reference: str | None = None  # the municipality's zaaknummer, when it has one
    question: str | None = None  # only sent when conversation content may leave


@dataclass(frozen=True, slots=True)
class ResidentData:
    surname: str
    first_names: str | None = None
    prefix: str | None = None
    birth_date: date | None = None
    bsn: str | None = None


@dataclass(frozen=True, slots=True)
class MemberData:
    uuid: uuid.UUID
    name: str
    initials: str


@dataclass(frozen=True, slots=True)
class StatusData:
    uuid: uuid.UUID
    case_uuid: uuid.UUID
    status: ReportStatus
    changed_at: datetime  # local wall-clock time
    # For 'referred': where the latest referral sent by then went, as "kind:law-or-specialist"
    # (e.g. "consultation:wmo", "escalation:ggz").
    referred_to: str | None = None


@dataclass(frozen=True, slots=True)
class ClosingData:
    case_uuid: uuid.UUID
    reason: ClosingReason
    note: str | None = None  # only sent when conversation content may leave


@dataclass(frozen=True, slots=True)
class ContactMomentData:
    """A contact moment (home visit, call, message, accompanied meeting, office)."""

    uuid: uuid.UUID
    case_uuid: uuid.UUID
    kind: str  # e.g. "home_visit", "phone", "message", "accompanied", "office"
    started_at: datetime  # local wall-clock time
    duration_minutes: int | None = None
    subject: str | None = None  # conversation content: sent only when allowed
    summary: str | None = None  # conversation content: sent only when allowed


@dataclass(frozen=True, slots=True)
class DocumentData:
    """A generated document (e.g. the printed visit summary) with its PDF bytes."""

    uuid: uuid.UUID
    case_uuid: uuid.UUID
    kind: str  # e.g. "visit_summary"
    language: str  # "nl", "de" or "en"
    created: datetime
    sha256: str  # hex digest of `pdf`, recorded when the document was made
    pdf: bytes


@dataclass(frozen=True, slots=True)
class ReferralData:
    """A referral: a consultation under a law (Wmo, Jeugdwet, other) or an escalation to a
    specialist. Only a sent Wmo consultation makes a zaak of its own."""

    uuid: uuid.UUID
    case_uuid: uuid.UUID
    kind: str  # "consultation" or "escalation"
    law: str | None  # "wmo", "jeugdwet", "other"; None for an escalation
    sent_at: datetime | None  # when the referral (for Wmo: the Wmo melding) was sent

    @property
    def is_wmo(self) -> bool:
        return self.kind == "consultation" and self.law == "wmo"
