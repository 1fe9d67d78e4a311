"""Contact moments in the dossier, with the notes of the vrij gesprek."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from wijkteam.domain.contacts import (
    ContactKind,
    ConversationKey,
    Orientation,
    orientation_numbers,
    orientation_of,
)
from wijkteam.domain.status import EventKind, ReportStatus, live_of
from wijkteam.errors import NotFound
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.contact_records import ContactInput, ContactRecord, ContactRow
from wijkteam.services.contact_rules import ContactValues, contact_values
from wijkteam.services.status_moves import events_of, record_event
from wijkteam.services.visits import hold_planned_visits, hold_visit
from wijkteam.store import Store
from wijkteam.store.models import Contact, ContactDraft, ContactTheme, Member, Report, Resident

_ORIENTATION_KIND = ContactKind.HOME_VISIT


class ContactService:
    """Recording what happened with a resident: visits, calls, messages, going along.

    A home visit recorded for a melding is a held visit (planned or not): the melding moves
    to "in gesprek", and a visit planned on or before that day is marked held. Any other
    contact moment on a melding is a conversation in its history. Saving removes the
    editor's draft in the same transaction."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def record(
        self, resident_id: int, data: ContactInput, *, draft_id: int | None = None
    ) -> ContactRecord:
        values = contact_values(data, self._store.clock.today(), self._audit.member_id)
        with self._store.transaction() as session:
            if session.get(Resident, resident_id) is None:
                raise NotFound("resident", resident_id)
            report = _check_links(session, resident_id, values)
            contact = Contact(resident_id=resident_id)
            _apply(contact, values)
            session.add(contact)
            session.flush()
            self._after_save(session, contact, values, report, draft_id)
            return _load(session, contact.id)

    def update(
        self, contact_id: int, data: ContactInput, *, draft_id: int | None = None
    ) -> ContactRecord:
        values = contact_values(data, self._store.clock.today(), self._audit.member_id)
        with self._store.transaction() as session:
            contact = _get(session, contact_id)
            report = _check_links(session, contact.resident_id, values)
            _apply(contact, values)
            contact.updated_at = self._store.clock.utcnow()  # theme rows are part of it
            session.execute(delete(ContactTheme).where(ContactTheme.contact_id == contact_id))
            session.flush()
            self._after_save(session, contact, values, report, draft_id)
            return _load(session, contact_id)

    def get(self, contact_id: int) -> ContactRecord:
        with self._store.transaction() as session:
            record = _load(session, contact_id)
            self._audit.record(session, AuditAction.VIEW, "contact", contact_id, record.resident_id)
            return record

    def for_resident(self, resident_id: int) -> list[ContactRow]:
        """The resident's contact moments, newest first."""
        with self._store.transaction() as session:
            contacts = session.scalars(
                select(Contact)
                .where(Contact.resident_id == resident_id)
                .order_by(
                    Contact.occurred_on.desc(), Contact.occurred_time.desc(), Contact.id.desc()
                )
            ).all()
            ids = [c.id for c in contacts]
            written = dict(
                session.execute(
                    select(ContactTheme.contact_id, func.count())
                    .where(ContactTheme.contact_id.in_(ids))
                    .group_by(ContactTheme.contact_id)
                ).all()
            )
            drafts = dict(
                session.execute(
                    select(ContactDraft.contact_id, ContactDraft.id).where(
                        ContactDraft.resident_id == resident_id,
                        ContactDraft.contact_id.isnot(None),
                    )
                ).all()
            )
            names = _member_names(session)
            self._audit.record(session, AuditAction.VIEW, "contact_list", None, resident_id)
        orientation = _orientations(contacts)
        return [
            ContactRow(
                id=c.id,
                report_id=c.report_id,
                kind=c.kind,
                medium=c.medium,
                occurred_on=c.occurred_on,
                occurred_time=c.occurred_time,
                duration_minutes=c.duration_minutes,
                member_name=names.get(c.member_id) if c.member_id else None,
                themes_written=written.get(c.id, 0),
                has_notes=bool(c.notes),
                orientation=orientation.get(c.id),
                draft_id=drafts.get(c.id),
            )
            for c in contacts
        ]

    def orientation_for(
        self,
        resident_id: int,
        report_id: int | None,
        on: date,
        at: time | None = None,
        contact_id: int | None = None,
    ) -> Orientation:
        """Which orientation conversation a home visit on `on` would be (for one being
        written, before it is saved); `contact_id` leaves the contact itself out."""
        with self._store.transaction() as session:
            others = [
                k for k in _conversation_keys(session, resident_id, report_id) if k[2] != contact_id
            ]
        return orientation_of((on, at, contact_id), others)

    def _after_save(
        self,
        session: Session,
        contact: Contact,
        values: ContactValues,
        report: Report | None,
        draft_id: int | None,
    ) -> None:
        session.add_all(
            ContactTheme(contact_id=contact.id, theme=theme, text=text)
            for theme, text in values.themes.items()
        )
        if report is not None:
            self._on_report(session, contact, report)
        drafts = ContactDraft.contact_id == contact.id
        if draft_id is not None:
            drafts = or_(drafts, ContactDraft.id == draft_id)
        session.execute(delete(ContactDraft).where(drafts))
        self._audit.record_changes(session)

    def _on_report(self, session: Session, contact: Contact, report: Report) -> None:
        """The melding records the contact moment once: a home visit as a held visit, any
        other as a conversation. A melding that is closed refuses it (EventRefused)."""
        at = datetime.combine(contact.occurred_on, contact.occurred_time or time(12, 0))
        member_id = self._audit.member_id or contact.member_id
        if contact.kind is ContactKind.HOME_VISIT:
            hold_visit(session, report, contact.uuid, at, member_id)
            if report.status is not ReportStatus.CLOSED:
                hold_planned_visits(session, report, contact.occurred_on)
        elif not live_of(events_of(session, report.id), EventKind.CONVERSATION, contact.uuid):
            record_event(
                session,
                report,
                EventKind.CONVERSATION,
                at,
                member_id=member_id,
                subject=contact.uuid,
            )


def _apply(contact: Contact, values: ContactValues) -> None:
    contact.kind = values.kind
    contact.medium = values.medium
    contact.occurred_on = values.occurred_on
    contact.occurred_time = values.occurred_time
    contact.duration_minutes = values.duration_minutes
    contact.member_id = values.member_id
    contact.report_id = values.report_id
    contact.notes = values.notes


def _check_links(session: Session, resident_id: int, values: ContactValues) -> Report | None:
    if values.member_id is not None and session.get(Member, values.member_id) is None:
        raise NotFound("member", values.member_id)
    if values.report_id is None:
        return None
    report = session.get(Report, values.report_id)
    if report is None or report.resident_id != resident_id:
        raise NotFound("report", values.report_id)
    return report


def _get(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("contact", contact_id)
    return contact


def _member_names(session: Session) -> dict[int, str]:
    return {i: n for i, n in session.execute(select(Member.id, Member.name))}


def _conversation_keys(
    session: Session, resident_id: int, report_id: int | None
) -> list[ConversationKey]:
    """The home visits counted together: those of one melding, or the resident's home visits
    that belong to no melding."""
    query = select(Contact.occurred_on, Contact.occurred_time, Contact.id).where(
        Contact.kind == _ORIENTATION_KIND
    )
    if report_id is not None:
        query = query.where(Contact.report_id == report_id)
    else:
        query = query.where(Contact.resident_id == resident_id, Contact.report_id.is_(None))
    return [(on, at, ident) for on, at, ident in session.execute(query)]


def _orientations(contacts: list[Contact]) -> dict[int, Orientation]:
    groups: dict[int | None, list[ConversationKey]] = defaultdict(list)
    for c in contacts:
        if c.kind is _ORIENTATION_KIND:
            groups[c.report_id].append((c.occurred_on, c.occurred_time, c.id))
    numbers: dict[int, Orientation] = {}
    for keys in groups.values():
        numbers.update(orientation_numbers(keys))
    return numbers


def _load(session: Session, contact_id: int) -> ContactRecord:
    c = _get(session, contact_id)
    themes = {
        t.theme: t.text
        for t in session.scalars(select(ContactTheme).where(ContactTheme.contact_id == c.id))
    }
    orientation = None
    if c.kind is _ORIENTATION_KIND:
        keys = _conversation_keys(session, c.resident_id, c.report_id)
        others = [k for k in keys if k[2] != c.id]
        orientation = orientation_of((c.occurred_on, c.occurred_time, c.id), others)
    member_name = session.scalar(select(Member.name).where(Member.id == c.member_id))
    return ContactRecord(
        id=c.id,
        uuid=c.uuid,
        resident_id=c.resident_id,
        report_id=c.report_id,
        kind=c.kind,
        medium=c.medium,
        occurred_on=c.occurred_on,
        occurred_time=c.occurred_time,
        duration_minutes=c.duration_minutes,
        member_id=c.member_id,
        member_name=member_name,
        themes=themes,
        notes=c.notes,
        orientation=orientation,
        updated_at=c.updated_at,
    )
