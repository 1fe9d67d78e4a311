"""The laptop's encrypted store bound to the team: two and three real SQLCipher stores
against the real server on PostgreSQL (DESIGN.md §11 "Sync")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import NOW
from tests.factories import report, resident
from tests.team.servers import ServerProcess
from tests.team.stores import coordinator_laptop, member_laptop
from wijkteam.clock import FixedClock
from wijkteam.wiring.setup import Opened


@pytest.fixture
def pair(
    tmp_path: Path,
    server: ServerProcess,
    pg_role,
) -> Iterator[tuple[Opened, Opened]]:
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    clock = FixedClock(NOW)
    carla = coordinator_laptop(tmp_path / "carla", process.url, database, clock)
    mo = member_laptop(carla, tmp_path / "mo", process.url, clock)
    yield carla, mo
    for opened in (carla, mo):
        opened.services.store.close()
    process.stop()


def _resident_named(opened: Opened, surname: str):  # type: ignore[no-untyped-def]
    found = [r for r in opened.services.residents.search(surname.lower())]
    return found


def test_a_member_sees_the_coordinators_work_and_the_reverse(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    c, m = carla.services, mo.services
    made = c.reports.register(
        report(question="Hulp bij de tuin"), resident=resident(surname="Proefkonijn")
    )
    assert c.team.sync().pushed >= 2
    assert m.team.sync().pulled >= 2
    found = _resident_named(mo, "Proefkonijn")
    assert len(found) == 1
    theirs = m.reports.for_resident(found[0].id)
    assert [x.question for x in theirs] == ["Hulp bij de tuin"]
    assert theirs[0].uuid == made.uuid and theirs[0].status == made.status
