"""The laptop's encrypted store bound to the team: two and three real SQLCipher stores
against the real server on PostgreSQL (DESIGN.md §11 "Sync")."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import NOW, TEST_KDF, team_setup
from tests.factories import report, resident
from tests.team.laptops import registration_code
from tests.team.servers import ServerProcess
from tests.team.stores import team_of_two
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.store.models import AuditEvent
from wijkteam.teamsync.errors import ConflictSettled, DeviceRevoked
from wijkteam.wiring.setup import Opened, first_start


@pytest.fixture
def pair(
    tmp_path: Path,
    server: ServerProcess,
    pg_role,
) -> Iterator[tuple[Opened, Opened]]:
    with team_of_two(tmp_path, pg_role.new_database(), server.cert, server.key) as pair:
        yield pair


def _sync_until(opened: Opened, arrived) -> None:  # type: ignore[no-untyped-def]
    """Sync until `arrived()` (at most 30 s)."""
    deadline = time.monotonic() + 30
    while True:
        opened.services.team.sync()
        if arrived() or time.monotonic() > deadline:
            return
        time.sleep(0.3)


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
    _sync_until(mo, lambda: _resident_named(mo, "Proefkonijn"))
    found = _resident_named(mo, "Proefkonijn")
    assert len(found) == 1
    theirs = m.reports.for_resident(found[0].id)
    assert [x.question for x in theirs] == ["Hulp bij de tuin"]
    assert theirs[0].uuid == made.uuid and theirs[0].status == made.status
    # Mo's laptop logs the melding as received from the team, not as made by Mo; Carla's own
    # audit rows (synced too) say who made it.
    assert _actions(mo, m.audit.device, made.uuid) == {"team_received_new"}
    assert _actions(mo, c.audit.device, made.uuid) == {"create"}


def _actions(opened: Opened, device, record) -> set[str]:  # type: ignore[no-untyped-def]
    with opened.services.store.transaction() as session:
        return set(
            session.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.device_uuid == device,
                    AuditEvent.object_type == "report",
                    AuditEvent.object_uuid == record,
                )
            )
        )


def _shared_melding(carla: Opened, mo: Opened):  # type: ignore[no-untyped-def]
    made = carla.services.reports.register(report(), resident=resident(surname="Proefkonijn"))
    carla.services.team.sync()
    _sync_until(mo, lambda: _resident_named(mo, "Proefkonijn"))
    theirs = mo.services.reports.for_resident(_resident_named(mo, "Proefkonijn")[0].id)[0]
    return made, theirs


def test_same_field_on_two_laptops_is_one_conflict_settled_once_other_fields_merge(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    mine_c, mine_m = _shared_melding(carla, mo)
    carla.services.reports.update(mine_c.id, report(question="Versie van Carla"))
    mo.services.reports.update(
        mine_m.id, report(question="Versie van Mo", reporter_relation="buurvrouw")
    )
    shared = carla.services.team.sync()
    assert shared.pushed == 1  # one melding changed: one change shared, its audit rows aside
    result = mo.services.team.sync()
    assert result.conflicts == 1
    assert result.pulled >= 1  # Carla's version came in, through the conflict
    [conflict] = mo.services.team.conflicts()
    assert (conflict.kind, conflict.field) == ("report", "question")
    carla_uuid = str(carla.services.accounts.current().uuid)  # type: ignore[union-attr]
    assert conflict.theirs_member == carla_uuid  # whose version it is
    assert (conflict.mine, conflict.theirs) == ("Versie van Mo", "Versie van Carla")
    assert conflict.base == "Mijn moeder komt de deur niet meer uit."
    assert conflict.resident_id == mo.services.reports.get(mine_m.id).resident_id
    # Both values kept until settled: Mo's laptop keeps its own, the other field merged.
    assert mo.services.reports.get(mine_m.id).question == "Versie van Mo"
    carla.services.team.sync()
    on_carla = carla.services.reports.get(mine_c.id)
    assert on_carla.reporter_relation == "buurvrouw"
    assert carla.services.team.status().conflicts == 0  # one conflict, on one laptop
    mo.services.team.settle(conflict.id, "theirs")
    with pytest.raises(ConflictSettled):
        mo.services.team.settle(conflict.id, "mine")
    assert mo.services.team.conflicts() == []
    mo.services.team.sync()
    carla.services.team.sync()
    for opened, ident in ((carla, mine_c.id), (mo, mine_m.id)):
        got = opened.services.reports.get(ident)
        assert (got.question, got.reporter_relation) == ("Versie van Carla", "buurvrouw")
    assert mo.services.team.status().pending == 0


def test_an_unpushed_change_is_never_overwritten_by_a_pull(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    mine_c, mine_m = _shared_melding(carla, mo)
    mo.services.reports.update(mine_m.id, report(reporter_name="Mo's notitie"))
    carla.services.reports.update(mine_c.id, report(reporter_name="Carla's notitie"))
    carla.services.team.sync()
    assert mo.services.team.status().pending == 1
    mo.services.team.sync()
    assert mo.services.reports.get(mine_m.id).reporter_name == "Mo's notitie"
    assert mo.services.team.conflicts()[0].theirs == "Carla's notitie"


def test_an_offline_edit_to_a_melding_closed_meanwhile_does_not_reopen_it(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    mine_c, mine_m = _shared_melding(carla, mo)
    carla.services.reports.close(mine_c.id, ClosingReason.OTHER)
    carla.services.team.sync()
    mo.services.reports.update(mine_m.id, report(question="Nog een vraag"))
    mo.services.team.sync()
    carla.services.team.sync()
    for opened, ident in ((carla, mine_c.id), (mo, mine_m.id)):
        got = opened.services.reports.get(ident)
        assert got.status is ReportStatus.CLOSED
        assert got.question == "Nog een vraag"  # the edit itself merged, the status stays


def test_an_offline_edit_of_an_erased_resident_does_not_come_back(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    mine_c, mine_m = _shared_melding(carla, mo)
    carla.services.privacy.erase(mine_c.resident_id)
    carla.services.team.sync()
    mo.services.reports.update(mine_m.id, report(question="Offline bewerkt"))
    mo.services.team.sync()
    carla.services.team.sync()
    assert _resident_named(mo, "Proefkonijn") == []
    assert _resident_named(carla, "Proefkonijn") == []
    assert mo.services.team.status().pending == 0
    assert carla.services.reports.for_resident(mine_c.resident_id) == []


def test_a_handover_reaches_the_new_member_after_a_sync(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    mine_c, mine_m = _shared_melding(carla, mo)
    mo_on_carla = next(m for m in carla.services.members.list() if m.initials == "MM")
    carla.services.reports.hand_over(mine_c.id, mo_on_carla.id, "Jij woont dichtbij")
    carla.services.team.sync()
    mo.services.team.sync()
    got = mo.services.reports.get(mine_m.id)
    assert got.assigned_member_id == mo.member.id
    # And Mo's work reaches Carla.
    mo.services.reports.update(
        mine_m.id, report(question="Mo was er", assigned_member_id=mo.member.id)
    )
    mo.services.team.sync()
    carla.services.team.sync()
    assert carla.services.reports.get(mine_c.id).question == "Mo was er"


def test_a_revoked_laptop_is_refused_and_keeps_its_unpushed_work(pair) -> None:  # type: ignore[no-untyped-def]
    carla, mo = pair
    mine_c, mine_m = _shared_melding(carla, mo)
    mo_on_carla = next(m for m in carla.services.members.list() if m.initials == "MM")
    carla.services.team.revoke(mo_on_carla.id)
    mo.services.reports.update(mine_m.id, report(question="Nog niet gedeeld"))
    with pytest.raises(DeviceRevoked):
        mo.services.team.sync()
    status = mo.services.team.status()
    assert status.revoked and status.pending == 1
    assert mo.services.reports.get(mine_m.id).question == "Nog niet gedeeld"
    with pytest.raises(DeviceRevoked):
        mo.services.team.sync()
    carla.services.team.sync()
    assert carla.services.reports.get(mine_c.id).question != "Nog niet gedeeld"


def test_an_erasure_leaves_no_copy_in_the_sync_bookkeeping(pair) -> None:  # type: ignore[no-untyped-def]
    """The outbox, the last-synced copies, conflicts and waiting children hold record
    content too: an erased resident's goes with the records (an erasure stays erased)."""
    carla, _mo = pair
    c = carla.services
    made = c.reports.register(report(), resident=resident(surname="Wisvoorbeeld"))
    c.team.sync()  # now in the last-synced copies
    c.residents.update(made.resident_id, resident(surname="Wisvoorbeeld", first_names="Tweede"))
    c.privacy.erase(made.resident_id)  # the change above was never pushed
    with c.store.engine.connect() as connection:
        for table in ("team_outbox", "team_synced", "team_conflict", "team_waiting"):
            rows = connection.exec_driver_sql(f"SELECT * FROM {table}").fetchall()
            assert not [r for r in rows if "Wisvoorbeeld" in repr(r)], table


def test_a_background_sync_during_connect_waits_its_turn(tmp_path, server, pg_role) -> None:  # type: ignore[no-untyped-def]
    """The window syncs in the background as soon as the store is linked to a team, while
    Verbinden is still pushing the whole store: two flows on one device chain. They take
    turns (teamsync/exclusive.py); otherwise the server refuses one as out of order and the
    coordinator is told the connect failed."""
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    opened = first_start(tmp_path / "carla", team_setup(), kdf=TEST_KDF, clock=FixedClock(NOW))
    for n in range(30):  # enough to push for a while
        opened.services.reports.register(report(), resident=resident(surname=f"Beurt{n}"))
    team = opened.services.team
    errors: list[BaseException] = []
    rounds: list[int] = []
    connecting = threading.Event()

    def background() -> None:
        connecting.wait()
        while not team.status().connected:
            time.sleep(0.001)
        try:
            rounds.append(team.sync().pushed)
        except BaseException as error:
            errors.append(error)

    worker = threading.Thread(target=background)
    worker.start()
    try:
        connecting.set()
        code = team.connect(process.url, registration_code(database))
        worker.join()
        assert code and errors == [] and len(rounds) == 1
        assert team.status().pending == 0
    finally:
        worker.join()
        opened.services.store.close()
        process.stop()
