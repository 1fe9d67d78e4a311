"""A melding's status, derived from what happened to it: the one status rule (DESIGN.md §4).

Events are facts (received, visit planned, visit held, conversation, steps agreed, nazorg,
referred, closed, reopened, handed over). The status is a function of the *set* of events,
never of the order they arrived in: two laptops that hold the same events agree on the
status. Where a later event undoes an earlier one (a reopen undoes a close, a step opened
again undoes its settling, a returned referral undoes the referral) it names the event it
undoes by UUID, so order is carried by references, not by clocks.

`check_event` says whether a member may add an event now; a refusal is an EventRefused the
member sees, never a silent skip.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from wijkteam.errors import EventRefused


class ReportStatus(StrEnum):
    NEW = "new"
    VISIT_PLANNED = "visit_planned"
    IN_CONVERSATION = "in_conversation"
    STEPS_RUNNING = "steps_running"  # afspraken lopen: the resident chose steps
    FOLLOW_UP = "follow_up"  # nazorg: no step open any more
    REFERRED = "referred"  # doorverwezen: a referral runs; the team may still do nazorg
    CLOSED = "closed"


OPEN_STATUSES: frozenset[ReportStatus] = frozenset(
    s for s in ReportStatus if s is not ReportStatus.CLOSED
)

# Statuses in which the home visit still has to be planned (the two-week clock runs).
AWAITING_VISIT_PLAN: frozenset[ReportStatus] = frozenset({ReportStatus.NEW})


class EventKind(StrEnum):
    RECEIVED = "received"
    VISIT_PLANNED = "visit_planned"  # subject: the home visit
    VISIT_HELD = "visit_held"  # subject: the planned visit, or the home-visit contact moment
    CONVERSATION = "conversation"  # subject: another contact moment on the melding
    STEP_AGREED = "step_agreed"  # subject: the step
    STEP_SETTLED = "step_settled"  # subject: the step (done or not going ahead)
    STEP_REOPENED = "step_reopened"  # subject: the step; undoes its STEP_SETTLED
    NAZORG = "nazorg"  # subject: the follow-up call recorded
    REFERRED = "referred"  # subject: the referral sent
    REFERRAL_RETURNED = "referral_returned"  # subject: the referral; undoes its REFERRED
    CLOSED = "closed"
    REOPENED = "reopened"  # undoes a CLOSED; carries the reason
    HANDED_OVER = "handed_over"  # subject: the member who takes the melding over


# An undoing event names (cancels) a live event of this kind, about the same subject.
UNDOES: dict[EventKind, EventKind] = {
    EventKind.REOPENED: EventKind.CLOSED,
    EventKind.STEP_REOPENED: EventKind.STEP_SETTLED,
    EventKind.REFERRAL_RETURNED: EventKind.REFERRED,
}
# Facts that happen once per subject (recording the same contact moment twice is one visit).
ONCE_PER_SUBJECT: frozenset[EventKind] = frozenset(
    {
        EventKind.VISIT_PLANNED,
        EventKind.VISIT_HELD,
        EventKind.CONVERSATION,
        EventKind.STEP_AGREED,
        EventKind.NAZORG,
    }
)
# Steps and a referral follow a conversation with the resident: one of these.
CONVERSATION_HELD: frozenset[EventKind] = frozenset({EventKind.VISIT_HELD, EventKind.CONVERSATION})
AFTER_CONVERSATION: frozenset[EventKind] = frozenset({EventKind.STEP_AGREED, EventKind.REFERRED})


@dataclass(frozen=True, slots=True)
class Event:
    uuid: uuid.UUID
    kind: EventKind
    subject: uuid.UUID | None = None  # the record the event is about
    cancels: uuid.UUID | None = None  # the event an undoing event undoes


def live_events(events: Iterable[Event]) -> list[Event]:
    """The events no other event undoes."""
    events = list(events)
    undone = {e.cancels for e in events if e.cancels is not None}
    return [e for e in events if e.uuid not in undone]


def derive_status(events: Iterable[Event]) -> ReportStatus:
    """The one status rule. A function of the set of events: their order does not matter."""
    live = live_events(events)
    kinds = {e.kind for e in live}
    if EventKind.CLOSED in kinds:
        return ReportStatus.CLOSED
    if EventKind.REFERRED in kinds:
        return ReportStatus.REFERRED
    agreed = {e.subject for e in live if e.kind is EventKind.STEP_AGREED}
    if agreed:
        settled = {e.subject for e in live if e.kind is EventKind.STEP_SETTLED}
        return ReportStatus.STEPS_RUNNING if agreed - settled else ReportStatus.FOLLOW_UP
    if EventKind.VISIT_HELD in kinds:
        return ReportStatus.IN_CONVERSATION
    if EventKind.VISIT_PLANNED in kinds:
        return ReportStatus.VISIT_PLANNED
    return ReportStatus.NEW


def step_state(events: Iterable[Event], step: uuid.UUID) -> str | None:
    """None (not agreed), 'open' or 'settled', as the events say."""
    live = [e for e in live_events(events) if e.subject == step]
    if not any(e.kind is EventKind.STEP_AGREED for e in live):
        return None
    return "settled" if any(e.kind is EventKind.STEP_SETTLED for e in live) else "open"


def live_of(
    events: Iterable[Event], kind: EventKind, subject: uuid.UUID | None = None
) -> list[Event]:
    """Live events of `kind` (about `subject` when given)."""
    return [
        e
        for e in live_events(events)
        if e.kind is kind and (subject is None or e.subject == subject)
    ]


def check_event(events: Iterable[Event], new: Event) -> None:
    """Raises EventRefused (with the kind and a reason code) when `new` cannot follow
    `events`: nothing but a reopen happens to a closed melding, steps and referrals need a
    conversation first, an undoing event must name a live event it can undo."""
    events = list(events)
    kind = new.kind
    status = derive_status(events)
    if kind is EventKind.RECEIVED:
        if events:
            raise EventRefused(kind.value, "already_received")
        return
    if kind is EventKind.REOPENED:
        if status is not ReportStatus.CLOSED:
            raise EventRefused(kind.value, "not_closed")
    elif status is ReportStatus.CLOSED:
        raise EventRefused(kind.value, "report_closed")
    if kind in UNDOES:
        target = next((e for e in live_events(events) if e.uuid == new.cancels), None)
        if target is None or target.kind is not UNDOES[kind] or target.subject != new.subject:
            raise EventRefused(kind.value, "nothing_to_undo")
    if kind in ONCE_PER_SUBJECT and new.subject is not None and live_of(events, kind, new.subject):
        raise EventRefused(kind.value, "already_recorded")
    if kind in AFTER_CONVERSATION and not any(
        e.kind in CONVERSATION_HELD for e in live_events(events)
    ):
        raise EventRefused(kind.value, "no_conversation")
    if kind is EventKind.STEP_SETTLED and step_state(events, new.subject) != "open":  # type: ignore[arg-type]
        raise EventRefused(kind.value, "step_not_open")
    if kind is EventKind.REFERRED and live_of(events, kind, new.subject):
        raise EventRefused(kind.value, "already_recorded")
