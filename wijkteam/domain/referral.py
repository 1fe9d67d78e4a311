"""Referral to a formal consultation (keukentafelgesprek) or escalation to a specialist.

Statuses and transitions are data, as for meldingen. A referral leaves the team only with
the resident's consent; the response and legal clocks are computed here, not stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from wijkteam.domain.deadlines import Deadline, deadline_on, wmo_investigation_due
from wijkteam.domain.working_days import add_working_days
from wijkteam.errors import ReferralTransitionRefused, ValidationError

RESPONSE_WORKING_DAYS = 10
WMO_NEAR_DAYS = 7


class ReferralKind(StrEnum):
    CONSULTATION = "consultation"  # keukentafelgesprek under a law
    ESCALATION = "escalation"  # opschalen naar een specialist


class Law(StrEnum):
    WMO = "wmo"
    JEUGDWET = "jeugdwet"
    OTHER = "other"  # e.g. Participatiewet, schuldhulp: named in free text


class Specialist(StrEnum):
    GGZ = "ggz"
    VEILIG_THUIS = "veilig_thuis"
    DEBT_SERVICES = "debt_services"
    OTHER = "other"


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class ConsentForm(StrEnum):
    SPOKEN = "spoken"
    WRITTEN = "written"


class ReferralStatus(StrEnum):
    CONCEPT = "concept"
    SENT = "sent"
    PLANNED = "planned"
    COMPLETED = "completed"
    RETURNED = "returned"


class ReferralOutcome(StrEnum):
    CUSTOM_PROVISION = "custom_provision"  # maatwerkvoorziening
    GENERAL_PROVISION = "general_provision"  # algemene voorziening
    NO_PROVISION_NEEDED = "no_provision_needed"
    WITHDRAWN = "withdrawn"


class SupportWish(StrEnum):
    """Onafhankelijke cliëntondersteuning: was it offered, and does the resident want it?"""

    NOT_TOLD = "not_told"
    WANTS = "wants"
    DECLINES = "declines"
    THINKS_ABOUT_IT = "thinks_about_it"


REFERRAL_TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.CONCEPT: frozenset({ReferralStatus.SENT}),
    ReferralStatus.SENT: frozenset(
        {ReferralStatus.PLANNED, ReferralStatus.COMPLETED, ReferralStatus.RETURNED}
    ),
    ReferralStatus.PLANNED: frozenset(
        {ReferralStatus.PLANNED, ReferralStatus.COMPLETED, ReferralStatus.RETURNED}
    ),
    ReferralStatus.RETURNED: frozenset({ReferralStatus.CONCEPT}),
    ReferralStatus.COMPLETED: frozenset(),
}

# Statuses in which the team waits for the consultant to answer.
AWAITING_RESPONSE = frozenset({ReferralStatus.SENT})
RUNNING = frozenset({ReferralStatus.SENT, ReferralStatus.PLANNED})


def check_referral_move(current: ReferralStatus, wanted: ReferralStatus) -> None:
    if wanted not in REFERRAL_TRANSITIONS[current]:
        raise ReferralTransitionRefused(current.value, wanted.value)


@dataclass(frozen=True, slots=True)
class Consent:
    given_by: str
    given_on: date
    form: ConsentForm
    scope: str
    withdrawn_on: date | None = None

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None


def check_can_send(consent: Consent | None) -> None:
    """Nothing leaves the team without the resident's consent in force."""
    if consent is None:
        raise ValidationError("consent", "consent_missing")
    if not consent.in_force:
        raise ValidationError("consent", "consent_withdrawn")


def check_support_told(kind: ReferralKind, wish: SupportWish) -> None:
    """A keukentafelgesprek is asked for only once the resident heard about free,
    independent client support (Wmo 2015 art. 2.2.4) and said what they want."""
    if kind is ReferralKind.CONSULTATION and wish is SupportWish.NOT_TOLD:
        raise ValidationError("support_wish", "support_not_told")


def response_due(sent_on: date) -> date:
    return add_working_days(sent_on, RESPONSE_WORKING_DAYS)


def response_overdue(status: ReferralStatus, sent_on: date | None, today: date) -> bool:
    """Sent, no answer yet, and ten working days have gone by."""
    return status in AWAITING_RESPONSE and sent_on is not None and today > response_due(sent_on)


def wmo_investigation_deadline(received_on: date, today: date) -> Deadline:
    """Six weeks after the melding; near within a week."""
    return deadline_on(wmo_investigation_due(received_on), today, WMO_NEAR_DAYS)
