"""Demo steps and follow-ups: some meldingen "in gesprek" get the steps the resident chose,
a first step taken during the visit, and follow-up calls that are due or overdue."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from wijkteam.domain.status import ReportStatus
from wijkteam.domain.steps import StepActor
from wijkteam.services.audit import AuditService
from wijkteam.services.steps import StepService
from wijkteam.services.steps.records import StepInput
from wijkteam.store import Store
from wijkteam.store.models import FollowUp, Report

DEMO_REPORTS = 6
_STEPS = [
    ("Samen de buurtsoos in Lemiers gebeld", StepActor.MEMBER, "Buurtsoos"),
    ("Meelopen met de wandelgroep op dinsdag", StepActor.RESIDENT, ""),
    ("Dochter vraagt of de buurman de boodschappen meeneemt", StepActor.NETWORK, "dochter"),
    ("Aanmelden bij het taalcafé in de bibliotheek", StepActor.ORGANISATION, "Bibliotheek"),
    ("Kennismaken bij de moestuin van de kerk", StepActor.RESIDENT, ""),
]


def add_demo_steps(store: Store, audit: AuditService) -> int:
    """Adds steps to the newest meldingen in gesprek (one keeps that status). Returns how
    many steps were added."""
    steps = StepService(store, audit)
    today = store.clock.today()
    with store.transaction() as session:
        ids = session.scalars(
            select(Report.id)
            .where(Report.status == ReportStatus.IN_CONVERSATION)
            .order_by(Report.id)
            .limit(DEMO_REPORTS + 1)
        ).all()
    added = 0
    for number, report_id in enumerate(ids[1:]):
        what, actor, name = _STEPS[number % len(_STEPS)]
        if number % 3 != 1:
            steps.first_step_taken(report_id, StepInput(what=what, actor=actor, actor_name=name))
            added += 1
        if number % 3 != 0:
            due = today - timedelta(days=10 + 3 * number)
            step = steps.create(
                report_id,
                StepInput(
                    what=_STEPS[(number + 1) % len(_STEPS)][0],
                    actor=StepActor.RESIDENT,
                    due=f"{due:%d-%m-%Y}",
                    resident_chose=True,
                ),
            )
            added += 1
            with store.transaction() as session:  # the call was planned a while ago
                session.execute(
                    update(FollowUp)
                    .where(FollowUp.step_id == step.id)
                    .values(due_on=due + timedelta(days=7))
                )
                audit.record_changes(session)
    return added
