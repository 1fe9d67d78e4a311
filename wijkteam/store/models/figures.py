from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base, RecordMixin


class RemovedCaseFigure(RecordMixin, Base):
    """Anonymous figures kept when closed cases leave the laptop (retention or erasure):
    how many cases of one month, source and closing reason were removed. No person in it."""

    __tablename__ = "removed_case_figure"
    __table_args__ = (
        UniqueConstraint("period", "source", "closing_reason", "removal", name="uq_figure_key"),
    )

    period: Mapped[str] = mapped_column(String(7))  # month of receipt, "2026-11"
    source: Mapped[str] = mapped_column(String(40))
    closing_reason: Mapped[str] = mapped_column(String(40))  # "open" when erased while open
    removal: Mapped[str] = mapped_column(String(20))  # "retention" or "erasure"
    cases: Mapped[int] = mapped_column(default=0)
    visited_in_time: Mapped[int] = mapped_column(default=0)
