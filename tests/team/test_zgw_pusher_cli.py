"""Who sends to the municipality, on the command line (real entry point, real team server):
`wijkteam export` refuses on a laptop that does not send for its team (Dutch, exit 1), and
`wijkteam team pusher` shows and (coordinator only) changes which laptop does."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import select

from tests.conftest import TEAM_PASSWORD, open_team_store
from tests.team import test_team_cli
from tests.team.laptops import registration_code
from tests.team.test_team_cli import _code_in, run
from wijkteam.security.context import AuditAction
from wijkteam.store.models import AuditEvent

MO_PASSWORD = "groene fiets dinsdag"
world = test_team_cli.world  # the fixture: a coordinator's store and a team server


def _team(world) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    process, database, carla, tmp, _other = world
    url = process.url
    assert run("team", "connect", "--data-dir", str(carla), "--server", url,
               "--code", registration_code(database)).returncode == 0  # fmt: skip
    code = _code_in(run("team", "invite", "--data-dir", str(carla), "--initials", "MM").stdout)
    mo = tmp / "mo"
    joined = run("team", "join", "--data-dir", str(mo), "--server", url, "--code", code,
                 "--initials", "MM", password=MO_PASSWORD)  # fmt: skip
    assert joined.returncode == 0, joined.stderr
    assert run("sync", "--data-dir", str(carla)).returncode == 0
    assert run("sync", "--data-dir", str(mo), password=MO_PASSWORD).returncode == 0
    return carla, mo


def _export(data_dir: Path, out: Path, password: str = TEAM_PASSWORD):  # type: ignore[no-untyped-def]
    os.environ["WIJKTEAM_EXPORT_PASSPHRASE"] = "fietsen langs de Geul"
    try:
        return run("export", "--data-dir", str(data_dir), "--out", str(out), password=password)
    finally:
        del os.environ["WIJKTEAM_EXPORT_PASSPHRASE"]


def test_only_the_designated_laptop_exports_and_the_coordinator_changes_it(world) -> None:  # type: ignore[no-untyped-def]
    carla, mo = _team(world)
    out = carla.parent / "uit.zip"

    refused = _export(mo, out, MO_PASSWORD)
    assert refused.returncode == 1
    assert "via één laptop naar de gemeente" in refused.stderr and "(CC)" in refused.stderr
    assert not out.exists()

    # Mo's laptop shows itself once the device list that lists it has arrived (the server
    # hands a push out once no older transaction in its shared cluster can still commit).
    deadline = time.monotonic() + 60
    while True:
        shown = run("team", "pusher", "--data-dir", str(mo), password=MO_PASSWORD)
        assert shown.returncode == 0, shown.stderr
        if "deze laptop" in shown.stdout or time.monotonic() > deadline:
            break
        assert run("sync", "--data-dir", str(mo), password=MO_PASSWORD).returncode == 0
    lines = shown.stdout.splitlines()
    mine = next(line for line in lines if "deze laptop" in line)
    assert "MM" in mine and not mine.startswith("*")
    assert any(line.startswith("*") and "CC" in line for line in lines)
    assert "de laptop van de coördinator verstuurt" in shown.stdout
    mo_device = mine.split()[0]

    # A member cannot designate; the coordinator can (and it is in the audit log).
    member_tries = run("team", "pusher", "--data-dir", str(mo), "--device", mo_device,
                       password=MO_PASSWORD)  # fmt: skip
    assert member_tries.returncode == 1 and "coördinator" in member_tries.stderr
    typo = run("team", "pusher", "--data-dir", str(carla), "--device", "zzzzzzzz")
    assert typo.returncode == 2 and "apparaatcode" in typo.stderr
    done = run("team", "pusher", "--data-dir", str(carla), "--device", mo_device)
    assert done.returncode == 0, done.stderr
    assert f"laptop {mo_device} (MM) verstuurt" in done.stdout

    now_refused = _export(carla, out)
    assert now_refused.returncode == 1 and "(MM)" in now_refused.stderr
    deadline = time.monotonic() + 60
    while True:  # Mo's laptop learns it at a sync
        assert run("sync", "--data-dir", str(mo), password=MO_PASSWORD).returncode == 0
        on_mo = run("team", "pusher", "--data-dir", str(mo), password=MO_PASSWORD).stdout
        chosen = [line for line in on_mo.splitlines() if line.startswith("*")]
        if (chosen and "deze laptop" in chosen[0]) or time.monotonic() > deadline:
            break
    assert chosen and "deze laptop" in chosen[0], on_mo

    store = open_team_store(carla)
    try:
        with store.transaction() as session:
            actions = list(session.scalars(select(AuditEvent.action)))
        assert AuditAction.TEAM_PUSHER in actions
    finally:
        store.close()
