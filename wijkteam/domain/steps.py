"""Steps (afspraken) the resident chose, and the follow-up (nazorg) that comes after them."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from wijkteam.domain.deadlines import Deadline, deadline_on
from wijkteam.domain.working_days import add_working_days

# Team setting: days between a step's due date and its follow-up call (key in `setting`).
FOLLOW_UP_DAYS_KEY = "follow_up_days"
DEFAULT_FOLLOW_UP_DAYS = 7
FOLLOW_UP_DAYS_MAX = 90
# A follow-up call that did not reach the resident is tried again this many working days on.
RETRY_WORKING_DAYS = 2
# After "komt soms" or "nog niet begonnen" the next call comes two working weeks on: time for
# the resident to go a few more times, or to make the start.
NEXT_CALL_WORKING_DAYS = 10


class StepActor(StrEnum):
    """Who takes the step."""

    RESIDENT = "resident"
    MEMBER = "member"
    NETWORK = "network"
    ORGANISATION = "organisation"


class StepStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    NOT_GOING_AHEAD = "not_going_ahead"


class Landing(StrEnum):
    """Whether a connection landed: graded, never a bare "failed". Coming three times out of
    ten can be a success, and stepping back to something lighter is a result too."""

    NOT_STARTED = "not_started"  # not begun yet: the step stays open
    STARTED = "started"
    COMES_SOMETIMES = "comes_sometimes"
    COMES_REGULARLY = "comes_regularly"
    STOPPED = "stopped"
    STEPPED_BACK = "stepped_back"


# Answers after which the team calls again: it has not begun, or it is not settled yet.
ASKS_FOR_NEXT_CALL = frozenset({Landing.NOT_STARTED, Landing.COMES_SOMETIMES})
# An answer that leaves the step open (it has not happened).
KEEPS_STEP_OPEN = frozenset({Landing.NOT_STARTED})


def next_call_date(called_on: date) -> date:
    """The proposed next call after an answer that asks for one, on a working day."""
    return add_working_days(called_on, NEXT_CALL_WORKING_DAYS)


class FollowUpState(StrEnum):
    OPEN = "open"
    REACHED = "reached"
    NOT_REACHED = "not_reached"
    CANCELLED = "cancelled"  # its step did not go ahead, or the melding was closed


def proposed_follow_up(step_due: date | None, today: date, days: int) -> date:
    """The follow-up call `days` after the step's due date (or after today without one)."""
    return (step_due or today) + timedelta(days=days)


def retry_date(tried_on: date) -> date:
    """A new attempt after the resident could not be reached."""
    return add_working_days(tried_on, RETRY_WORKING_DAYS)


def follow_up_deadline(due: date, today: date) -> Deadline:
    """The follow-up's date as a deadline badge: overdue, due today or soon, or later."""
    return deadline_on(due, today)
