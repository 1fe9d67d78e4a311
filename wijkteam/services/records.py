"""What services hand out: frozen, plain data. ORM objects never leave a service."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from wijkteam.domain.deadlines import Deadline
from wijkteam.domain.enums import (
    Channel,
    ClosingReason,
    Language,
    MemberRole,
    ReportSource,
    VisitState,
)
from wijkteam.domain.status import CONVERSATION_HELD, EventKind, ReportStatus
from wijkteam.domain.text import person_name, sort_name


@dataclass(frozen=True, slots=True)
class MemberRecord:
    id: int
    uuid: uuid.UUID
    name: str
    initials: str
    role: MemberRole
    active: bool
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ResidentRecord:
    id: int
    uuid: uuid.UUID
    first_names: str | None
    prefix: str | None
    surname: str
    birth_date: date | None
    bsn: str | None
    bsn_confirmed: bool
    street: str | None
    house_number: str | None
    house_number_suffix: str | None
    postcode: str | None
    place: str | None
    district: str | None
    phone: str | None
    email: str | None
    preferred_channel: Channel
    language: Language
    network_notes: str | None
    updated_at: datetime

    @property
    def display_name(self) -> str:
        return person_name(self.first_names, self.prefix, self.surname)

    @property
    def list_name(self) -> str:
        return sort_name(self.first_names, self.prefix, self.surname)

    @property
    def address_line(self) -> str:
        number = " ".join(p for p in (self.house_number, self.house_number_suffix) if p)
        street = " ".join(p for p in (self.street, number) if p)
        place = " ".join(p for p in (self.postcode, self.place) if p)
        return ", ".join(p for p in (street, place) if p)


@dataclass(frozen=True, slots=True)
class VisitRecord:
    id: int
    report_id: int
    planned_at: datetime
    member_id: int | None
    member_name: str | None
    state: VisitState
    replan_reason: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StatusChangeRecord:
    status: ReportStatus
    changed_at: datetime
    member_name: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ReportEventRecord:
    """What happened to a melding, for its history on screen."""

    kind: EventKind
    occurred_at: datetime
    member_name: str | None  # who recorded it
    reason: str | None = None  # a closing reason code, or why it was reopened
    note: str | None = None
    handed_to: str | None = None  # the member who took it over (HANDED_OVER)


@dataclass(frozen=True, slots=True)
class ReportRecord:
    id: int
    uuid: uuid.UUID
    resident_id: int
    reporter_name: str | None
    reporter_relation: str | None
    reporter_contact: str | None
    question: str
    source: ReportSource
    received_on: date
    assigned_member_id: int | None
    assigned_member_name: str | None
    status: ReportStatus
    closing_reason: ClosingReason | None
    closed_on: date | None
    case_reference: str | None
    deadline: Deadline
    planned_visit: VisitRecord | None
    visits: tuple[VisitRecord, ...] = field(default=())
    history: tuple[StatusChangeRecord, ...] = field(default=())
    events: tuple[ReportEventRecord, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        return self.status is not ReportStatus.CLOSED

    @property
    def had_conversation(self) -> bool:
        """Steps and a referral can follow (the status rule's check_event)."""
        return any(e.kind in CONVERSATION_HELD for e in self.events)


@dataclass(frozen=True, slots=True)
class WorklistRow:
    """One line of Werkvoorraad or Vandaag: a melding with what a list needs to show."""

    report_id: int
    resident_id: int
    resident_name: str
    district: str | None
    postcode: str | None
    received_on: date
    deadline: Deadline
    status: ReportStatus
    member_name: str | None
    planned_visit_at: datetime | None


@dataclass(frozen=True, slots=True)
class VisitRow:
    """A planned home visit on Vandaag."""

    visit_id: int
    report_id: int
    resident_id: int
    resident_name: str
    address: str
    planned_at: datetime
    member_name: str | None
    deadline: Deadline
