"""Team settings that the step services use, stored in the `setting` table."""

from __future__ import annotations

from sqlalchemy.orm import Session

from wijkteam.domain.steps import DEFAULT_FOLLOW_UP_DAYS, FOLLOW_UP_DAYS_KEY, FOLLOW_UP_DAYS_MAX
from wijkteam.errors import ValidationError
from wijkteam.store import Store
from wijkteam.store.setting_values import get_setting, set_setting


def follow_up_days_in(session: Session) -> int:
    value = get_setting(session, FOLLOW_UP_DAYS_KEY)
    if value is None or not value.isdigit():
        return DEFAULT_FOLLOW_UP_DAYS
    return int(value)


class TeamSettings:
    """The follow-up delay: how many days after a step's due date the member calls."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def follow_up_days(self) -> int:
        with self._store.transaction() as session:
            return follow_up_days_in(session)

    def set_follow_up_days(self, days: int) -> int:
        if not 0 <= days <= FOLLOW_UP_DAYS_MAX:
            raise ValidationError("follow_up_days", "out_of_range", low=0, high=FOLLOW_UP_DAYS_MAX)
        with self._store.transaction() as session:
            set_setting(session, FOLLOW_UP_DAYS_KEY, str(days))
        return days
