"""Steps (afspraken): created from the conversation, each with a proposed follow-up."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.enums import Channel
from wijkteam.domain.steps import FollowUpState, StepStatus, proposed_follow_up
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.steps.load import (
    get_report,
    get_step,
    record_step_events,
    step_record,
    step_records,
)
from wijkteam.services.steps.map_names import map_entry_names
from wijkteam.services.steps.records import StepInput, StepRecord
from wijkteam.services.steps.rules import StepValues, step_values
from wijkteam.services.steps.settings import follow_up_days_in
from wijkteam.store import Store
from wijkteam.store.models import Contact, FollowUp, Member, Report, Resident, Step


class StepService:
    """What the resident and the member agreed. Every step gets a follow-up call proposed
    (the team's delay after its due date); the melding's events follow the steps."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def create(self, report_id: int, data: StepInput) -> StepRecord:
        values = step_values(data)
        with self._store.transaction() as session:
            step = self._add(session, report_id, values, first_step=False)
            self._audit.record_changes(session)
            return step_record(session, step.id)

    def first_step_taken(self, report_id: int, data: StepInput) -> StepRecord:
        """ "Eerste stap direct gezet": a step taken during the visit itself. It is done today
        and the resident chose it; the follow-up call is proposed as for any step."""
        values = step_values(data)
        with self._store.transaction() as session:
            step = self._add(session, report_id, values, first_step=True)
            self._audit.record_changes(session)
            return step_record(session, step.id)

    def get(self, step_id: int) -> StepRecord:
        with self._store.transaction() as session:
            record = step_record(session, step_id)
            self._audit.record(session, AuditAction.VIEW, "step", step_id, record.resident_id)
            return record

    def for_report(self, report_id: int) -> list[StepRecord]:
        """Open steps first (soonest due first), then the others, newest first."""
        with self._store.transaction() as session:
            report = get_report(session, report_id)
            steps = session.scalars(
                select(Step).where(Step.report_id == report_id).order_by(Step.id.desc())
            ).all()
            records = step_records(session, list(steps))
            self._audit.record(session, AuditAction.VIEW, "step_list", None, report.resident_id)
        open_steps = sorted(
            (s for s in records if s.is_open), key=lambda s: (s.due_on or date.max, s.id)
        )
        return open_steps + [s for s in records if not s.is_open]

    def set_status(self, step_id: int, status: StepStatus) -> StepRecord:
        """Done, not going ahead (its open follow-up is cancelled), or open again (a
        follow-up is proposed when none is open)."""
        today = self._store.clock.today()
        with self._store.transaction() as session:
            step = get_step(session, step_id)
            report = get_report(session, step.report_id)
            step.status = status
            step.done_on = today if status is StepStatus.DONE else None
            open_follow_ups = session.scalars(
                select(FollowUp).where(
                    FollowUp.step_id == step_id, FollowUp.state == FollowUpState.OPEN
                )
            ).all()
            if status is StepStatus.NOT_GOING_AHEAD:
                for row in open_follow_ups:
                    row.state = FollowUpState.CANCELLED
                    row.done_on = today
            elif not open_follow_ups and status is StepStatus.OPEN:
                session.add(self._follow_up_for(session, step, report))
            now = self._store.clock.now()
            record_step_events(session, report, step, now, self._audit.member_id)
            self._audit.record_changes(session)
            return step_record(session, step_id)

    def add_in(self, session: Session, report: Report, what: str, member_id: int | None) -> Step:
        """A new open step inside another service's transaction (a new question at a
        follow-up); that service writes the audit entries."""
        values = step_values(StepInput(what=what, member_id=member_id))
        return self._add(session, report.id, values, first_step=False)

    def _add(self, session: Session, report_id: int, values: StepValues, first_step: bool) -> Step:
        report = get_report(session, report_id)
        _check_links(session, report, values)
        today = self._store.clock.today()
        step = Step(
            report_id=report_id,
            contact_id=values.contact_id,
            what=values.what,
            actor=values.actor,
            actor_name=values.actor_name,
            social_map_entry_id=values.social_map_entry_id,
            due_on=values.due_on or (today if first_step else None),
            resident_chose=values.resident_chose or first_step,
            first_step=first_step,
            status=StepStatus.DONE if first_step else StepStatus.OPEN,
            done_on=today if first_step else None,
            member_id=values.member_id,
        )
        session.add(step)
        session.flush()
        record_step_events(session, report, step, self._store.clock.now(), self._audit.member_id)
        session.add(self._follow_up_for(session, step, report))
        return step

    def _follow_up_for(self, session: Session, step: Step, report: Report) -> FollowUp:
        today = self._store.clock.today()
        due = max(proposed_follow_up(step.due_on, today, follow_up_days_in(session)), today)
        resident = session.get(Resident, report.resident_id)
        channel = resident.preferred_channel if resident else Channel.PHONE
        return FollowUp(
            step_id=step.id,
            report_id=report.id,
            due_on=due,
            channel=channel,
            state=FollowUpState.OPEN,
            attempt=1,
            member_id=report.assigned_member_id or step.member_id,
        )


def _check_links(session: Session, report: Report, values: StepValues) -> None:
    if values.member_id is not None and session.get(Member, values.member_id) is None:
        raise NotFound("member", values.member_id)
    if values.contact_id is not None:
        contact = session.get(Contact, values.contact_id)
        if contact is None or contact.resident_id != report.resident_id:
            raise NotFound("contact", values.contact_id)
    if values.social_map_entry_id is not None and not _entry_exists(
        session, values.social_map_entry_id
    ):
        raise ValidationError("step_map_entry", "unknown_map_entry")


def _entry_exists(session: Session, entry_id: int) -> bool:
    return entry_id in map_entry_names(session, [entry_id])
