from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.referral import (
    Consent,
    ConsentForm,
    ReferralStatus,
    check_can_send,
    check_referral_move,
    response_due,
    response_overdue,
    wmo_investigation_deadline,
)
from wijkteam.domain.working_days import add_working_days, is_working_day, working_days_between
from wijkteam.errors import TransitionRefused, ValidationError


class TestWorkingDays:
    def test_weekend_is_skipped(self) -> None:
        friday = date(2026, 11, 20)
        assert add_working_days(friday, 1) == date(2026, 11, 23)

    def test_christmas_and_kings_day_are_not_working_days(self) -> None:
        assert not is_working_day(date(2026, 12, 25))
        assert not is_working_day(date(2026, 12, 26))
        assert not is_working_day(date(2026, 4, 27))
        assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)

    def test_good_friday_counts_as_a_working_day(self) -> None:
        assert is_working_day(date(2026, 4, 3))

    def test_between(self) -> None:
        assert working_days_between(date(2026, 11, 16), date(2026, 11, 23)) == 5
        assert working_days_between(date(2026, 11, 23), date(2026, 11, 16)) == 0


class TestResponseClock:
    def test_ten_working_days(self) -> None:
        sent = date(2026, 11, 18)  # Wednesday
        assert response_due(sent) == date(2026, 12, 2)

    def test_overdue_only_while_waiting(self) -> None:
        sent = date(2026, 11, 18)
        assert not response_overdue(ReferralStatus.SENT, sent, date(2026, 12, 2))
        assert response_overdue(ReferralStatus.SENT, sent, date(2026, 12, 3))
        assert not response_overdue(ReferralStatus.PLANNED, sent, date(2026, 12, 3))
        assert not response_overdue(ReferralStatus.CONCEPT, None, date(2026, 12, 3))

    def test_christmas_moves_the_due_date(self) -> None:
        assert response_due(date(2026, 12, 18)) == date(2027, 1, 5)


class TestWmoDeadline:
    @pytest.mark.parametrize(
        ("today", "state", "days_left"),
        [
            (date(2026, 11, 2), DeadlineState.ON_TIME, 42),
            (date(2026, 12, 7), DeadlineState.DUE_SOON, 7),
            (date(2026, 12, 14), DeadlineState.DUE_SOON, 0),
            (date(2026, 12, 15), DeadlineState.OVERDUE, -1),
        ],
    )
    def test_six_weeks_after_the_melding(
        self, today: date, state: DeadlineState, days_left: int
    ) -> None:
        deadline = wmo_investigation_deadline(date(2026, 11, 2), today)
        assert (deadline.due, deadline.state, deadline.days_left) == (
            date(2026, 12, 14),
            state,
            days_left,
        )


class TestConsentAndMoves:
    def test_no_consent_no_sending(self) -> None:
        with pytest.raises(ValidationError) as caught:
            check_can_send(None)
        assert caught.value.code == "consent_missing"

    def test_withdrawn_consent_blocks(self) -> None:
        consent = Consent(
            "inwoner",
            date(2026, 11, 18),
            ConsentForm.SPOKEN,
            "Wmo-consulent",
            withdrawn_on=date(2026, 11, 19),
        )
        with pytest.raises(ValidationError) as caught:
            check_can_send(consent)
        assert caught.value.code == "consent_withdrawn"
        check_can_send(Consent("inwoner", date(2026, 11, 18), ConsentForm.WRITTEN, "alles"))

    @pytest.mark.parametrize(
        ("current", "wanted"),
        [
            (ReferralStatus.CONCEPT, ReferralStatus.PLANNED),
            (ReferralStatus.CONCEPT, ReferralStatus.COMPLETED),
            (ReferralStatus.COMPLETED, ReferralStatus.SENT),
            (ReferralStatus.RETURNED, ReferralStatus.SENT),
        ],
    )
    def test_refused_moves(self, current: ReferralStatus, wanted: ReferralStatus) -> None:
        with pytest.raises(TransitionRefused):
            check_referral_move(current, wanted)

    def test_the_normal_path(self) -> None:
        path = [
            ReferralStatus.CONCEPT,
            ReferralStatus.SENT,
            ReferralStatus.PLANNED,
            ReferralStatus.COMPLETED,
        ]
        for current, wanted in pairwise(path):
            check_referral_move(current, wanted)
