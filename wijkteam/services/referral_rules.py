"""Checking what the member typed for a referral and a consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wijkteam.domain.referral import (
    ConsentForm,
    Law,
    ReferralKind,
    Specialist,
    Urgency,
)
from wijkteam.errors import ValidationError
from wijkteam.services.referral_records import ConsentInput, ReferralInput
from wijkteam.validation import Collector, parse_date, required_text
from wijkteam.validation.rules import optional_text

QUESTION_MAX = 5000
HANDOVER_MAX = 20000
REASON_MAX = 300


@dataclass(frozen=True, slots=True)
class ReferralValues:
    kind: ReferralKind
    question: str
    law: Law | None
    law_other: str | None
    specialist: Specialist | None
    specialist_other: str | None
    urgency: Urgency
    urgency_reason: str | None


def referral_values(data: ReferralInput) -> ReferralValues:
    """A consultation names its law (and the law's name for "other"); an escalation names
    its specialist. Urgent needs a reason. Every problem is reported at once."""
    errors = Collector()
    question = errors.check(lambda: required_text("referral_question", data.question, 5000))
    law = data.law if data.kind is ReferralKind.CONSULTATION else None
    specialist = data.specialist if data.kind is ReferralKind.ESCALATION else None
    law_other = specialist_other = None
    if data.kind is ReferralKind.CONSULTATION:
        if law is None:
            errors.add(ValidationError("law", "choose_law"))
        elif law is Law.OTHER:
            law_other = errors.check(lambda: required_text("law_other", data.law_other, 80))
    else:
        if specialist is None:
            errors.add(ValidationError("specialist", "choose_specialist"))
        elif specialist is Specialist.OTHER:
            specialist_other = errors.check(
                lambda: required_text("specialist_other", data.specialist_other, 80)
            )
    reason = None
    if data.urgency is Urgency.URGENT:
        reason = errors.check(lambda: required_text("urgency_reason", data.urgency_reason, 300))
    errors.raise_if_any()
    assert question is not None
    return ReferralValues(
        kind=data.kind,
        question=question,
        law=law,
        law_other=law_other,
        specialist=specialist,
        specialist_other=specialist_other,
        urgency=data.urgency,
        urgency_reason=reason,
    )


@dataclass(frozen=True, slots=True)
class ConsentValues:
    given_by: str
    given_on: date
    form: ConsentForm
    scope: str


def consent_values(data: ConsentInput, today: date) -> ConsentValues:
    errors = Collector()
    given_by = errors.check(lambda: required_text("consent_given_by", data.given_by, 120))
    given_on = errors.check(lambda: parse_date(data.given_on, "consent_given_on", required=True))
    if given_on is not None and given_on > today:
        errors.add(ValidationError("consent_given_on", "in_future"))
    scope = errors.check(lambda: required_text("consent_scope", data.scope, 500))
    errors.raise_if_any()
    assert given_by is not None and given_on is not None and scope is not None
    return ConsentValues(given_by, given_on, ConsentForm(data.form), scope)


def reason_text(field: str, value: str) -> str:
    return required_text(field, value, REASON_MAX)


def note_text(field: str, value: str) -> str | None:
    return optional_text(field, value, REASON_MAX)


def handover_text(value: str) -> str:
    text = value.strip()
    if len(text) > HANDOVER_MAX:
        raise ValidationError("handover_text", "too_long", max=HANDOVER_MAX)
    return text
