from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.sync import BatchChannel, BatchState, RemoteState
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class SyncBatch(RecordMixin, Base):
    """One export to the municipality: a file or a push. `window_until` is the change
    time up to which it carries everything; the next export starts after the `window_until`
    of the last acknowledged batch."""

    __tablename__ = "sync_batch"

    channel: Mapped[BatchChannel] = enum_column(BatchChannel)
    state: Mapped[BatchState] = enum_column(BatchState, default=BatchState.CREATED)
    include_all: Mapped[bool] = mapped_column(default=False)
    window_since: Mapped[datetime | None] = mapped_column(DateTime)
    window_until: Mapped[datetime] = mapped_column(DateTime)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: resource -> number
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))


class SyncBatchReport(Base):
    """Which meldingen a batch carried, so an acknowledgement can stamp them."""

    __tablename__ = "sync_batch_report"

    batch_id: Mapped[int] = mapped_column(
        ForeignKey("sync_batch.id", ondelete="CASCADE"), primary_key=True
    )
    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SyncRemote(Base):
    """A resource the push sent to the ZGW server: its URL here and there."""

    __tablename__ = "sync_remote"

    id: Mapped[int] = mapped_column(primary_key=True)
    local_url: Mapped[str] = mapped_column(String(1000), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    remote_url: Mapped[str | None] = mapped_column(String(1000))
    state: Mapped[RemoteState] = enum_column(RemoteState)
    body_sha256: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
