"""Referrals (doorverwijzingen) of a melding and the resident's consent for each."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.referral import (
    ConsentForm,
    Law,
    ReferralKind,
    ReferralOutcome,
    ReferralStatus,
    Specialist,
    SupportWish,
    Urgency,
)
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class Referral(RecordMixin, Base):
    """A referral to a consultation (keukentafelgesprek) or an escalation to a specialist.

    The clocks (response due after ten working days, the Wmo six weeks) are derived, never
    stored; the days from melding to sending are kept as a fact when the referral is sent."""

    __tablename__ = "referral"
    __table_args__ = (Index("ix_referral_status", "status", "sent_at"),)

    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    kind: Mapped[ReferralKind] = enum_column(ReferralKind)
    law: Mapped[Law | None] = enum_column(Law, nullable=True)
    law_other: Mapped[str | None] = mapped_column(String(80))
    specialist: Mapped[Specialist | None] = enum_column(Specialist, nullable=True)
    specialist_other: Mapped[str | None] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(Text)
    urgency: Mapped[Urgency] = enum_column(Urgency, default=Urgency.NORMAL)
    urgency_reason: Mapped[str | None] = mapped_column(String(300))
    handover_text: Mapped[str] = mapped_column(Text, default="")
    support_wish: Mapped[SupportWish] = enum_column(SupportWish, default=SupportWish.NOT_TOLD)
    status: Mapped[ReferralStatus] = enum_column(ReferralStatus, default=ReferralStatus.CONCEPT)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)  # local wall-clock time
    days_to_send: Mapped[int | None] = mapped_column(Integer)  # melding received → sent
    planned_on: Mapped[date | None] = mapped_column(Date)  # the keukentafelgesprek
    consultant_name: Mapped[str | None] = mapped_column(String(120))
    outcome: Mapped[ReferralOutcome | None] = enum_column(ReferralOutcome, nullable=True)
    outcome_note: Mapped[str | None] = mapped_column(String(300))
    completed_on: Mapped[date | None] = mapped_column(Date)
    returned_reason: Mapped[str | None] = mapped_column(String(300))
    returned_on: Mapped[date | None] = mapped_column(Date)


class ReferralConsent(RecordMixin, Base):
    """The resident's consent to share information for one referral. Never deleted: a
    withdrawal sets `withdrawn_on`; consent given again is a new row."""

    __tablename__ = "referral_consent"

    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referral.id", ondelete="CASCADE"), index=True
    )
    given_by: Mapped[str] = mapped_column(String(120))
    given_on: Mapped[date] = mapped_column(Date)
    form: Mapped[ConsentForm] = enum_column(ConsentForm)
    scope: Mapped[str] = mapped_column(String(500))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
