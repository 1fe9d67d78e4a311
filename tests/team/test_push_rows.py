"""A push's rows are written in one statement (wijkteam/server/repository/push_rows.py). The
window that statement must close: two devices' pushes of the same record both pass the version
check, and the second to write finds the version taken. It must answer a conflict with the
current record and leave nothing of its batch behind: no push, no operation, the device's
head where it was (its laptop's next push continues the chain)."""

from __future__ import annotations

import base64
import threading
import uuid

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from tests.team.db import sql
from tests.team.laptops import team_of_two
from tests.team.servers import ServerProcess
from wijkteam.server.db import sqlalchemy_url
from wijkteam.server.repository import sync as server_sync
from wijkteam.teamsync.session import Outgoing


def test_a_version_taken_between_check_and_write_is_a_conflict_leaving_nothing(
    server: ServerProcess, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    carla, mo = team_of_two(server.url, database)
    mo.pull()
    carla.pull()
    ident = str(uuid.uuid4())
    op = Outgoing(str(uuid.uuid4()), "melding", ident, 0, b'{"door": "carla"}')
    batch = carla.session._build([op])
    ops = [
        server_sync.OpIn(
            uuid.UUID(o["op_id"]), o["kind"], uuid.UUID(o["uuid"]), o["base_version"],
            o["key_epoch"], o["tombstone"], base64.b64decode(o["ciphertext"]),
        )
        for o in batch["ops"]
    ]  # fmt: skip
    checked, taken = threading.Event(), threading.Event()
    original = server_sync._conflicts
    calls: list[int] = []

    def check_then_wait(*args: object) -> object:
        found = original(*args)  # type: ignore[arg-type]
        calls.append(len(found))
        if len(calls) == 1:  # carla's batch passed the check; now Mo takes the version
            checked.set()
            assert taken.wait(30)
        return found

    monkeypatch.setattr(server_sync, "_conflicts", check_then_wait)
    outcome: list[server_sync.PushOutcome] = []
    engine = create_engine(sqlalchemy_url(database))
    device = uuid.UUID(carla.state.device)
    head_before = sql(database, "SELECT head_seq, head_chain FROM devices WHERE id = %s", (device,))
    pushes_before = sql(database, "SELECT count(*) FROM pushes WHERE device_id = %s", (device,))

    def push() -> None:
        with Session(engine) as session:
            outcome.append(server_sync.push(session, device, "coordinator", batch["head"], ops))
            session.commit()

    pushing = threading.Thread(target=push)
    pushing.start()
    try:
        assert checked.wait(30)
        mo.write("melding", ident, {"door": "mo"})
        assert len(mo.push().applied) == 1
    finally:
        taken.set()
        pushing.join(30)
        engine.dispose()
    [answer] = outcome
    assert answer.status == "conflict"
    [current] = answer.current
    assert (current["op_id"], current["version"]) == (op.op_id, 1)
    assert str(current["device"]) == mo.state.device
    assert calls == [0, 1]  # checked again after the failed write: Mo's version is current
    assert sql(database, "SELECT count(*) FROM operations WHERE op_id = %s", (op.op_id,)) == [(0,)]
    assert sql(database, "SELECT count(*) FROM pushes WHERE device_id = %s", (device,)) == (
        pushes_before
    )
    assert (
        sql(database, "SELECT head_seq, head_chain FROM devices WHERE id = %s", (device,))
        == head_before
    )
    # Carla's laptop never sent that batch: its next push continues the chain as it was.
    carla.pull()
    carla.write("melding", str(uuid.uuid4()), {"door": "carla"})
    assert len(carla.push().applied) == 1
    assert mo.pull().quarantined == []
    assert mo.content("melding", ident) == {"door": "mo"}
