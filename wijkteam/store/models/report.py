from __future__ import annotations

import uuid
from contextvars import ContextVar
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text, Uuid, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wijkteam.domain.enums import ClosingReason, ReportSource, VisitState
from wijkteam.domain.status import EventKind, ReportStatus
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.member import Member
from wijkteam.store.models.resident import Resident
from wijkteam.store.models.types import enum_column


class Report(RecordMixin, Base):
    """A melding. The home-visit deadline is derived (received_on + 14 days), never stored.
    `status` is a cache of what the melding's events say (wijkteam/domain/status.py), written
    only by wijkteam/services/status_moves.py, so lists can filter and sort on it."""

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


# Set only while wijkteam/services/status_moves.py writes what the events say.
STATUS_WRITER: ContextVar[bool] = ContextVar("status_writer", default=False)


@event.listens_for(Report.status, "set")
def _only_the_status_rule(_target: Report, _value: Any, _old: Any, _initiator: Any) -> None:
    if not STATUS_WRITER.get():
        raise RuntimeError("a melding's status follows its events: record an event instead")


class ReportEvent(RecordMixin, Base):
    """What happened to a melding: an append-only fact its status is derived from.

    Refers to other records by UUID (`subject_uuid`: the visit, contact moment, step,
    follow-up, referral or member it is about; `cancels_uuid`: the event it undoes), so it can
    travel to another laptop as it is. `member_id` is who recorded it (local id, like every
    join in the store)."""

    __tablename__ = "report_event"
    __table_args__ = (Index("ix_report_event_report", "report_id", "occurred_at"),)

    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    kind: Mapped[EventKind] = enum_column(EventKind)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    subject_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    cancels_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(200))


class StatusChange(RecordMixin, Base):
    """Every status a melding went through (the sync sends each as a ZGW Status): a
    projection of its events, written with them by wijkteam/services/status_moves.py."""

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
