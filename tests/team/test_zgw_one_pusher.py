"""One push per team (DESIGN.md §11 "The municipality", issue 15 point 5): real SQLCipher
laptops against the real team server on PostgreSQL, pushing to the ZGW test server on
127.0.0.1 that answers as Open Zaak does. One device sends; the ledger and the batches travel
as team records, so a receipt is understood on any laptop and another device takes over
without sending anything twice."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests import factories
from tests.conftest import NOW
from tests.sync.config import CLIENT_ID, SECRET, USER, settings_input
from tests.sync.zgw_server import FakeZgwServer
from tests.team.servers import ServerProcess
from tests.team.stores import coordinator_laptop, member_laptop
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.sync import BatchState, RemoteState
from wijkteam.store.models import Report, SyncBatch, SyncBatchCase, SyncRemote
from wijkteam.sync.export.errors import ConnectionLost, NothingToExport
from wijkteam.sync.export.receipt import receipt_json
from wijkteam.teamsync.errors import NotTeamPusher
from wijkteam.teamsync.outbox import load_state
from wijkteam.wiring import Services
from wijkteam.wiring.setup import Opened

EXPORT_PASSPHRASE = "fietsen langs de Geul"


@dataclass
class Team:
    carla: Opened
    mo: Opened
    zgw: FakeZgwServer
    url: str
    clock: FixedClock
    folder: Path


@pytest.fixture
def team(tmp_path: Path, server: ServerProcess, pg_role) -> Iterator[Team]:  # type: ignore[no-untyped-def]
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    clock = FixedClock(NOW)
    carla = coordinator_laptop(tmp_path / "carla", process.url, database, clock)
    mo = member_laptop(carla, tmp_path / "mo", process.url, clock)
    with FakeZgwServer(CLIENT_ID, SECRET) as zgw:
        catalog = f"{zgw.base}/catalogi/api/v1"
        zgw.state.final_statustype = f"{catalog}/statustypen/closed"
        zgw.state.initiator_roltype = f"{catalog}/roltypen/inwoner"
        for laptop in (carla, mo):
            configure(laptop, zgw)
        yield Team(carla, mo, zgw, process.url, clock, tmp_path)
    for opened in (carla, mo):
        opened.services.store.close()
    process.stop()


def configure(laptop: Opened, zgw: FakeZgwServer) -> None:
    """IT sets the link with the municipality on every laptop (a headless command's rights)."""
    base = zgw.base
    Services.create(laptop.services.store).export.settings.save(
        settings_input(
            catalog=f"{base}/catalogi/api/v1",
            zaken=f"{base}/zaken/api/v1",
            documenten=f"{base}/documenten/api/v1",
        )
    )


def push(laptop: Opened):  # type: ignore[no-untyped-def]
    return laptop.services.export.push.push(SECRET, USER)


def totals(zgw: FakeZgwServer) -> dict[str, int]:
    return {k.value: len(v) for k, v in zgw.state.resources.items() if v}


def sync_until(laptop: Opened, arrived: Callable[[], bool]) -> None:
    """The server hands a push out once no older transaction in its (shared) PostgreSQL
    cluster can still commit: sync until it arrived."""
    deadline = time.monotonic() + 30
    while True:
        laptop.services.team.sync()
        if arrived():
            return
        assert time.monotonic() < deadline, "did not arrive"
        time.sleep(0.3)


def count(laptop: Opened, model, *where) -> int:  # type: ignore[no-untyped-def]
    with laptop.services.store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def ledger(laptop: Opened) -> dict[str, RemoteState]:
    with laptop.services.store.transaction() as session:
        return {u: s for u, s in session.execute(select(SyncRemote.local_url, SyncRemote.state))}


def acknowledged(laptop: Opened, case: uuid.UUID) -> bool:
    with laptop.services.store.transaction() as session:
        stamp = session.scalar(select(Report.sync_acknowledged_at).where(Report.uuid == case))
    return stamp is not None


def work(laptop: Opened, surname: str, closed: bool = False) -> uuid.UUID:
    services = laptop.services
    made = services.reports.register(
        factories.report(), resident=factories.resident(surname=surname)
    )
    if closed:
        services.reports.close(made.id, ClosingReason.MOVED)
    return made.uuid


def device_of(laptop: Opened) -> str:
    with laptop.services.store.transaction() as session:
        state = load_state(session)
    assert state is not None
    return state.device


def arrived_on(laptop: Opened, case: uuid.UUID) -> Callable[[], bool]:
    return lambda: count(laptop, Report, Report.uuid == case) == 1


def test_a_team_of_two_pushes_its_work_once(team: Team) -> None:
    carla, mo, zgw = team.carla, team.mo, team.zgw
    on_carla = work(carla, "Proefkonijn")
    on_mo = work(mo, "Testpersoon", closed=True)
    mo.services.team.sync()
    sync_until(carla, arrived_on(carla, on_mo))
    sync_until(mo, arrived_on(mo, on_carla))

    # The member's laptop refuses, naming the laptop that sends (the coordinator's).
    with pytest.raises(NotTeamPusher) as refused:
        push(mo)
    assert refused.value.params["reason"] == "other"
    assert refused.value.params["initials"] == "CC"
    with pytest.raises(NotTeamPusher):
        mo.services.export.exports.export(team.folder / "uit.zip", EXPORT_PASSPHRASE)
    assert zgw.state.posts == 0 and not (team.folder / "uit.zip").exists()
    assert mo.services.team_pusher.view().this_laptop_pushes is False

    # The coordinator's laptop sends the work of both.
    result = push(carla)
    assert result.batch.state is BatchState.ACKNOWLEDGED
    assert totals(zgw) == {"zaak": 2, "rol": 2, "status": 3, "resultaat": 1}
    carla.services.team.sync()
    batch = result.batch.uuid
    sync_until(mo, lambda: count(mo, SyncBatch, SyncBatch.uuid == batch) == 1)

    # The member's laptop knows what was delivered, and that its meldingen were acknowledged.
    assert ledger(mo) == ledger(carla)
    assert count(mo, SyncBatchCase, SyncBatchCase.batch_uuid == batch) == 2
    assert acknowledged(mo, on_carla) and acknowledged(mo, on_mo)
    with mo.services.store.transaction() as session:
        theirs = session.scalar(select(SyncBatch).where(SyncBatch.uuid == batch))
        assert theirs is not None and theirs.state is BatchState.ACKNOWLEDGED
        assert theirs.member_uuid is not None


def test_the_coordinator_hands_the_push_to_another_laptop_nothing_goes_twice(team: Team) -> None:
    carla, mo, zgw = team.carla, team.mo, team.zgw
    first = work(carla, "Proefkonijn")
    push(carla)
    before = totals(zgw)
    posts = zgw.state.posts
    carla.services.team.sync()
    sync_until(mo, lambda: len(ledger(mo)) == len(ledger(carla)) and acknowledged(mo, first))

    # The coordinator designates Mo's laptop (only the coordinator may; audited).
    mine = device_of(mo)
    chosen = carla.services.team_pusher.designate(mine[:8])
    assert chosen.device == mine and chosen.member_initials == "MM"
    with pytest.raises(NotTeamPusher):
        push(carla)  # the coordinator's laptop now refuses too
    sync_until(mo, lambda: mo.services.team_pusher.view().this_laptop_pushes)

    # Work after the hand-over, on the coordinator's laptop, reaches Mo's.
    team.clock.advance(minutes=10)
    later = work(carla, "Laatkomer", closed=True)
    carla.services.team.sync()
    sync_until(mo, arrived_on(mo, later))

    result = push(mo)
    assert result.created == 5  # the new zaak, its rol, two statuses and its resultaat
    assert zgw.state.posts == posts + 5
    after = totals(zgw)
    assert after == {"zaak": before["zaak"] + 1, "rol": before["rol"] + 1,
                     "status": before["status"] + 2, "resultaat": 1}  # fmt: skip
    assert zgw.state.refusals == []
    # What was there was neither posted nor looked up again: the team's ledger knew it.
    assert result.found == 0
    assert push(mo).created == 0 and zgw.state.posts == posts + 5


def test_a_receipt_read_on_the_other_laptop_is_understood(team: Team) -> None:
    carla, mo = team.carla, team.mo
    case = work(carla, "Proefkonijn")
    team.clock.advance(minutes=5)  # past the window's overlap
    exported = carla.services.export.exports.export(team.folder / "uit.zip", EXPORT_PASSPHRASE)
    batch = exported.batch
    assert batch.state is BatchState.CREATED
    carla.services.team.sync()
    sync_until(mo, lambda: count(mo, SyncBatch, SyncBatch.uuid == batch.uuid) == 1)
    assert not acknowledged(mo, case)

    receipt = team.folder / "ontvangstbewijs.json"
    receipt.write_text(receipt_json(batch.uuid, "2026-11-18T12:00:00Z", dict(batch.counts)))
    read = mo.services.export.batches.acknowledge_receipt(receipt)
    assert read.state is BatchState.ACKNOWLEDGED and acknowledged(mo, case)

    mo.services.team.sync()
    sync_until(
        carla,
        lambda: carla.services.export.batches.get(batch.uuid).state is BatchState.ACKNOWLEDGED,
    )
    assert acknowledged(carla, case)  # retention on the coordinator's laptop may go on
    # The coordinator's next export starts after the acknowledged window: nothing new.
    with pytest.raises(NothingToExport):
        carla.services.export.exports.export(team.folder / "weer.zip", EXPORT_PASSPHRASE)


def test_a_lost_ledger_on_the_pusher_comes_back_from_the_team_nothing_twice(
    team: Team,
) -> None:
    """Mo's laptop pushes for the team; its connection breaks after a POST that arrived but
    whose answer did not. Then the laptop is lost: a new laptop for Mo joins, gets the team's
    ledger back, is designated, and pushes: nothing is created twice."""
    carla, mo, zgw = team.carla, team.mo, team.zgw
    carla.services.team_pusher.designate(device_of(mo))
    sync_until(mo, lambda: mo.services.team_pusher.view().this_laptop_pushes)
    cases = [work(mo, "Proefkonijn", closed=True), work(mo, "Testpersoon")]
    zgw.state.drop_on_post = {4}
    with pytest.raises(ConnectionLost):
        push(mo)
    assert zgw.state.posts == 4
    states = set(ledger(mo).values())
    assert states == {RemoteState.CREATED, RemoteState.SENT}
    mo.services.team.sync()
    sync_until(carla, lambda: ledger(carla) == ledger(mo))
    mo.services.store.close()

    # A new laptop for Mo: it joins, and the team's records come back to it.
    mo2 = member_laptop(carla, team.folder / "mo2", team.url, team.clock)
    try:
        configure(mo2, zgw)
        sync_until(mo2, lambda: ledger(mo2) == ledger(carla) and all(
            count(mo2, Report, Report.uuid == c) for c in cases))  # fmt: skip
        carla.services.team_pusher.designate(device_of(mo2))
        sync_until(mo2, lambda: mo2.services.team_pusher.view().this_laptop_pushes)

        result = push(mo2)
        assert result.batch.state is BatchState.ACKNOWLEDGED
        assert result.found == 1  # the POST whose answer was lost: looked up, not repeated
        assert totals(zgw) == {"zaak": 2, "rol": 2, "status": 3, "resultaat": 1}
        assert zgw.state.refusals == []
        assert all(acknowledged(mo2, c) for c in cases)
    finally:
        mo2.services.store.close()
