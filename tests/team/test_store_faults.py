"""The laptop's encrypted store against the real server on PostgreSQL, when things do not go
as planned: a child that arrives before its parent, a push cut off by the server process
being killed, and an invite voided by a rotation."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import make_transient

from tests.conftest import NOW, TEAM_PASSWORD, open_team_store
from tests.factories import report, resident
from tests.team.db import sql
from tests.team.pg import Role
from tests.team.servers import ServerProcess
from tests.team.stores import MEMBER_PASSWORD, coordinator_laptop, member_laptop
from tests.team.test_team_cli import ENTRY, run
from wijkteam.clock import FixedClock
from wijkteam.store.models import Report, TeamOutbox, TeamWaiting
from wijkteam.wiring import Services
from wijkteam.wiring.setup import Opened


@pytest.fixture
def team(tmp_path: Path, server: ServerProcess, pg_role: Role) -> Iterator[dict]:  # type: ignore[type-arg]
    """Carla (coordinator) and Mo (member): two real stores, a server with its own database."""
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    clock = FixedClock(NOW)
    carla = coordinator_laptop(tmp_path / "carla", process.url, database, clock)
    mo = member_laptop(carla, tmp_path / "mo", process.url, clock)
    world = {"server": process, "database": database, "carla": carla, "mo": mo}
    yield world
    for opened in (world["carla"], world["mo"]):
        if opened is not None:
            opened.services.store.close()
    process.stop()


def _waiting(opened: Opened) -> list[str]:
    with opened.services.store.transaction() as session:
        return sorted(session.scalars(select(TeamWaiting.kind)))


def test_children_that_arrive_before_their_parent_wait_and_are_applied_with_it(team) -> None:  # type: ignore[no-untyped-def]
    """Mo's laptop sends a new melding before its new resident (the resident's change is
    taken out of Mo's outbox for one round and put back after it): Carla's laptop keeps the
    melding and its events waiting, shows nothing half, and places them once the resident
    arrives."""
    carla, mo = team["carla"], team["mo"]
    made = mo.services.reports.register(
        report(question="Hulp bij de boodschappen"), resident=resident(surname="Wachtkamer")
    )
    with mo.services.store.transaction() as session:
        held = list(session.scalars(select(TeamOutbox).where(TeamOutbox.kind == "resident")))
        assert len(held) == 1
        session.expunge_all()
        session.execute(delete(TeamOutbox).where(TeamOutbox.kind == "resident"))
    assert mo.services.team.sync().pushed >= 1  # the melding and its events, not the resident

    carla.services.team.sync()
    assert carla.services.residents.search("wachtkamer") == []
    assert "report" in _waiting(carla)
    with carla.services.store.transaction() as session:
        assert session.scalar(select(func.count()).where(Report.uuid == made.uuid)) == 0
    assert carla.services.team.sync().conflicts == 0  # another round: still waiting, no error
    assert "report" in _waiting(carla)

    with mo.services.store.transaction() as session:
        for row in held:
            make_transient(row)  # the resident's change, back as it was
            session.add(row)
    assert mo.services.team.sync().pushed >= 1
    carla.services.team.sync()
    assert _waiting(carla) == []
    [found] = carla.services.residents.search("wachtkamer")
    [theirs] = carla.services.reports.for_resident(found.id)
    assert (theirs.uuid, theirs.question, theirs.status) == (
        made.uuid,
        "Hulp bij de boodschappen",
        made.status,
    )
    assert carla.services.team.status().conflicts == 0


def _hold_record(database: str, team_id: str, kind: str, ident: uuid.UUID, device: str):  # type: ignore[no-untyped-def]
    """An open transaction holding version 1 of (kind, ident): a push of that record waits
    on the unique key inside its transaction, on the server, until this one ends."""
    connection = psycopg.connect(database)
    connection.execute(
        "INSERT INTO records (team_id, kind, uuid, version, key_epoch, tombstone, ciphertext,"
        " device_id) VALUES (%s, %s, %s, 1, 1, false, '\\x00', %s)",
        (team_id, kind, ident, device),
    )
    return connection


def _push_waits(database: str) -> bool:
    return bool(
        sql(
            database,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'",
        )[0][0]
    )


def _pushes_of(database: str, device: str) -> int:
    return int(sql(database, "SELECT count(*) FROM pushes WHERE device_id = %s", (device,))[0][0])


def _team_and_devices(database: str) -> tuple[str, str, str]:
    [(team_id,)] = sql(database, "SELECT id::text FROM teams")
    rows = dict(sql(database, "SELECT role, id::text FROM devices"))
    return team_id, rows["coordinator"], rows["member"]


def test_a_push_cut_off_by_the_server_being_killed_is_sent_again_by_the_next_sync(
    team, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    process, database = team["server"], team["database"]
    carla, mo = team["carla"], team["mo"]
    made = [
        carla.services.reports.register(
            report(question=f"Vraag {n}"),
            resident=resident(surname=f"Afgebroken{n}", birth_date=f"0{n + 1}-03-1951"),
        )
        for n in range(6)
    ]
    pending = carla.services.team.status().pending
    assert pending >= 12
    carla.services.store.close()
    team["carla"] = None
    team_id, carla_device, mo_device = _team_and_devices(database)
    pushes_before = _pushes_of(database, carla_device)
    holder = _hold_record(database, team_id, "report", made[-1].uuid, mo_device)
    try:
        env = {**os.environ, "WIJKTEAM_PASSPHRASE": TEAM_PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
        syncing = subprocess.Popen(
            [*ENTRY, "sync", "--data-dir", str(tmp_path / "carla")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not _push_waits(database):
            assert syncing.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        process.kill()  # the push is inside its transaction on the server
        _, stderr = syncing.communicate(timeout=60)
        assert syncing.returncode == 1 and "niet te bereiken" in stderr
        assert "Traceback" not in stderr
    finally:
        holder.rollback()
        holder.close()
    assert _pushes_of(database, carla_device) == pushes_before  # the cut-off one left nothing
    store = open_team_store(tmp_path / "carla")
    try:
        assert Services.create(store).team.status().pending == pending  # nothing lost
    finally:
        store.close()

    process.start()
    again = run("sync", "--data-dir", str(tmp_path / "carla"))
    assert again.returncode == 0, again.stderr
    twice = run("sync", "--data-dir", str(tmp_path / "carla"))
    assert twice.returncode == 0, twice.stderr
    store = open_team_store(tmp_path / "carla")
    try:
        services = Services.create(store)
        assert services.team.status().pending == 0
        assert len(services.residents.search("afgebroken")) == 6
    finally:
        store.close()
    # Each record once on the server (one version), and once on Mo's laptop.
    [(records, keys)] = sql(
        database,
        "SELECT count(*), count(DISTINCT (kind, uuid)) FROM records WHERE kind IN "
        "('report', 'resident')",
    )
    assert records == keys
    mo.services.team.sync()
    found = mo.services.residents.search("afgebroken")
    assert len(found) == 6
    for person in found:
        assert len(mo.services.reports.for_resident(person.id)) == 1
    assert sorted(mo.services.reports.for_resident(p.id)[0].question for p in found) == [
        f"Vraag {n}" for n in range(6)
    ]


def test_a_rotation_voids_a_pending_invite(team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The coordinator invites a member, then revokes Mo's laptop (a new key epoch): the
    invite made before is refused in Dutch with exit code 1, nothing is made; one made
    after the rotation works."""
    carla = team["carla"]
    url = team["server"].url
    carla.services.members.add("Rik Reserve", "RR")
    carla.services.team.sync()
    carla.services.store.close()
    team["carla"] = None
    folder = str(tmp_path / "carla")
    invited = run("team", "invite", "--data-dir", folder, "--initials", "RR")
    assert invited.returncode == 0, invited.stderr
    before = invited.stdout.strip().rsplit(" ", 1)[-1]
    revoked = run("team", "revoke", "--data-dir", folder, "--initials", "MM")
    assert revoked.returncode == 0, revoked.stderr

    rik = tmp_path / "rik"
    refused = run("team", "join", "--data-dir", str(rik), "--server", url, "--code", before,
                  "--initials", "RR", password=MEMBER_PASSWORD)  # fmt: skip
    assert refused.returncode == 1, refused.stderr
    assert "Deze code is ingetrokken. Vraag de coördinator om een nieuwe." in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (rik / "wijkteam.keys").exists()

    # A rotation without a revocation voids them too.
    again = run("team", "invite", "--data-dir", folder, "--initials", "RR")
    assert again.returncode == 0, again.stderr
    rotated = run("team", "rotate", "--data-dir", folder)
    assert rotated.returncode == 0, rotated.stderr
    voided = run("team", "join", "--data-dir", str(rik), "--server", url,
                 "--code", again.stdout.strip().rsplit(" ", 1)[-1],
                 "--initials", "RR", password=MEMBER_PASSWORD)  # fmt: skip
    assert voided.returncode == 1 and "ingetrokken" in voided.stderr

    after = run("team", "invite", "--data-dir", folder, "--initials", "RR")
    assert after.returncode == 0, after.stderr
    joined = run("team", "join", "--data-dir", str(rik), "--server", url,
                 "--code", after.stdout.strip().rsplit(" ", 1)[-1],
                 "--initials", "RR", password=MEMBER_PASSWORD)  # fmt: skip
    assert joined.returncode == 0, joined.stderr
