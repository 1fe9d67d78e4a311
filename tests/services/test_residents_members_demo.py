from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.factories import report, resident
from wijkteam.demo.generator import generate
from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import ValidationError, ValidationFailed
from wijkteam.services.inputs import ResidentInput
from wijkteam.services.worklist import WorklistQuery
from wijkteam.store import Store
from wijkteam.store.models import CaseFact, Report, Resident
from wijkteam.validation import normalise_bsn
from wijkteam.wiring import Services


def test_update_resident_validates_and_keeps_old_values_on_error(services: Services) -> None:
    saved = services.reports.register(report(), resident=resident())
    with pytest.raises(ValidationFailed):
        services.residents.update(saved.resident_id, resident(postcode="12AB"))
    assert services.residents.get(saved.resident_id).postcode == "6291 AB"
    updated = services.residents.update(saved.resident_id, resident(place="Lemiers", district=""))
    assert (updated.place, updated.district) == ("Lemiers", "Lemiers")
    assert [r.id for r in services.residents.search("lemiers")] == [saved.resident_id]
    assert services.residents.search("vaals") == []  # the search index followed the change


@pytest.fixture
def empty(store: Store) -> Services:
    """Services over an empty store, as a headless command opened with the store key."""
    return Services.create(store)


def test_members(empty: Services) -> None:
    services = empty
    assert services.members.count() == 0
    services.members.add("Anna Eerste", "ae")
    assert [m.initials for m in services.members.list()] == ["AE"]
    with pytest.raises(ValidationError) as caught:
        services.members.add("Adam Ander", "AE")
    assert caught.value.code == "initials_taken"
    with pytest.raises(ValidationFailed):
        services.members.add("", "")


def test_demo_data_covers_the_work(empty: Services) -> None:
    services = empty
    assert services.store_is_empty()
    summary = generate(services.store, services.audit, residents=40)
    assert (summary.members, summary.residents) == (4, 40)
    assert not services.store_is_empty()
    every = WorklistQuery(statuses=frozenset(ReportStatus))
    rows = services.worklist.rows(every, limit=1000)
    assert len(rows) == summary.reports
    assert {r.status for r in rows} == set(ReportStatus)
    waiting = services.worklist.awaiting_visit_plan()
    assert {r.deadline.state for r in waiting} == set(DeadlineState)
    today, tomorrow, _ = services.worklist.week_bounds()
    assert services.worklist.visits_between(today, tomorrow)
    # Each closed melding has its anonymous facts, under its own UUID.
    closed = {r.report_id for r in rows if r.status is ReportStatus.CLOSED}
    with services.store.transaction() as session:
        facts = set(session.scalars(select(CaseFact.uuid)))
        uuids = set(session.scalars(select(Report.uuid).where(Report.id.in_(closed))))
    assert closed and facts == uuids
    # Demo BSNs pass the 11-proof and come from the 999 test range.
    for person in services.residents.search("9990", limit=100):
        assert person.bsn is not None and person.bsn.startswith("999")
        assert normalise_bsn(person.bsn) == person.bsn


def test_demo_data_fills_an_existing_store(empty: Services) -> None:
    services = empty
    generate(services.store, services.audit, residents=10)
    generate(services.store, services.audit, residents=5)
    assert services.members.count() == 4
    every = WorklistQuery(statuses=frozenset(ReportStatus))
    assert len({r.resident_id for r in services.worklist.rows(every, limit=1000)}) == 15


def test_every_demo_resident_saves_unchanged(empty: Services) -> None:
    """A member who opens a demo resident and saves without touching a field is never refused
    (a demo phone number outside the mobile ranges was)."""
    services = empty
    generate(services.store, services.audit, residents=60)
    with services.store.transaction() as session:
        ids = list(session.scalars(select(Resident.id)))
    assert len(ids) == 60
    for resident_id in ids:
        r = services.residents.get(resident_id)
        saved = services.residents.update(
            r.id,
            ResidentInput(
                surname=r.surname, first_names=r.first_names or "", prefix=r.prefix or "",
                birth_date=r.birth_date.strftime("%d-%m-%Y") if r.birth_date else "",
                bsn=r.bsn or "", bsn_confirmed=r.bsn_confirmed, street=r.street or "",
                house_number=r.house_number or "",
                house_number_suffix=r.house_number_suffix or "", postcode=r.postcode or "",
                place=r.place or "", district=r.district or "", phone=r.phone or "",
                email=r.email or "", preferred_channel=r.preferred_channel,
                language=r.language, network_notes=r.network_notes or "",
            ),
        )  # fmt: skip
        assert saved.phone == r.phone
