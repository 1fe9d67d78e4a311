"""The overdrachtsverslag's content for one referral, gathered in a service's session."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from wijkteam.domain.documents import HandoverReport, MemberContact
from wijkteam.domain.referral import Consent, Law
from wijkteam.errors import ValidationError
from wijkteam.services.convert import resident_record
from wijkteam.services.document_drafts import document_team, handover_resident
from wijkteam.store.models import Member, Referral, ReferralConsent, Report


def handover_report(
    session: Session, referral: Referral, consent: ReferralConsent | None, today: date
) -> HandoverReport:
    """Refused (ValidationError on "consent") when no consent was ever given; the renderer
    itself refuses a withdrawn consent."""
    if consent is None:
        raise ValidationError("consent", "consent_missing")
    report = session.get(Report, referral.report_id)
    assert report is not None
    member_id = referral.member_id or report.assigned_member_id
    member = session.get(Member, member_id) if member_id is not None else None
    return HandoverReport(
        team=document_team(session),
        member=MemberContact(
            name=member.name if member else "",
            phone=member.phone if member else None,
            email=member.email if member else None,
        ),
        made_on=today,
        resident=handover_resident(resident_record(report.resident)),
        question=referral.question,
        consent=Consent(
            consent.given_by, consent.given_on, consent.form, consent.scope, consent.withdrawn_on
        ),
        handover_text=referral.handover_text,
        law=referral.law or Law.OTHER,
        law_other=referral.law_other,
        urgency=referral.urgency,
        urgency_reason=referral.urgency_reason,
        kind=referral.kind,
        specialist=referral.specialist,
        specialist_other=referral.specialist_other,
    )
