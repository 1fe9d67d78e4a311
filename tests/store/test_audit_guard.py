"""The commit-time check: a transaction that changes personal data must name each changed
record in the audit log, or nothing of it is kept."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from tests.factories import report, resident
from wijkteam.errors import AuditMissing
from wijkteam.security.context import AuditAction
from wijkteam.store.models import AuditEvent, ContactTheme, Report, Resident
from wijkteam.wiring import Services


@pytest.fixture
def two(services: Services) -> tuple[int, int]:
    first = services.reports.register(report(), resident=resident(surname="Eerste"))
    second = services.reports.register(report(), resident=resident(surname="Tweede"))
    return first.resident_id, second.resident_id


def _surnames(services: Services) -> list[str]:
    with services.store.transaction() as session:
        return list(session.scalars(select(Resident.surname).order_by(Resident.id)))


def _rows(services: Services) -> int:
    with services.store.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM audit_event").scalar() or 0


def test_changing_two_residents_and_auditing_one_is_refused(
    services: Services, two: tuple[int, int]
) -> None:
    before = _rows(services)
    with pytest.raises(AuditMissing), services.store.transaction() as session:
        for resident_id in two:
            session.get(Resident, resident_id).surname = "Gewijzigd"  # type: ignore[union-attr]
        services.audit.record(session, AuditAction.CHANGE, "resident", two[0], two[0])
    assert _surnames(services) == ["Eerste", "Tweede"]  # nothing kept, not even the one
    assert _rows(services) == before  # nor its audit entry


def test_changing_two_residents_and_auditing_both_is_kept(
    services: Services, two: tuple[int, int]
) -> None:
    with services.store.transaction() as session:
        for resident_id in two:
            session.get(Resident, resident_id).surname = "Gewijzigd"  # type: ignore[union-attr]
            services.audit.record(session, AuditAction.CHANGE, "resident", resident_id, resident_id)
    assert _surnames(services) == ["Gewijzigd", "Gewijzigd"]


def test_a_bulk_statement_is_checked_row_by_row(services: Services, two: tuple[int, int]) -> None:
    with pytest.raises(AuditMissing), services.store.transaction() as session:
        session.execute(update(Resident).values(place="Vijlen"))
        services.audit.record(session, AuditAction.CHANGE, "resident", two[1], two[1])
    with services.store.transaction() as session:
        session.execute(update(Resident).values(place="Vijlen"))
        services.audit.record_changes(session)  # an entry for each record changed
    rows = [
        r
        for r in _audit(services)
        if r.action == AuditAction.CHANGE.value and r.object_type == "resident"
    ]
    assert len(rows) == 2


def test_a_new_record_needs_its_entry_too(services: Services, two: tuple[int, int]) -> None:
    with pytest.raises(AuditMissing), services.store.transaction() as session:
        session.add(Resident(surname="Nieuw"))
    assert "Nieuw" not in _surnames(services)


def test_a_part_of_a_record_is_named_by_its_record(services: Services) -> None:
    from wijkteam.domain.contacts import ContactKind, Theme
    from wijkteam.services.contact_records import ContactInput

    saved = services.reports.register(report(), resident=resident())
    contact = services.contacts.record(
        saved.resident_id, ContactInput(ContactKind.PHONE, "17-11-2026", themes={Theme.WHO: "x"})
    )
    with pytest.raises(AuditMissing), services.store.transaction() as session:
        session.execute(update(ContactTheme).values(text="anders"))
    with services.store.transaction() as session:
        session.execute(update(ContactTheme).values(text="anders"))
        services.audit.record(session, AuditAction.CHANGE, "contact", contact.id, saved.resident_id)
    assert services.contacts.get(contact.id).themes == {Theme.WHO: "anders"}


def test_bookkeeping_alone_needs_no_entry(services: Services, two: tuple[int, int]) -> None:
    from datetime import datetime

    with services.store.transaction() as session:
        session.execute(update(Report).values(sync_acknowledged_at=datetime(2026, 11, 18)))


def _audit(services: Services) -> list[AuditEvent]:
    with services.store.transaction() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
