"""The export's own records. Everything here names meldingen, members, devices and
resources by UUID, never by a local integer id, so that a batch, a receipt or a ledger entry
means the same on every laptop of the team: they travel as team records (DESIGN.md §11 "The
municipality", wijkteam/store/team_kinds.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.sync import BatchChannel, BatchState, RemoteState
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class SyncBatch(RecordMixin, Base):
    """One export to the municipality: a file or a push. `window_until` is the change
    time up to which it carries everything; the next export starts after the `window_until`
    of the last acknowledged (or, for a push, partly acknowledged) batch that this laptop
    (`device_uuid`, the store's origin) made: its window is in this laptop's change times."""

    __tablename__ = "sync_batch"

    channel: Mapped[BatchChannel] = enum_column(BatchChannel)
    state: Mapped[BatchState] = enum_column(BatchState, default=BatchState.CREATED)
    include_all: Mapped[bool] = mapped_column(default=False)
    window_since: Mapped[datetime | None] = mapped_column(DateTime)
    window_until: Mapped[datetime] = mapped_column(DateTime)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: resource -> number
    undelivered: Mapped[int] = mapped_column(Integer, default=0)  # push: refused or held
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    member_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # who exported
    device_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)  # where


class SyncBatchCase(Base):
    """Which meldingen (by UUID) a batch carried, so an acknowledgement can stamp them."""

    __tablename__ = "sync_batch_case"

    batch_uuid: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_uuid: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, index=True)


class SyncRemote(Base):
    """The push's ledger: one row per resource it handled, keyed by the resource's URL at
    the configured base (kind and UUID, no local id). `state` says whether the server has
    it; a refusal keeps why (no body, nothing personal)."""

    __tablename__ = "sync_remote"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(
        Uuid, unique=True, default=lambda context: _ledger_uuid_of(context)
    )  # ledger_uuid(local_url)
    local_url: Mapped[str] = mapped_column(String(1000), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    resource_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    case_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    remote_url: Mapped[str | None] = mapped_column(String(1000))
    state: Mapped[RemoteState] = enum_column(RemoteState)
    body_sha256: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    batch_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # the push that last wrote it
    reason: Mapped[str | None] = mapped_column(String(32))  # domain.sync.Undelivered
    http_status: Mapped[int | None] = mapped_column(Integer)
    error_codes: Mapped[str | None] = mapped_column(String(300))  # the server's, space-separated
    waits_for: Mapped[str | None] = mapped_column(String(40))  # the kind it waits for


LEDGER_NAMESPACE = uuid.UUID("5b0e7c2a-39a4-4f57-9d3e-2f1b6a0c7e11")


def ledger_uuid(local_url: str) -> uuid.UUID:
    """A ledger row's record UUID: the same on every laptop for the same resource, so two
    laptops' rows of one resource are one team record."""
    return uuid.uuid5(LEDGER_NAMESPACE, local_url)


def _ledger_uuid_of(context: Any) -> uuid.UUID:
    return ledger_uuid(context.get_current_parameters()["local_url"])
