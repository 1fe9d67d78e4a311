from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.enums import VisitState
from wijkteam.domain.status import EventKind, live_of
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import ReportRecord
from wijkteam.services.reports import ReportService
from wijkteam.services.status_moves import events_of, record_event
from wijkteam.store import Store
from wijkteam.store.models import HomeVisit, Member, Report
from wijkteam.validation import Collector, parse_date, parse_time
from wijkteam.validation.rules import optional_text


class VisitService:
    """Planning the home visit, and recording that it was held. Replanning keeps the
    earlier plan as history. A visit always has a member: the one chosen, else the member
    signed in, else the melding's member."""

    def __init__(self, store: Store, reports: ReportService, audit: AuditService) -> None:
        self._store = store
        self._reports = reports
        self._audit = audit

    def plan(self, report_id: int, data: VisitInput) -> ReportRecord:
        now = self._store.clock.now()
        errors = Collector()
        day = errors.check(lambda: parse_date(data.date, "visit_date", required=True))
        at_time = errors.check(lambda: parse_time(data.time, "visit_time"))
        reason = errors.check(lambda: optional_text("replan_reason", data.reason, 200))
        if day is not None and day < now.date():
            errors.add(ValidationError("visit_date", "in_past"))
        errors.raise_if_any()
        assert day is not None and at_time is not None
        planned_at = datetime.combine(day, at_time)
        with self._store.transaction() as session:
            report = session.get(Report, report_id)
            if report is None:
                raise NotFound("report", report_id)
            member_id = data.member_id or self._audit.member_id or report.assigned_member_id
            if member_id is None:
                raise ValidationError("visit_member", "choose_member")
            if session.get(Member, member_id) is None:
                raise NotFound("member", member_id)
            visit = HomeVisit(
                uuid=uuid.uuid4(),
                report_id=report_id,
                planned_at=planned_at,
                member_id=member_id,
                state=VisitState.PLANNED,
            )
            record_event(
                session,
                report,
                EventKind.VISIT_PLANNED,
                now,
                member_id=self._audit.member_id,
                subject=visit.uuid,
            )
            for earlier in session.scalars(
                select(HomeVisit).where(
                    HomeVisit.report_id == report_id, HomeVisit.state == VisitState.PLANNED
                )
            ):
                earlier.state = VisitState.REPLANNED
                earlier.replan_reason = reason
            session.add(visit)
            if report.assigned_member_id is None:
                report.assigned_member_id = member_id
            self._audit.record(session, AuditAction.CHANGE, "report", report_id, report.resident_id)
        return self._reports.get(report_id)

    def mark_held(self, report_id: int) -> ReportRecord:
        """The planned visit took place (today or before): the vrij gesprek has started.
        A visit planned for a later day cannot be held yet."""
        now = self._store.clock.now()
        with self._store.transaction() as session:
            report = session.get(Report, report_id)
            if report is None:
                raise NotFound("report", report_id)
            planned = session.scalars(
                select(HomeVisit).where(
                    HomeVisit.report_id == report_id, HomeVisit.state == VisitState.PLANNED
                )
            ).all()
            if not planned:
                raise ValidationError("visit", "no_planned_visit")
            due = [v for v in planned if v.planned_at.date() <= now.date()]
            if not due:
                raise ValidationError("visit", "visit_not_yet")
            for visit in due:
                hold_visit(session, report, visit.uuid, now, self._audit.member_id)
                visit.state = VisitState.HELD
            self._audit.record(session, AuditAction.CHANGE, "report", report_id, report.resident_id)
        return self._reports.get(report_id)


def hold_visit(
    session: Session,
    report: Report,
    subject: uuid.UUID,
    at: datetime,
    member_id: int | None,
) -> None:
    """The visit `subject` (a planned visit, or a home-visit contact moment) took place: the
    melding records it once (refused by the status rule when it is closed)."""
    if live_of(events_of(session, report.id), EventKind.VISIT_HELD, subject):
        return  # this visit was recorded before (e.g. its contact moment saved again)
    record_event(session, report, EventKind.VISIT_HELD, at, member_id=member_id, subject=subject)


def hold_planned_visits(session: Session, report: Report, on: date) -> list[HomeVisit]:
    """A home visit on `on` holds the visits planned on or before that day (never a later
    one); returns them."""
    held = [
        v
        for v in session.scalars(
            select(HomeVisit).where(
                HomeVisit.report_id == report.id, HomeVisit.state == VisitState.PLANNED
            )
        )
        if v.planned_at.date() <= on
    ]
    for visit in held:
        visit.state = VisitState.HELD
    return held
