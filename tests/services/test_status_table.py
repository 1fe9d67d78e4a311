"""The table of events by statuses, through the real services: for every status a melding can
be in and everything a member can do to it, the status it goes to, or the refusal the member
is told (never a silent skip: a refused action records nothing and changes nothing)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest

from tests.conftest import NOW
from tests.services.status_world import (
    ACTIONS,
    Action,
    Melding,
    agree_step,
    bring_to,
    close,
    follow_up_call,
    hand_over,
    home_visit,
    mark_held,
    phone_call,
    plan_visit,
    refer,
    referral_returned,
    reopen,
    step_done,
    step_open_again,
)
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import EventRefused, ValidationError, ValidationFailed, WijkteamError
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services

S = ReportStatus
NA = None  # the action does not apply to a melding in this status (nothing to act on)

# status -> action -> the status after it, or the code of the refusal
TABLE: dict[ReportStatus, dict[Action, ReportStatus | str | None]] = {
    S.NEW: {
        plan_visit: S.VISIT_PLANNED,
        mark_held: "no_planned_visit",
        home_visit: S.IN_CONVERSATION,  # a visit recorded without a plan is a held visit
        phone_call: S.NEW,
        agree_step: "no_conversation",
        step_done: NA,
        step_open_again: NA,
        follow_up_call: NA,
        refer: "no_conversation",
        referral_returned: NA,
        close: S.CLOSED,
        reopen: "not_closed",
        hand_over: S.NEW,
    },
    S.VISIT_PLANNED: {  # planned for tomorrow
        plan_visit: S.VISIT_PLANNED,
        mark_held: "visit_not_yet",
        home_visit: S.IN_CONVERSATION,
        phone_call: S.VISIT_PLANNED,
        agree_step: "no_conversation",
        step_done: NA,
        step_open_again: NA,
        follow_up_call: NA,
        refer: "no_conversation",
        referral_returned: NA,
        close: S.CLOSED,
        reopen: "not_closed",
        hand_over: S.VISIT_PLANNED,
    },
    S.IN_CONVERSATION: {  # visited today; the plan for tomorrow still stands
        plan_visit: S.IN_CONVERSATION,
        mark_held: "visit_not_yet",
        home_visit: S.IN_CONVERSATION,
        phone_call: S.IN_CONVERSATION,
        agree_step: S.STEPS_RUNNING,
        step_done: NA,
        step_open_again: NA,
        follow_up_call: NA,
        refer: S.REFERRED,
        referral_returned: NA,
        close: S.CLOSED,
        reopen: "not_closed",
        hand_over: S.IN_CONVERSATION,
    },
    S.STEPS_RUNNING: {
        plan_visit: S.STEPS_RUNNING,
        mark_held: "no_planned_visit",
        home_visit: S.STEPS_RUNNING,
        phone_call: S.STEPS_RUNNING,
        agree_step: S.STEPS_RUNNING,
        step_done: S.FOLLOW_UP,
        step_open_again: NA,
        follow_up_call: S.STEPS_RUNNING,
        refer: S.REFERRED,
        referral_returned: NA,
        close: S.CLOSED,
        reopen: "not_closed",
        hand_over: S.STEPS_RUNNING,
    },
    S.FOLLOW_UP: {
        plan_visit: S.FOLLOW_UP,
        mark_held: "no_planned_visit",
        home_visit: S.FOLLOW_UP,
        phone_call: S.FOLLOW_UP,
        agree_step: S.STEPS_RUNNING,
        step_done: NA,
        step_open_again: S.STEPS_RUNNING,
        follow_up_call: S.FOLLOW_UP,
        refer: S.REFERRED,
        referral_returned: NA,
        close: S.CLOSED,
        reopen: "not_closed",
        hand_over: S.FOLLOW_UP,
    },
    S.REFERRED: {
        plan_visit: S.REFERRED,
        mark_held: "no_planned_visit",
        home_visit: S.REFERRED,
        phone_call: S.REFERRED,
        agree_step: S.REFERRED,  # steps and nazorg go on while a referral runs
        step_done: NA,
        step_open_again: NA,
        follow_up_call: NA,
        refer: S.REFERRED,
        referral_returned: S.IN_CONVERSATION,
        close: S.CLOSED,
        reopen: "not_closed",
        hand_over: S.REFERRED,
    },
    S.CLOSED: {
        plan_visit: "report_closed",
        mark_held: "no_planned_visit",
        home_visit: "report_closed",
        phone_call: "report_closed",
        agree_step: "report_closed",
        step_done: NA,
        step_open_again: NA,
        follow_up_call: NA,
        refer: "referral_report_closed",
        referral_returned: NA,
        close: "report_closed",
        reopen: S.IN_CONVERSATION,  # it goes on where it was
        hand_over: "report_closed",
    },
}


def test_the_table_covers_every_status_and_action() -> None:
    assert set(TABLE) == set(ReportStatus)
    for row in TABLE.values():
        assert set(row) == set(ACTIONS)


def _code(error: WijkteamError) -> str:
    if isinstance(error, EventRefused):
        return error.params["reason"]
    if isinstance(error, ValidationFailed):
        return error.errors[0].code
    assert isinstance(error, ValidationError)
    return error.code


CELLS = [(status, action) for status, row in TABLE.items() for action in row]


@pytest.fixture(scope="module")
def team_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, int]]:
    """One store for the whole table (each cell has a melding of its own), signed in as the
    coordinator, with a colleague to hand meldingen to."""
    store = open_store(
        store_path(tmp_path_factory.mktemp("table")), secrets.token_bytes(32), clock=FixedClock(NOW)
    )
    services = Services.create(store)
    me = services.members.add("Carla Coördinator", "CC", MemberRole.COORDINATOR)
    services.context.act_as(me.id, me.role)
    colleague = services.members.add("Tessa Testlid", "TT")
    yield services, colleague.id
    store.close()


@pytest.mark.parametrize(
    ("status", "action"), CELLS, ids=[f"{s.value}-{a.__name__}" for s, a in CELLS]
)
def test_event_in_status(
    team_store: tuple[Services, int], status: ReportStatus, action: Action
) -> None:
    services, colleague = team_store
    melding = bring_to(Melding.new(services, colleague), status)
    expected = TABLE[status][action]
    assert ACTIONS[action](melding) == (expected is not NA)
    if expected is NA:
        return
    before = services.reports.get(melding.id).events
    if isinstance(expected, ReportStatus):
        action(melding)
        after = services.reports.get(melding.id)
        assert after.status is expected
        assert len(after.events) > len(before)  # what happened is on the melding
        return
    with pytest.raises(WijkteamError) as refused:
        action(melding)
    assert _code(refused.value) == expected
    after = services.reports.get(melding.id)
    assert (after.status, after.events) == (status, before)  # nothing half-done
