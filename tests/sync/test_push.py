"""Push to a ZGW server (a local test server that checks every body against the official
schemas): idempotent, resuming after a dropped connection without duplicates."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.sync.config import RSIN, SECRET, USER, settings_input
from tests.sync.conftest import Cases
from tests.sync.zgw_server import FakeZgwServer
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.sync import BatchState
from wijkteam.store.models import Report
from wijkteam.sync.export.errors import ConnectionLost, PushNotConfigured
from wijkteam.sync.export.sources import CollectContext, ResourceSource
from wijkteam.sync.zgw.data import ContactMomentData, DocumentData
from wijkteam.sync.zgw.documents import map_document
from wijkteam.sync.zgw.klantcontact import map_klantcontact
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.wiring import Services
from wijkteam.wiring.export import EXPORT_SOURCES

PDF = b"%PDF-1.4\n% synthetic\n%%EOF\n"


@pytest.fixture
def configured(linked: Services) -> Services:  # the cases fixture builds on this one
    return linked


def push(services: Services, **options: object):  # type: ignore[no-untyped-def]
    return services.export.push.push(SECRET, USER, **options)  # type: ignore[arg-type]


def totals(server: FakeZgwServer) -> dict[str, int]:
    return {k.value: len(v) for k, v in server.state.resources.items() if v}


def test_a_push_sends_everything_valid_and_acknowledges_the_batch(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    linked.reports.close(cases.other.id, ClosingReason.MOVED)
    result = push(linked)
    assert server.state.refusals == []
    assert totals(server) == {"zaak": 3, "rol": 5, "resultaat": 1, "status": 4}
    assert result.created == 13 and result.found == 0
    assert result.batch.state is BatchState.ACKNOWLEDGED
    # References point at the server's own URLs, not the ones derived here.
    zaak_urls = {z["url"] for z in server.state.resources[ResourceKind.ZAAK]}
    assert {s["zaak"] for s in server.state.resources[ResourceKind.STATUS]} <= zaak_urls
    # A fresh token with the audit-trail claims on every call.
    assert all(c.claims["user_id"] == "TT" for c in server.state.calls)
    assert all(c.claims["user_representation"] == "Tessa Testlid" for c in server.state.calls)
    with linked.store.transaction() as session:
        assert all(r.sync_acknowledged_at is not None for r in session.query(Report))


def test_pushing_again_creates_nothing_twice(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    push(linked)
    posted = server.state.posts
    again = push(linked, include_all=True)
    assert server.state.posts == posted
    assert again.created == 0 and again.unchanged == 11
    assert totals(server) == {"zaak": 3, "rol": 5, "status": 3}


@pytest.mark.parametrize("dropped", [1, 4, 9])
def test_a_dropped_connection_resumes_without_duplicates(
    linked: Services, cases: Cases, server: FakeZgwServer, dropped: int
) -> None:
    server.state.drop_on_post = {dropped}
    with pytest.raises(ConnectionLost):
        push(linked)
    assert server.state.posts == dropped  # the dropped one did arrive
    assert [b.state for b in linked.export.batches.list()] == []  # no batch yet
    result = push(linked)
    assert totals(server) == {"zaak": 3, "rol": 5, "status": 3}
    assert result.found == 1  # the dropped POST was looked up, not repeated
    # Looked up: what hangs under a zaak the second push did not create itself (it may be
    # there without the ledger knowing), each zaak's list of a kind once.
    lookups = [(c.kind, c.query.get("zaak")) for c in server.state.calls if c.method == "GET"]
    per_zaak = [lookup for lookup in lookups if lookup[1] is not None]
    assert len(per_zaak) == len(set(per_zaak))
    assert all(kind is not ResourceKind.ZAAK for kind, _zaak in per_zaak)
    assert result.batch.state is BatchState.ACKNOWLEDGED
    assert server.state.refusals == []


def test_a_zaak_the_municipality_already_has_is_fetched_not_duplicated(
    linked: Services, member, server: FakeZgwServer, clock: FixedClock
) -> None:
    from tests import factories

    config = linked.export.settings.config()
    existing = server.seed(
        ResourceKind.ZAAK,
        {
            "identificatie": "Z-2026-000123",
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": config.zaaktype,
            "startdatum": "2026-11-10",
        },
    )
    linked.reports.register(
        factories.report(case_reference="Z-2026-000123", assigned_member_id=member.id),
        resident=factories.resident(),
    )
    result = push(linked)
    assert totals(server) == {"zaak": 1, "rol": 2, "status": 1}
    assert {r["zaak"] for r in server.state.resources[ResourceKind.ROL]} == {existing}
    assert result.found == 1 and result.created == 3


def test_a_zaak_sent_by_file_earlier_is_found_when_later_work_is_pushed(
    linked: Services, cases: Cases, server: FakeZgwServer, clock: FixedClock, tmp_path: Path
) -> None:
    exported = linked.export.exports.export(tmp_path / "a.zip", "fietsen langs de Geul")
    linked.export.batches.acknowledge(exported.batch.uuid)
    # The back office imported the file: the server has the zaken (under its own UUIDs).
    from wijkteam.sync.export.archive import ArchiveReader

    for body in ArchiveReader(tmp_path / "a.zip", "fietsen langs de Geul").bodies(
        ResourceKind.ZAAK
    ):
        server.seed(ResourceKind.ZAAK, body)
    clock.advance(hours=2)
    linked.reports.close(cases.without_bsn.id, ClosingReason.NO_CONTACT)
    clock.advance(minutes=5)
    result = push(linked)
    assert totals(server)["zaak"] == 3  # found by identificatie, not created again
    assert server.state.refusals == []
    assert result.found == 1


def test_documents_and_contacts_travel_through_the_source_list(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    """Other tables add sources with a function and a line in the wiring's list; here some
    made up for the test, passed in through the same door."""

    def contacts(ctx: CollectContext) -> Iterator[Resource]:
        yield map_klantcontact(
            ContactMomentData(
                uuid.uuid4(), cases.with_bsn.uuid, "phone", datetime(2026, 11, 17, 9), 10
            ),
            ctx.config,
        )

    def documents(ctx: CollectContext) -> Iterator[Resource]:
        document = DocumentData(
            uuid.UUID(int=7),
            cases.with_bsn.uuid,
            "visit_summary",
            "nl",
            datetime(2026, 11, 17, 11),
            hashlib.sha256(PDF).hexdigest(),
            PDF,
        )
        yield map_document(document, ctx.config)[0]

    def links(ctx: CollectContext) -> Iterator[Resource]:
        document = DocumentData(
            uuid.UUID(int=7),
            cases.with_bsn.uuid,
            "visit_summary",
            "nl",
            datetime(2026, 11, 17, 11),
            hashlib.sha256(PDF).hexdigest(),
            PDF,
        )
        yield map_document(document, ctx.config)[1]

    extra = (
        ResourceSource(ResourceKind.KLANTCONTACT, "test-contacten", contacts),
        ResourceSource(ResourceKind.ENKELVOUDIGINFORMATIEOBJECT, "test-documenten", documents),
        ResourceSource(ResourceKind.ZAAKINFORMATIEOBJECT, "test-koppelingen", links),
    )
    push(Services.create(linked.store, linked.context, sources=(*EXPORT_SOURCES, *extra)))
    assert server.state.refusals == []
    assert totals(server) == {
        "zaak": 3,
        "rol": 5,
        "status": 3,
        "klantcontact": 1,
        "enkelvoudiginformatieobject": 1,
        "zaakinformatieobject": 1,
    }
    (link,) = server.state.resources[ResourceKind.ZAAKINFORMATIEOBJECT]
    (document,) = server.state.resources[ResourceKind.ENKELVOUDIGINFORMATIEOBJECT]
    assert link["informatieobject"] == document["url"]


def test_the_secret_is_never_stored_or_logged(
    linked: Services, cases: Cases, server: FakeZgwServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server.state.drop_on_post = {2}
    with pytest.raises(ConnectionLost) as raised:
        push(linked)
    push(linked)
    assert SECRET not in caplog.text
    assert SECRET not in repr(raised.value) and SECRET not in str(raised.value.__cause__)
    linked.store.close()
    for path in Path(linked.store.path).parent.iterdir():
        assert SECRET.encode() not in path.read_bytes()


def test_a_push_needs_a_client_id_and_a_secret(linked: Services, cases: Cases) -> None:
    with pytest.raises(PushNotConfigured):
        linked.export.push.push("", USER)
    linked.export.settings.save(
        settings_input(**{**linked.export.settings.form().__dict__, "client_id": ""})
    )
    with pytest.raises(PushNotConfigured):
        push(linked)


def test_an_unreachable_server_changes_nothing(linked: Services, cases: Cases) -> None:
    server_gone = settings_input(
        catalog="http://127.0.0.1:9/catalogi/api/v1",
        zaken="http://127.0.0.1:9/zaken/api/v1",
        documenten="http://127.0.0.1:9/documenten/api/v1",
    )
    linked.export.settings.save(server_gone)
    with pytest.raises(ConnectionLost):
        push(linked)
    assert linked.export.batches.list() == []
