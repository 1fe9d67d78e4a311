from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base, RecordMixin


class CaseFact(RecordMixin, Base):
    """The anonymous facts of one case (DESIGN.md §11 "Figures"): keyed by the melding's
    UUID (`uuid`), written when it closes, changed when it reopens, closes again or leaves
    the laptop, and kept when the melding is removed, so a team report counts each case once.
    No person in it: no name, date of birth, address, note or member."""

    __tablename__ = "case_fact"

    period: Mapped[str] = mapped_column(String(7))  # month of receipt, "2026-11"
    source: Mapped[str] = mapped_column(String(40))
    closing_reason: Mapped[str | None] = mapped_column(String(40))  # None: open (reopened)
    visited_in_time: Mapped[bool] = mapped_column(default=False)
    removal: Mapped[str | None] = mapped_column(String(20))  # "retention", "erasure" or None
