"""Statuses of a melding and the transitions services allow.

The rules are data: adding a status is one enum member and one line in TRANSITIONS.
"""

from __future__ import annotations

from enum import StrEnum

from wijkteam.errors import TransitionRefused


class ReportStatus(StrEnum):
    NEW = "new"
    VISIT_PLANNED = "visit_planned"
    IN_CONVERSATION = "in_conversation"
    STEPS_RUNNING = "steps_running"  # afspraken lopen: the resident chose steps
    FOLLOW_UP = "follow_up"  # nazorg: no step open, a follow-up call still to make
    REFERRED = "referred"  # doorverwezen: a referral runs; the team may still do nazorg
    CLOSED = "closed"


TRANSITIONS: dict[ReportStatus, frozenset[ReportStatus]] = {
    ReportStatus.NEW: frozenset({ReportStatus.VISIT_PLANNED, ReportStatus.CLOSED}),
    ReportStatus.VISIT_PLANNED: frozenset(
        {ReportStatus.VISIT_PLANNED, ReportStatus.IN_CONVERSATION, ReportStatus.CLOSED}
    ),
    ReportStatus.IN_CONVERSATION: frozenset(
        {
            ReportStatus.STEPS_RUNNING,
            ReportStatus.FOLLOW_UP,
            ReportStatus.REFERRED,
            ReportStatus.CLOSED,
        }
    ),
    ReportStatus.STEPS_RUNNING: frozenset(
        {ReportStatus.FOLLOW_UP, ReportStatus.REFERRED, ReportStatus.CLOSED}
    ),
    ReportStatus.FOLLOW_UP: frozenset(
        {ReportStatus.STEPS_RUNNING, ReportStatus.REFERRED, ReportStatus.CLOSED}
    ),
    # Steps and nazorg go on while a referral runs, without moving the melding; a referral
    # sent back returns the melding to the conversation.
    ReportStatus.REFERRED: frozenset({ReportStatus.IN_CONVERSATION, ReportStatus.CLOSED}),
    ReportStatus.CLOSED: frozenset(),
}

OPEN_STATUSES: frozenset[ReportStatus] = frozenset(
    s for s in ReportStatus if s is not ReportStatus.CLOSED
)

# Statuses in which the home visit still has to be planned (the two-week clock runs).
AWAITING_VISIT_PLAN: frozenset[ReportStatus] = frozenset({ReportStatus.NEW})


def can_move(current: ReportStatus, wanted: ReportStatus) -> bool:
    return wanted in TRANSITIONS[current]


def check_move(current: ReportStatus, wanted: ReportStatus) -> None:
    if not can_move(current, wanted):
        raise TransitionRefused(current.value, wanted.value)
