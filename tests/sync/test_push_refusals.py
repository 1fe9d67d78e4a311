"""A push a real ZGW server cannot derail, against a test server that refuses what Open Zaak
1.30 refuses: each refused resource is reported (which, why) while the rest is delivered;
only meldingen that arrived whole are acknowledged; a second push, and a push after the
ledger was lost, create nothing twice."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from tests.factories import BSN_B, resident
from tests.sync.config import SECRET, USER
from tests.sync.conftest import Cases
from tests.sync.open_zaak_rules import Answer, fault, invalid
from tests.sync.zgw_server import FakeZgwServer
from wijkteam.clock import FixedClock
from wijkteam.domain.contacts import ContactKind
from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.enums import ClosingReason, Language
from wijkteam.domain.sync import BatchState, Undelivered
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import ReportRecord
from wijkteam.store.models import Report, SyncBatch, SyncBatchCase, SyncRemote
from wijkteam.sync.export.errors import ClientRefused
from wijkteam.sync.export.push.service import PushResult
from wijkteam.sync.export.sources import CollectContext, ResourceSource
from wijkteam.sync.zgw.data import ContactMomentData
from wijkteam.sync.zgw.klantcontact import map_klantcontact
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.wiring import Services
from wijkteam.wiring.export import EXPORT_SOURCES

PDF = b"%PDF-1.4\n% synthetic test document\n%%EOF\n"


@pytest.fixture
def configured(linked: Services) -> Services:  # the cases fixture builds on this one
    return linked


def push(services: Services, **options: Any) -> PushResult:
    return services.export.push.push(SECRET, USER, **options)


def totals(server: FakeZgwServer) -> dict[str, int]:
    return {k.value: len(v) for k, v in server.state.resources.items() if v}


def zaak_of(server: FakeZgwServer, melding: ReportRecord) -> dict[str, Any]:
    return next(
        z
        for z in server.state.resources[ResourceKind.ZAAK]
        if z["kenmerken"][0]["kenmerk"] == str(melding.uuid)
    )


def acknowledged(services: Services, melding: ReportRecord) -> bool:
    with services.store.transaction() as session:
        stamp = session.scalar(select(Report.sync_acknowledged_at).where(Report.id == melding.id))
    return stamp is not None


def lose_ledger(services: Services) -> None:
    """The laptop is a copy from before the pushes: no ledger, no batches."""
    with services.store.transaction() as session:
        session.execute(delete(SyncRemote))
        session.execute(delete(SyncBatchCase))
        session.execute(delete(SyncBatch))
        session.execute(update(Report).values(sync_acknowledged_at=None))


def reasons(result: PushResult) -> list[tuple[str, str, uuid.UUID]]:
    return sorted((u.kind.value, u.reason.value, u.case_uuid) for u in result.undelivered)


def phone_call(services: Services, melding: ReportRecord) -> None:
    services.contacts.record(
        melding.resident_id,
        ContactInput(ContactKind.PHONE, "18-11-2026", "10:00", "15", report_id=melding.id),
    )


def test_a_zaak_the_municipality_closed_refuses_more_and_the_rest_goes_on(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock
) -> None:
    push(linked)
    closed = zaak_of(server, cases.with_bsn)
    server.close_zaak(closed["url"])
    clock.advance(hours=1)
    phone_call(linked, cases.with_bsn)  # too late for the municipality
    linked.visits.plan(cases.other.id, VisitInput("20-11-2026", "10:00"))  # on time
    clock.advance(minutes=5)
    result = push(linked)
    assert reasons(result) == [("klantcontact", "zaak_closed", cases.with_bsn.uuid)]
    (refused,) = server.state.refused()
    assert (refused.status, refused.code) == (403, "permission_denied")
    other = zaak_of(server, cases.other)
    planned = [s for s in server.state.resources[ResourceKind.STATUS] if s["zaak"] == other["url"]]
    assert len(planned) == 2  # new, and now visit planned
    assert result.batch.state is BatchState.PARTIAL and result.batch.undelivered == 1
    assert acknowledged(linked, cases.other) and not acknowledged(linked, cases.with_bsn)
    assert [u.reason for u in linked.export.push.undelivered()] == [Undelivered.ZAAK_CLOSED]
    # Every push tries again (the municipality may reopen the zaak) and creates nothing twice.
    posts = server.state.posts
    again = push(linked)
    assert reasons(again) == reasons(result)
    assert server.state.posts == posts and again.created == 0


def test_linking_a_document_to_a_zaak_closed_in_an_earlier_push_is_refused_alone(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock
) -> None:
    linked.reports.close(cases.other.id, ClosingReason.SOLVED_VOORVELD)
    clock.advance(minutes=5)
    push(linked)
    assert zaak_of(server, cases.other)["url"] in server.state.closed
    clock.advance(hours=1)
    linked.documents.record(
        cases.other.resident_id,
        DocumentKind.VISIT_SUMMARY,
        Language.DUTCH,
        PDF,
        report_id=cases.other.id,
    )
    phone_call(linked, cases.without_bsn)
    clock.advance(minutes=5)
    result = push(linked)
    assert reasons(result) == [("zaakinformatieobject", "zaak_closed", cases.other.uuid)]
    assert len(server.state.resources[ResourceKind.ENKELVOUDIGINFORMATIEOBJECT]) == 1
    assert len(server.state.resources[ResourceKind.KLANTCONTACT]) == 1
    assert server.state.refusals == []


@pytest.fixture
def failing_rol(server: FakeZgwServer) -> Iterator[list[int]]:
    """The server fails (500) on the rol of the resident named 'Bedacht' while the list is
    not empty; a test empties it to let the server recover."""
    failures = [500]

    def intercept(kind: ResourceKind, body: dict[str, Any]) -> Answer | None:
        person = body.get("betrokkeneIdentificatie") or {}
        if failures and kind is ResourceKind.ROL and person.get("geslachtsnaam") == "Bedacht":
            return fault(server.base, failures[0], "error", exception="APIException")
        return None

    server.state.intercept = intercept
    yield failures


def test_a_refused_rol_holds_back_only_the_closing_of_its_own_zaak(
    linked: Services,
    cases: Cases,
    server: FakeZgwServer,
    clock: FixedClock,
    failing_rol: list[int],
) -> None:
    linked.reports.close(cases.without_bsn.id, ClosingReason.NO_CONTACT)
    linked.reports.close(cases.other.id, ClosingReason.MOVED)
    clock.advance(minutes=5)
    result = push(linked)
    case = cases.without_bsn.uuid
    assert reasons(result) == [("rol", "server_error", case), ("status", "closing_waits", case)]
    # The other closed melding went whole, and is closed on the server; this one is not.
    assert zaak_of(server, cases.other)["url"] in server.state.closed
    assert zaak_of(server, cases.without_bsn)["url"] not in server.state.closed
    assert acknowledged(linked, cases.other) and acknowledged(linked, cases.with_bsn)
    assert not acknowledged(linked, cases.without_bsn)
    failing_rol.clear()  # the server recovers
    clock.advance(hours=1)
    posts = server.state.posts
    again = push(linked)
    assert again.complete and again.batch.state is BatchState.ACKNOWLEDGED
    assert server.state.posts == posts + 2  # the rol and the final status, nothing else
    assert zaak_of(server, cases.without_bsn)["url"] in server.state.closed
    assert acknowledged(linked, cases.without_bsn)
    assert linked.export.push.undelivered() == []
    assert totals(server) == {"zaak": 3, "rol": 5, "resultaat": 2, "status": 5}


def test_what_needs_a_refused_zaak_waits_for_it(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock
) -> None:
    refuse = {"on": True}

    def intercept(kind: ResourceKind, body: dict[str, Any]) -> Answer | None:
        wanted = body.get("kenmerken", [{}])[0].get("kenmerk") == str(cases.with_bsn.uuid)
        if refuse["on"] and kind is ResourceKind.ZAAK and wanted:
            return invalid(server.base, "zaaktype", "zaaktype-concept")
        return None

    server.state.intercept = intercept
    result = push(linked)
    case = cases.with_bsn.uuid
    assert reasons(result) == [
        ("rol", "waits", case),
        ("rol", "waits", case),
        ("status", "waits", case),
        ("zaak", "invalid", case),
    ]
    assert all(u.waits_for is ResourceKind.ZAAK for u in result.undelivered if u.held)
    assert totals(server) == {"zaak": 2, "rol": 3, "status": 2}
    refuse["on"] = False
    again = push(linked)
    assert again.complete and again.created == 4
    assert totals(server) == {"zaak": 3, "rol": 5, "status": 3}


def everything_once(services: Services, cases: Cases, clock: FixedClock) -> None:
    """A contact moment, a document with its link, a closing: every kind of resource."""
    phone_call(services, cases.with_bsn)
    services.documents.record(
        cases.with_bsn.resident_id,
        DocumentKind.VISIT_SUMMARY,
        Language.DUTCH,
        PDF,
        report_id=cases.with_bsn.id,
    )
    services.reports.close(cases.other.id, ClosingReason.SOLVED_VOORVELD)
    clock.advance(minutes=5)


def test_after_a_lost_ledger_every_kind_is_found_not_created_again(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock
) -> None:
    everything_once(linked, cases, clock)
    first = push(linked)
    assert first.complete
    before = totals(server)
    assert set(before) == {k.value for k in ResourceKind}
    lose_ledger(linked)
    calls = len(server.state.calls)
    result = push(linked)
    assert totals(server) == before
    assert result.created == 0 and result.found == sum(before.values())
    assert result.complete and result.batch.state is BatchState.ACKNOWLEDGED
    second = server.state.calls[calls:]
    # Zaken and the document are posted and answered identificatie-niet-uniek; everything
    # else is looked up first, with the filters the specification names (else: a 400).
    posted = {(c.kind, c.status, c.code) for c in second if c.method == "POST"}
    assert posted == {
        (ResourceKind.ZAAK, 400, "identificatie-niet-uniek"),
        (ResourceKind.ENKELVOUDIGINFORMATIEOBJECT, 400, "identificatie-niet-uniek"),
    }
    assert all(c.status == 200 for c in second if c.method == "GET")
    assert acknowledged(linked, cases.with_bsn) and acknowledged(linked, cases.other)
    posts = server.state.posts
    assert push(linked, include_all=True).created == 0 and server.state.posts == posts


def test_an_initiator_the_server_already_has_is_found_by_max_occurences(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock
) -> None:
    push(linked)
    clock.advance(hours=1)
    # The BSN becomes known after the push: the rol would now name the resident by BSN,
    # while the server's rol names them by name and date of birth.
    linked.residents.update(
        cases.without_bsn.resident_id,
        resident(surname="Bedacht", first_names="Jan Willem", bsn=BSN_B.replace("32", "44")),
    )
    clock.advance(minutes=5)
    lose_ledger(linked)
    result = push(linked)
    assert totals(server) == {"zaak": 3, "rol": 5, "status": 3}
    refused_rol = [
        c for c in server.state.refused() if c.kind is ResourceKind.ROL and c.status == 400
    ]
    assert [c.code for c in refused_rol] == ["max-occurences"]
    assert result.complete and result.created == 0


def test_a_body_that_breaks_the_schema_is_reported_and_never_sent(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    def broken(ctx: CollectContext) -> Iterator[Resource]:
        at = datetime(2026, 11, 18, 8, 30)
        contact = ContactMomentData(uuid.uuid4(), cases.other.uuid, "phone", at, 5)
        made = map_klantcontact(contact, ctx.config)
        body = {**made.body, "kanaal": "x" * 21}  # the schema allows 20
        yield Resource(made.kind, made.uuid, made.url, body, made.case_uuid)

    extra = ResourceSource(ResourceKind.KLANTCONTACT, "test-kapot", broken)
    result = push(Services.create(linked.store, linked.context, sources=(*EXPORT_SOURCES, extra)))
    assert [(u.kind, u.reason, u.codes) for u in result.undelivered] == [
        (ResourceKind.KLANTCONTACT, Undelivered.SCHEMA, ("maxLength",))
    ]
    assert totals(server) == {"zaak": 3, "rol": 5, "status": 3}
    assert server.state.refusals == []


def test_a_server_that_does_not_know_the_client_stops_the_push_at_once(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    with pytest.raises(ClientRefused):
        linked.export.push.push("een-ander-geheim-van-iemand-anders", USER)
    assert totals(server) == {} and linked.export.batches.list() == []
    server.state.intercept = lambda kind, body: fault(
        server.base, 401, "not_authenticated", exception="NotAuthenticated"
    )
    with pytest.raises(ClientRefused):
        push(linked)  # the access check is a GET; this server refuses the first POST
    assert totals(server) == {} and linked.export.batches.list() == []
    assert [c.status for c in server.state.calls if c.method == "POST"] == [401]


def test_two_moves_at_one_instant_are_two_statuses_the_server_accepts(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    """Planning and holding a visit in the same second (one clock reading): Open Zaak keeps
    one status per zaak and moment, so the second gets a microsecond more."""
    linked.visits.plan(cases.with_bsn.id, VisitInput("18-11-2026", "08:00"))
    linked.visits.mark_held(cases.with_bsn.id)
    result = push(linked)
    assert result.complete
    mine = zaak_of(server, cases.with_bsn)["url"]
    moments = [
        s["datumStatusGezet"]
        for s in server.state.resources[ResourceKind.STATUS]
        if s["zaak"] == mine
    ]
    assert len(moments) == 3 and len(set(moments)) == 3


def test_within_a_zaak_contacts_and_documents_go_before_the_resultaat_and_the_closing(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock
) -> None:
    posted: list[tuple[ResourceKind, str | None]] = []

    def watch(kind: ResourceKind, body: dict[str, Any]) -> Answer | None:
        posted.append((kind, body.get("statustype")))
        return None

    server.state.intercept = watch
    phone_call(linked, cases.other)
    linked.documents.record(
        cases.other.resident_id,
        DocumentKind.VISIT_SUMMARY,
        Language.DUTCH,
        PDF,
        report_id=cases.other.id,
    )
    linked.reports.close(cases.other.id, ClosingReason.SOLVED_VOORVELD)
    clock.advance(minutes=5)
    assert push(linked).complete
    order = [kind for kind, _type in posted]
    before_closing = [
        ResourceKind.KLANTCONTACT,
        ResourceKind.ENKELVOUDIGINFORMATIEOBJECT,
        ResourceKind.ZAAKINFORMATIEOBJECT,
    ]
    assert all(order.index(k) < order.index(ResourceKind.RESULTAAT) for k in before_closing)
    final = next(n for n, (_k, t) in enumerate(posted) if t and t.endswith("/closed"))
    assert order.index(ResourceKind.RESULTAAT) < final
    assert final == max(n for n, (k, _t) in enumerate(posted) if k is ResourceKind.STATUS)


def test_what_waits_for_an_erased_melding_is_no_longer_listed(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock
) -> None:
    push(linked)
    server.close_zaak(zaak_of(server, cases.with_bsn)["url"])
    clock.advance(hours=1)
    phone_call(linked, cases.with_bsn)
    clock.advance(minutes=5)
    assert len(push(linked).undelivered) == 1
    assert len(linked.export.push.undelivered()) == 1
    linked.privacy.erase(cases.with_bsn.resident_id)  # on the resident's request
    assert linked.export.push.undelivered() == []
