"""What the dossier knows for a printed document, gathered inside a service's session.

This is the one place to wire in the conversation's data: the theme notes of the visit's
contact moment (themes), the resident's own choice (decision), the steps and the planned
follow-up (next_steps, next_contact). Until those exist in the store the draft carries the
visit, the member, the resident and the team, and the member types the rest in the dialog.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.documents.content import (
    HandoverResident,
    MemberContact,
    VisitSummary,
    VisitSummaryDraft,
)
from wijkteam.documents.texts import team_info
from wijkteam.domain.enums import VisitState
from wijkteam.domain.text import person_name
from wijkteam.errors import NotFound, ValidationError
from wijkteam.services.records import ResidentRecord
from wijkteam.store.models import HomeVisit, Member, Report


def visit_summary_draft(session: Session, report_id: int, today: date) -> VisitSummaryDraft:
    """The summary of the melding's last held home visit. Refused (ValidationError) when no
    visit was held yet, or nobody of the team is linked to it."""
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound("report", report_id)
    visit = session.scalars(
        select(HomeVisit)
        .where(HomeVisit.report_id == report_id, HomeVisit.state == VisitState.HELD)
        .order_by(HomeVisit.planned_at.desc())
        .limit(1)
    ).first()
    if visit is None:
        raise ValidationError("visit", "no_visit_held")
    member_id = visit.member_id or report.assigned_member_id
    member = session.get(Member, member_id) if member_id is not None else None
    if member is None:
        raise ValidationError("member", "no_member_for_visit")
    resident = report.resident
    summary = VisitSummary(
        team=team_info(),
        member=MemberContact(name=member.name, phone=member.phone, email=member.email),
        visit_date=visit.planned_at.date(),
        language=resident.language,
        resident_name=person_name(resident.first_names, resident.prefix, resident.surname),
        made_on=today,
    )
    return VisitSummaryDraft(resident_id=resident.id, report_id=report.id, summary=summary)


def handover_resident(resident: ResidentRecord) -> HandoverResident:
    """The resident's details a consultant needs for the keukentafelgesprek."""
    return HandoverResident(
        name=resident.display_name,
        birth_date=resident.birth_date,
        address=resident.address_line or None,
        bsn=resident.bsn,
        phone=resident.phone,
    )
