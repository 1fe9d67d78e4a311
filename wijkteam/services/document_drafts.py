"""What the dossier knows for a printed document, gathered inside a service's session.

The resident's summary is about one home-visit conversation of a melding: its theme notes
and free notes (themes), the melding's open steps (next_steps) and its next follow-up
(next_contact). A held visit without written notes still gives a summary of steps and the
next contact. What the resident decided is typed by the member in the dialog.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.common.printed_team import team_info
from wijkteam.domain.contacts import THEMES, ContactKind, orientation_numbers
from wijkteam.domain.documents import (
    OTHER_THEME,
    ConversationChoice,
    HandoverResident,
    MemberContact,
    NextContact,
    NextStep,
    TeamInfo,
    ThemeText,
    VisitSummary,
    VisitSummaryDraft,
)
from wijkteam.domain.enums import VisitState
from wijkteam.domain.steps import FollowUpState, StepStatus
from wijkteam.domain.text import person_name
from wijkteam.errors import NotFound, ValidationError
from wijkteam.services.records import ResidentRecord
from wijkteam.services.steps.map_names import map_entry_names
from wijkteam.services.team_settings import team_name_in
from wijkteam.store.models import (
    Contact,
    ContactTheme,
    FollowUp,
    HomeVisit,
    Member,
    Report,
    Step,
)


def visit_summary_draft(
    session: Session, report_id: int, today: date, contact_id: int | None = None
) -> VisitSummaryDraft:
    """The summary of conversation `contact_id`, or of the melding's latest conversation.
    Refused (ValidationError) when no visit was held or written yet, or nobody of the team
    is linked to it."""
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound("report", report_id)
    conversations, numbers = _conversations(session, report_id)
    if contact_id is not None:
        contact = next((c for c in conversations if c.id == contact_id), None)
        if contact is None:
            raise ValidationError("contact", "not_a_visit_of_report")
    else:
        contact = conversations[-1] if conversations else None
    if contact is not None:
        visit_date, member_id = contact.occurred_on, contact.member_id
    else:
        visit = _last_held_visit(session, report_id)
        if visit is None:
            raise ValidationError("visit", "no_visit_held")
        visit_date, member_id = visit.planned_at.date(), visit.member_id
    member_id = member_id or report.assigned_member_id
    member = session.get(Member, member_id) if member_id is not None else None
    if member is None:
        raise ValidationError("member", "no_member_for_visit")
    resident = report.resident
    summary = VisitSummary(
        team=document_team(session),
        member=MemberContact(
            name=member.name, phone=member.phone, email=member.email, member_id=member.id
        ),
        visit_date=visit_date,
        language=resident.language,
        themes=_themes(session, contact) if contact else (),
        next_steps=_summary_steps(session, report_id, contact, visit_date),
        next_contact=_next_contact(session, report_id, today),
        resident_name=person_name(resident.first_names, resident.prefix, resident.surname),
        made_on=today,
    )
    return VisitSummaryDraft(
        resident_id=resident.id,
        report_id=report.id,
        contact_id=contact.id if contact else None,
        summary=summary,
        conversations=tuple(
            ConversationChoice(c.id, c.occurred_on, numbers[c.id]) for c in conversations
        ),
    )


def _conversations(session: Session, report_id: int) -> tuple[list[Contact], dict[int, int]]:
    """The melding's home visits in the order they took place, with their numbers as the
    conversation editor shows them ("gesprek 2 van 3")."""
    visits = list(
        session.scalars(
            select(Contact).where(
                Contact.report_id == report_id, Contact.kind == ContactKind.HOME_VISIT
            )
        )
    )
    numbers = {
        contact_id: orientation.number
        for contact_id, orientation in orientation_numbers(
            (c.occurred_on, c.occurred_time, c.id) for c in visits
        ).items()
    }
    return sorted(visits, key=lambda c: numbers[c.id]), numbers


def _last_held_visit(session: Session, report_id: int) -> HomeVisit | None:
    return session.scalars(
        select(HomeVisit)
        .where(HomeVisit.report_id == report_id, HomeVisit.state == VisitState.HELD)
        .order_by(HomeVisit.planned_at.desc())
        .limit(1)
    ).first()


def _themes(session: Session, contact: Contact) -> tuple[ThemeText, ...]:
    """Every written theme in the editor's order, then the free notes as "other"."""
    written = {
        row.theme: row.text
        for row in session.scalars(
            select(ContactTheme).where(ContactTheme.contact_id == contact.id)
        )
    }
    themes = [ThemeText(t.value, written[t]) for t in THEMES if written.get(t, "").strip()]
    if contact.notes and contact.notes.strip():
        themes.append(ThemeText(OTHER_THEME, contact.notes))
    return tuple(themes)


def _summary_steps(
    session: Session, report_id: int, contact: Contact | None, visit_date: date
) -> tuple[NextStep, ...]:
    """The steps taken during this visit (agreed in this conversation, or a first step
    done that day) first, then every open step of the melding."""
    taken_here = Step.status == StepStatus.DONE
    during = (Step.first_step.is_(True)) & (Step.done_on == visit_date)
    if contact is not None:
        during = during | (Step.contact_id == contact.id)
    steps = list(
        session.scalars(
            select(Step)
            .where(
                Step.report_id == report_id,
                (Step.status == StepStatus.OPEN) | (taken_here & during),
            )
            .order_by(Step.status != StepStatus.DONE, Step.due_on.is_(None), Step.due_on, Step.id)
        )
    )
    places = map_entry_names(session, (s.social_map_entry_id for s in steps))
    return tuple(
        NextStep(
            what=s.what,
            who=s.actor,
            who_name=s.actor_name or places.get(s.social_map_entry_id),
            when=s.due_on,
            done_on=s.done_on if s.status is StepStatus.DONE else None,
        )
        for s in steps
    )


def _next_contact(session: Session, report_id: int, today: date) -> NextContact:
    """The next follow-up from today on: an overdue call is not announced to the resident."""
    follow_up = session.scalars(
        select(FollowUp)
        .where(
            FollowUp.report_id == report_id,
            FollowUp.state == FollowUpState.OPEN,
            FollowUp.due_on >= today,
        )
        .order_by(FollowUp.due_on, FollowUp.id)
        .limit(1)
    ).first()
    if follow_up is None:
        return NextContact()
    return NextContact(on=follow_up.due_on, channel=follow_up.channel)


def document_team(session: Session) -> TeamInfo:
    """The team as printed: its name as set up at the first start, the contact details from
    resources/documents/team.json."""
    printed = team_info()
    name = (team_name_in(session) or "").strip()
    return replace(printed, name=name) if name else printed


def handover_resident(resident: ResidentRecord) -> HandoverResident:
    """The resident's details a consultant needs for the keukentafelgesprek."""
    return HandoverResident(
        name=resident.display_name,
        birth_date=resident.birth_date,
        address=resident.address_line or None,
        bsn=resident.bsn,
        phone=resident.phone,
    )
