"""The legal and practice clocks: WijVaals visits within 14 days of receiving the melding;
the municipality investigates a Wmo melding within six weeks (Wmo 2015 art. 2.3.2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

HOME_VISIT_DAYS = 14
DUE_SOON_DAYS = 3
WMO_INVESTIGATION_WEEKS = 6


class DeadlineState(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TIME = "on_time"


@dataclass(frozen=True, slots=True)
class Deadline:
    due: date
    days_left: int  # negative when overdue
    state: DeadlineState


def home_visit_due(received_on: date) -> date:
    return received_on + timedelta(days=HOME_VISIT_DAYS)


def received_on_or_before_for_due(due: date) -> date:
    """Inverse of home_visit_due, for SQL filters on the received date."""
    return due - timedelta(days=HOME_VISIT_DAYS)


def wmo_investigation_due(melding_on: date) -> date:
    """The day the municipality's investigation of a Wmo melding made on `melding_on` must be
    complete (Wmo 2015 art. 2.3.2: six weeks)."""
    return melding_on + timedelta(weeks=WMO_INVESTIGATION_WEEKS)


def home_visit_deadline(received_on: date, today: date) -> Deadline:
    return deadline_on(home_visit_due(received_on), today)


def deadline_on(due: date, today: date, soon_days: int = DUE_SOON_DAYS) -> Deadline:
    """Any due date as overdue, due within `soon_days`, or on time."""
    days_left = (due - today).days
    if days_left < 0:
        state = DeadlineState.OVERDUE
    elif days_left <= soon_days:
        state = DeadlineState.DUE_SOON
    else:
        state = DeadlineState.ON_TIME
    return Deadline(due=due, days_left=days_left, state=state)
