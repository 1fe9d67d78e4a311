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

    STARTED = "started"
    COMES_SOMETIMES = "comes_sometimes"
    COMES_REGULARLY = "comes_regularly"
    STOPPED = "stopped"
    STEPPED_BACK = "stepped_back"


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
