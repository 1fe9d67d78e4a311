"""The sociale kaart's vocabulary and its one time rule (when an entry has gone stale).

Values are stored as text; the Dutch labels live in ui/labels.py and, for the CSV file
format, in wijkteam/services/social_map/csv_columns.py.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class MapEntryKind(StrEnum):
    """Who or what an entry is: someone to call, or something to go to."""

    PERSON = "person"
    VOLUNTEER = "volunteer"
    INITIATIVE = "initiative"
    ACTIVITY = "activity"
    ORGANISATION = "organisation"


class MapCategory(StrEnum):
    MEETING = "meeting"  # ontmoeting
    SPORT = "sport"  # sport en bewegen
    VOLUNTEERING = "volunteering"  # vrijwilligerswerk
    EDUCATION_WORK = "education_work"  # opleiding en werk
    MONEY_DEBT = "money_debt"  # geldzaken en schulden
    DAY_ACTIVITIES = "day_activities"  # dagbesteding
    INFORMAL_CARE = "informal_care"  # mantelzorg
    HOUSING = "housing"  # wonen
    HEALTH = "health"  # gezondheid
    LANGUAGE = "language"  # taal


class MapAccess(StrEnum):
    """How a resident gets in: the voorveld is open to all, the rest asks something first."""

    FREE = "free"  # vrij toegankelijk
    REFERRAL = "referral"  # via verwijzing
    CONDITION = "condition"  # met voorwaarde
    INDICATION = "indication"  # met indicatie


# An entry whose funding, volunteers or opening hours may have changed: not checked for a year.
STALE_AFTER_YEARS = 1


def stale_before(today: date) -> date:
    """Entries last checked before this day (or never) count as stale."""
    try:
        return today.replace(year=today.year - STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - STALE_AFTER_YEARS, day=28)


def is_stale(last_checked: date | None, today: date) -> bool:
    return last_checked is None or last_checked < stale_before(today)


def category_order(category: MapCategory) -> int:
    return list(MapCategory).index(category)
