from __future__ import annotations

from datetime import date

import pytest

from wijkteam.domain.deadlines import DeadlineState, home_visit_deadline

RECEIVED = date(2026, 11, 2)  # deadline: Monday 16 November 2026


@pytest.mark.parametrize(
    ("today", "days_left", "state"),
    [
        (date(2026, 11, 2), 14, DeadlineState.ON_TIME),
        (date(2026, 11, 12), 4, DeadlineState.ON_TIME),
        (date(2026, 11, 13), 3, DeadlineState.DUE_SOON),
        (date(2026, 11, 16), 0, DeadlineState.DUE_SOON),
        (date(2026, 11, 17), -1, DeadlineState.OVERDUE),
    ],
)
def test_home_visit_deadline_is_fourteen_days_after_receipt(
    today: date, days_left: int, state: DeadlineState
) -> None:
    deadline = home_visit_deadline(RECEIVED, today)
    assert deadline.due == date(2026, 11, 16)
    assert (deadline.days_left, deadline.state) == (days_left, state)
