"""The versions a laptop has seen of each team record live in the store's `team_version`
table (teamsync/versions.py): a store of schema 0016 with a real team state is upgraded
(its versions carried over, gone from the state's JSON), and an older version a server hands
out again is refused through the table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import NOW, TEST_KDF
from tests.factories import report, resident
from tests.team.servers import ServerProcess
from tests.team.stores import MEMBER_PASSWORD, team_of_two
from wijkteam.clock import FixedClock
from wijkteam.store.migrate import downgrade
from wijkteam.store.models import TeamLink, TeamVersion
from wijkteam.teamsync.outbox import load_state, save_state
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.setup import Opened


@pytest.fixture
def pair(tmp_path: Path, server: ServerProcess, pg_role) -> Iterator[tuple[Opened, Opened]]:  # type: ignore[no-untyped-def]
    with team_of_two(tmp_path, pg_role.new_database(), server.cert, server.key) as pair:
        yield pair


def _questions(opened: Opened) -> list[str]:
    found = opened.services.residents.search("proefkonijn")
    return [r.question for r in opened.services.reports.for_resident(found[0].id)]


def _versions_table(opened: Opened) -> dict[str, int]:
    with opened.services.store.transaction() as session:
        return {r.slot: r.version for r in session.scalars(select(TeamVersion))}


def _reopen(folder: Path) -> Opened:
    access = StoreAccess(folder, clock=FixedClock(NOW), kdf=TEST_KDF)
    return access.sign_in(access.unlock("MM", MEMBER_PASSWORD))


def test_a_0016_store_is_upgraded_and_still_refuses_an_older_version(  # type: ignore[no-untyped-def]
    pair, tmp_path: Path
) -> None:
    carla, mo = pair
    c = carla.services
    made = c.reports.register(report(question="Eerste"), resident=resident(surname="Proefkonijn"))
    c.team.sync()
    for text in ("Tweede", "Derde"):
        c.reports.update(made.id, report(question=text))
        c.team.sync()
    mo.services.team.sync()
    assert _questions(mo) == ["Derde"]
    seen = _versions_table(mo)
    slot = f"report/{made.uuid}"
    assert seen[slot] == 3 and len(seen) > 10  # members, settings, audit rows, ...
    with mo.services.store.transaction() as session:
        link = session.get(TeamLink, 1)
        assert link is not None and '"versions"' not in link.state

    # Back to schema 0016, as the previous release left it: the versions inside the JSON.
    store = mo.services.store
    with store.engine.begin() as connection:
        downgrade(connection, "0016")
        (text,) = connection.exec_driver_sql("SELECT state FROM team_link").one()
    old = json.loads(text)
    assert old["layout"] == 2 and old["versions"] == seen and list(old)[-1] == "versions"
    store.close()

    mo = _reopen(tmp_path / "mo")  # upgraded to the head on opening
    try:
        assert _versions_table(mo) == seen
        with mo.services.store.transaction() as session:
            link = session.get(TeamLink, 1)
            assert link is not None
            state = json.loads(link.state)
            assert state["layout"] == 3 and "versions" not in state
            # A server handing this laptop everything again, from the start, to a laptop that
            # forgot how far it replayed each device (only the table still knows what it saw).
            loaded = load_state(session)
            assert loaded is not None and loaded.versions.get(slot) == 3
            loaded.cursor, loaded.peers = "0:0", {}
            save_state(session, loaded)
        mo.services.team.sync()
        assert _questions(mo) == ["Derde"]
        with mo.services.store.transaction() as session:
            after = load_state(session)
        assert after is not None
        refused = {(q["kind"], q["uuid"], q["version"]) for q in after.quarantine
                   if q["reason"] == "version_rollback"}  # fmt: skip
        assert {("report", str(made.uuid), v) for v in (1, 2, 3)} <= refused
        assert _versions_table(mo)[slot] == 3

        c.reports.update(made.id, report(question="Vierde"))  # and the team goes on
        c.team.sync()
        mo.services.team.sync()
        assert _questions(mo) == ["Vierde"]
        assert _versions_table(mo)[slot] == 4
    finally:
        mo.services.store.close()
