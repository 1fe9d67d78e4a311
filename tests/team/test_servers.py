"""The server as a municipality runs it: the command line, the pinned key, a server that is
down, several processes over one database; the desktop app never loads any of it."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from tests.team.laptops import team_of_two
from tests.team.servers import ServerProcess, free_port
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.errors import ServerKeyMismatch, ServerUnreachable
from wijkteam.teamsync.session import DeviceSession

ROOT = Path(__file__).resolve().parents[2]


def _wijkteam(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wijkteam", *args], capture_output=True, text=True, cwd=ROOT
    )


def _point_at(laptop, process: ServerProcess) -> None:  # type: ignore[no-untyped-def]
    laptop.session = DeviceSession(
        laptop.state, TeamClient(process.url, laptop.state.pins), laptop.persist
    )


def test_add_team_prints_a_registration_code(server, database, certs) -> None:
    done = _wijkteam("server", "add-team", "--database", database, "--name", "Wijkteam Vaals")
    assert done.returncode == 0, done.stderr
    code = done.stdout.strip().splitlines()[-1]
    assert len(code.replace("-", "")) >= 50 and database not in done.stdout
    missing = _wijkteam("server", "add-team", "--name", "X")
    assert missing.returncode == 2 and "--database" in missing.stderr
    wrong = database.rsplit("/", 1)[0] + "/geen_database_" + uuid.uuid4().hex[:6]
    unreachable = _wijkteam("server", "add-team", "--database", wrong, "--name", "X")
    assert unreachable.returncode == 1 and "niet bereikbaar" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    no_tls = _wijkteam("server", "--database", database, "--port", str(free_port()))
    assert no_tls.returncode == 2 and "HTTPS" in no_tls.stderr


def test_a_key_that_does_not_match_the_pin_is_refused(
    server, database, certs, tmp_path, pg_role
) -> None:
    carla, _ = team_of_two(server.url, database)
    elsewhere = pg_role.new_database()  # an impostor with a database of its own
    with pytest.raises(ServerKeyMismatch):
        TeamClient(server.url, ["ab" * 32]).call("GET", "/v1/health")
    impostor = ServerProcess(elsewhere, *certs["other"], tmp_path / "impostor.log").start()
    renewed = ServerProcess(database, *certs["renewed"], tmp_path / "renewed.log").start()
    try:
        _point_at(carla, impostor)
        carla.write("melding", str(uuid.uuid4()), {"notitie": "mag niet weg"})
        with pytest.raises(ServerKeyMismatch):
            carla.sync()
        assert "/v1/push" not in impostor.log.read_text()  # refused before sending
        assert "/v1/pull" not in impostor.log.read_text()
        assert len(carla.outbox) == 1
        _point_at(carla, renewed)  # a renewed certificate with the same key is fine
        push, _ = carla.sync()
        assert len(push.applied) == 1
    finally:
        impostor.stop()
        renewed.stop()


def test_a_server_that_is_down_is_a_typed_error(server, database) -> None:
    with pytest.raises(ServerUnreachable):
        TeamClient(f"https://127.0.0.1:{free_port()}", ["ab" * 32]).call("GET", "/v1/health")
    carla, _ = team_of_two(server.url, database)
    carla.session.client = TeamClient(f"https://127.0.0.1:{free_port()}", carla.state.pins)
    carla.session.client.token = carla.state.token
    carla.write("melding", str(uuid.uuid4()), {"n": 1})
    with pytest.raises(ServerUnreachable):
        carla.sync()
    assert len(carla.outbox) == 1 and carla.state.in_flight is not None


def test_two_server_processes_serve_one_database(server, database, certs, tmp_path) -> None:
    second = ServerProcess(database, *certs["server"], tmp_path / "second.log").start()
    try:
        carla, mo = team_of_two(server.url, database)
        _point_at(mo, second)
        cases = {name: [str(uuid.uuid4()) for _ in range(20)] for name in ("carla", "mo")}
        for laptop, name in ((carla, "carla"), (mo, "mo")):
            for n, case in enumerate(cases[name]):
                laptop.write("melding", case, {"wie": name, "n": n})
        threads = [threading.Thread(target=laptop.sync) for laptop in (carla, mo)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        for laptop in (carla, mo):
            laptop.sync()
        for laptop in (carla, mo):
            assert all(laptop.content("melding", c) for c in cases["carla"] + cases["mo"])
            assert not laptop.outbox and not laptop.quarantined
        assert "/v1/push" in second.log.read_text()
    finally:
        second.stop()


def test_the_desktop_app_never_imports_the_server() -> None:
    probe = (
        "import sys, ui.launcher, wijkteam.cli; wijkteam.cli.build_parser();"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('fastapi', 'uvicorn', 'psycopg',"
        " 'starlette') or m.startswith('wijkteam.server.') or m == 'wijkteam.server'];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_new_server_key_is_announced_before_use(
    server, database, certs, tmp_path, pg_role
) -> None:
    from wijkteam.teamproto.keys import spki_pin_of_pem
    from wijkteam.teamsync.team import announce_server_key

    carla, mo = team_of_two(server.url, database)
    new_pin = spki_pin_of_pem(certs["other"][0].read_bytes()).hex()
    moved = ServerProcess(database, *certs["other"], tmp_path / "moved.log").start()
    try:
        _point_at(mo, moved)
        with pytest.raises(ServerKeyMismatch):  # not announced yet
            mo.sync()
        announce_server_key(carla.session, new_pin)
        _point_at(mo, server)
        mo.sync()
        assert new_pin in mo.state.pins
        _point_at(mo, moved)  # the server now runs with its new key
        mo.write("melding", str(uuid.uuid4()), {"notitie": "na de nieuwe sleutel"})
        push, _ = mo.sync()
        assert len(push.applied) == 1
    finally:
        moved.stop()
        from tests.team.db import sql

        sql(database, "DELETE FROM server_keys WHERE pin = %s", (new_pin,))


def test_only_the_coordinators_device_manages_the_team(server, database) -> None:
    from wijkteam.teamsync.errors import NotCoordinator
    from wijkteam.teamsync.team import invite, rotate

    _carla, mo = team_of_two(server.url, database)
    mo.state.coordinator_private = bytes(32)  # even with a signing key of its own making
    for attempt in (lambda: invite(mo.session, str(uuid.uuid4())), lambda: rotate(mo.session)):
        with pytest.raises(NotCoordinator):
            attempt()
