"""The erasure ledger (DESIGN.md §11 "Erasure"): one record per erased resident, naming by UUID
what was erased, so that every copy of the team's data can do the same (a restored backup
re-applies the ledger before it is used; later the team server and the other laptops)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base, RecordMixin


class Erasure(RecordMixin, Base):
    """`records` is JSON: table name -> UUIDs of the rows removed with the resident. No
    personal data: only random identifiers. The team server will require the coordinator's
    signature (`signature`, by the key `signing_key_id`); a laptop without a server leaves
    them empty. The migration makes the ledger append-only."""

    __tablename__ = "erasure"

    erased_at: Mapped[datetime] = mapped_column(DateTime)  # UTC
    resident_uuid: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    records: Mapped[str] = mapped_column(Text, default="{}")
    member_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # the coordinator who erased
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    signing_key_id: Mapped[str | None] = mapped_column(String(64))
