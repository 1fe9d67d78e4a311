from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.contacts import ContactKind, MessageMedium, Theme
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class Contact(RecordMixin, Base):
    """A contact moment with a resident, optionally for one melding. A home visit carries the
    notes of the vrij gesprek in ContactTheme rows."""

    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_resident", "resident_id", "occurred_on"),
        Index("ix_contact_report", "report_id", "kind", "occurred_on"),
    )

    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"))
    kind: Mapped[ContactKind] = enum_column(ContactKind)
    medium: Mapped[MessageMedium | None] = enum_column(MessageMedium, nullable=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    occurred_time: Mapped[time | None] = mapped_column(Time)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)


class ContactTheme(Base):
    """The text written under one open theme of a conversation (only non-empty themes)."""

    __tablename__ = "contact_theme"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[Theme] = enum_column(Theme, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class ContactDraft(RecordMixin, Base):
    """What the editor holds but the member has not saved yet, as JSON (see
    services/draft_codec.py). One row per editor: for a new contact (contact_id NULL) or for
    an existing one. Autosave rewrites `content` with one small UPDATE; saving the contact
    deletes the row."""

    __tablename__ = "contact_draft"

    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), unique=True
    )
    content: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock time, for display
