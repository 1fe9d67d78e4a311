"""Dates and deadlines the Dutch way, independent of the machine's locale."""

from __future__ import annotations

from datetime import date, datetime

from wijkteam.common.dutch_dates import DAYS, MONTHS, long_date
from wijkteam.domain.deadlines import Deadline, DeadlineState
from wijkteam.validation.rules import format_phone

__all__ = [
    "DAYS",
    "MONTHS",
    "deadline_text",
    "format_phone",
    "long_date",
    "short_date",
    "short_datetime",
]


def short_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def short_datetime(value: datetime | None) -> str:
    return value.strftime("%d-%m-%Y %H:%M") if value else ""


def day_and_time(value: datetime) -> str:
    return f"{DAYS[value.weekday()][:2]} {value.day} {MONTHS[value.month - 1][:3]} {value:%H:%M}"


def deadline_text(deadline: Deadline) -> str:
    days = deadline.days_left
    if days < 0:
        late = -days
        return f"{late} {'dag' if late == 1 else 'dagen'} te laat"
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    return f"nog {days} dagen"


def deadline_tooltip(deadline: Deadline) -> str:
    state = {
        DeadlineState.OVERDUE: "Termijn verlopen",
        DeadlineState.DUE_SOON: "Termijn verloopt binnen 3 dagen",
        DeadlineState.ON_TIME: "Op tijd",
    }[deadline.state]
    return f"{state}: huisbezoek uiterlijk {long_date(deadline.due)}"


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
