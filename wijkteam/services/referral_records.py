"""What the referral service takes and hands out: frozen, plain data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from wijkteam.domain.contacts import Theme
from wijkteam.domain.deadlines import Deadline
from wijkteam.domain.referral import (
    Consent,
    ConsentForm,
    Law,
    ReferralKind,
    ReferralOutcome,
    ReferralStatus,
    Specialist,
    SupportWish,
    Urgency,
)


@dataclass(frozen=True, slots=True)
class ReferralInput:
    """A referral as the member filled it in. For an escalation the specialist is asked
    instead of the law."""

    kind: ReferralKind
    question: str
    law: Law | None = None
    law_other: str = ""
    specialist: Specialist | None = None
    specialist_other: str = ""
    urgency: Urgency = Urgency.NORMAL
    urgency_reason: str = ""
    member_id: int | None = None


@dataclass(frozen=True, slots=True)
class ConsentInput:
    """Who gave consent, when (dd-mm-jjjj as typed), how, and for what."""

    given_by: str
    given_on: str
    form: ConsentForm
    scope: str


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    id: int
    given_by: str
    given_on: date
    form: ConsentForm
    scope: str
    withdrawn_on: date | None

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None

    def as_consent(self) -> Consent:
        return Consent(self.given_by, self.given_on, self.form, self.scope, self.withdrawn_on)


@dataclass(frozen=True, slots=True)
class ReferralRecord:
    id: int
    uuid: uuid.UUID
    report_id: int
    resident_id: int
    member_id: int | None
    member_name: str | None
    kind: ReferralKind
    law: Law | None
    law_other: str | None
    specialist: Specialist | None
    specialist_other: str | None
    question: str
    urgency: Urgency
    urgency_reason: str | None
    handover_text: str
    support_wish: SupportWish
    status: ReferralStatus
    created_on: date
    sent_at: datetime | None
    days_to_send: int | None  # from the melding's receipt to sending: escalation in time?
    response_due: date | None  # ten working days after sending
    response_overdue: bool
    wmo_deadline: Deadline | None  # Wmo consultations only: melding + six weeks
    planned_on: date | None
    consultant_name: str | None
    outcome: ReferralOutcome | None
    outcome_note: str | None
    completed_on: date | None
    returned_reason: str | None
    returned_on: date | None
    consents: tuple[ConsentRecord, ...] = ()  # oldest first; the last one counts

    @property
    def consent(self) -> ConsentRecord | None:
        return self.consents[-1] if self.consents else None

    @property
    def consent_in_force(self) -> bool:
        return self.consent is not None and self.consent.in_force

    @property
    def is_running(self) -> bool:
        return self.status in (ReferralStatus.SENT, ReferralStatus.PLANNED)


@dataclass(frozen=True, slots=True)
class ThemeSource:
    """A theme note of a contact moment the member may tick for the handover."""

    contact_id: int
    occurred_on: date
    theme: Theme
    text: str


@dataclass(frozen=True, slots=True)
class StepSource:
    """A step (afspraak) of the melding the member may tick for the handover."""

    step_id: int
    what: str
    who: str  # StepActor value
    who_name: str | None
    due_on: date | None
    done: bool


@dataclass(frozen=True, slots=True)
class HandoverSources:
    """Everything of the melding that may go into the handover; nothing goes in unticked."""

    themes: tuple[ThemeSource, ...] = ()
    steps: tuple[StepSource, ...] = ()


@dataclass(frozen=True, slots=True)
class HandoverChoice:
    """What the member ticked: theme notes as (contact id, theme), steps by id."""

    themes: frozenset[tuple[int, Theme]] = field(default_factory=frozenset)
    steps: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class ReferralAlert:
    """A row on Vandaag: a referral without an answer in time, or a Wmo deadline near."""

    referral_id: int
    report_id: int
    resident_id: int
    resident_name: str
    kind: ReferralKind
    law: Law | None
    status: ReferralStatus
    sent_on: date | None
    response_due: date | None
    response_overdue: bool
    wmo_deadline: Deadline | None  # only when near (≤ 7 days) or passed
