"""Retention is the team's (DESIGN.md §11 "Retention"): the coordinator confirms the removal
of a closed case past its bewaartermijn, every laptop removes it on receipt (logged there) and
the team server drops its ciphertext; the anonymous case fact stays, counted once. A member
can neither remove nor send such a removal. Two real SQLCipher laptops, the real server on a
real PostgreSQL."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import NOW
from tests.factories import report, resident
from tests.team.db import sql
from tests.team.laptops import team_of_two as protocol_pair
from tests.team.servers import ServerProcess
from tests.team.stores import coordinator_laptop, member_laptop, team_of_two
from tests.team.test_forgery import _insert_batch
from tests.team.test_team_data import facts, shared_melding, sync_until
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason
from wijkteam.security.context import AuditAction
from wijkteam.store.models import AuditEvent, Report, Resident, TeamSynced
from wijkteam.teamproto.errors import ChainBroken
from wijkteam.teamsync.errors import NotCoordinator
from wijkteam.teamsync.outbox import require_state
from wijkteam.teamsync.session import Outgoing
from wijkteam.teamsync.state import DeviceState
from wijkteam.wiring.setup import Opened


@pytest.fixture
def trio(
    tmp_path: Path, server: ServerProcess, pg_role: Any
) -> Iterator[tuple[Opened, Opened, str]]:
    database = pg_role.new_database()
    with team_of_two(tmp_path, database, server.cert, server.key) as (carla, mo):
        yield carla, mo, database


def test_an_erasure_leaves_no_older_ciphertext_and_a_new_laptop_verifies_every_chain(
    tmp_path: Path, server: ServerProcess, pg_role: Any
) -> None:
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    clock = FixedClock(NOW)
    laptops = [coordinator_laptop(tmp_path / "carla", process.url, database, clock)]
    try:
        carla = laptops[0]
        laptops.append(member_laptop(carla, tmp_path / "mo", process.url, clock))
        mo = laptops[1]
        made, theirs = shared_melding(carla, mo)
        mo.services.reports.close(theirs.id, ClosingReason.MOVED, "verhuisd naar Heerlen")
        mo.services.team.sync()
        sync_until(carla, lambda: carla.services.reports.get(made.id).status.value == "closed")
        with carla.services.store.transaction() as session:
            person = session.get(Resident, made.resident_id)
            assert person is not None
            resident_uuid = person.uuid
        carla.services.privacy.erase(made.resident_id)
        carla.services.team.sync()
        sync_until(mo, lambda: not mo.services.residents.search("proefkonijn"))
        erased = {
            (kind, record)
            for kind, record in sql(database, "SELECT kind, uuid FROM records WHERE tombstone")
        }
        assert {("report", made.uuid), ("resident", resident_uuid)} <= erased
        assert _held_by_server(database, erased, tomb=False) == 0
        versions = sum(
            sql(database, "SELECT count(*) FROM records WHERE kind = %s AND uuid = %s",
                (kind, record))[0][0] for kind, record in erased
        )  # fmt: skip
        assert versions > len(erased)  # the older versions' rows stay, without ciphertext
        # A laptop joining afterwards replays every device's chain and gets nothing of them.
        laptops.append(member_laptop(carla, tmp_path / "sam", process.url, clock, "Sam Lid", "SL"))
        sam = laptops[2]
        sam.services.team.sync()
        states = [_state(opened) for opened in laptops]
        assert states[2].quarantine == []
        for other in states[:2]:  # every record of both chains arrived or was proven dropped
            assert states[2].peers[other.device].seq == other.seq
        assert sam.services.residents.search("proefkonijn") == []
        with sam.services.store.transaction() as session:
            assert session.scalar(select(Report).where(Report.uuid == made.uuid)) is None
            assert session.scalar(select(Resident).where(Resident.uuid == resident_uuid)) is None
    finally:
        for opened in laptops:
            opened.services.store.close()
        process.stop()


def _state(opened: Opened) -> DeviceState:
    with opened.services.store.transaction() as session:
        return require_state(session)


def _due_case(carla: Opened, mo: Opened) -> tuple[Any, Any]:
    """A closed melding on both laptops, acknowledged by the municipality long ago."""
    made, theirs = shared_melding(carla, mo)
    carla.services.reports.close(made.id, ClosingReason.MOVED, "verhuisd naar Heerlen")
    with carla.services.store.transaction() as session:
        row = session.get(Report, made.id)
        assert row is not None
        row.sync_acknowledged_at = NOW - timedelta(days=200)
    carla.services.team.sync()
    sync_until(mo, lambda: mo.services.reports.get(theirs.id).status.value == "closed")
    return made, theirs


def _retention_rows(opened: Opened) -> list[tuple[str, uuid.UUID | None]]:
    """This laptop's own retention-removal audit rows: (object type, object UUID)."""
    device = opened.services.audit.device
    with opened.services.store.transaction() as session:
        rows = session.execute(
            select(AuditEvent.object_type, AuditEvent.object_uuid).where(
                AuditEvent.action == AuditAction.RETENTION_REMOVAL.value,
                AuditEvent.device_uuid == device,
            )
        )
        return [(object_type, object_id) for object_type, object_id in rows]


def _held_by_server(database: str, records: set[tuple[str, uuid.UUID]], tomb: bool) -> int:
    """How many versions (tombstones or not) of these records the server holds ciphertext of."""
    return sum(
        sql(
            database,
            "SELECT count(*) FROM records WHERE kind = %s AND uuid = %s AND tombstone = %s"
            " AND ciphertext IS NOT NULL",
            (kind, record, tomb),
        )[0][0]
        for kind, record in records
    )


def test_a_removal_confirmed_by_the_coordinator_leaves_every_laptop_and_the_server(trio) -> None:  # type: ignore[no-untyped-def]
    carla, mo, database = trio
    made, theirs = _due_case(carla, mo)
    assert [c.report_id for c in carla.services.retention.due()] == [made.id]
    with carla.services.store.transaction() as session:
        case_records = {
            (row.kind, row.record_uuid)
            for row in session.scalars(select(TeamSynced).where(TeamSynced.version > 0))
        }
        person = session.get(Resident, made.resident_id)
        assert person is not None
        resident_uuid = person.uuid
    summary = carla.services.retention.remove([made.id])
    assert (summary.reports, summary.residents) == (1, 1)
    carla.services.team.sync()
    sync_until(mo, lambda: not mo.services.residents.search("proefkonijn"))

    assert mo.services.reports.for_resident(theirs.resident_id) == []
    with mo.services.store.transaction() as session:
        assert session.get(Report, theirs.id) is None
        tombstoned = {
            (row.kind, row.record_uuid)
            for row in session.scalars(select(TeamSynced).where(TeamSynced.tombstone.is_(True)))
        }
    assert {("report", made.uuid), ("resident", resident_uuid)} <= tombstoned
    # Each laptop logged the removal as it applied it; nothing went into the erasure ledger.
    for opened in (carla, mo):
        rows = _retention_rows(opened)
        assert rows.count(("report", made.uuid)) == 1
        assert ("resident", resident_uuid) in rows
    assert sql(database, "SELECT count(*) FROM records WHERE kind = 'erasure'") == [(0,)]
    # The case fact stays, marked as removed by retention, counted once on each laptop.
    mo.services.team.sync()
    carla.services.team.sync()
    for opened in (carla, mo):
        assert [(f.uuid, f.removal) for f in facts(opened)] == [(made.uuid, "retention")]
        figures = opened.services.retention.figures()
        assert [(f.removal, f.cases) for f in figures] == [("retention", 1)]
    # The server holds no ciphertext of any version of the case's records but the tombstones.
    removed = tombstoned & case_records
    assert {kind for kind, _ in removed} >= {"report", "resident", "report_event"}
    assert ("case_fact", made.uuid) not in removed
    assert _held_by_server(database, removed, tomb=False) == 0
    assert _held_by_server(database, removed, tomb=True) == len(removed)
    assert _held_by_server(database, {("case_fact", made.uuid)}, tomb=False) >= 1


def test_a_member_cannot_remove_a_case_for_the_team(trio) -> None:  # type: ignore[no-untyped-def]
    from wijkteam.errors import WijkteamError

    carla, mo, _database = trio
    _made, theirs = _due_case(carla, mo)
    with pytest.raises(WijkteamError):
        mo.services.retention.remove([theirs.id])
    assert mo.services.reports.get(theirs.id).status.value == "closed"


def test_a_members_device_cannot_send_a_retention_removal(server, database) -> None:  # type: ignore[no-untyped-def]
    carla, mo = protocol_pair(server.url, database)
    case = str(uuid.uuid4())
    carla.write("report", case, {"vraag": "blijft"})
    carla.sync()
    mo.sync()
    body = json.dumps({"retention": "2026-12-03"}).encode()
    with pytest.raises(NotCoordinator):  # the engine will not sign without the key
        mo.session.push([Outgoing(str(uuid.uuid4()), "report", case, 1, body, True)])
    # A member's device holding the team key and a valid token signs it with its own key.
    mo.state.coordinator_private = mo.state.signing_private
    forged = mo.session._build([Outgoing(str(uuid.uuid4()), "report", case, 1, body, True)])
    mo.state.coordinator_private = None
    with pytest.raises(NotCoordinator) as refused:
        mo.session.client.call(
            "POST", "/v1/push", {"head": forged["head"], "operations": forged["ops"]}
        )
    assert refused.value.params["server_code"] == "coordinator_only"
    held = "SELECT count(*) FROM records WHERE uuid = %s AND ciphertext IS NOT NULL"
    assert sql(database, held, (case,)) == [(1,)]  # nothing dropped
    # Even if a server let it through, the other laptops refuse it and keep the case.
    _insert_batch(database, mo.state.team, mo.state.device, forged, mo.state.seq + 1)
    _, pulled = carla.sync()
    assert [(q.uuid, q.reason) for q in pulled.quarantined] == [(case, "signature")]
    assert carla.content("report", case) == {"vraag": "blijft"}


def test_a_laptop_refuses_a_drop_the_server_cannot_prove_and_says_so_in_dutch(trio) -> None:  # type: ignore[no-untyped-def]
    from ui.messages import error_text

    carla, mo, database = trio
    made = carla.services.reports.register(report(), resident=resident(surname="Achterhouder"))
    carla.services.team.sync()
    sql(database, "UPDATE records SET ciphertext_sha256 = sha256(ciphertext), ciphertext = NULL"
                  " WHERE kind = 'report' AND uuid = %s", (made.uuid,))  # fmt: skip
    with pytest.raises(ChainBroken) as caught:
        mo.services.team.sync()
    assert caught.value.params["reason"] == "dropped_unproven"
    assert error_text(caught.value).startswith("De teamserver liet werk van een laptop weg.")
    assert mo.services.residents.search("achterhouder") == []  # nothing of that page applied


def test_a_case_changed_on_a_members_laptop_meanwhile_leaves_it_logged_as_retention(trio) -> None:  # type: ignore[no-untyped-def]
    carla, mo, _database = trio
    made, theirs = _due_case(carla, mo)
    assert carla.services.retention.remove([made.id]).reports == 1
    carla.services.team.sync()
    mo.services.reports.update(theirs.id, report(question="Een latere aanvulling van Mo"))
    mo.services.team.sync()  # the push meets the tombstone: the change is not sent
    with mo.services.store.transaction() as session:
        assert session.get(Report, theirs.id) is None
    assert _retention_rows(mo).count(("report", made.uuid)) == 1
    assert mo.services.team.status().pending == 0
