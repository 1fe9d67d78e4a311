"""Drafts: what the conversation editor holds and the member has not saved yet.

The editor writes its content here within two seconds of the last keystroke and whenever
focus moves or the dossier or window closes. After a crash the next start offers the drafts
back. Saving the contact (ContactService) deletes its draft.

Autosave is on the typing path, so `save` is one small statement on the primary key (an
INSERT only the first time) and its audit entry, committed durably (wijkteam/store/durable.py).
"""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from wijkteam.domain.text import person_name
from wijkteam.errors import NotFound
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.contact_records import ContactInput, DraftRecord
from wijkteam.services.draft_codec import decode, encode
from wijkteam.store import Store
from wijkteam.store.durable import durable_transaction
from wijkteam.store.models import ContactDraft, Resident

_DRAFTS = ContactDraft.__table__
DRAFT = "contact_draft"


class DraftService:
    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def save(
        self, draft_id: int | None, resident_id: int, contact_id: int | None, data: ContactInput
    ) -> int:
        """Stores the editor's content; returns the draft's id for the next save. An editor
        without a draft id yet gets the existing draft of its contact, or a new one. Every
        save is in the audit log (the draft holds the conversation being written)."""
        values = {"content": encode(data), "saved_at": self._store.clock.now()}
        with durable_transaction(self._store) as session:
            if draft_id is None and contact_id is not None:
                draft_id = session.scalar(
                    select(ContactDraft.id).where(ContactDraft.contact_id == contact_id)
                )
            if draft_id is not None:
                changed = session.execute(
                    update(_DRAFTS)
                    .where(_DRAFTS.c.id == draft_id)
                    .values(**values, updated_at=self._store.clock.utcnow())
                ).rowcount
                if changed:
                    self._audit.record(session, AuditAction.CHANGE, DRAFT, draft_id, resident_id)
                    return draft_id
            draft = ContactDraft(resident_id=resident_id, contact_id=contact_id, **values)
            session.add(draft)
            session.flush()
            self._audit.record(session, AuditAction.CREATE, DRAFT, draft.id, resident_id)
            return draft.id

    def get(self, draft_id: int) -> DraftRecord:
        with self._store.transaction() as session:
            records = _records(session, ContactDraft.id == draft_id)
            if not records:
                raise NotFound("draft", draft_id)
            self._audit.record(session, AuditAction.VIEW, DRAFT, draft_id, records[0].resident_id)
        return records[0]

    def for_resident(self, resident_id: int) -> list[DraftRecord]:
        """The resident's drafts, newest first."""
        with self._store.transaction() as session:
            records = _records(session, ContactDraft.resident_id == resident_id)
            self._audit.record(session, AuditAction.VIEW, "draft_list", None, resident_id)
            return records

    def pending(self) -> list[DraftRecord]:
        """Every draft in the store, newest first: what to offer back at start-up."""
        with self._store.transaction() as session:
            records = _records(session, None)
            if records:
                self._audit.record(session, AuditAction.VIEW, "draft_list")
            return records

    def discard(self, draft_id: int) -> None:
        with self._store.transaction() as session:
            session.execute(delete(ContactDraft).where(ContactDraft.id == draft_id))
            self._audit.record_changes(session)


def _records(session: Session, condition) -> list[DraftRecord]:  # type: ignore[no-untyped-def]
    query = (
        select(ContactDraft, Resident.first_names, Resident.prefix, Resident.surname)
        .join(Resident, Resident.id == ContactDraft.resident_id)
        .order_by(ContactDraft.saved_at.desc(), ContactDraft.id.desc())
    )
    if condition is not None:
        query = query.where(condition)
    return [
        DraftRecord(
            id=draft.id,
            resident_id=draft.resident_id,
            resident_name=person_name(first, prefix, surname),
            contact_id=draft.contact_id,
            content=decode(draft.content),
            saved_at=draft.saved_at,
        )
        for draft, first, prefix, surname in session.execute(query)
    ]
