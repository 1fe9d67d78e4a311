from __future__ import annotations

from datetime import date

import pytest

from wijkteam.domain.deadlines import DeadlineState, home_visit_deadline
from wijkteam.domain.status import TRANSITIONS, ReportStatus, can_move, check_move
from wijkteam.errors import TransitionRefused

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


@pytest.mark.parametrize(
    ("current", "wanted"),
    [
        (ReportStatus.NEW, ReportStatus.VISIT_PLANNED),
        (ReportStatus.VISIT_PLANNED, ReportStatus.VISIT_PLANNED),
        (ReportStatus.VISIT_PLANNED, ReportStatus.IN_CONVERSATION),
        (ReportStatus.IN_CONVERSATION, ReportStatus.CLOSED),
        (ReportStatus.NEW, ReportStatus.CLOSED),
    ],
)
def test_allowed_moves(current: ReportStatus, wanted: ReportStatus) -> None:
    assert can_move(current, wanted)
    check_move(current, wanted)


@pytest.mark.parametrize(
    ("current", "wanted"),
    [
        (ReportStatus.NEW, ReportStatus.IN_CONVERSATION),
        (ReportStatus.IN_CONVERSATION, ReportStatus.NEW),
        (ReportStatus.CLOSED, ReportStatus.VISIT_PLANNED),
        (ReportStatus.CLOSED, ReportStatus.CLOSED),
    ],
)
def test_refused_moves(current: ReportStatus, wanted: ReportStatus) -> None:
    assert not can_move(current, wanted)
    with pytest.raises(TransitionRefused) as caught:
        check_move(current, wanted)
    assert caught.value.params == {"current": current.value, "wanted": wanted.value}


def test_every_status_has_rules() -> None:
    assert set(TRANSITIONS) == set(ReportStatus)
