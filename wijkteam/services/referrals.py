"""Referrals of a melding: to a Wmo/Jeugdwet consultation (keukentafelgesprek) or an
escalation to a specialist. The rules (consent, status moves, clocks) live in
wijkteam/domain/referral.py; this service stores what happened and moves the melding."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.documents import HandoverReport
from wijkteam.domain.referral import (
    Consent,
    ReferralOutcome,
    ReferralStatus,
    SupportWish,
    check_can_send,
    check_referral_move,
    check_support_told,
)
from wijkteam.domain.status import OPEN_STATUSES, EventKind, live_of
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit import AuditService
from wijkteam.services.referral_alerts import referral_alerts
from wijkteam.services.referral_documents import handover_report
from wijkteam.services.referral_handover import handover_sources, prefill_text
from wijkteam.services.referral_load import get_referral, load_referral, referral_records
from wijkteam.services.referral_records import (
    ConsentInput,
    HandoverChoice,
    HandoverSources,
    ReferralAlert,
    ReferralInput,
    ReferralRecord,
)
from wijkteam.services.referral_rules import (
    ReferralValues,
    consent_values,
    handover_text,
    note_text,
    reason_text,
    referral_values,
)
from wijkteam.services.status_moves import events_of, record_event
from wijkteam.store import Store
from wijkteam.store.models import Member, Referral, ReferralConsent, Report
from wijkteam.validation import Collector, parse_date, required_text

REFUSED = AuditResult.REFUSED
EDITABLE = frozenset({ReferralStatus.CONCEPT})


class ReferralService:
    """Requesting, sending and following a referral. Every method is one transaction."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        """`audit`: the audit log every view and change (and every refused sending) goes to."""
        self._store = store
        self._audit = audit

    # --- reading ------------------------------------------------------------------------
    def get(self, referral_id: int) -> ReferralRecord:
        with self._store.transaction() as session:
            self._log(session, AuditAction.VIEW, get_referral(session, referral_id))
            return load_referral(session, referral_id, self._store.clock.today())

    def for_report(self, report_id: int) -> list[ReferralRecord]:
        """The melding's referrals, newest first."""
        query = (
            select(Referral)
            .where(Referral.report_id == report_id)
            .order_by(Referral.created_at.desc(), Referral.id.desc())
        )
        with self._store.transaction() as session:
            records = referral_records(session, list(session.scalars(query)), self._today())
            resident_id = session.scalar(select(Report.resident_id).where(Report.id == report_id))
            self._audit.record(session, AuditAction.VIEW, "referral_list", None, resident_id)
            return records

    def for_resident(self, resident_id: int) -> list[ReferralRecord]:
        """The resident's referrals over all meldingen, newest first."""
        query = (
            select(Referral)
            .join(Report, Report.id == Referral.report_id)
            .where(Report.resident_id == resident_id)
            .order_by(Referral.created_at.desc(), Referral.id.desc())
        )
        with self._store.transaction() as session:
            records = referral_records(session, list(session.scalars(query)), self._today())
            self._audit.record(session, AuditAction.VIEW, "referral_list", None, resident_id)
            return records

    def alerts(self) -> list[ReferralAlert]:
        """For Vandaag: no answer after ten working days, or the Wmo deadline near/passed."""
        with self._store.transaction() as session:
            alerts = referral_alerts(session, self._today())
            self._audit.record(session, AuditAction.VIEW, "referral_list")
            return alerts

    def handover_report(self, referral_id: int) -> HandoverReport:
        """What the overdrachtsverslag prints (content for the documents' renderer)."""
        with self._store.transaction() as session:
            referral = get_referral(session, referral_id)
            consent = _latest_consent(session, referral_id)
            content = handover_report(session, referral, consent, self._today())
            self._log(session, AuditAction.PRINT, referral)
            return content

    # --- the request --------------------------------------------------------------------
    def create(self, report_id: int, data: ReferralInput) -> ReferralRecord:
        """A new referral (concept) for an open melding."""
        values = referral_values(data)
        with self._store.transaction() as session:
            report = _open_report(session, report_id)
            member_id = data.member_id or report.assigned_member_id
            if member_id is not None and session.get(Member, member_id) is None:
                raise NotFound("member", member_id)
            referral = Referral(report_id=report_id, member_id=member_id, handover_text="")
            _apply(referral, values)
            session.add(referral)
            session.flush()
            return self._saved(session, referral.id, AuditAction.CREATE)

    def update(self, referral_id: int, data: ReferralInput) -> ReferralRecord:
        values = referral_values(data)
        with self._store.transaction() as session:
            referral = _editable(session, referral_id)
            _apply(referral, values)
            return self._saved(session, referral_id)

    def save_handover(self, referral_id: int, text: str) -> ReferralRecord:
        clean = handover_text(text)
        with self._store.transaction() as session:
            referral = _editable(session, referral_id)
            referral.handover_text = clean
            return self._saved(session, referral_id)

    def handover_sources(self, report_id: int) -> HandoverSources:
        """The theme notes and steps of the melding the member may tick for the handover."""
        with self._store.transaction() as session:
            report = session.get(Report, report_id)
            if report is None:
                raise NotFound("report", report_id)
            sources = handover_sources(session, report_id)
            self._audit.record(session, AuditAction.VIEW, "report", report_id, report.resident_id)
            return sources

    def prefill_handover(self, report_id: int, choice: HandoverChoice) -> str:
        """A handover text from the ticked parts only."""
        return prefill_text(self.handover_sources(report_id), choice)

    def set_support(self, referral_id: int, wish: SupportWish) -> ReferralRecord:
        """Records that the resident was told about free independent client support
        (onafhankelijke cliëntondersteuning) and what they want."""
        with self._store.transaction() as session:
            referral = get_referral(session, referral_id)
            referral.support_wish = SupportWish(wish)
            return self._saved(session, referral_id)

    # --- consent ------------------------------------------------------------------------
    def give_consent(self, referral_id: int, data: ConsentInput) -> ReferralRecord:
        """Records the resident's consent. Refused while a consent is in force (withdraw it
        first: consent is never overwritten)."""
        values = consent_values(data, self._today())
        with self._store.transaction() as session:
            get_referral(session, referral_id)
            if _consent_in_force(session, referral_id) is not None:
                raise ValidationError("consent", "consent_in_force")
            session.add(
                ReferralConsent(
                    referral_id=referral_id,
                    given_by=values.given_by,
                    given_on=values.given_on,
                    form=values.form,
                    scope=values.scope,
                )
            )
            return self._saved(session, referral_id)

    def withdraw_consent(self, referral_id: int) -> ReferralRecord:
        """The resident withdrew consent today. The consent stays on record with the date."""
        with self._store.transaction() as session:
            get_referral(session, referral_id)
            consent = _consent_in_force(session, referral_id)
            if consent is None:
                raise ValidationError("consent", "consent_missing")
            consent.withdrawn_on = self._today()
            return self._saved(session, referral_id)

    # --- status -------------------------------------------------------------------------
    def send(self, referral_id: int) -> ReferralRecord:
        """Concept → verstuurd. Refused without consent in force. The melding becomes
        "doorverwezen" and the days from melding to sending are kept."""
        try:
            return self._send(referral_id)
        except ValidationError as error:
            if error.field == "consent":
                with self._store.transaction() as session:
                    referral = get_referral(session, referral_id)
                    self._log(session, AuditAction.EXPORT, referral, REFUSED)
            raise

    def _send(self, referral_id: int) -> ReferralRecord:
        now = self._store.clock.now()
        with self._store.transaction() as session:
            referral = get_referral(session, referral_id)
            check_referral_move(referral.status, ReferralStatus.SENT)
            report = _open_report(session, referral.report_id)
            latest = _latest_consent(session, referral_id)
            check_can_send(None if latest is None else _as_consent(latest))
            check_support_told(referral.kind, referral.support_wish)
            referral.status = ReferralStatus.SENT
            referral.sent_at = now
            referral.days_to_send = (now.date() - report.received_on).days
            record_event(
                session,
                report,
                EventKind.REFERRED,
                now,
                member_id=self._audit.member_id,
                subject=referral.uuid,
            )
            return self._saved(session, referral_id, AuditAction.EXPORT)  # it leaves the team

    def plan(self, referral_id: int, on: str, consultant: str) -> ReferralRecord:
        """The keukentafelgesprek is planned (or moved): its date and the consultant."""
        errors = Collector()
        day = errors.check(lambda: parse_date(on, "planned_on", required=True))
        name = errors.check(lambda: required_text("consultant_name", consultant, 120))
        errors.raise_if_any()
        with self._store.transaction() as session:
            referral = get_referral(session, referral_id)
            check_referral_move(referral.status, ReferralStatus.PLANNED)
            referral.status = ReferralStatus.PLANNED
            referral.planned_on = day
            referral.consultant_name = name
            return self._saved(session, referral_id)

    def complete(
        self, referral_id: int, outcome: ReferralOutcome, note: str = ""
    ) -> ReferralRecord:
        """Afgerond with its outcome. The melding stays open for nazorg until closed."""
        clean = note_text("outcome_note", note)
        with self._store.transaction() as session:
            referral = get_referral(session, referral_id)
            check_referral_move(referral.status, ReferralStatus.COMPLETED)
            referral.status = ReferralStatus.COMPLETED
            referral.outcome = ReferralOutcome(outcome)
            referral.outcome_note = clean
            referral.completed_on = self._today()
            return self._saved(session, referral_id)

    def mark_returned(self, referral_id: int, reason: str) -> ReferralRecord:
        """Teruggestuurd by the consultant, with the reason. Without another running
        referral the melding goes back to the conversation (and on to its steps)."""
        clean = reason_text("returned_reason", reason)
        now = self._store.clock.now()
        with self._store.transaction() as session:
            referral = get_referral(session, referral_id)
            check_referral_move(referral.status, ReferralStatus.RETURNED)
            referral.status = ReferralStatus.RETURNED
            referral.returned_reason = clean
            referral.returned_on = self._today()
            session.flush()
            report = session.get(Report, referral.report_id)
            assert report is not None
            # The melding's "doorverwezen" ends with this referral (an older store may hold a
            # referral sent before events existed that never moved it: nothing to undo then).
            for sent in live_of(events_of(session, report.id), EventKind.REFERRED, referral.uuid):
                record_event(
                    session,
                    report,
                    EventKind.REFERRAL_RETURNED,
                    now,
                    member_id=self._audit.member_id,
                    subject=referral.uuid,
                    cancels=sent.uuid,
                )
            return self._saved(session, referral_id)

    def reopen(self, referral_id: int) -> ReferralRecord:
        """A returned referral back to concept, to improve and send again."""
        with self._store.transaction() as session:
            referral = get_referral(session, referral_id)
            check_referral_move(referral.status, ReferralStatus.CONCEPT)
            referral.status = ReferralStatus.CONCEPT
            return self._saved(session, referral_id)

    def _saved(
        self, session: Session, referral_id: int, action: AuditAction = AuditAction.CHANGE
    ) -> ReferralRecord:
        session.flush()
        self._log(session, action, get_referral(session, referral_id))
        self._audit.record_changes(session)  # the melding too, when an event moved it
        return load_referral(session, referral_id, self._today())

    def _log(
        self,
        session: Session,
        action: AuditAction,
        referral: Referral,
        result: AuditResult = AuditResult.DONE,
    ) -> None:
        resident_id = session.scalar(
            select(Report.resident_id).where(Report.id == referral.report_id)
        )
        self._audit.record(session, action, "referral", referral.id, resident_id, result)

    def _today(self) -> date:
        return self._store.clock.today()


def _apply(referral: Referral, values: ReferralValues) -> None:
    referral.kind = values.kind
    referral.law = values.law
    referral.law_other = values.law_other
    referral.specialist = values.specialist
    referral.specialist_other = values.specialist_other
    referral.question = values.question
    referral.urgency = values.urgency
    referral.urgency_reason = values.urgency_reason


def _open_report(session: Session, report_id: int) -> Report:
    report = session.get(Report, report_id)
    if report is None:
        raise NotFound("report", report_id)
    if report.status not in OPEN_STATUSES:
        raise ValidationError("report", "referral_report_closed")
    return report


def _editable(session: Session, referral_id: int) -> Referral:
    referral = get_referral(session, referral_id)
    if referral.status not in EDITABLE:
        raise ValidationError("referral", "referral_not_editable", status=referral.status.value)
    return referral


def _latest_consent(session: Session, referral_id: int) -> ReferralConsent | None:
    return session.scalars(
        select(ReferralConsent)
        .where(ReferralConsent.referral_id == referral_id)
        .order_by(ReferralConsent.created_at.desc(), ReferralConsent.id.desc())
        .limit(1)
    ).first()


def _consent_in_force(session: Session, referral_id: int) -> ReferralConsent | None:
    latest = _latest_consent(session, referral_id)
    return latest if latest is not None and latest.withdrawn_on is None else None


def _as_consent(c: ReferralConsent) -> Consent:
    return Consent(c.given_by, c.given_on, c.form, c.scope, c.withdrawn_on)
