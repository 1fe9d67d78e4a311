"""The status rule itself: a function of a set of events (no order, no clock), undoing by
reference, refusals with a reason; and nobody writes a melding's status but the rule."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import report, resident
from wijkteam.domain.status import Event, EventKind, ReportStatus, check_event, derive_status
from wijkteam.errors import EventRefused
from wijkteam.store.models import Report
from wijkteam.wiring import Services

K = EventKind


def ev(
    kind: EventKind, subject: uuid.UUID | None = None, cancels: uuid.UUID | None = None
) -> Event:
    return Event(uuid.uuid4(), kind, subject, cancels)


def test_undoing_names_what_it_undoes() -> None:
    closed = ev(K.CLOSED)
    events = [ev(K.RECEIVED), ev(K.VISIT_HELD), closed]
    assert derive_status(events) is ReportStatus.CLOSED
    assert (
        derive_status([*events, ev(K.REOPENED, cancels=closed.uuid)])
        is ReportStatus.IN_CONVERSATION
    )
    with pytest.raises(EventRefused) as refused:
        check_event(events, ev(K.REOPENED, cancels=uuid.uuid4()))  # not a close of this melding
    assert refused.value.params["reason"] == "nothing_to_undo"


def test_two_laptops_that_closed_the_same_melding_need_both_closes_undone() -> None:
    a, b = ev(K.CLOSED), ev(K.CLOSED)
    events = [ev(K.RECEIVED), a, b, ev(K.REOPENED, cancels=a.uuid)]
    assert derive_status(events) is ReportStatus.CLOSED
    assert derive_status([*events, ev(K.REOPENED, cancels=b.uuid)]) is ReportStatus.NEW


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        (K.STEP_AGREED, "no_conversation"),
        (K.REFERRED, "no_conversation"),
        (K.REOPENED, "not_closed"),
    ],
)
def test_refusals_carry_a_reason(kind: EventKind, reason: str) -> None:
    with pytest.raises(EventRefused) as refused:
        check_event([ev(K.RECEIVED)], ev(kind, uuid.uuid4()))
    assert refused.value.params == {"kind": kind.value, "reason": reason}


def _member_events(draw: st.DrawFn) -> list[Event]:
    """Events a melding can gather: each accepted by the rule when it came in."""
    events = [ev(K.RECEIVED)]
    steps = [uuid.uuid4() for _ in range(3)]
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from([k for k in EventKind if k is not K.RECEIVED]))
        subject = draw(st.sampled_from(steps)) if kind.name.startswith("STEP") else uuid.uuid4()
        live = {e.uuid for e in events} - {e.cancels for e in events}
        targets = [e for e in events if e.uuid in live and e.subject == subject]
        cancels = targets[-1].uuid if kind in (K.STEP_REOPENED,) and targets else None
        if kind is K.REOPENED:
            closes = [e for e in events if e.kind is K.CLOSED and e.uuid in live]
            cancels, subject = (closes[-1].uuid if closes else None), None
        if kind in (K.CLOSED,):
            subject = None
        new = Event(uuid.uuid4(), kind, subject, cancels)
        try:
            check_event(events, new)
        except EventRefused:
            continue
        events.append(new)
    return events


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_order_of_arrival_does_not_matter(data: st.DataObject) -> None:
    events = _member_events(data.draw)
    arrived = data.draw(st.permutations(events))
    assert derive_status(arrived) is derive_status(events)


def test_only_the_status_rule_writes_a_status(services: Services) -> None:
    saved = services.reports.register(report(), resident=resident())
    with pytest.raises(RuntimeError), services.store.transaction() as session:
        session.get(Report, saved.id).status = ReportStatus.CLOSED  # type: ignore[union-attr]
    assert services.reports.get(saved.id).status is ReportStatus.NEW
