"""ORM rows -> frozen records for steps and follow-ups, and the melding's events that follow
from them. Only the step services call these, inside their session."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from wijkteam.domain.status import EventKind, live_of, step_state
from wijkteam.domain.steps import FollowUpState, StepStatus, follow_up_deadline
from wijkteam.domain.text import sort_name
from wijkteam.errors import NotFound
from wijkteam.services.status_moves import events_of, record_event
from wijkteam.services.steps.map_names import map_entry_names
from wijkteam.services.steps.records import FollowUpRecord, StepRecord
from wijkteam.store.models import FollowUp, Member, Report, Resident, Step


def get_step(session: Session, step_id: int) -> Step:
    step = session.get(Step, step_id)
    if step is None:
        raise NotFound("step", step_id)
    return step


def get_follow_up(session: Session, follow_up_id: int) -> FollowUp:
    row = session.get(FollowUp, follow_up_id)
    if row is None:
        raise NotFound("follow_up", follow_up_id)
    return row


def get_report(session: Session, report_id: int) -> Report:
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound("report", report_id)
    return report


def member_names(session: Session) -> dict[int, str]:
    return {i: n for i, n in session.execute(select(Member.id, Member.name))}


def step_records(session: Session, steps: list[Step]) -> list[StepRecord]:
    if not steps:
        return []
    names = member_names(session)
    entries = map_entry_names(session, {s.social_map_entry_id for s in steps})
    next_dates = dict(
        session.execute(
            select(FollowUp.step_id, FollowUp.due_on)
            .where(
                FollowUp.step_id.in_([s.id for s in steps]),
                FollowUp.state == FollowUpState.OPEN,
            )
            .order_by(FollowUp.due_on.desc())
        ).all()
    )
    residents = dict(
        session.execute(
            select(Report.id, Report.resident_id).where(Report.id.in_({s.report_id for s in steps}))
        ).all()
    )
    return [
        StepRecord(
            id=s.id,
            uuid=s.uuid,
            report_id=s.report_id,
            resident_id=residents[s.report_id],
            contact_id=s.contact_id,
            what=s.what,
            actor=s.actor,
            actor_name=s.actor_name,
            social_map_entry_id=s.social_map_entry_id,
            social_map_entry_name=entries.get(s.social_map_entry_id),
            due_on=s.due_on,
            resident_chose=s.resident_chose,
            first_step=s.first_step,
            status=s.status,
            done_on=s.done_on,
            landing=s.landing,
            member_name=names.get(s.member_id) if s.member_id else None,
            created_on=s.created_at.date(),
            next_follow_up=next_dates.get(s.id),
        )
        for s in steps
    ]


def step_record(session: Session, step_id: int) -> StepRecord:
    return step_records(session, [get_step(session, step_id)])[0]


def follow_up_records(session: Session, ids: list[int], today: date) -> list[FollowUpRecord]:
    """Records for the given follow-ups, in the order of `ids`."""
    if not ids:
        return []
    names = member_names(session)
    rows = session.execute(
        select(FollowUp, Step.what, Resident)
        .join(Step, Step.id == FollowUp.step_id)
        .join(Report, Report.id == FollowUp.report_id)
        .join(Resident, Resident.id == Report.resident_id)
        .where(FollowUp.id.in_(ids))
    ).all()
    by_id = {
        f.id: FollowUpRecord(
            id=f.id,
            step_id=f.step_id,
            report_id=f.report_id,
            resident_id=r.id,
            resident_name=sort_name(r.first_names, r.prefix, r.surname),
            step_what=what,
            due_on=f.due_on,
            deadline=follow_up_deadline(f.due_on, today),
            channel=f.channel,
            state=f.state,
            attempt=f.attempt,
            done_on=f.done_on,
            outcome=f.outcome,
            landing=f.landing,
            member_name=names.get(f.member_id) if f.member_id else None,
        )
        for f, what, r in rows
    }
    return [by_id[i] for i in ids]


def has_open_work(session: Session, report_id: int) -> tuple[bool, bool]:
    """(an open step, an open follow-up) on the melding."""
    open_step = session.scalar(
        select(exists().where(Step.report_id == report_id, Step.status == StepStatus.OPEN))
    )
    open_follow_up = session.scalar(
        select(
            exists().where(FollowUp.report_id == report_id, FollowUp.state == FollowUpState.OPEN)
        )
    )
    return bool(open_step), bool(open_follow_up)


def record_step_events(
    session: Session, report: Report, step: Step, at: datetime, member_id: int | None
) -> None:
    """The melding's events follow the step: agreed when it is new, settled when it is done
    or not going ahead, opened again when it is open again. The status rule refuses what a
    melding cannot take (a step on a closed melding, or before any conversation)."""
    session.flush()
    state = step_state(events_of(session, report.id), step.uuid)
    if state is None:
        record_event(
            session, report, EventKind.STEP_AGREED, at, member_id=member_id, subject=step.uuid
        )
        state = "open"
    settled = step.status is not StepStatus.OPEN
    if settled and state == "open":
        record_event(
            session, report, EventKind.STEP_SETTLED, at, member_id=member_id, subject=step.uuid
        )
    elif not settled and state == "settled":
        undone = live_of(events_of(session, report.id), EventKind.STEP_SETTLED, step.uuid)
        record_event(
            session,
            report,
            EventKind.STEP_REOPENED,
            at,
            member_id=member_id,
            subject=step.uuid,
            cancels=undone[-1].uuid,
        )
