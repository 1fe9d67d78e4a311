"""Push and pull against the real server: base versions and conflicts, retries, pushes out
of order, late commits, and the server killed mid-push."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest

from tests.team.db import sql
from tests.team.laptops import member, team_of_two
from tests.team.servers import ServerProcess
from wijkteam.teamsync.errors import OutOfOrder, ServerUnreachable
from wijkteam.teamsync.team import invite, take_in_enrolments


def _count(database: str, table: str, team: str) -> int:
    """Rows of the team's own records (not the coordinator's device lists)."""
    query = f"SELECT count(*) FROM {table} WHERE team_id = %s AND kind NOT LIKE 'control.%%'"
    return sql(database, query, (team,))[0][0]


def test_base_versions_and_a_conflict(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case = str(uuid.uuid4())
    carla.write("melding", case, {"stap": "huisbezoek gepland"})
    carla.sync()
    mo.sync()
    assert mo.version("melding", case) == 1
    # Both change it offline; Carla pushes first.
    carla.write("melding", case, {"stap": "huisbezoek gedaan"})
    mo.write("melding", case, {"stap": "gebeld, niemand thuis"})
    carla.sync()
    push, _ = mo.sync()
    assert not push.applied and len(push.conflicts) == 1
    conflict = push.conflicts[0]
    assert (conflict.base_version, conflict.current_version) == (1, 2)
    assert conflict.theirs == b'{"stap": "huisbezoek gedaan"}'
    assert mo.content("melding", case) == {"stap": "huisbezoek gedaan"}  # pulled: theirs
    # The member settles it; the merged record is pushed on the current version.
    mo.write("melding", case, {"stap": "huisbezoek gedaan; gebeld, niemand thuis"})
    push, _ = mo.sync()
    assert [a.version for a in push.applied] == [3]
    carla.sync()
    assert carla.content("melding", case) == {"stap": "huisbezoek gedaan; gebeld, niemand thuis"}
    versions = sql(
        database, "SELECT version FROM records WHERE uuid = %s ORDER BY version", (case,)
    )
    assert versions == [(1,), (2,), (3,)]


def test_a_retried_push_applies_nothing_twice(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    for n in range(3):
        carla.write("contact", str(uuid.uuid4()), {"n": n})
    batch = carla.session._build(carla.outbox)  # what push() builds and persists first
    carla.state.in_flight = batch
    body = {"head": batch["head"], "operations": batch["ops"]}
    first = carla.session.client.call("POST", "/v1/push", body)  # arrives; the answer is lost
    assert first["status"] == "applied"
    again = carla.session.client.call("POST", "/v1/push", body)
    assert again["status"] == "duplicate" and again["versions"] == first["versions"]
    push, _ = carla.sync()  # the laptop resends its in-flight batch byte for byte
    assert len(push.applied) == 3 and not carla.outbox
    assert _count(database, "records", carla.state.team) == 3
    mo.sync()
    assert {mo.content(k, u)["n"] for (k, u) in mo.records if k == "contact"} == {0, 1, 2}
    carla.write("contact", str(uuid.uuid4()), {"n": 3})
    push, _ = carla.sync()  # the chain goes on from the retried batch
    assert len(push.applied) == 1 and not mo.sync()[1].quarantined


def test_pushes_out_of_order_are_refused_then_applied_in_order(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    session = carla.session
    carla.write("contact", str(uuid.uuid4()), {"n": 1})
    first = session._build(carla.outbox)
    state_after_first = (first["head"]["seq"], first["head"]["chain"])
    carla.state.seq, carla.state.chain = state_after_first
    carla.outbox.clear()
    carla.write("contact", str(uuid.uuid4()), {"n": 2})
    second = session._build(carla.outbox)
    carla.state.seq, carla.state.chain = 1, "00" * 32  # back to before both: nothing pushed
    carla.state.seq = 0

    def send(batch):  # type: ignore[no-untyped-def]
        return session.client.call(
            "POST", "/v1/push", {"head": batch["head"], "operations": batch["ops"]}
        )

    with pytest.raises(OutOfOrder):
        send(second)
    assert send(first)["status"] == "applied"
    assert send(second)["status"] == "applied"
    assert send(first)["status"] == "duplicate"
    assert _count(database, "records", carla.state.team) == 2
    carla.state.seq, carla.state.chain = second["head"]["seq"], second["head"]["chain"]
    _, pulled = mo.sync()
    assert sorted(r.payload for r in pulled.received if r.kind == "contact") == [
        b'{"n": 1}',
        b'{"n": 2}',
    ]
    assert not pulled.quarantined


def _hold_record_row(database: str, team: str, kind: str, ident: str, version: int, device: str):  # type: ignore[no-untyped-def]
    """An open transaction that took (kind, ident, version) first: a push of that version
    waits on the unique key inside its own transaction, after it took its push row. (Its
    rows name `device`, whose row they share-lock: a push of that device waits at its start.)"""
    connection = psycopg.connect(database)
    push_id = connection.execute(
        "INSERT INTO pushes (team_id, device_id, head) VALUES (%s, %s, '{}') RETURNING id",
        (team, device),
    ).fetchone()[0]
    connection.execute(
        "INSERT INTO records (team_id, kind, uuid, version, key_epoch, tombstone, ciphertext,"
        " device_id) VALUES (%s, %s, %s, %s, 1, false, '\\x00', %s)",
        (team, kind, ident, version, device),
    )
    return connection, push_id


def test_pushes_committing_out_of_order_are_both_pulled(server, database) -> None:
    """Carla's push takes its row (its `pushes.id`, the insertion sequence) first and commits
    last; Mo's push, with the higher id, commits in between and is pulled at once. A later
    pull still delivers Carla's: the pull order is the commit order, not the id order."""
    carla, mo = team_of_two(server.url, database)
    rik = member(server.url, invite(carla.session, str(uuid.uuid4())))
    take_in_enrolments(carla.session)
    early, late = str(uuid.uuid4()), str(uuid.uuid4())
    carla.write("melding", early, {"wie": "eerste"})
    carla.sync()
    mo.sync()
    # Held in Rik's name: a row of Carla's device would lock her out before her push starts.
    holder, _ = _hold_record_row(database, carla.state.team, "melding", early, 2, rik.state.device)
    carla.write("melding", early, {"wie": "eerste, later gecommit"})
    blocked = threading.Thread(target=carla.push)
    blocked.start()  # takes its push row, then waits on the held record inside its transaction
    _wait_until_blocked(database)
    mo.write("melding", late, {"wie": "tweede, eerst gecommit"})
    assert mo.push().applied  # commits while the first push is still open
    mo.pull()  # Mo's cursor passes his own push; nothing holds it back
    holder.rollback()  # the first push now commits, after the second
    holder.close()
    blocked.join(10)
    assert not blocked.is_alive() and not carla.outbox
    mo.pull()
    assert mo.content("melding", early) == {"wie": "eerste, later gecommit"}
    assert not mo.quarantined
    carla.pull()
    assert carla.content("melding", late) == {"wie": "tweede, eerst gecommit"}
    rik.pull()
    assert rik.content("melding", early) == {"wie": "eerste, later gecommit"}
    assert rik.content("melding", late) == {"wie": "tweede, eerst gecommit"}
    last_two = "SELECT device_id::text FROM pushes WHERE team_id = %s ORDER BY {} DESC LIMIT 2"
    by_id = [d for (d,) in sql(database, last_two.format("id"), (carla.state.team,))][::-1]
    by_seq = [d for (d,) in sql(database, last_two.format("seq"), (carla.state.team,))][::-1]
    assert by_id == [carla.state.device, mo.state.device]  # Carla's row came first...
    assert by_seq == [mo.state.device, carla.state.device]  # ...and committed last


def _wait_until_blocked(database: str) -> None:
    """Until a server connection of this database waits on a lock (the held record)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        waiting = sql(
            database,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'",
        )[0][0]
        if waiting:
            return
        time.sleep(0.05)
    raise AssertionError("the push did not reach the held record")


def team_laptop_pull(laptop):  # type: ignore[no-untyped-def]
    laptop.pull()
    return {key: laptop.content(*key) for key in laptop.records}


def test_server_killed_mid_push_loses_nothing(database, certs, tmp_path) -> None:
    cert, key = certs["server"]
    process = ServerProcess(database, cert, key, tmp_path / "server.log").start()
    try:
        carla, mo = team_of_two(process.url, database)
        first = str(uuid.uuid4())
        carla.write("melding", first, {"n": 0})
        carla.sync()
        holder, _ = _hold_record_row(
            database, carla.state.team, "melding", first, 2, carla.state.device
        )
        carla.write("melding", first, {"n": 1})
        for n in range(2, 6):
            carla.write("contact", str(uuid.uuid4()), {"n": n})
        failures: list[BaseException] = []

        def push() -> None:
            try:
                carla.push()
            except ServerUnreachable as error:
                failures.append(error)

        pusher = threading.Thread(target=push)
        pusher.start()
        time.sleep(1.0)  # the push waits inside its transaction
        process.kill()
        pusher.join(20)
        holder.rollback()
        holder.close()
        assert failures and carla.state.in_flight is not None and len(carla.outbox) == 5
        assert _count(database, "operations", carla.state.team) == 1
        process.start()
        push, _ = carla.sync()
        assert len(push.applied) == 5 and not carla.outbox
        assert _count(database, "records", carla.state.team) == 1 + 5
        mo.sync()
        assert mo.content("melding", first) == {"n": 1} and not mo.quarantined
    finally:
        process.stop()
