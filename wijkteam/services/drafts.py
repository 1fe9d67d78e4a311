"""Drafts: what the conversation editor holds and the member has not saved yet.

The editor writes its content here within two seconds of the last keystroke and whenever
focus moves or the dossier or window closes. After a crash the next start offers the drafts
back. Saving the contact (ContactService) deletes its draft.

Autosave is on the typing path, so `save` is one small statement on the primary key (an
INSERT only the first time), committed durably (wijkteam/store/durable.py).
"""

from __future__ import annotations

import uuid

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from wijkteam.domain.text import person_name
from wijkteam.errors import NotFound
from wijkteam.services.contact_records import ContactInput, DraftRecord
from wijkteam.services.draft_codec import decode, encode
from wijkteam.store import Store
from wijkteam.store.durable import durable_transaction
from wijkteam.store.models import ContactDraft, Resident

_DRAFTS = ContactDraft.__table__


class DraftService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def save(
        self, draft_id: int | None, resident_id: int, contact_id: int | None, data: ContactInput
    ) -> int:
        """Stores the editor's content; returns the draft's id for the next save. An editor
        without a draft id yet gets the existing draft of its contact, or a new one."""
        values = {
            "content": encode(data),
            "saved_at": self._store.clock.now(),
            "updated_at": self._store.clock.utcnow(),
        }
        with durable_transaction(self._store) as connection:
            if draft_id is None and contact_id is not None:
                draft_id = connection.execute(
                    select(_DRAFTS.c.id).where(_DRAFTS.c.contact_id == contact_id)
                ).scalar()
            if draft_id is not None:
                changed = connection.execute(
                    update(_DRAFTS).where(_DRAFTS.c.id == draft_id).values(**values)
                ).rowcount
                if changed:
                    return draft_id
            result = connection.execute(
                insert(_DRAFTS).values(
                    uuid=uuid.uuid4(),
                    created_at=values["updated_at"],
                    resident_id=resident_id,
                    contact_id=contact_id,
                    **values,
                )
            )
            return int(result.inserted_primary_key[0])

    def get(self, draft_id: int) -> DraftRecord:
        with self._store.transaction() as session:
            records = _records(session, ContactDraft.id == draft_id)
        if not records:
            raise NotFound("draft", draft_id)
        return records[0]

    def for_resident(self, resident_id: int) -> list[DraftRecord]:
        """The resident's drafts, newest first."""
        with self._store.transaction() as session:
            return _records(session, ContactDraft.resident_id == resident_id)

    def pending(self) -> list[DraftRecord]:
        """Every draft in the store, newest first: what to offer back at start-up."""
        with self._store.transaction() as session:
            return _records(session, None)

    def discard(self, draft_id: int) -> None:
        with self._store.transaction() as session:
            session.execute(delete(ContactDraft).where(ContactDraft.id == draft_id))


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
