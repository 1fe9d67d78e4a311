from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.enums import VisitState
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import ReportRecord
from wijkteam.services.reports import ReportService
from wijkteam.services.status_moves import move_status
from wijkteam.store import Store
from wijkteam.store.models import HomeVisit, Member, Report
from wijkteam.validation import Collector, parse_date, parse_time
from wijkteam.validation.rules import optional_text


class VisitService:
    """Planning the home visit. Replanning keeps the earlier plan as history."""

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
            if data.member_id is not None and session.get(Member, data.member_id) is None:
                raise NotFound("member", data.member_id)
            move_status(session, report, ReportStatus.VISIT_PLANNED, now)
            for earlier in session.scalars(
                select(HomeVisit).where(
                    HomeVisit.report_id == report_id, HomeVisit.state == VisitState.PLANNED
                )
            ):
                earlier.state = VisitState.REPLANNED
                earlier.replan_reason = reason
            member_id = data.member_id or report.assigned_member_id
            session.add(
                HomeVisit(
                    report_id=report_id,
                    planned_at=planned_at,
                    member_id=member_id,
                    state=VisitState.PLANNED,
                )
            )
            if report.assigned_member_id is None and member_id is not None:
                report.assigned_member_id = member_id
            self._audit.record(session, AuditAction.CHANGE, "report", report_id, report.resident_id)
        return self._reports.get(report_id)

    def mark_held(self, report_id: int) -> ReportRecord:
        """The visit took place: the vrij gesprek has started."""
        now = self._store.clock.now()
        with self._store.transaction() as session:
            report = session.get(Report, report_id)
            if report is None:
                raise NotFound("report", report_id)
            hold_visit(session, report, now)
            self._audit.record(session, AuditAction.CHANGE, "report", report_id, report.resident_id)
        return self._reports.get(report_id)


def hold_visit(session: Session, report: Report, now: datetime) -> None:
    """The planned visit took place: the melding moves to "in gesprek" (refused by the status
    rules when it cannot) and its planned visit is marked held. Used by mark_held and by
    recording a home-visit contact moment."""
    move_status(session, report, ReportStatus.IN_CONVERSATION, now)
    for visit in session.scalars(
        select(HomeVisit).where(
            HomeVisit.report_id == report.id, HomeVisit.state == VisitState.PLANNED
        )
    ):
        visit.state = VisitState.HELD
