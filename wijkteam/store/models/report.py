from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wijkteam.domain.enums import ClosingReason, ReportSource, VisitState
from wijkteam.domain.status import ReportStatus
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.member import Member
from wijkteam.store.models.resident import Resident
from wijkteam.store.models.types import enum_column


class Report(RecordMixin, Base):
    """A melding. The home-visit deadline is derived (received_on + 14 days), never stored."""

    __tablename__ = "report"
    __table_args__ = (
        Index("ix_report_status_received", "status", "received_on"),
        Index("ix_report_resident", "resident_id", "status", "received_on"),
        Index("ix_report_member", "assigned_member_id"),
    )

    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    reporter_name: Mapped[str | None] = mapped_column(String(120))
    reporter_relation: Mapped[str | None] = mapped_column(String(80))
    reporter_contact: Mapped[str | None] = mapped_column(String(120))
    question: Mapped[str] = mapped_column(Text)
    source: Mapped[ReportSource] = enum_column(ReportSource)
    received_on: Mapped[date] = mapped_column(Date)
    assigned_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL")
    )
    status: Mapped[ReportStatus] = enum_column(ReportStatus, default=ReportStatus.NEW)
    closing_reason: Mapped[ClosingReason | None] = enum_column(ClosingReason, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    case_reference: Mapped[str | None] = mapped_column(String(40), unique=True)
    # When the municipality last acknowledged a sync batch carrying this melding (retention).
    sync_acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)

    resident: Mapped[Resident] = relationship()
    assigned_member: Mapped[Member | None] = relationship()


class StatusChange(RecordMixin, Base):
    """Every status a melding went through (the sync sends each as a ZGW Status)."""

    __tablename__ = "status_change"

    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    status: Mapped[ReportStatus] = enum_column(ReportStatus)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(String(200))


class HomeVisit(RecordMixin, Base):
    """A planned home visit. Replanning marks the old row REPLANNED and adds a new one."""

    __tablename__ = "home_visit"
    __table_args__ = (Index("ix_home_visit_state_planned", "state", "planned_at"),)

    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    planned_at: Mapped[datetime] = mapped_column(DateTime)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    state: Mapped[VisitState] = enum_column(VisitState, default=VisitState.PLANNED)
    replan_reason: Mapped[str | None] = mapped_column(String(200))
