from __future__ import annotations

from sqlalchemy import and_, or_, select

from wijkteam.domain.text import fold
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.convert import resident_record
from wijkteam.services.inputs import ResidentInput
from wijkteam.services.records import ResidentRecord
from wijkteam.services.resident_rules import resident_values, search_columns
from wijkteam.store import Store
from wijkteam.store.models import Resident
from wijkteam.store.search_index import resident_ids_matching
from wijkteam.validation import Collector, normalise_bsn, parse_birth_date

SEARCH_LIMIT = 50


class ResidentService:
    """Residents (inwoners): search, duplicate detection, and editing their details."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def get(self, resident_id: int) -> ResidentRecord:
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            self._audit.record(session, AuditAction.VIEW, "resident", resident_id, resident_id)
            return resident_record(resident)

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[ResidentRecord]:
        """Residents whose name, postcode, BSN or place contain every typed word."""
        matching = resident_ids_matching(text)
        if matching is None:
            return []
        query = (
            select(Resident)
            .where(Resident.id.in_(matching))
            .order_by(Resident.surname_key, Resident.first_names)
            .limit(limit)
        )
        with self._store.transaction() as session:
            found = [resident_record(r) for r in session.scalars(query)]
            self._audit.record(session, AuditAction.VIEW, "resident_search")
            return found

    def find_duplicates(
        self, data: ResidentInput, exclude_id: int | None = None
    ) -> list[ResidentRecord]:
        """Likely the same person: same BSN, or same surname and date of birth.
        Values that do not validate are ignored here; saving reports them."""
        today = self._store.clock.today()
        bsn = _quiet(lambda: normalise_bsn(data.bsn))
        born = _quiet(lambda: parse_birth_date(data.birth_date, today))
        surname = fold(data.surname)
        conditions = []
        if bsn:
            conditions.append(Resident.bsn == bsn)
        if surname and born:
            conditions.append(and_(Resident.surname_key == surname, Resident.birth_date == born))
        if not conditions:
            return []
        query = select(Resident).where(or_(*conditions)).limit(10)
        if exclude_id is not None:
            query = query.where(Resident.id != exclude_id)
        with self._store.transaction() as session:
            found = [resident_record(r) for r in session.scalars(query)]
            self._audit.record(session, AuditAction.VIEW, "resident_search")
            return found

    def update(self, resident_id: int, data: ResidentInput) -> ResidentRecord:
        errors = Collector()
        values = resident_values(data, self._store.clock.today(), errors)
        errors.raise_if_any()
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            check_bsn_free(session, values["bsn"], exclude_id=resident_id)
            for key, value in {**values, **search_columns(values)}.items():
                setattr(resident, key, value)
            session.flush()
            self._audit.record(session, AuditAction.CHANGE, "resident", resident_id, resident_id)
            return resident_record(resident)


def check_bsn_free(session, bsn: str | None, exclude_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
    if not bsn:
        return
    query = select(Resident.id).where(Resident.bsn == bsn)
    if exclude_id is not None:
        query = query.where(Resident.id != exclude_id)
    if session.scalar(query) is not None:
        raise ValidationError("bsn", "bsn_in_use")


def _quiet(rule):  # type: ignore[no-untyped-def]
    try:
        return rule()
    except ValidationError:
        return None
