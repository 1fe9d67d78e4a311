"""Closing a melding while steps or follow-ups are still open needs the member's yes; then
the open steps do not go ahead and their follow-ups are cancelled."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from wijkteam.domain.steps import FollowUpState, StepStatus
from wijkteam.errors import OpenItemsRemain
from wijkteam.store.models import FollowUp, Step


def settle_open_items(session: Session, report_id: int, today: date, confirmed: bool) -> None:
    open_steps = session.scalar(
        select(func.count(Step.id)).where(
            Step.report_id == report_id, Step.status == StepStatus.OPEN
        )
    )
    open_follow_ups = session.scalar(
        select(func.count(FollowUp.id)).where(
            FollowUp.report_id == report_id, FollowUp.state == FollowUpState.OPEN
        )
    )
    if not (open_steps or open_follow_ups):
        return
    if not confirmed:
        raise OpenItemsRemain(steps=open_steps or 0, follow_ups=open_follow_ups or 0)
    session.execute(
        update(Step)
        .where(Step.report_id == report_id, Step.status == StepStatus.OPEN)
        .values(status=StepStatus.NOT_GOING_AHEAD, done_on=today)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(FollowUp)
        .where(FollowUp.report_id == report_id, FollowUp.state == FollowUpState.OPEN)
        .values(state=FollowUpState.CANCELLED, done_on=today)
        .execution_options(synchronize_session=False)
    )
