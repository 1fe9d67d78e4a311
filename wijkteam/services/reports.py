from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import EventKind, live_of
from wijkteam.domain.steps import FollowUpState
from wijkteam.errors import (
    DuplicateSuspected,
    EventRefused,
    NotFound,
    ValidationError,
)
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.case_facts import write_facts
from wijkteam.services.closing import settle_open_items
from wijkteam.services.convert import event_record, report_record, resident_record
from wijkteam.services.inputs import ReportInput, ResidentInput
from wijkteam.services.records import ReportRecord, ResidentRecord
from wijkteam.services.resident_rules import resident_values, search_columns
from wijkteam.services.residents import ResidentService, check_bsn_free
from wijkteam.services.status_moves import events_of, record_event, report_events
from wijkteam.store import Store
from wijkteam.store.models import FollowUp, HomeVisit, Member, Report, Resident, StatusChange
from wijkteam.validation import Collector, parse_received_date, required_text
from wijkteam.validation.rules import optional_text


class ReportService:
    """Meldingen: registering, reading, correcting, handing over, closing and reopening."""

    def __init__(self, store: Store, residents: ResidentService, audit: AuditService) -> None:
        self._store = store
        self._residents = residents
        self._audit = audit

    def register(
        self,
        report: ReportInput,
        *,
        resident: ResidentInput | None = None,
        resident_id: int | None = None,
        confirmed_new_resident: bool = False,
    ) -> ReportRecord:
        """Register a melding for an existing resident (resident_id) or a new one (resident).

        A new resident that looks like an existing one raises DuplicateSuspected unless the
        member confirmed it is someone else."""
        if (resident is None) == (resident_id is None):
            raise ValueError("give either resident or resident_id")
        today = self._store.clock.today()
        errors = Collector()
        new_values = resident_values(resident, today, errors) if resident else None
        report_values = _report_values(report, today, errors)
        errors.raise_if_any()
        if resident is not None and not confirmed_new_resident:
            duplicates = self._residents.find_duplicates(resident)
            if duplicates:
                raise DuplicateSuspected([d.id for d in duplicates])
        with self._store.transaction() as session:
            if new_values is not None:
                check_bsn_free(session, new_values["bsn"])
                person = Resident(**new_values, **search_columns(new_values))
                session.add(person)
                session.flush()
                target_id = person.id
                self._audit.record(session, AuditAction.CREATE, "resident", target_id, target_id)
            else:
                assert resident_id is not None
                if session.get(Resident, resident_id) is None:
                    raise NotFound("resident", resident_id)
                target_id = resident_id
            _check_case_reference_free(session, report_values["case_reference"])
            member_id = report_values["assigned_member_id"]
            if member_id is not None and session.get(Member, member_id) is None:
                raise NotFound("member", member_id)
            row = Report(resident_id=target_id, **report_values)
            session.add(row)
            record_event(
                session,
                row,
                EventKind.RECEIVED,
                self._store.clock.now(),
                member_id=self._audit.member_id,
            )
            self._audit.record(session, AuditAction.CREATE, "report", row.id, target_id)
            return _load(session, row.id, today)

    def get(self, report_id: int) -> ReportRecord:
        with self._store.transaction() as session:
            record = _load(session, report_id, self._store.clock.today())
            self._audit.record(session, AuditAction.VIEW, "report", report_id, record.resident_id)
            return record

    def for_resident(self, resident_id: int) -> list[ReportRecord]:
        """The resident's meldingen, open ones first, newest first."""
        today = self._store.clock.today()
        with self._store.transaction() as session:
            ids = session.scalars(
                select(Report.id)
                .where(Report.resident_id == resident_id)
                .order_by(Report.received_on.desc(), Report.id.desc())
            ).all()
            records = [_load(session, i, today) for i in ids]
            self._audit.record(session, AuditAction.VIEW, "report_list", None, resident_id)
        return sorted(records, key=lambda r: not r.is_open)

    def resident_of(self, report_id: int) -> ResidentRecord:
        with self._store.transaction() as session:
            report = session.get(Report, report_id)
            if report is None:
                raise NotFound("report", report_id)
            resident_id = report.resident_id
            self._audit.record(session, AuditAction.VIEW, "resident", resident_id, resident_id)
            return resident_record(report.resident)

    def update(self, report_id: int, data: ReportInput) -> ReportRecord:
        """The melding's details as the member corrected them (not who has it: see
        `hand_over`). A received date kept as it was is not checked for its age again."""
        today = self._store.clock.today()
        with self._store.transaction() as session:
            report = _get(session, report_id)
            errors = Collector()
            kept = data.received_on.strip() == f"{report.received_on:%d-%m-%Y}"
            values = _report_values(data, today, errors, keep_received=kept)
            errors.raise_if_any()
            if values["case_reference"] != report.case_reference:
                _check_case_reference_free(session, values["case_reference"])
            if kept:
                values["received_on"] = report.received_on
            del values["assigned_member_id"]
            for key, value in values.items():
                setattr(report, key, value)
            self._audit.record_changes(session)
            return _load(session, report_id, today)

    def hand_over(self, report_id: int, member_id: int, note: str = "") -> ReportRecord:
        """Another member takes the melding over (an event on the melding, with a short note);
        its open follow-up calls go with it."""
        clean_note = optional_text("handover_note", note, 200)
        with self._store.transaction() as session:
            report = _get(session, report_id)
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            if not member.active:
                raise ValidationError("handover_member", "member_inactive")
            if member_id == report.assigned_member_id:
                raise ValidationError("handover_member", "already_assigned")
            record_event(
                session,
                report,
                EventKind.HANDED_OVER,
                self._store.clock.now(),
                member_id=self._audit.member_id,
                subject=member.uuid,
                note=clean_note,
            )
            report.assigned_member_id = member_id
            for call in session.scalars(
                select(FollowUp).where(
                    FollowUp.report_id == report_id, FollowUp.state == FollowUpState.OPEN
                )
            ):
                call.member_id = member_id
            self._audit.record_changes(session)
            return _load(session, report_id, self._store.clock.today())

    def close(
        self,
        report_id: int,
        reason: ClosingReason,
        note: str = "",
        *,
        close_open_items: bool = False,
    ) -> ReportRecord:
        """Refused with OpenItemsRemain while steps or follow-ups are open, unless the member
        confirmed closing them (`close_open_items`)."""
        clean_note = optional_text("closing_note", note, 200)
        now = self._store.clock.now()
        with self._store.transaction() as session:
            report = _get(session, report_id)
            settle_open_items(session, report, now, self._audit.member_id, close_open_items)
            record_event(
                session,
                report,
                EventKind.CLOSED,
                now,
                member_id=self._audit.member_id,
                reason=ClosingReason(reason).value,
                note=clean_note,
            )
            report.closing_reason = reason
            report.closed_on = now.date()
            write_facts(session, [report.id])
            self._audit.record_changes(session)
            return _load(session, report_id, now.date())

    def reopen(self, report_id: int, reason: str) -> ReportRecord:
        """A closed melding opens again, with the member's reason; it goes on where it was
        (its visit, steps and referrals stay as they were)."""
        clean_reason = required_text("reopen_reason", reason, 200)
        now = self._store.clock.now()
        with self._store.transaction() as session:
            report = _get(session, report_id)
            closes = live_of(events_of(session, report_id), EventKind.CLOSED)
            if not closes:
                raise EventRefused(EventKind.REOPENED.value, "not_closed")
            for close in closes:
                record_event(
                    session,
                    report,
                    EventKind.REOPENED,
                    now,
                    member_id=self._audit.member_id,
                    cancels=close.uuid,
                    reason=clean_reason,
                )
            report.closing_reason = None
            report.closed_on = None
            write_facts(session, [report.id])
            self._audit.record_changes(session)
            return _load(session, report_id, now.date())


def _report_values(
    data: ReportInput, today, errors: Collector, keep_received: bool = False
) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {
        "question": errors.check(lambda: required_text("question", data.question, 5000)),
        "source": data.source,
        "received_on": None
        if keep_received
        else errors.check(lambda: parse_received_date(data.received_on, today)),
        "reporter_name": errors.check(
            lambda: optional_text("reporter_name", data.reporter_name, 120)
        ),
        "reporter_relation": errors.check(
            lambda: optional_text("reporter_relation", data.reporter_relation, 80)
        ),
        "reporter_contact": errors.check(
            lambda: optional_text("reporter_contact", data.reporter_contact, 120)
        ),
        "assigned_member_id": data.assigned_member_id,
        "case_reference": errors.check(
            lambda: optional_text("case_reference", data.case_reference, 40)
        ),
    }


def _check_case_reference_free(session: Session, reference: str | None) -> None:
    if reference and session.scalar(select(Report.id).where(Report.case_reference == reference)):
        raise ValidationError("case_reference", "case_reference_in_use")


def _get(session: Session, report_id: int) -> Report:
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound("report", report_id)
    return report


def _load(session: Session, report_id: int, today) -> ReportRecord:  # type: ignore[no-untyped-def]
    report = _get(session, report_id)
    names = {i: n for i, n in session.execute(select(Member.id, Member.name))}
    visits = session.scalars(
        select(HomeVisit)
        .where(HomeVisit.report_id == report_id)
        .order_by(HomeVisit.created_at.desc(), HomeVisit.id.desc())
    ).all()
    history = session.scalars(
        select(StatusChange)
        .where(StatusChange.report_id == report_id)
        .order_by(StatusChange.changed_at, StatusChange.id)
    ).all()
    by_uuid = {u: n for u, n in session.execute(select(Member.uuid, Member.name))}
    events = tuple(event_record(e, names, by_uuid) for e in report_events(session, report_id))
    return report_record(report, today, names, list(visits), list(history), events)
