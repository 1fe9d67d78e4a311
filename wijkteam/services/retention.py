"""Retention: the laptop is an outbox, not the archive.

A closed melding stays until the municipality acknowledged its sync, plus a grace period
(setting, default 90 days). Then it is listed as due; a coordinator confirms the removal.
A closed melding that was never acknowledged is never removed: it is listed as a problem.

In a team the removal is the team's (DESIGN.md §11 "Retention"): the coordinator's laptop
sends a coordinator-signed tombstone for each removed record, every laptop that pulls them
removes the case too (`retire_received`, logged there as a RETENTION_REMOVAL) and the team
server drops its ciphertext. The anonymous case facts stay, marked as removed by retention.
A member's laptop never removes on its own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from wijkteam.domain.status import ReportStatus
from wijkteam.domain.text import sort_name
from wijkteam.errors import TeamChangesPending
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.removal import after_removal, compact, count_figures, delete_reports
from wijkteam.services.team_settings import SettingsService
from wijkteam.store import Store, team_capture
from wijkteam.store.models import CaseFact, Report, Resident, TeamLink, TeamOutbox

RETENTION = "retention"


@dataclass(frozen=True, slots=True)
class RetentionCase:
    report_id: int
    resident_id: int
    resident_name: str
    closed_on: date | None
    acknowledged_at: datetime | None
    due_on: date | None  # when it may leave the laptop; None: never acknowledged


@dataclass(frozen=True, slots=True)
class FigureRow:
    period: str
    source: str
    closing_reason: str
    removal: str
    cases: int
    visited_in_time: int


@dataclass(frozen=True)
class RetentionOverview:
    """Everything Beheer › Bewaartermijnen shows, read (and logged) once."""

    grace_days: int
    due: list[RetentionCase]  # may leave the laptop now
    waiting: list[RetentionCase]  # acknowledged, waiting out the termijn (with its date)
    problems: list[RetentionCase]  # closed long ago, never acknowledged
    figures: list[FigureRow]


@dataclass(frozen=True)
class RemovalSummary:
    reports: int
    residents: int


class RetentionService:
    def __init__(self, store: Store, audit: AuditService, settings: SettingsService) -> None:
        self._store = store
        self._audit = audit
        self._settings = settings

    def _grace(self) -> timedelta:
        return timedelta(days=self._settings.security().retention_grace_days)

    def overview(self) -> RetentionOverview:
        """One look at the screen: one audit entry."""
        self._audit.require_coordinator(AuditAction.VIEW, RETENTION)
        overview = RetentionOverview(
            grace_days=self._grace().days,
            due=self._cases(self._due_query()),
            waiting=sorted(self._cases(self._waiting_query()), key=lambda c: c.due_on or date.max),
            problems=self._cases(self._problem_query()),
            figures=self.figures(),
        )
        self._audit.log(AuditAction.VIEW, RETENTION)
        return overview

    def due(self) -> list[RetentionCase]:
        """Closed, acknowledged by the municipality, and past the grace period."""
        self._audit.require_coordinator(AuditAction.VIEW, RETENTION)
        cases = self._cases(self._due_query())
        self._audit.log(AuditAction.VIEW, RETENTION)
        return cases

    def problems(self) -> list[RetentionCase]:
        """Closed longer than the grace period, but never acknowledged by the municipality."""
        self._audit.require_coordinator(AuditAction.VIEW, RETENTION)
        cases = self._cases(self._problem_query())
        self._audit.log(AuditAction.VIEW, RETENTION)
        return cases

    def _limit(self) -> datetime:
        return datetime.combine(self._store.clock.today(), datetime.min.time()) - self._grace()

    def _due_query(self):  # type: ignore[no-untyped-def]
        return _closed().where(
            Report.sync_acknowledged_at.isnot(None), Report.sync_acknowledged_at <= self._limit()
        )

    def _waiting_query(self):  # type: ignore[no-untyped-def]
        return _closed().where(Report.sync_acknowledged_at > self._limit())

    def _problem_query(self):  # type: ignore[no-untyped-def]
        limit = self._store.clock.today() - self._grace()
        return _closed().where(Report.sync_acknowledged_at.is_(None), Report.closed_on <= limit)

    def remove(self, report_ids: list[int]) -> RemovalSummary:
        """Removes the given meldingen that are (still) due; others are left alone."""
        self._audit.require_coordinator(AuditAction.RETENTION_REMOVAL, "report")
        with self._store.transaction() as session:
            if session.get(TeamLink, 1) is not None and session.scalar(
                select(exists().where(TeamOutbox.id.isnot(None)))
            ):
                raise TeamChangesPending()
            # Ids only: choosing what goes reads nothing about the person (no view to log).
            due: dict[int, int] = {
                report_id: resident_id
                for report_id, resident_id in session.execute(
                    select(Report.id, Report.resident_id).where(
                        Report.status == ReportStatus.CLOSED,
                        Report.sync_acknowledged_at.isnot(None),
                        Report.sync_acknowledged_at <= self._limit(),
                        Report.id.in_(set(report_ids)),
                    )
                )
            }
            count_figures(session, list(due), RETENTION)
            team_capture.retire(session, self._store.clock.today().isoformat())
            residents = remove_cases(session, self._audit, due)
        after_removal(self._store)
        return RemovalSummary(reports=len(due), residents=residents)

    def figures(self) -> list[FigureRow]:
        """Counts of the cases that left the laptops, from the team's anonymous case facts
        (one record per case, so each case counts once however many laptops held it)."""
        reason = func.coalesce(CaseFact.closing_reason, "open")
        keys = (CaseFact.period, CaseFact.source, reason, CaseFact.removal)
        query = (
            select(*keys, func.count(), func.sum(case((CaseFact.visited_in_time, 1), else_=0)))
            .where(CaseFact.removal.isnot(None))
            .group_by(*keys)
            .order_by(CaseFact.period, CaseFact.source, reason, CaseFact.removal)
        )
        with self._store.transaction() as session:
            return [
                FigureRow(period, source, closing, removal, cases, int(visited or 0))
                for period, source, closing, removal, cases, visited in session.execute(query)
            ]

    def _cases(self, query) -> list[RetentionCase]:  # type: ignore[no-untyped-def]
        grace = self._grace()
        with self._store.transaction() as session:
            result = [
                RetentionCase(
                    report_id=row.id,
                    resident_id=row.resident_id,
                    resident_name=sort_name(row.first_names, row.prefix, row.surname),
                    closed_on=row.closed_on,
                    acknowledged_at=row.sync_acknowledged_at,
                    due_on=(row.sync_acknowledged_at + grace).date()
                    if row.sync_acknowledged_at
                    else None,
                )
                for row in session.execute(query.order_by(Report.closed_on, Report.id))
            ]
            return result


def retire_received(session: Session, audit: AuditService, report_uuids: list[uuid.UUID]) -> None:
    """The coordinator's retention removal arriving on this laptop (in the sync's transaction):
    the same removal, row by row, logged here as it is applied. The case facts come with it
    from the coordinator's laptop (one record per case: counted once)."""
    rows = session.execute(
        select(Report.id, Report.resident_id).where(Report.uuid.in_(report_uuids))
    )
    due = {report_id: resident_id for report_id, resident_id in rows}
    if due:
        remove_cases(session, audit, due)


def remove_cases(session: Session, audit: AuditService, due: dict[int, int]) -> int:
    """Deletes the meldingen (report id -> resident id), each logged as a retention removal,
    and their residents that have nothing left; returns how many residents went."""
    residents = 0
    by_resident: dict[int, list[int]] = {}
    for report_id, resident_id in due.items():
        by_resident.setdefault(resident_id, []).append(report_id)
    for resident_id, ids in by_resident.items():
        residents += delete_reports(session, resident_id, ids)
        for report_id in ids:
            audit.record(session, AuditAction.RETENTION_REMOVAL, "report", report_id, resident_id)
    # A resident with nothing left goes too, named in the log like the meldingen.
    audit.record_changes(session, AuditAction.RETENTION_REMOVAL)
    compact(session)
    return residents


def _closed():  # type: ignore[no-untyped-def]
    return (
        select(
            Report.id,
            Report.resident_id,
            Report.closed_on,
            Report.sync_acknowledged_at,
            Resident.first_names,
            Resident.prefix,
            Resident.surname,
        )
        .join(Resident, Resident.id == Report.resident_id)
        .where(Report.status == ReportStatus.CLOSED)
    )
