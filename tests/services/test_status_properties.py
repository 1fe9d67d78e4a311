"""Properties of the status rule over whatever a member may do to a melding, in any order,
through the real services. The invariants do not restate the table of events by statuses:

- once a visit is held, the melding is off "Huisbezoek nog plannen" on Vandaag;
- only a reopen takes a melding out of "afgesloten";
- the same events in any order give the same status (and the stored status is what the
  melding's events give);
- nothing is skipped: an action either records what happened on the melding, or is refused
  with an error the member is told in Dutch, and then nothing changed.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import NOW
from tests.services.status_world import ACTIONS, Action, Melding, home_visit, reopen
from ui.messages import error_text
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.domain.status import EventKind, ReportStatus, derive_status
from wijkteam.errors import WijkteamError
from wijkteam.services.status_moves import events_of
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services

GENERIC = "Er ging iets mis"
ACTION_LIST: list[Action] = list(ACTIONS)


@pytest.fixture(scope="module")
def team_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, int]]:
    store = open_store(
        store_path(tmp_path_factory.mktemp("props")), secrets.token_bytes(32), clock=FixedClock(NOW)
    )
    services = Services.create(store)
    me = services.members.add("Carla Coördinator", "CC", MemberRole.COORDINATOR)
    services.context.act_as(me.id, me.role)
    colleagues = [services.members.add(n, i).id for n, i in (("Tessa", "TT"), ("Dirk", "DW"))]
    yield services, colleagues[0]
    store.close()


def _events(m: Melding) -> list:  # type: ignore[type-arg]
    with m.services.store.transaction() as session:
        return events_of(session, m.id)


def _awaits_plan(m: Melding) -> bool:
    return any(r.report_id == m.id for r in m.services.worklist.awaiting_visit_plan())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=st.lists(st.sampled_from(ACTION_LIST), min_size=1, max_size=10),
    shuffles=st.randoms(use_true_random=False),
)
def test_whatever_a_member_does_the_status_rule_holds(
    team_store: tuple[Services, int], plan: list[Action], shuffles
) -> None:  # type: ignore[no-untyped-def]
    services, colleague = team_store
    melding = Melding.new(services, colleague)
    for action in plan:
        if not ACTIONS[action](melding):
            continue  # nothing to act on (e.g. no open step to mark done)
        before_status, before_events = melding.status, _events(melding)
        try:
            action(melding)
        except WijkteamError as refused:
            # Refused: told in Dutch (a sentence of its own, not the fallback), nothing changed.
            assert GENERIC not in error_text(refused)
            assert (melding.status, _events(melding)) == (before_status, before_events)
            continue
        after = _events(melding)
        assert len(after) > len(before_events), f"{action.__name__} left no event"
        status = melding.status
        if before_status is ReportStatus.CLOSED and status is not ReportStatus.CLOSED:
            assert action is reopen  # only a reopen leaves "afgesloten"
        if any(e.kind is EventKind.VISIT_HELD for e in after):
            assert not _awaits_plan(melding)  # a held visit: off "Huisbezoek nog plannen"
        assert derive_status(after) is status  # the stored status is the rule's
        for _ in range(3):  # the same events in another order: the same status
            shuffled = list(after)
            shuffles.shuffle(shuffled)
            assert derive_status(shuffled) is status


def test_a_held_visit_takes_a_melding_off_the_list_to_plan(
    team_store: tuple[Services, int],
) -> None:
    services, colleague = team_store
    melding = Melding.new(services, colleague)
    assert _awaits_plan(melding)
    home_visit(melding)  # recorded without a plan
    assert not _awaits_plan(melding)
