"""The laptop's link to its team server (DESIGN.md §11). Kept only inside the encrypted store:
the device state holds the device's private keys, its token and the team's epoch keys."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base


class TeamLink(Base):
    """One row (id 1) when the store belongs to a team."""

    __tablename__ = "team_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(Text)  # DeviceState.to_json()
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC
    audit_pushed_seq: Mapped[int] = mapped_column(Integer, default=0)  # own audit chain pushed
    revoked: Mapped[bool] = mapped_column(default=False)


class TeamOutbox(Base):
    """A local change waiting to be pushed: the record's whole shared content at commit."""

    __tablename__ = "team_outbox"
    __table_args__ = (Index("ix_team_outbox_record", "kind", "record_uuid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    op_uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[uuid.UUID] = mapped_column(Uuid)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[str] = mapped_column(Text)
    tombstone: Mapped[bool] = mapped_column(default=False)
    made_at: Mapped[datetime] = mapped_column(DateTime)


class TeamSynced(Base):
    """The last synced copy of a shared record (the base of the three-way merge). `gone`:
    removed from this laptop (retention) or erased; an older edit never brings it back."""

    __tablename__ = "team_synced"
    __table_args__ = (UniqueConstraint("kind", "record_uuid", name="uq_team_synced_record"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[uuid.UUID] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[str | None] = mapped_column(Text)
    tombstone: Mapped[bool] = mapped_column(default=False)
    gone: Mapped[bool] = mapped_column(default=False)


class TeamVersion(Base):
    """The highest version this laptop has seen of a team record (teamsync/versions.py):
    one row per record the team ever sent, read and written only for those a round
    touches. `slot`: "kind/uuid" as the protocol names the record."""

    __tablename__ = "team_version"

    slot: Mapped[str] = mapped_column(String(120), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class TeamConflict(Base):
    """One field changed on this laptop and on another to different values. Values are the
    record's wire form (JSON); settled once, by the member."""

    __tablename__ = "team_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    field: Mapped[str] = mapped_column(String(60))
    base: Mapped[str | None] = mapped_column(Text)
    mine: Mapped[str | None] = mapped_column(Text)
    theirs: Mapped[str | None] = mapped_column(Text)
    found_at: Mapped[datetime] = mapped_column(DateTime)
    settled_at: Mapped[datetime | None] = mapped_column(DateTime)
    kept: Mapped[str | None] = mapped_column(String(8))
    # Which device stored their version on the server, and when (the server's word; shown
    # to the member who settles). None for conflicts found before revision 0018.
    theirs_device: Mapped[str | None] = mapped_column(String(36))
    theirs_stored_at: Mapped[datetime | None] = mapped_column(DateTime)


class TeamWaiting(Base):
    """A received record whose parent has not arrived yet (children may come first)."""

    __tablename__ = "team_waiting"
    __table_args__ = (UniqueConstraint("kind", "record_uuid", name="uq_team_waiting_record"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[uuid.UUID] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
