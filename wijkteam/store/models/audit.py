from __future__ import annotations

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base, RecordMixin


class AuditEvent(RecordMixin, Base):
    """Who did what to which record, from where, and with what result; never the content.

    created_at is the moment of the action (UTC). Entries are chained: entry_hash covers the
    canonical fields and the previous entry's hash, so a removed or altered entry shows. The
    migration adds triggers that refuse deleting entries or changing a sealed one.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_resident", "resident_id"),
        Index("ix_audit_event_created", "created_at"),
    )

    actor_member_id: Mapped[int | None] = mapped_column()
    responsible_member_id: Mapped[int | None] = mapped_column()
    origin: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(24))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column()
    resident_id: Mapped[int | None] = mapped_column()
    result: Mapped[str] = mapped_column(String(10))
    previous_hash: Mapped[str] = mapped_column(String(64), default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")
