"""What a member can do to a melding, through the real services: for the table of events by
statuses and the property test. Each action reports whether it applies to the melding as it
is now (e.g. a step to mark done needs an open step)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.factories import report, resident
from wijkteam.domain.contacts import ContactKind
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.referral import (
    ConsentForm,
    Law,
    ReferralKind,
    ReferralStatus,
    SupportWish,
)
from wijkteam.domain.status import ReportStatus
from wijkteam.domain.steps import FollowUpState, StepStatus
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.referral_records import ConsentInput, ReferralInput
from wijkteam.services.steps.records import FollowUpOutcome, StepInput
from wijkteam.wiring import Services

TODAY, TOMORROW = "18-11-2026", "19-11-2026"
WMO = ReferralInput(ReferralKind.CONSULTATION, "Hulp bij het huishouden?", law=Law.WMO)
CONSENT = ConsentInput("de inwoner zelf", TODAY, ConsentForm.SPOKEN, "Wmo-consulent")


@dataclass
class Melding:
    services: Services
    other_member: int
    id: int = 0
    resident_id: int = 0
    contacts: int = field(default=0)

    @classmethod
    def new(cls, services: Services, other_member: int) -> Melding:
        saved = services.reports.register(
            report(), resident=resident(surname="Proef"), confirmed_new_resident=True
        )
        return cls(services, other_member, saved.id, saved.resident_id)

    @property
    def status(self) -> ReportStatus:
        return self.services.reports.get(self.id).status

    def steps(self, status: StepStatus) -> list[int]:
        return [s.id for s in self.services.steps.for_report(self.id) if s.status is status]

    def open_calls(self) -> list[int]:
        calls = self.services.follow_ups.for_report(self.id)
        return [c.id for c in calls if c.state is FollowUpState.OPEN]

    def referrals(self, *statuses: ReferralStatus) -> list[int]:
        return [r.id for r in self.services.referrals.for_report(self.id) if r.status in statuses]


Action = Callable[[Melding], object]


def plan_visit(m: Melding) -> object:
    return m.services.visits.plan(m.id, VisitInput(TOMORROW, "10:00"))


def mark_held(m: Melding) -> object:
    return m.services.visits.mark_held(m.id)


def _contact(m: Melding, kind: ContactKind) -> object:
    m.contacts += 1  # a later moment each time: each is a contact of its own
    at = f"{8 + m.contacts % 10:02d}:{m.contacts % 60:02d}"
    return m.services.contacts.record(m.resident_id, ContactInput(kind, TODAY, at, report_id=m.id))


def home_visit(m: Melding) -> object:
    return _contact(m, ContactKind.HOME_VISIT)


def phone_call(m: Melding) -> object:
    return _contact(m, ContactKind.PHONE)


def agree_step(m: Melding) -> object:
    return m.services.steps.create(m.id, StepInput(what="Meelopen met de wandelgroep"))


def step_done(m: Melding) -> object:
    return m.services.steps.set_status(m.steps(StepStatus.OPEN)[0], StepStatus.DONE)


def step_open_again(m: Melding) -> object:
    return m.services.steps.set_status(m.steps(StepStatus.DONE)[0], StepStatus.OPEN)


def follow_up_call(m: Melding) -> object:
    return m.services.follow_ups.record(m.open_calls()[0], FollowUpOutcome(reached=False))


def refer(m: Melding) -> object:
    referral = m.services.referrals.create(m.id, WMO)
    m.services.referrals.give_consent(referral.id, CONSENT)
    # A keukentafelgesprek leaves only once the resident heard about client support.
    m.services.referrals.set_support(referral.id, SupportWish.DECLINES)
    return m.services.referrals.send(referral.id)


def referral_returned(m: Melding) -> object:
    sent = m.referrals(ReferralStatus.SENT)[0]
    return m.services.referrals.mark_returned(sent, "Eerst het voorliggend veld proberen")


def close(m: Melding) -> object:
    return m.services.reports.close(m.id, ClosingReason.OTHER, close_open_items=True)


def reopen(m: Melding) -> object:
    return m.services.reports.reopen(m.id, "De inwoner belde opnieuw")


def hand_over(m: Melding) -> object:
    return m.services.reports.hand_over(m.id, m.other_member, "Ik ben drie weken weg")


# action -> whether it applies to the melding as it is now
ACTIONS: dict[Action, Callable[[Melding], bool]] = {
    plan_visit: lambda m: True,
    mark_held: lambda m: True,
    home_visit: lambda m: True,
    phone_call: lambda m: True,
    agree_step: lambda m: True,
    step_done: lambda m: bool(m.steps(StepStatus.OPEN)),
    step_open_again: lambda m: bool(m.steps(StepStatus.DONE)),
    follow_up_call: lambda m: bool(m.open_calls()),
    refer: lambda m: True,
    referral_returned: lambda m: bool(m.referrals(ReferralStatus.SENT)),
    close: lambda m: True,
    reopen: lambda m: True,
    hand_over: lambda m: True,
}


def bring_to(m: Melding, status: ReportStatus) -> Melding:
    """The usual way a melding gets to `status`."""
    paths: dict[ReportStatus, list[Action]] = {
        ReportStatus.NEW: [],
        ReportStatus.VISIT_PLANNED: [plan_visit],
        ReportStatus.IN_CONVERSATION: [plan_visit, home_visit],
        ReportStatus.STEPS_RUNNING: [home_visit, agree_step],
        ReportStatus.FOLLOW_UP: [home_visit, agree_step, step_done],
        ReportStatus.REFERRED: [home_visit, refer],
        ReportStatus.CLOSED: [home_visit, close],
    }
    for action in paths[status]:
        action(m)
    assert m.status is status
    return m
