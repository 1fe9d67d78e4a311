"""`wijkteam team …` and `wijkteam sync` through the real entry point (subprocesses), against
the real server: Dutch messages, exit codes, and nothing lost on a fault."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TEAM_PASSWORD, make_team_store
from tests.factories import report, resident
from tests.team.laptops import registration_code
from tests.team.servers import ServerProcess
from wijkteam.wiring import Services

ENTRY = [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())"]


def run(*args: str, password: str = TEAM_PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WIJKTEAM_PASSPHRASE": password, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*ENTRY, *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
        timeout=180,
    )  # fmt: skip


def today() -> str:
    """The store here runs on the real clock (its commands are subprocesses): a melding
    received today is valid on any date the suite runs."""
    return date.today().strftime("%d-%m-%Y")


def _code_in(output: str) -> str:
    return output.strip().rsplit(" ", 1)[-1]


@pytest.fixture
def world(tmp_path: Path, server: ServerProcess, pg_role, certs):  # type: ignore[no-untyped-def]
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    carla = tmp_path / "carla"
    store = make_team_store(carla)
    services = Services.create(store)
    services.reports.register(
        report(question="Vraag in de tuin", received_on=today()), resident=resident(surname="Kli")
    )
    services.members.add("Mo Member", "MM")
    store.close()
    yield process, database, carla, tmp_path, certs["other"]
    process.stop()


def test_connect_invite_join_sync_and_the_faults(world) -> None:  # type: ignore[no-untyped-def]
    process, database, carla, tmp, (other_cert, other_key) = world
    url = process.url
    done = run("team", "connect", "--data-dir", str(carla), "--server", url,
               "--code", registration_code(database))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Herstelcode van het team" in done.stdout

    # The same registration code again: refused in Dutch, exit 1, the store still connected.
    again = run("team", "connect", "--data-dir", str(carla), "--server", url, "--code", "AAAAA")
    assert again.returncode == 1 and "hoort al bij een team" in again.stderr

    invited = run("team", "invite", "--data-dir", str(carla), "--initials", "MM")
    assert invited.returncode == 0, invited.stderr
    code = _code_in(invited.stdout)
    unknown = run("team", "invite", "--data-dir", str(carla), "--initials", "ZZ")
    assert unknown.returncode == 2 and "Er is geen teamlid met deze initialen" in unknown.stderr

    mo = tmp / "mo"
    typo = run("team", "join", "--data-dir", str(mo), "--server", url, "--code", code[:-3] + "AAA",
               "--initials", "MM", password="groene fiets dinsdag")  # fmt: skip
    assert typo.returncode == 2 and "Deze code klopt niet" in typo.stderr
    assert not (mo / "wijkteam.keys").exists()

    joined = run("team", "join", "--data-dir", str(mo), "--server", url, "--code", code,
                 "--initials", "MM", password="groene fiets dinsdag")  # fmt: skip
    assert joined.returncode == 0, joined.stderr
    used = run("team", "join", "--data-dir", str(tmp / "mo2"), "--server", url, "--code", code,
               "--initials", "MM", password="groene fiets dinsdag")  # fmt: skip
    assert used.returncode == 1 and "al gebruikt" in used.stderr
    # Nothing of a store is left behind, only the command's log, which holds no code.
    assert sorted(p.name for p in (tmp / "mo2").iterdir()) == ["logs"]
    logged = "".join(p.read_text() for p in (tmp / "mo2" / "logs").iterdir())
    assert code not in logged and code.replace("-", "") not in logged

    synced = run("sync", "--data-dir", str(carla))
    assert synced.returncode == 0, synced.stderr
    synced = run("sync", "--data-dir", str(mo), password="groene fiets dinsdag")
    assert synced.returncode == 0, synced.stderr

    # The server down: Dutch, exit 1, the local change still waiting to be pushed.
    from tests.conftest import open_team_store

    store = open_team_store(carla)
    services = Services.create(store)
    services.reports.register(
        report(question="Offline werk", received_on=today()), resident=resident(surname="Kla")
    )
    pending = services.team.status().pending
    store.close()
    process.stop()
    down = run("sync", "--data-dir", str(carla))
    assert down.returncode == 1 and "niet te bereiken" in down.stderr
    store = open_team_store(carla)
    assert Services.create(store).team.status().pending == pending > 0
    store.close()

    # Another server (another key) on the same address: the pin refuses it before sending.
    impostor = ServerProcess(database, other_cert, other_key, tmp / "other.log",
                             port=process.port).start()  # fmt: skip
    try:
        refused = run("sync", "--data-dir", str(carla))
        assert refused.returncode == 1 and "sleutel klopt niet" in refused.stderr
    finally:
        impostor.stop()
    process.start()
    back = run("sync", "--data-dir", str(carla))
    assert back.returncode == 0, back.stderr
    store = open_team_store(carla)
    assert Services.create(store).team.status().pending == 0
    store.close()
