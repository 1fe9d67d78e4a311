"""What the step, follow-up and timeline services take and hand out: frozen, plain data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from wijkteam.domain.contacts import ContactKind
from wijkteam.domain.deadlines import Deadline
from wijkteam.domain.enums import Channel
from wijkteam.domain.steps import FollowUpState, Landing, StepActor, StepStatus


@dataclass(frozen=True, slots=True)
class StepInput:
    """A step as the member typed it (dates as text, so nothing typed is lost)."""

    what: str
    actor: StepActor = StepActor.RESIDENT
    actor_name: str = ""
    social_map_entry_id: int | None = None
    due: str = ""  # dd-mm-jjjj, optional
    resident_chose: bool = False
    contact_id: int | None = None
    member_id: int | None = None


@dataclass(frozen=True, slots=True)
class StepRecord:
    id: int
    uuid: uuid.UUID
    report_id: int
    resident_id: int
    contact_id: int | None
    what: str
    actor: StepActor
    actor_name: str | None
    social_map_entry_id: int | None
    social_map_entry_name: str | None
    due_on: date | None
    resident_chose: bool
    first_step: bool
    status: StepStatus
    done_on: date | None
    landing: Landing | None
    member_name: str | None
    created_on: date
    next_follow_up: date | None  # the open follow-up, if any

    @property
    def is_open(self) -> bool:
        return self.status is StepStatus.OPEN


@dataclass(frozen=True, slots=True)
class FollowUpRecord:
    id: int
    step_id: int
    report_id: int
    resident_id: int
    resident_name: str
    step_what: str
    due_on: date
    deadline: Deadline
    channel: Channel
    state: FollowUpState
    attempt: int
    done_on: date | None
    outcome: str | None
    landing: Landing | None
    member_name: str | None

    @property
    def is_open(self) -> bool:
        return self.state is FollowUpState.OPEN


@dataclass(frozen=True, slots=True)
class FollowUpOutcome:
    """What the member records after the call or message."""

    reached: bool
    how_it_went: str = ""
    landing: Landing | None = None
    retry_on: str = ""  # not reached: when to try again (dd-mm-jjjj; empty = proposed date)
    new_question: str = ""  # becomes a new open step
    next_call_on: str = ""  # reached: when to call again (dd-mm-jjjj; empty = no next call)
    member_id: int | None = None


@dataclass(frozen=True, slots=True)
class FollowUpResult:
    follow_up: FollowUpRecord
    retry: FollowUpRecord | None  # the new attempt after "not reached"
    new_step: StepRecord | None  # from a new question
    report_can_close: bool  # nothing open on the melding any more
    next_call: FollowUpRecord | None = None  # planned after "komt soms", "nog niet begonnen"


class TimelineKind(StrEnum):
    CONTACT = "contact"
    STEP = "step"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One line of the dossier timeline. `kind` + `ident` say which record it shows."""

    kind: TimelineKind
    ident: int
    report_id: int | None
    on: date
    text: str  # what the step is (steps and follow-ups); empty for contacts
    is_open: bool
    overdue: bool
    contact_kind: ContactKind | None = None
    step_status: StepStatus | None = None
    follow_up_state: FollowUpState | None = None
    landing: Landing | None = None
    resident_chose: bool = False
    member_name: str | None = None
