"""Closing a melding while steps or follow-ups are still open needs the member's yes; then
the open steps do not go ahead (each settled by an event) and their follow-ups are cancelled."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.status import EventKind, step_state
from wijkteam.domain.steps import FollowUpState, StepStatus
from wijkteam.errors import OpenItemsRemain
from wijkteam.services.status_moves import events_of, record_event
from wijkteam.store.models import FollowUp, Report, Step


def settle_open_items(
    session: Session, report: Report, now: datetime, member_id: int | None, confirmed: bool
) -> None:
    open_steps = session.scalars(
        select(Step).where(Step.report_id == report.id, Step.status == StepStatus.OPEN)
    ).all()
    open_calls = session.scalars(
        select(FollowUp).where(
            FollowUp.report_id == report.id, FollowUp.state == FollowUpState.OPEN
        )
    ).all()
    if not (open_steps or open_calls):
        return
    if not confirmed:
        raise OpenItemsRemain(steps=len(open_steps), follow_ups=len(open_calls))
    for step in open_steps:
        step.status = StepStatus.NOT_GOING_AHEAD
        step.done_on = now.date()
        if step_state(events_of(session, report.id), step.uuid) == "open":
            record_event(
                session, report, EventKind.STEP_SETTLED, now, member_id=member_id, subject=step.uuid
            )
    for call in open_calls:
        call.state = FollowUpState.CANCELLED
        call.done_on = now.date()
