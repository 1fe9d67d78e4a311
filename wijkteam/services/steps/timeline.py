"""The dossier timeline: contacts, steps and follow-ups of a resident in date order, with
what is still open (open steps, follow-ups to make) on top."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from wijkteam.domain.status import OPEN_STATUSES
from wijkteam.domain.steps import FollowUpState, StepStatus
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.steps.load import member_names
from wijkteam.services.steps.records import TimelineItem, TimelineKind
from wijkteam.store import Store
from wijkteam.store.models import Contact, FollowUp, Report, Step


class TimelineService:
    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def for_resident(self, resident_id: int) -> list[TimelineItem]:
        today = self._store.clock.today()
        with self._store.transaction() as session:
            names = member_names(session)
            contacts = session.scalars(
                select(Contact).where(Contact.resident_id == resident_id)
            ).all()
            closed = set(
                session.scalars(
                    select(Report.id).where(
                        Report.resident_id == resident_id, Report.status.not_in(OPEN_STATUSES)
                    )
                )
            )
            steps = session.scalars(
                select(Step)
                .join(Report, Report.id == Step.report_id)
                .where(Report.resident_id == resident_id)
            ).all()
            follow_ups = session.execute(
                select(FollowUp, Step.what)
                .join(Step, Step.id == FollowUp.step_id)
                .join(Report, Report.id == FollowUp.report_id)
                .where(Report.resident_id == resident_id)
            ).all()
            items = [_contact(c, names) for c in contacts]
            items += [_step(s, names, today, s.report_id in closed) for s in steps]
            items += [
                _follow_up(f, what, names, today, f.report_id in closed) for f, what in follow_ups
            ]
            self._audit.record(session, AuditAction.VIEW, "timeline", None, resident_id)
        return order(items)


def order(items: list[TimelineItem]) -> list[TimelineItem]:
    """Open items first, soonest (most overdue) first; then the rest, newest first."""
    open_items = sorted((i for i in items if i.is_open), key=lambda i: (i.on, i.kind, i.ident))
    done = sorted(
        (i for i in items if not i.is_open), key=lambda i: (i.on, i.kind, i.ident), reverse=True
    )
    return open_items + done


def _contact(c: Contact, names: dict[int, str]) -> TimelineItem:
    return TimelineItem(
        kind=TimelineKind.CONTACT,
        ident=c.id,
        report_id=c.report_id,
        on=c.occurred_on,
        text="",
        is_open=False,
        overdue=False,
        contact_kind=c.kind,
        member_name=names.get(c.member_id) if c.member_id else None,
    )


def _step(s: Step, names: dict[int, str], today: date, report_closed: bool) -> TimelineItem:
    # On a closed melding nothing is open any more, whatever was left behind.
    is_open = s.status is StepStatus.OPEN and not report_closed
    on = (s.due_on or s.created_at.date()) if is_open else (s.done_on or s.created_at.date())
    return TimelineItem(
        kind=TimelineKind.STEP,
        ident=s.id,
        report_id=s.report_id,
        on=on,
        text=s.what,
        is_open=is_open,
        overdue=is_open and s.due_on is not None and s.due_on < today,
        step_status=s.status,
        landing=s.landing,
        resident_chose=s.resident_chose,
        member_name=names.get(s.member_id) if s.member_id else None,
    )


def _follow_up(
    f: FollowUp, what: str, names: dict[int, str], today: date, report_closed: bool
) -> TimelineItem:
    is_open = f.state is FollowUpState.OPEN and not report_closed
    return TimelineItem(
        kind=TimelineKind.FOLLOW_UP,
        ident=f.id,
        report_id=f.report_id,
        on=f.due_on if is_open else (f.done_on or f.due_on),
        text=what,
        is_open=is_open,
        overdue=is_open and f.due_on < today,
        follow_up_state=f.state,
        landing=f.landing,
        member_name=names.get(f.member_id) if f.member_id else None,
    )
