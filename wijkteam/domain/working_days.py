"""Working days for response deadlines: Monday to Friday, without Dutch public holidays.

Good Friday is in the `holidays` calendar for the Netherlands but municipal offices are
open that day, so it counts as a working day here.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

_OFFICES_OPEN = {"Good Friday"}


@cache
def _public_holidays(year: int) -> frozenset[date]:
    calendar = holidays.country_holidays("NL", years=year, language="en_US")
    return frozenset(day for day, name in calendar.items() if name not in _OFFICES_OPEN)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The date `count` working days after `start` (start itself does not count)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end ≤ start)."""
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            days += 1
    return days
