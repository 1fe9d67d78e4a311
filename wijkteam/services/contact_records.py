"""What the contact and draft services take and hand out: frozen, plain data."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

from wijkteam.domain.contacts import ContactKind, MessageMedium, Orientation, Theme


@dataclass(frozen=True, slots=True)
class ContactInput:
    """A contact moment as the member typed it. Only the date and the kind are required; a
    draft holds exactly this, so whatever was typed (valid or not) can be restored."""

    kind: ContactKind
    date: str
    time: str = ""
    duration: str = ""  # minutes ("45") or hours:minutes ("1:30")
    member_id: int | None = None
    report_id: int | None = None
    medium: MessageMedium | None = None  # how a message went: WhatsApp, sms, e-mail
    themes: Mapping[Theme, str] = field(default_factory=dict)
    notes: str = ""

    def has_text(self) -> bool:
        return bool(self.notes.strip()) or any(t.strip() for t in self.themes.values())


@dataclass(frozen=True, slots=True)
class ContactRecord:
    id: int
    uuid: uuid.UUID
    resident_id: int
    report_id: int | None
    kind: ContactKind
    medium: MessageMedium | None
    occurred_on: date
    occurred_time: time | None
    duration_minutes: int | None
    member_id: int | None
    member_name: str | None
    themes: Mapping[Theme, str]
    notes: str | None
    orientation: Orientation | None  # home visits only
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One line of the dossier's list of contact moments (no texts: the list stays fast)."""

    id: int
    report_id: int | None
    kind: ContactKind
    medium: MessageMedium | None
    occurred_on: date
    occurred_time: time | None
    duration_minutes: int | None
    member_name: str | None
    themes_written: int
    has_notes: bool
    orientation: Orientation | None
    draft_id: int | None  # text typed after the last save, kept as a draft


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """Unsaved editor content: for a new contact (contact_id None) or an existing one."""

    id: int
    resident_id: int
    resident_name: str
    contact_id: int | None
    content: ContactInput
    saved_at: datetime
