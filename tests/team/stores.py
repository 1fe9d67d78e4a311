"""Real laptops for the store-bound sync tests: SQLCipher stores made by first start (the
coordinator) and by joining with an invite code (members), against the real server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import NOW, TEAM_PASSWORD, TEST_KDF, team_setup
from tests.team.laptops import registration_code
from tests.team.servers import ServerProcess
from wijkteam.clock import Clock, FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.setup import Opened, first_start

MEMBER_PASSWORD = "groene fiets dinsdag"


def coordinator_laptop(folder: Path, server_url: str, database: str, clock: Clock) -> Opened:
    opened = first_start(folder, team_setup(), kdf=TEST_KDF, clock=clock)
    opened.services.team.connect(server_url, registration_code(database))
    return opened


def member_laptop(
    coordinator: Opened, folder: Path, server_url: str, clock: Clock,
    name: str = "Mo Member", initials: str = "MM",
) -> Opened:  # fmt: skip
    services = coordinator.services
    found = [m for m in services.members.list() if m.initials == initials]
    member = found[0] if found else services.members.add(name, initials, MemberRole.MEMBER)
    services.team.sync()  # the member record reaches the server before the invite is used
    code = services.team.invite(member.id)
    access = StoreAccess(folder, clock=clock, kdf=TEST_KDF)
    opened = access.join_team(server_url, code, initials, MEMBER_PASSWORD, MEMBER_PASSWORD)
    services.team.sync()  # the coordinator lists the new device
    return opened


@contextmanager
def team_of_two(
    folder: Path, database: str, cert: Path, key: Path
) -> Iterator[tuple[Opened, Opened]]:
    """A server of its own on `database`, Carla (coordinator) connected and Mo joined."""
    process = ServerProcess(database, cert, key, folder / "server.log").start()
    clock = FixedClock(NOW)
    carla = coordinator_laptop(folder / "carla", process.url, database, clock)
    mo = member_laptop(carla, folder / "mo", process.url, clock)
    try:
        yield carla, mo
    finally:
        for opened in (carla, mo):
            opened.services.store.close()
        process.stop()


__all__ = ["MEMBER_PASSWORD", "TEAM_PASSWORD", "coordinator_laptop", "member_laptop", "team_of_two"]
