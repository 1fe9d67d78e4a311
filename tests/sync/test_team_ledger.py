"""The push's ledger and batches as team records (issue 15 point 5), on one real SQLCipher
store and the ZGW test server: their wire form, how two laptops' versions are settled, the
per-laptop window, the statuses every laptop derives alike, and migration 0016."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text, update

from tests.sync.config import SECRET, USER
from tests.sync.conftest import Cases
from tests.sync.zgw_server import FakeZgwServer
from wijkteam.domain.sync import BatchState, RemoteState
from wijkteam.services.status_moves import replay_statuses, status_change_uuid
from wijkteam.store.migrate import upgrade
from wijkteam.store.models import Report, ReportEvent, StatusChange, SyncBatch, SyncRemote
from wijkteam.store.models.sync import ledger_uuid
from wijkteam.store.team_capture import APPLYING
from wijkteam.store.team_kinds import BY_NAME, snapshot
from wijkteam.store.zgw_records import settle_batch, settle_ledger
from wijkteam.teamsync.store_apply import Applier
from wijkteam.teamsync.upload import bodies
from wijkteam.wiring import Services


@pytest.fixture
def configured(linked: Services) -> Services:  # the cases fixture builds on this one
    return linked


def changes(session, report_id: int) -> list[StatusChange]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(StatusChange).where(StatusChange.report_id == report_id)))


def push(services: Services, **options: object):  # type: ignore[no-untyped-def]
    return services.export.push.push(SECRET, USER, **options)  # type: ignore[arg-type]


def test_the_ledger_and_a_batch_travel_whole_and_arrive_the_same(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    result = push(linked)
    with linked.store.transaction() as session:
        batch_id = session.scalar(select(SyncBatch.id).where(SyncBatch.uuid == result.batch.uuid))
        batch = snapshot(session, BY_NAME["sync_batch"], batch_id)  # type: ignore[arg-type]
        ledger = bodies(session, BY_NAME["sync_remote"])
        assert [batch] == bodies(session, BY_NAME["sync_batch"])  # bulk and one by one agree
    assert batch is not None and len(batch["sync_batch_case"]) == 3
    assert batch["device_uuid"] == str(linked.audit.device) and "id" not in batch
    assert {row["uuid"] for row in ledger} == {str(ledger_uuid(row["local_url"])) for row in ledger}
    assert all(row["state"] == RemoteState.CREATED.value for row in ledger)

    # Another laptop's ledger and batch, applied here, replace nothing and add nothing twice.
    token = APPLYING.set(True)
    try:
        with linked.store.transaction() as session:
            applier = Applier(session)
            for row in ledger:
                assert applier.write(BY_NAME["sync_remote"], row) is None
            assert applier.write(BY_NAME["sync_batch"], batch) is None
            applier.derive_statuses(None)
            assert bodies(session, BY_NAME["sync_remote"]) == ledger
            assert bodies(session, BY_NAME["sync_batch"]) == [batch]
    finally:
        APPLYING.reset(token)


def test_two_versions_of_a_ledger_row_or_batch_are_settled_without_a_conflict() -> None:
    sent = {"state": "sent", "remote_url": None, "changed_at": "2026-11-18T10:00:00"}
    made = {"state": "created", "remote_url": "https://x/1", "changed_at": "2026-11-18T09:00:00"}
    refused = {"state": "refused", "remote_url": None, "changed_at": "2026-11-18T11:00:00"}
    assert settle_ledger(None, sent, made) is made  # the server has it: that one stays
    assert settle_ledger(None, made, refused) is made
    assert settle_ledger(None, sent, refused) is refused  # else the newest
    open_ = {"state": BatchState.CREATED.value, "acknowledged_at": None}
    first = {"state": BatchState.ACKNOWLEDGED.value, "acknowledged_at": "2026-11-18T12:00:00"}
    later = {"state": BatchState.ACKNOWLEDGED.value, "acknowledged_at": "2026-11-19T08:00:00"}
    partial = {"state": BatchState.PARTIAL.value, "acknowledged_at": "2026-11-18T09:00:00"}
    assert settle_batch(None, open_, later) is later
    assert settle_batch(None, later, first) is first  # the first acknowledgement stays
    assert settle_batch(None, partial, first) is first


def test_another_laptops_batches_do_not_move_this_laptops_window(
    linked: Services, cases: Cases, server: FakeZgwServer
) -> None:
    push(linked)
    assert push(linked).created == 0
    with linked.store.transaction() as session:  # as if another laptop had pushed
        session.execute(update(SyncBatch).values(device_uuid=uuid.uuid4()))
    posts = server.state.posts
    again = push(linked)
    # From the beginning, but what the (team's) ledger knows is neither posted nor looked up.
    assert again.unchanged == 11 and again.created == 0 and again.found == 0
    assert server.state.posts == posts


def test_statuses_derived_from_arrived_events_are_the_ones_the_recording_laptop_made(
    linked: Services, cases: Cases
) -> None:
    from wijkteam.domain.enums import ClosingReason

    linked.reports.close(cases.other.id, ClosingReason.MOVED)
    with linked.store.transaction() as session:
        report = session.scalar(select(Report).where(Report.uuid == cases.other.uuid))
        assert report is not None
        made = {(c.uuid, c.status, c.changed_at) for c in changes(session, report.id)}
        events = session.scalars(select(ReportEvent).where(ReportEvent.report_id == report.id))
        assert {u for u, _s, _t in made} <= {status_change_uuid(e.uuid) for e in events}
        # Another laptop has the events but none of the status changes yet.
        for change in changes(session, report.id):
            session.delete(change)
        session.flush()
        replay_statuses(session, report)
        session.flush()
        again = {(c.uuid, c.status, c.changed_at) for c in changes(session, report.id)}
        replay_statuses(session, report)  # nothing twice
        count = len(changes(session, report.id))
        linked.audit.record_changes(session)  # as a sync round does
    assert again == made and count == len(made) == 2


def test_migration_0016_gives_ledger_rows_and_batches_their_uuids(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    origin, member, batch = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    url = "https://zaken.example.nl/zaken/api/v1/zaken/" + str(uuid.uuid4())
    with engine.begin() as connection:
        upgrade(connection, "0014")
        connection.execute(text("INSERT INTO setting (key, value) VALUES ('origin_id', :o)"),
                           {"o": str(origin)})  # fmt: skip
        connection.execute(
            text("INSERT INTO member (id, uuid, name, initials, role, active, created_at, "
                 "updated_at) VALUES (7, :u, 'Proef', 'PP', 'member', 1, '2026-11-18', "
                 "'2026-11-18')"),
            {"u": member.hex},
        )  # fmt: skip
        connection.execute(
            text("INSERT INTO sync_batch (uuid, channel, state, include_all, window_until, "
                 "counts, undelivered, member_id, created_at, updated_at) VALUES (:u, 'push', "
                 "'bevestigd', 0, '2026-11-18', '{}', 0, 7, '2026-11-18', '2026-11-18')"),
            {"u": batch.hex},
        )  # fmt: skip
        connection.execute(
            text("INSERT INTO sync_remote (local_url, kind, state, body_sha256, changed_at) "
                 "VALUES (:url, 'zaak', 'created', '00', '2026-11-18')"),
            {"url": url},
        )  # fmt: skip
        upgrade(connection)
    with engine.connect() as connection:
        row = connection.execute(select(SyncBatch.member_uuid, SyncBatch.device_uuid)).one()
        assert row == (member, origin)
        assert connection.execute(select(SyncRemote.uuid)).scalar() == ledger_uuid(url)
    engine.dispose()
