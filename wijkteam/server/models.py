"""The server's tables. Per record exactly: team, kind, UUID, version, key epoch, tombstone
flag, ciphertext (dropped, keeping its sha256, once a newer tombstone of the record arrived),
pushing device and server timestamps. Operation ids, per-device sequence
numbers and signed heads (protocol bookkeeping, no content) live in `operations` and
`pushes`; `pushes.seq`, drawn from the team's `push_clocks` row at commit, is the pull order."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import UserDefinedType


class Xid8(UserDefinedType[str]):
    cache_ok = True

    def get_col_spec(self, **kw: object) -> str:
        return "xid8"


class Base(DeclarativeBase):
    pass


def _now() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    current_epoch: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    registered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class Code(Base):
    """A one-time code's auth hash: registration, invite or team recovery. An invite's
    bundle (the team keys wrapped under the code's key part) is deleted at use or expiry."""

    __tablename__ = "codes"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), index=True)
    purpose: Mapped[str] = mapped_column(Text)
    auth_hash: Mapped[str] = mapped_column(Text, unique=True)
    bundle: Mapped[bytes | None] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), index=True)
    role: Mapped[str] = mapped_column(Text)
    token_hash: Mapped[str] = mapped_column(Text, unique=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id"))
    enrolment: Mapped[bytes | None] = mapped_column(LargeBinary)
    head_seq: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    head_chain: Mapped[str] = mapped_column(Text)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class KeyWrap(Base):
    __tablename__ = "key_wraps"
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(Text, primary_key=True)
    wrap: Mapped[bytes] = mapped_column(LargeBinary)


class Recovery(Base):
    __tablename__ = "recovery"
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    signing_wrap: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = _now()


class Push(Base):
    __tablename__ = "pushes"
    __table_args__ = (Index("pushes_team_seq", "team_id", "seq", unique=True),)
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"))
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"))
    seq: Mapped[int | None] = mapped_column(BigInteger)  # set as the push commits
    legacy_txid: Mapped[str | None] = mapped_column(Xid8)  # pull order before s0002
    head: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = _now()


class PushClock(Base):
    """A team's commit clock: the last `pushes.seq` handed out (repository/clock.py). A row
    of its own: the team row is also locked by rotations and a device's first request."""

    __tablename__ = "push_clocks"
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    tick: Mapped[int] = mapped_column(BigInteger)


class Operation(Base):
    __tablename__ = "operations"
    __table_args__ = (UniqueConstraint("device_id", "seq", name="operations_device_seq"),)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"))
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    push_id: Mapped[int] = mapped_column(ForeignKey("pushes.id"), index=True)
    kind: Mapped[str] = mapped_column(Text)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer)


class Record(Base):
    __tablename__ = "records"
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(Text, primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_epoch: Mapped[int] = mapped_column(Integer)
    tombstone: Mapped[bool] = mapped_column(Boolean)
    # None once a newer tombstone of the record arrived: the ciphertext is dropped, its
    # sha256 stays for the device chains (repository/sync.py, "Dropped versions").
    ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    ciphertext_sha256: Mapped[bytes | None] = mapped_column(LargeBinary)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"))
    created_at: Mapped[datetime] = _now()


class ServerKey(Base):
    """Pins of the TLS keys this server has served with (for `add-team`'s codes)."""

    __tablename__ = "server_keys"
    pin: Mapped[str] = mapped_column(Text, primary_key=True)
    first_seen: Mapped[datetime] = _now()


class Attempt(Base):
    """Failed code attempts per client (hashed address), for rate limiting."""

    __tablename__ = "attempts"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    client: Mapped[str] = mapped_column(Text, index=True)
    at: Mapped[datetime] = _now()
