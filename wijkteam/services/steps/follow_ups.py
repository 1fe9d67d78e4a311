"""Nazorg: the follow-up call or message after a step, moved, recorded, tried again."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from wijkteam.domain.status import OPEN_STATUSES, EventKind
from wijkteam.domain.steps import (
    KEEPS_STEP_OPEN,
    FollowUpState,
    StepStatus,
    next_call_date,
    retry_date,
)
from wijkteam.errors import ValidationError, ValidationFailed
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.status_moves import record_event
from wijkteam.services.steps.load import (
    follow_up_records,
    get_follow_up,
    get_report,
    get_step,
    has_open_work,
    record_step_events,
    step_record,
)
from wijkteam.services.steps.records import FollowUpOutcome, FollowUpRecord, FollowUpResult
from wijkteam.services.steps.rules import follow_up_date, new_question, outcome_text
from wijkteam.services.steps.steps import StepService
from wijkteam.store import Store
from wijkteam.store.models import FollowUp, Report
from wijkteam.validation import Collector


class FollowUpService:
    def __init__(self, store: Store, steps: StepService, audit: AuditService) -> None:
        self._store = store
        self._steps = steps
        self._audit = audit

    def due(self, on: date | None = None) -> list[FollowUpRecord]:
        """Nabellen: open follow-ups of open meldingen due on `on` (today) or earlier,
        oldest first."""
        today = self._store.clock.today()
        with self._store.transaction() as session:
            ids = session.scalars(
                select(FollowUp.id)
                .join(Report, Report.id == FollowUp.report_id)
                .where(
                    FollowUp.state == FollowUpState.OPEN,
                    FollowUp.due_on <= (on or today),
                    Report.status.in_(OPEN_STATUSES),
                )
                .order_by(FollowUp.due_on, FollowUp.id)
            ).all()
            self._audit.record(session, AuditAction.VIEW, "follow_up_list")
            return follow_up_records(session, list(ids), today)

    def for_report(self, report_id: int) -> list[FollowUpRecord]:
        """Open follow-ups first (soonest first), then the recorded ones, newest first."""
        today = self._store.clock.today()
        with self._store.transaction() as session:
            rows = session.execute(
                select(FollowUp.id, FollowUp.state, FollowUp.due_on).where(
                    FollowUp.report_id == report_id
                )
            ).all()
            open_ids = [i for i, s, d in sorted(rows, key=lambda r: (r[2], r[0])) if s == "open"]
            closed = sorted((r for r in rows if r[1] != "open"), key=lambda r: (r[2], r[0]))
            ids = open_ids + [r[0] for r in reversed(closed)]
            resident_id = get_report(session, report_id).resident_id
            self._audit.record(session, AuditAction.VIEW, "follow_up_list", None, resident_id)
            return follow_up_records(session, ids, today)

    def get(self, follow_up_id: int) -> FollowUpRecord:
        with self._store.transaction() as session:
            get_follow_up(session, follow_up_id)
            record = follow_up_records(session, [follow_up_id], self._store.clock.today())[0]
            self._audit.record(
                session, AuditAction.VIEW, "follow_up", follow_up_id, record.resident_id
            )
            return record

    def proposed_retry(self) -> date:
        """When to try again after not reaching the resident today."""
        return retry_date(self._store.clock.today())

    def proposed_next_call(self) -> date:
        """When to call again after an answer that asks for it ("komt soms", "nog niet
        begonnen"): two working weeks from today."""
        return next_call_date(self._store.clock.today())

    def move(self, follow_up_id: int, due: str) -> FollowUpRecord:
        today = self._store.clock.today()
        on = follow_up_date(due, today)
        if on is None:
            raise ValidationError("follow_up_due", "required")
        with self._store.transaction() as session:
            row = get_follow_up(session, follow_up_id)
            _check_open(row)
            row.due_on = on
            self._audit.record_changes(session)
            return follow_up_records(session, [follow_up_id], today)[0]

    def record(self, follow_up_id: int, outcome: FollowUpOutcome) -> FollowUpResult:
        """Records the call. Not reached: this attempt ends and a new one is planned (the
        date given, or two working days on). Reached: how it went and whether the step
        landed; a landing marks an open step done (except "nog niet begonnen"). A next call
        date plans another call for the same step. A new question becomes a new step."""
        today = self._store.clock.today()
        errors = Collector()
        text = errors.check(lambda: outcome_text(outcome.how_it_went))
        question = errors.check(lambda: new_question(outcome.new_question))
        retry_on = errors.check(lambda: follow_up_date(outcome.retry_on, today, "retry_on"))
        next_on = errors.check(
            lambda: (
                follow_up_date(outcome.next_call_on, today, "next_call_on")
                if outcome.reached
                else None
            )
        )
        errors.raise_if_any()
        with self._store.transaction() as session:
            row = get_follow_up(session, follow_up_id)
            _check_open(row)
            report = get_report(session, row.report_id)
            if report.status not in OPEN_STATUSES:
                raise ValidationFailed([ValidationError("follow_up", "report_closed")])
            step = get_step(session, row.step_id)
            row.done_on = today
            row.outcome = text
            row.member_id = outcome.member_id or row.member_id
            retry = None
            if not outcome.reached:
                row.state = FollowUpState.NOT_REACHED
                retry = FollowUp(
                    step_id=row.step_id,
                    report_id=row.report_id,
                    due_on=retry_on or retry_date(today),
                    channel=row.channel,
                    state=FollowUpState.OPEN,
                    attempt=row.attempt + 1,
                    member_id=row.member_id,
                )
                session.add(retry)
            else:
                row.state = FollowUpState.REACHED
                row.landing = outcome.landing
                if outcome.landing is not None:
                    step.landing = outcome.landing
                    if step.status is StepStatus.OPEN and outcome.landing not in KEEPS_STEP_OPEN:
                        step.status = StepStatus.DONE
                        step.done_on = today
            next_call = None
            if next_on is not None:
                next_call = FollowUp(
                    step_id=row.step_id,
                    report_id=row.report_id,
                    due_on=next_on,
                    channel=row.channel,
                    state=FollowUpState.OPEN,
                    attempt=1,
                    member_id=row.member_id,
                )
                session.add(next_call)
            now = self._store.clock.now()
            acting = self._audit.member_id
            record_event(session, report, EventKind.NAZORG, now, member_id=acting, subject=row.uuid)
            record_step_events(session, report, step, now, acting)
            new_step = (
                self._steps.add_in(session, report, question, outcome.member_id)
                if question
                else None
            )
            self._audit.record_changes(session)
            planned = [f.id for f in (retry, next_call) if f is not None]
            records = follow_up_records(session, [row.id, *planned], today)
            open_step, open_follow_up = has_open_work(session, report.id)
            return FollowUpResult(
                follow_up=records[0],
                retry=records[1] if retry is not None else None,
                new_step=step_record(session, new_step.id) if new_step else None,
                report_can_close=not open_step and not open_follow_up,
                next_call=records[-1] if next_call is not None else None,
            )


def _check_open(row: FollowUp) -> None:
    if row.state is not FollowUpState.OPEN:
        raise ValidationFailed([ValidationError("follow_up", "already_recorded")])
