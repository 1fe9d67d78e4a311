from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.enums import Channel
from wijkteam.domain.steps import FollowUpState, Landing, StepActor, StepStatus
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class Step(RecordMixin, Base):
    """An afspraak: a step for one melding, usually chosen by the resident in a conversation.
    `landing` holds the latest answer to "did it land?" given at a follow-up."""

    __tablename__ = "step"
    __table_args__ = (Index("ix_step_report", "report_id", "status"),)

    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    actor: Mapped[StepActor] = enum_column(StepActor)
    actor_name: Mapped[str | None] = mapped_column(String(120))
    social_map_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("social_map_entry.id"), index=True
    )
    due_on: Mapped[date | None] = mapped_column(Date)
    resident_chose: Mapped[bool] = mapped_column(Boolean, default=False)
    first_step: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[StepStatus] = enum_column(StepStatus, default=StepStatus.OPEN)
    done_on: Mapped[date | None] = mapped_column(Date)
    landing: Mapped[Landing | None] = enum_column(Landing, nullable=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))


class FollowUp(RecordMixin, Base):
    """A nazorg call or message for a step. Not reaching the resident closes this attempt
    and opens a new one."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_state_due", "state", "due_on"),)

    step_id: Mapped[int] = mapped_column(ForeignKey("step.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[Channel] = enum_column(Channel, default=Channel.PHONE)
    state: Mapped[FollowUpState] = enum_column(FollowUpState, default=FollowUpState.OPEN)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    done_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    landing: Mapped[Landing | None] = enum_column(Landing, nullable=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
