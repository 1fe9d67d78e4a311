"""ORM row -> frozen record. Only services call these, inside their session."""

from __future__ import annotations

import uuid
from datetime import date

from wijkteam.domain.deadlines import home_visit_deadline
from wijkteam.domain.status import EventKind
from wijkteam.services.records import (
    MemberRecord,
    ReportEventRecord,
    ReportRecord,
    ResidentRecord,
    StatusChangeRecord,
    VisitRecord,
)
from wijkteam.store.models import HomeVisit, Member, Report, ReportEvent, Resident, StatusChange


def member_record(m: Member) -> MemberRecord:
    return MemberRecord(
        id=m.id,
        uuid=m.uuid,
        name=m.name,
        initials=m.initials,
        role=m.role,
        active=m.active,
        phone=m.phone,
        email=m.email,
    )


def resident_record(r: Resident) -> ResidentRecord:
    return ResidentRecord(
        id=r.id,
        uuid=r.uuid,
        first_names=r.first_names,
        prefix=r.prefix,
        surname=r.surname,
        birth_date=r.birth_date,
        bsn=r.bsn,
        bsn_confirmed=r.bsn_confirmed,
        street=r.street,
        house_number=r.house_number,
        house_number_suffix=r.house_number_suffix,
        postcode=r.postcode,
        place=r.place,
        district=r.district,
        phone=r.phone,
        email=r.email,
        preferred_channel=r.preferred_channel,
        language=r.language,
        network_notes=r.network_notes,
        updated_at=r.updated_at,
    )


def visit_record(v: HomeVisit, member_names: dict[int, str]) -> VisitRecord:
    return VisitRecord(
        id=v.id,
        report_id=v.report_id,
        planned_at=v.planned_at,
        member_id=v.member_id,
        member_name=member_names.get(v.member_id) if v.member_id else None,
        state=v.state,
        replan_reason=v.replan_reason,
        created_at=v.created_at,
    )


def status_change_record(c: StatusChange, member_names: dict[int, str]) -> StatusChangeRecord:
    return StatusChangeRecord(
        status=c.status,
        changed_at=c.changed_at,
        member_name=member_names.get(c.member_id) if c.member_id else None,
        note=c.note,
    )


def event_record(
    e: ReportEvent, member_names: dict[int, str], member_by_uuid: dict[uuid.UUID, str]
) -> ReportEventRecord:
    handed_to = None
    if e.kind is EventKind.HANDED_OVER and e.subject_uuid is not None:
        handed_to = member_by_uuid.get(e.subject_uuid)
    return ReportEventRecord(
        kind=e.kind,
        occurred_at=e.occurred_at,
        member_name=member_names.get(e.member_id) if e.member_id else None,
        reason=e.reason,
        note=e.note,
        handed_to=handed_to,
    )


def report_record(
    r: Report,
    today: date,
    member_names: dict[int, str],
    visits: list[HomeVisit] | None = None,
    history: list[StatusChange] | None = None,
    events: tuple[ReportEventRecord, ...] = (),
) -> ReportRecord:
    visit_records = tuple(visit_record(v, member_names) for v in visits or ())
    planned = next((v for v in visit_records if v.state == "planned"), None)
    return ReportRecord(
        id=r.id,
        uuid=r.uuid,
        resident_id=r.resident_id,
        reporter_name=r.reporter_name,
        reporter_relation=r.reporter_relation,
        reporter_contact=r.reporter_contact,
        question=r.question,
        source=r.source,
        received_on=r.received_on,
        assigned_member_id=r.assigned_member_id,
        assigned_member_name=member_names.get(r.assigned_member_id)
        if r.assigned_member_id
        else None,
        status=r.status,
        closing_reason=r.closing_reason,
        closed_on=r.closed_on,
        case_reference=r.case_reference,
        deadline=home_visit_deadline(r.received_on, today),
        planned_visit=planned,
        visits=visit_records,
        history=tuple(status_change_record(c, member_names) for c in history or ()),
        events=events,
    )
