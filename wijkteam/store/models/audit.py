from __future__ import annotations

import uuid

from sqlalchemy import Index, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base, RecordMixin


class AuditEvent(RecordMixin, Base):
    """Who did what to which record, from which device, and with what result; never the
    content (NEN 7513).

    Each device (the store's origin UUID) writes its own hash chain: `seq` counts 1, 2, 3 …
    per device and `entry_hash` covers the row's fields and the previous row's hash of the
    same device. Device, members, record and resident are named by UUID (integer ids are
    local to one store), so a row copied into another store (a restore, the team server) is
    a plain insert and still verifies. created_at is the moment of the action (UTC). The
    migration adds triggers that refuse deleting rows or changing a sealed one.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        UniqueConstraint("device_uuid", "seq", name="uq_audit_event_device_seq"),
        Index("ix_audit_event_resident", "resident_uuid"),
        Index("ix_audit_event_object", "object_uuid"),
        Index("ix_audit_event_created", "created_at"),
    )

    device_uuid: Mapped[uuid.UUID] = mapped_column(Uuid)
    seq: Mapped[int | None] = mapped_column()  # set in the same flush, right after the insert
    actor_member_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    responsible_member_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(24))
    object_type: Mapped[str] = mapped_column(String(40))
    object_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    resident_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    result: Mapped[str] = mapped_column(String(10))
    previous_hash: Mapped[str] = mapped_column(String(64), default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")
