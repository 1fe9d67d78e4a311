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
from wijkteam.teamsync.state import DeviceState
from wijkteam.teamsync.versions import Versions
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


def test_versions_read_a_page_at_once_and_keep_a_pages_changes_apart_until_adopted() -> None:
    asked: list[list[str]] = []

    def source(slots: list[str]) -> dict[str, int]:
        asked.append(sorted(slots))
        return {s: 4 for s in slots if s.startswith("report/")}

    versions = Versions(source=source)
    versions.load(["report/a", "contact/b", "report/a"])
    assert asked == [["contact/b", "report/a"]]
    assert versions.get("report/a") == 4 and versions.get("contact/b") == 0
    assert asked == [["contact/b", "report/a"]]  # both in memory now
    layer = versions.layer()
    layer["report/a"] = 5
    assert layer.get("report/a") == 5 and versions.get("report/a") == 4
    assert versions.take_dirty() == {}
    versions.adopt(layer)
    assert versions.get("report/a") == 5 and versions.take_dirty() == {"report/a": 5}
    assert versions.take_dirty() == {}


def test_a_state_written_before_the_table_brings_its_versions_along() -> None:
    keys = {n: bytes(32) for n in ("box_private", "signing_private", "coordinator_public")}
    state = DeviceState("https://x", [], "t", "d", "tok", "member", "m", **keys)
    state.versions["report/a"] = 3
    text = state.to_json()
    assert '"versions"' not in text and json.loads(text)["layout"] == 3
    old = json.loads(text)
    old["layout"], old["versions"] = 2, {"report/a": 3, "contact/b": 1}
    versions = Versions(source=lambda slots: {"report/a": 7} if "report/a" in slots else {})
    loaded = DeviceState.from_json(json.dumps(old), versions)
    assert loaded.versions is versions
    assert versions.get("report/a") == 7  # never lowered by what the JSON said
    assert versions.take_dirty() == {"contact/b": 1}  # saved into the table at the next save
