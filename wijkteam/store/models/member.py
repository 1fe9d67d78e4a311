from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.enums import MemberRole
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class Member(RecordMixin, Base):
    """A team member (teamlid)."""

    __tablename__ = "member"

    name: Mapped[str] = mapped_column(String(120))
    initials: Mapped[str] = mapped_column(String(8))
    role: Mapped[MemberRole] = enum_column(MemberRole)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    active: Mapped[bool] = mapped_column(default=True)
