"""A pulled page is written in batches (wijkteam/teamsync/bulk_apply.py); these tests prove it
keeps what the record-by-record path guaranteed: a large join arrives whole and audited,
children that arrive before their parents wait and are placed, an unpushed local change is
never overwritten and is merged, an erased record does not come back. Real SQLCipher stores,
the real server on PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import NOW, TEST_KDF, team_setup
from tests.factories import report, resident
from tests.team.laptops import registration_code
from tests.team.servers import ServerProcess
from tests.team.stores import coordinator_laptop, member_laptop
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.store.models import (
    AuditEvent,
    Contact,
    Report,
    Resident,
    TeamOutbox,
    TeamSynced,
    TeamWaiting,
)
from wijkteam.store.team_capture import APPLYING
from wijkteam.store.team_kinds import KINDS, dumps
from wijkteam.teamsync.rounds import RoundWriter
from wijkteam.teamsync.upload import bodies
from wijkteam.teamsync.verify import Received
from wijkteam.wiring.setup import Opened, first_start


@pytest.fixture
def team(tmp_path: Path, server: ServerProcess, pg_role) -> Iterator[tuple[str, str, Path]]:  # type: ignore[no-untyped-def]
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    yield process.url, database, tmp_path
    process.stop()


def _contents(opened: Opened) -> dict[str, list[str]]:
    """Every shared record in its wire form (references as UUIDs), per kind."""
    with opened.services.store.transaction() as session:
        return {k.name: sorted(dumps(b) for b in bodies(session, k)) for k in KINDS}


def _sync_until(opened: Opened, arrived) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 30
    while True:
        opened.services.team.sync()
        if arrived() or time.monotonic() > deadline:
            return
        time.sleep(0.3)


def test_a_join_of_a_large_team_arrives_whole_audited_and_sends_nothing_back(team) -> None:  # type: ignore[no-untyped-def]
    url, database, folder = team
    clock = FixedClock(NOW)
    carla = first_start(folder / "carla", team_setup(), kdf=TEST_KDF, clock=clock)
    generate(carla.services.store, carla.services.audit, residents=80)
    carla.services.team.connect(url, registration_code(database))
    mo = member_laptop(carla, folder / "mo", url, clock)
    theirs, mine = _contents(carla), _contents(mo)
    assert sum(len(v) for v in mine.values()) > 500  # pushes of 200 records, pages of many pushes
    assert mine == theirs
    m = mo.services
    assert m.team.status().pending == 0  # nothing applied was put in the outbox
    with m.store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(TeamOutbox)) == 0
        assert session.scalar(select(func.count()).select_from(TeamWaiting)) == 0
        synced = session.scalar(select(func.count()).select_from(TeamSynced))
        assert synced == sum(len(v) for v in mine.values())
        device = m.audit.device
        made = set(
            session.scalars(
                select(AuditEvent.object_uuid).where(
                    AuditEvent.device_uuid == device, AuditEvent.action == "team_received_new"
                )
            )
        )
        residents = list(session.scalars(select(Resident.uuid)))
        contacts = list(session.scalars(select(Contact.uuid)))
        statuses = dict(session.execute(select(Report.uuid, Report.status)).all())
    assert set(residents) <= made and set(contacts) <= made  # each new record audited
    m.team.sync()  # the join's audit rows go to the team: the coordinator checks every chain
    _sync_until(carla, lambda: carla.services.audit.verify().devices >= 2)
    check = carla.services.audit.verify()
    assert check.intact and check.devices >= 2
    with carla.services.store.transaction() as session:
        assert dict(session.execute(select(Report.uuid, Report.status)).all()) == statuses
    assert len({s for s in statuses.values()}) > 1  # the status rule ran on every melding
    # Search keys were computed on arrival: the joined laptop finds residents by name.
    with carla.services.store.transaction() as session:
        surname = session.scalar(select(Resident.surname).order_by(Resident.id).limit(1))
    assert surname and m.residents.search(surname.lower())
    for opened in (carla, mo):
        opened.services.store.close()


def _page(carla: Opened, kinds: tuple[str, ...]) -> list[Received]:
    """Records of the coordinator's store as a pull would deliver them (version 1)."""
    out = []
    with carla.services.store.transaction() as session:
        for kind in KINDS:
            if kind.name in kinds:
                for body in bodies(session, kind):
                    out.append(
                        Received(kind.name, body["uuid"], 1, "d", False, dumps(body).encode())
                    )
    return out


def _apply(opened: Opened, page: list[Received]) -> int:
    token = APPLYING.set(True)
    try:
        with opened.services.store.transaction() as session:
            writer = RoundWriter(session, opened.services.audit, NOW)
            writer.pulled(page)
            opened.services.audit.record_changes(session)
            return writer.received
    finally:
        APPLYING.reset(token)


def test_children_before_their_parents_wait_and_are_placed_when_the_parents_arrive(
    tmp_path: Path,
) -> None:
    clock = FixedClock(NOW)
    carla = first_start(tmp_path / "carla", team_setup(), kdf=TEST_KDF, clock=clock)
    mo = first_start(tmp_path / "mo", team_setup(), kdf=TEST_KDF, clock=clock)
    made = carla.services.reports.register(report(), resident=resident(surname="Wachtstraat"))
    members = _page(carla, ("member",))
    parents = _page(carla, ("resident", "report"))
    children = _page(carla, ("report_event",))
    assert children and parents
    # Page one: the melding's events, without the melding or its resident.
    assert _apply(mo, members + children) == len(members) + len(children)
    with mo.services.store.transaction() as session:
        waiting = session.scalar(select(func.count()).select_from(TeamWaiting))
        assert waiting == len(children)
        assert session.scalar(select(func.count()).select_from(Report)) == 0
    # Page two: the parents, listed after a child of theirs (the page is put in order).
    _apply(mo, list(reversed(parents)))
    with mo.services.store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(TeamWaiting)) == 0
        got = session.scalar(select(Report).where(Report.uuid == made.uuid))
        assert got is not None and got.status is made.status
        events = session.scalar(
            select(func.count()).select_from(TeamSynced).where(TeamSynced.kind == "report_event")
        )
        assert events == len(children)
    assert _contents(mo)["report_event"] == _contents(carla)["report_event"]
    assert _contents(mo)["report"] == _contents(carla)["report"]
    for opened in (carla, mo):
        opened.services.store.close()


@pytest.fixture
def pair(team) -> Iterator[tuple[Opened, Opened]]:  # type: ignore[no-untyped-def]
    url, database, folder = team
    clock = FixedClock(NOW)
    carla = coordinator_laptop(folder / "carla", url, database, clock)
    mo = member_laptop(carla, folder / "mo", url, clock)
    yield carla, mo
    for opened in (carla, mo):
        opened.services.store.close()


def test_a_large_page_touching_an_unpushed_change_merges_it_and_applies_the_rest(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    c, m = carla.services, mo.services
    made = [
        c.reports.register(report(question=f"Vraag {n}"), resident=resident(surname=f"Rij{n}"))
        for n in range(40)
    ]
    c.team.sync()
    _sync_until(mo, lambda: len(m.residents.search("rij")) == 40)
    on_mo = {
        r.uuid: r for r in (m.reports.for_resident(x.id)[0] for x in m.residents.search("rij"))
    }
    target = on_mo[made[7].uuid]
    m.reports.update(target.id, report(question="Mo's versie", reporter_relation="buurman"))
    for n, one in enumerate(made):
        c.reports.update(one.id, report(question=f"Carla {n}"))
    c.team.sync()
    result = m.team.sync()
    assert result.conflicts == 1
    [conflict] = m.team.conflicts()
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "question",
        "Mo's versie",
        "Carla 7",
    )
    assert m.reports.get(target.id).question == "Mo's versie"  # never overwritten
    assert m.reports.get(target.id).reporter_relation == "buurman"
    for n, one in enumerate(made):
        if n != 7:
            assert m.reports.get(on_mo[one.uuid].id).question == f"Carla {n}"
    c.team.sync()
    assert c.reports.get(made[7].id).reporter_relation == "buurman"  # the merge went out


def test_a_record_made_changed_and_erased_on_one_page_does_not_come_back(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    c, m = carla.services, mo.services
    keep = c.reports.register(report(), resident=resident(surname="Blijfhier"))
    gone = c.reports.register(report(), resident=resident(surname="Wisdaar"))
    c.team.sync()
    c.reports.update(gone.id, report(question="Tweede versie"))
    c.team.sync()
    c.privacy.erase(gone.resident_id)
    c.team.sync()
    _sync_until(mo, lambda: bool(m.residents.search("blijfhier")))
    m.team.sync()
    assert m.residents.search("wisdaar") == []
    assert m.residents.search("blijfhier")
    with m.store.transaction() as session:
        assert session.scalar(select(Report).where(Report.uuid == gone.uuid)) is None
        assert session.scalar(select(Resident).where(Resident.surname == "Wisdaar")) is None
        kept = session.scalar(select(Report.status).where(Report.uuid == keep.uuid))
    assert kept is keep.status
