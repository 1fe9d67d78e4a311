"""The sociale kaart: search and filter it, keep its entries current."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from wijkteam.domain.social_map import MapCategory, is_stale, stale_before
from wijkteam.domain.text import fold
from wijkteam.errors import EntryReferenced, NotFound, ValidationError, ValidationFailed
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.social_map.records import MapEntryInput, MapEntryRecord, MapQuery
from wijkteam.services.social_map.references import is_referenced
from wijkteam.services.social_map.rules import (
    entry_values,
    search_columns,
    search_fold,
    sorted_categories,
)
from wijkteam.store import Store
from wijkteam.store.models import SocialMapEntry, SocialMapEntryCategory
from wijkteam.validation import Collector

LIST_LIMIT = 1000
ENTRY = "social_map_entry"


class SocialMapService:
    """Entries of the sociale kaart. Removing one means deactivating it; a hard delete is
    refused while anything refers to the entry."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    # --- reading --------------------------------------------------------------------------
    def search(self, query: MapQuery = MapQuery(), limit: int = LIST_LIMIT) -> list[MapEntryRecord]:  # noqa: B008
        statement = self._filtered(select(SocialMapEntry), query)
        statement = statement.order_by(SocialMapEntry.name_key, SocialMapEntry.id).limit(limit)
        today = self._store.clock.today()
        with self._store.transaction() as session:
            found = [entry_record(e, today) for e in session.scalars(statement)]
            self._audit.record(session, AuditAction.VIEW, "social_map")
            return found

    def count(self, query: MapQuery = MapQuery()) -> int:  # noqa: B008
        statement = self._filtered(select(func.count(SocialMapEntry.id)), query)
        with self._store.transaction() as session:
            return session.scalar(statement) or 0

    def get(self, entry_id: int) -> MapEntryRecord:
        with self._store.transaction() as session:
            self._audit.record(session, AuditAction.VIEW, ENTRY, entry_id)
            return entry_record(_entry(session, entry_id), self._store.clock.today())

    def places(self) -> list[str]:
        """The places entries are in, for the filter (each spelling once, sorted)."""
        statement = (
            select(SocialMapEntry.place_key, func.min(SocialMapEntry.place))
            .where(SocialMapEntry.place.isnot(None))
            .group_by(SocialMapEntry.place_key)
            .order_by(SocialMapEntry.place_key)
        )
        with self._store.transaction() as session:
            return [place for _key, place in session.execute(statement)]

    def is_empty(self) -> bool:
        with self._store.transaction() as session:
            return not session.scalar(select(exists().where(SocialMapEntry.id.isnot(None))))

    def is_referenced(self, entry_id: int) -> bool:
        """True when a record elsewhere (e.g. a step) links to this entry."""
        with self._store.transaction() as session:
            if (
                session.scalar(select(SocialMapEntry.id).where(SocialMapEntry.id == entry_id))
                is None
            ):
                raise NotFound("social_map_entry", entry_id)
            return is_referenced(session, entry_id)

    # --- changing -------------------------------------------------------------------------
    def create(self, data: MapEntryInput) -> MapEntryRecord:
        values = self._validated(data)
        with self._store.transaction() as session:
            _refuse_same_name(session, values, exclude_id=None)
            entry = SocialMapEntry()
            apply_values(entry, values, data.categories)
            session.add(entry)
            self._audit.record_changes(session)
            return entry_record(entry, self._store.clock.today())

    def update(self, entry_id: int, data: MapEntryInput) -> MapEntryRecord:
        values = self._validated(data)
        with self._store.transaction() as session:
            entry = _entry(session, entry_id)
            _refuse_same_name(session, values, exclude_id=entry_id)
            apply_values(entry, values, data.categories)
            self._audit.record_changes(session)
            return entry_record(entry, self._store.clock.today())

    def deactivate(self, entry_id: int) -> MapEntryRecord:
        return self._change(entry_id, active=False)

    def reactivate(self, entry_id: int) -> MapEntryRecord:
        return self._change(entry_id, active=True)

    def mark_checked(self, entry_id: int) -> MapEntryRecord:
        """Gecontroleerd vandaag: the details were checked and still hold."""
        return self._change(entry_id, last_checked=self._store.clock.today())

    def delete(self, entry_id: int) -> None:
        """Removes an entry for good; refused (EntryReferenced) while anything refers to it.
        The interface offers only deactivating; this is for mistakes and example entries."""
        with self._store.transaction() as session:
            entry = _entry(session, entry_id)
            if is_referenced(session, entry_id):
                raise EntryReferenced(entry_id)
            session.delete(entry)
            self._audit.record_changes(session)

    def remove_examples(self) -> tuple[int, int]:
        """Removes the shipped example entries: deleted where nothing refers to them,
        deactivated otherwise. Returns (deleted, deactivated)."""
        deleted = deactivated = 0
        with self._store.transaction() as session:
            examples = session.execute(
                select(SocialMapEntry.id, SocialMapEntry.active).where(
                    SocialMapEntry.is_example.is_(True)
                )
            ).all()
            for entry_id, active in examples:
                if not is_referenced(session, entry_id):
                    session.delete(_entry(session, entry_id))
                    deleted += 1
                elif active:
                    _entry(session, entry_id).active = False
                    deactivated += 1
            self._audit.record_changes(session)
        return deleted, deactivated

    # --- helpers --------------------------------------------------------------------------
    def _validated(self, data: MapEntryInput) -> dict[str, Any]:
        errors = Collector()
        values = entry_values(data, self._store.clock.today(), errors)
        errors.raise_if_any()
        return values

    def _change(self, entry_id: int, **changes: Any) -> MapEntryRecord:
        with self._store.transaction() as session:
            entry = _entry(session, entry_id)
            for key, value in changes.items():
                setattr(entry, key, value)
            self._audit.record_changes(session)
            return entry_record(entry, self._store.clock.today())

    def _filtered(self, statement: Select, query: MapQuery) -> Select:  # type: ignore[type-arg]
        conditions = [
            SocialMapEntry.search_text.contains(word, autoescape=True)
            for word in search_fold(query.text).split()
        ]
        if not query.include_inactive:
            conditions.append(SocialMapEntry.active.is_(True))
        if query.kind is not None:
            conditions.append(SocialMapEntry.kind == query.kind)
        if query.category is not None:
            conditions.append(_has_category(query.category))
        if query.place:
            conditions.append(SocialMapEntry.place_key == fold(query.place))
        if query.stale_only:
            before = stale_before(self._store.clock.today())
            conditions.append(
                or_(SocialMapEntry.last_checked.is_(None), SocialMapEntry.last_checked < before)
            )
        return statement.where(and_(*conditions)) if conditions else statement


def apply_values(
    entry: SocialMapEntry, values: dict[str, Any], categories: frozenset[MapCategory]
) -> None:
    """Writes validated values and the categories onto an entry (new or existing)."""
    for key, value in {**values, **search_columns(values)}.items():
        setattr(entry, key, value)
    current = {c.category for c in entry.categories}
    if current != set(categories):
        entry.categories = [
            SocialMapEntryCategory(category=c) for c in sorted_categories(categories)
        ]


def entry_record(e: SocialMapEntry, today: date) -> MapEntryRecord:
    return MapEntryRecord(
        id=e.id,
        uuid=e.uuid,
        name=e.name,
        kind=e.kind,
        categories=sorted_categories(frozenset(c.category for c in e.categories)),
        access=e.access,
        target_group=e.target_group,
        age_min=e.age_min,
        age_max=e.age_max,
        schedule=e.schedule,
        location=e.location,
        cost=e.cost,
        place=e.place,
        contact_name=e.contact_name,
        phone=e.phone,
        email=e.email,
        backup_name=e.backup_name,
        backup_phone=e.backup_phone,
        website=e.website,
        description=e.description,
        active=e.active,
        last_checked=e.last_checked,
        is_example=e.is_example,
        stale=is_stale(e.last_checked, today),
        updated_at=e.updated_at,
    )


def _has_category(category: MapCategory) -> Any:
    return exists().where(
        SocialMapEntryCategory.entry_id == SocialMapEntry.id,
        SocialMapEntryCategory.category == category,
    )


def _entry(session: Session, entry_id: int) -> SocialMapEntry:
    entry = session.get(SocialMapEntry, entry_id)
    if entry is None:
        raise NotFound("social_map_entry", entry_id)
    return entry


def _refuse_same_name(session: Session, values: dict[str, Any], exclude_id: int | None) -> None:
    """Two entries with the same name in the same place would make a re-import ambiguous."""
    keys = search_columns(values)
    statement = select(SocialMapEntry.id).where(
        SocialMapEntry.name_key == keys["name_key"], SocialMapEntry.place_key == keys["place_key"]
    )
    if exclude_id is not None:
        statement = statement.where(SocialMapEntry.id != exclude_id)
    if session.scalar(statement.limit(1)) is not None:
        raise ValidationFailed([ValidationError("name", "map_entry_exists")])


__all__ = ["SocialMapService", "apply_values", "entry_record"]
