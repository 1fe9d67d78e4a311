"""The single way a melding changes: record an event, checked by the status rule.

`record_event` asks wijkteam/domain/status.py whether the event may follow the melding's
events (a refusal is an EventRefused the member sees), appends it, and writes what the rule
derives: the status cache on the melding and, when the status changed, a StatusChange (the
ZGW Status the export sends). Nothing else writes a melding's status.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from wijkteam.domain.status import Event, EventKind, ReportStatus, check_event, derive_status
from wijkteam.store.models import Report, ReportEvent, StatusChange
from wijkteam.store.models.report import STATUS_WRITER


def report_events(session: Session, report_id: int) -> list[ReportEvent]:
    """The melding's events, oldest first."""
    return list(
        session.scalars(
            select(ReportEvent)
            .where(ReportEvent.report_id == report_id)
            .order_by(ReportEvent.occurred_at, ReportEvent.id)
        )
    )


def events_of(session: Session, report_id: int) -> list[Event]:
    """The melding's events as the status rule sees them."""
    return [as_event(e) for e in report_events(session, report_id)]


def as_event(row: ReportEvent) -> Event:
    return Event(row.uuid, row.kind, row.subject_uuid, row.cancels_uuid)


def record_event(
    session: Session,
    report: Report,
    kind: EventKind,
    at: datetime,
    *,
    member_id: int | None,
    subject: uuid.UUID | None = None,
    cancels: uuid.UUID | None = None,
    reason: str | None = None,
    note: str | None = None,
) -> ReportEvent:
    """Appends the event, or raises EventRefused (nothing written)."""
    session.flush()  # a new melding gets its id; earlier events of this transaction count
    events = events_of(session, report.id)
    new = Event(uuid.uuid4(), kind, subject, cancels)
    check_event(events, new)
    row = ReportEvent(
        uuid=new.uuid,
        report_id=report.id,
        kind=kind,
        occurred_at=at,
        member_id=member_id,
        subject_uuid=subject,
        cancels_uuid=cancels,
        reason=reason,
        note=note,
    )
    session.add(row)
    status = derive_status([*events, new])
    if status is not report.status or kind is EventKind.RECEIVED:
        token = STATUS_WRITER.set(True)
        try:
            report.status = status
        finally:
            STATUS_WRITER.reset(token)
        session.add(
            StatusChange(
                uuid=status_change_uuid(new.uuid), report_id=report.id, status=status,
                changed_at=at, member_id=member_id, note=note,
            )
        )  # fmt: skip
    session.flush()
    return row


def record_received(
    session: Session, reports: list[Report], at: datetime, utc: datetime, member_id: int | None
) -> None:
    """The first event of meldingen just made (flushed, without events yet), in bulk for an
    import: RECEIVED, which leaves them "nieuw" as their status column already says. `at` is
    the moment on the team's clock, `utc` the records' timestamps (as the store stamps them)."""
    if not reports:
        return
    status = derive_status([Event(uuid.uuid4(), EventKind.RECEIVED)])
    stamp = {"created_at": utc, "updated_at": utc, "member_id": member_id}
    events = {r.id: uuid.uuid4() for r in reports}
    session.execute(
        insert(ReportEvent),
        [
            {**stamp, "uuid": events[r.id], "report_id": r.id, "kind": EventKind.RECEIVED,
             "occurred_at": at}
            for r in reports
        ],
    )  # fmt: skip
    session.execute(
        insert(StatusChange),
        [{**stamp, "uuid": status_change_uuid(events[r.id]), "report_id": r.id,
          "status": status, "changed_at": at}
         for r in reports],
    )  # fmt: skip


STATUS_CHANGE_NAMESPACE = uuid.UUID("0f6d2c8e-4b1a-5e37-a9c4-7d3e1b52f860")


def status_change_uuid(event: uuid.UUID) -> uuid.UUID:
    """The StatusChange an event made, derived from the event: every laptop of a team that
    derives a melding's statuses from the same events has the same ones, with the same UUID
    and moment, so the ZGW Status each becomes is one resource whichever laptop sends it."""
    return uuid.uuid5(STATUS_CHANGE_NAMESPACE, str(event))


def replay_statuses(session: Session, report: Report) -> None:
    """On a laptop the events arrived at: the status cache, and each StatusChange the laptop
    that recorded the events made (its UUID and moment), none twice."""
    known = set(
        session.scalars(select(StatusChange.uuid).where(StatusChange.report_id == report.id))
    )
    seen: list[Event] = []
    previous: ReportStatus | None = None
    for row in report_events(session, report.id):
        seen.append(as_event(row))
        status = derive_status(seen)
        if status is not previous or row.kind is EventKind.RECEIVED:
            made = status_change_uuid(row.uuid)
            if made not in known:
                session.add(
                    StatusChange(
                        uuid=made, report_id=report.id, status=status,
                        changed_at=row.occurred_at, member_id=row.member_id, note=row.note,
                    )
                )  # fmt: skip
        previous = status
    if previous is not None and previous is not report.status:
        token = STATUS_WRITER.set(True)
        try:
            report.status = previous
        finally:
            STATUS_WRITER.reset(token)
