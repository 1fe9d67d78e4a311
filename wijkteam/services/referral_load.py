"""Reading referrals into records, with their clocks computed for today."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.referral import (
    Law,
    ReferralKind,
    ReferralStatus,
    response_due,
    response_overdue,
    wmo_investigation_deadline,
)
from wijkteam.errors import NotFound
from wijkteam.services.referral_records import ConsentRecord, ReferralRecord
from wijkteam.store.models import Member, Referral, ReferralConsent, Report

# The Wmo clock matters while the referral is being prepared or runs.
WMO_CLOCK_STATUSES = frozenset(
    {ReferralStatus.CONCEPT, ReferralStatus.SENT, ReferralStatus.PLANNED}
)


def get_referral(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFound("referral", referral_id)
    return referral


def is_wmo(kind: ReferralKind, law: Law | None) -> bool:
    return kind is ReferralKind.CONSULTATION and law is Law.WMO


def referral_records(
    session: Session, referrals: list[Referral], today: date
) -> list[ReferralRecord]:
    ids = [r.id for r in referrals]
    consents: dict[int, list[ConsentRecord]] = defaultdict(list)
    for c in session.scalars(
        select(ReferralConsent)
        .where(ReferralConsent.referral_id.in_(ids))
        .order_by(ReferralConsent.created_at, ReferralConsent.id)
    ):
        consents[c.referral_id].append(
            ConsentRecord(c.id, c.given_by, c.given_on, c.form, c.scope, c.withdrawn_on)
        )
    report_ids = {r.report_id for r in referrals}
    reports = {
        rid: (resident_id, received)
        for rid, resident_id, received in session.execute(
            select(Report.id, Report.resident_id, Report.received_on).where(
                Report.id.in_(report_ids)
            )
        )
    }
    names = {i: n for i, n in session.execute(select(Member.id, Member.name))}
    return [_record(r, reports[r.report_id], names, consents[r.id], today) for r in referrals]


def load_referral(session: Session, referral_id: int, today: date) -> ReferralRecord:
    (record,) = referral_records(session, [get_referral(session, referral_id)], today)
    return record


def _record(
    r: Referral,
    report: tuple[int, date],
    names: dict[int, str],
    consents: list[ConsentRecord],
    today: date,
) -> ReferralRecord:
    resident_id, received_on = report
    sent_on = r.sent_at.date() if r.sent_at else None
    wmo = None
    if is_wmo(r.kind, r.law) and r.status in WMO_CLOCK_STATUSES:
        wmo = wmo_investigation_deadline(received_on, today)
    return ReferralRecord(
        id=r.id,
        uuid=r.uuid,
        report_id=r.report_id,
        resident_id=resident_id,
        member_id=r.member_id,
        member_name=names.get(r.member_id) if r.member_id else None,
        kind=r.kind,
        law=r.law,
        law_other=r.law_other,
        specialist=r.specialist,
        specialist_other=r.specialist_other,
        question=r.question,
        urgency=r.urgency,
        urgency_reason=r.urgency_reason,
        handover_text=r.handover_text,
        support_wish=r.support_wish,
        status=r.status,
        created_on=r.created_at.date(),
        sent_at=r.sent_at,
        days_to_send=r.days_to_send,
        response_due=response_due(sent_on) if sent_on else None,
        response_overdue=response_overdue(r.status, sent_on, today),
        wmo_deadline=wmo,
        planned_on=r.planned_on,
        consultant_name=r.consultant_name,
        outcome=r.outcome,
        outcome_note=r.outcome_note,
        completed_on=r.completed_on,
        returned_reason=r.returned_reason,
        returned_on=r.returned_on,
        consents=tuple(consents),
    )
