"""Checking a typed step or follow-up outcome. Nothing here touches the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wijkteam.domain.steps import StepActor
from wijkteam.errors import ValidationError
from wijkteam.services.steps.records import StepInput
from wijkteam.validation import Collector, parse_date, required_text
from wijkteam.validation.rules import optional_text

WHAT_MAX = 500
OUTCOME_MAX = 5000


@dataclass(frozen=True, slots=True)
class StepValues:
    what: str
    actor: StepActor
    actor_name: str | None
    social_map_entry_id: int | None
    due_on: date | None
    resident_chose: bool
    contact_id: int | None
    member_id: int | None


def step_values(data: StepInput) -> StepValues:
    errors = Collector()
    what = errors.check(lambda: required_text("step_what", data.what, WHAT_MAX))
    name = errors.check(lambda: optional_text("step_actor_name", data.actor_name, 120))
    due = errors.check(lambda: parse_date(data.due, "step_due"))
    errors.raise_if_any()
    assert what is not None
    return StepValues(
        what=what,
        actor=data.actor,
        actor_name=name,
        social_map_entry_id=data.social_map_entry_id,
        due_on=due,
        resident_chose=data.resident_chose,
        contact_id=data.contact_id,
        member_id=data.member_id,
    )


def follow_up_date(text: str, today: date, field: str = "follow_up_due") -> date | None:
    """A new follow-up date: optional, never in the past."""
    on = parse_date(text, field)
    if on is not None and on < today:
        raise ValidationError(field, "in_past")
    return on


def outcome_text(text: str) -> str | None:
    return optional_text("follow_up_outcome", text, OUTCOME_MAX)


def new_question(text: str) -> str | None:
    return optional_text("new_question", text, WHAT_MAX)
