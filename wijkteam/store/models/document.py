from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.enums import Language
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class Document(RecordMixin, Base):
    """A generated PDF (bezoekverslag, overdrachtsverslag), kept in the store itself so that
    it is encrypted with the rest and the sync can send it later (ZGW
    EnkelvoudigInformatieObject). The bytes are deferred: listing never loads them."""

    __tablename__ = "document"
    __table_args__ = (Index("ix_document_resident", "resident_id", "generated_at"),)

    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="SET NULL"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    kind: Mapped[DocumentKind] = enum_column(DocumentKind)
    language: Mapped[Language] = enum_column(Language)
    generated_at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock time
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
