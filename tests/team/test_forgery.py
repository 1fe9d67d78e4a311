"""A server (or a member's device) that forges, withholds or replays is caught: forged
tombstones refused, the dropped end of a device's pushes detected, lower versions refused."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.team.db import sql
from tests.team.laptops import coordinator, member, team_of_two
from wijkteam.teamproto.errors import ChainBroken, SignatureInvalid
from wijkteam.teamproto.heads import Head
from wijkteam.teamsync.errors import NotCoordinator
from wijkteam.teamsync.session import Outgoing
from wijkteam.teamsync.team import invite, take_in_enrolments


def _insert_batch(database: str, team: str, device: str, batch: dict, first_seq: int) -> None:  # type: ignore[type-arg]
    """What a colluding server could write straight into PostgreSQL (in the pull order)."""
    clock = "UPDATE push_clocks SET tick = tick + 1 WHERE team_id = %s RETURNING tick"
    tick = sql(database, clock, (team,))[0][0]
    push_id = sql(
        database,
        "INSERT INTO pushes (team_id, device_id, head, seq) VALUES (%s, %s, %s, %s) RETURNING id",
        (team, device, json.dumps(batch["head"]), tick),
    )[0][0]
    for offset, op in enumerate(batch["ops"]):
        version = op["base_version"] + 1
        sql(
            database,
            "INSERT INTO operations (op_id, team_id, device_id, seq, push_id, kind, uuid, version)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (
                op["op_id"],
                team,
                device,
                first_seq + offset,
                push_id,
                op["kind"],
                op["uuid"],
                version,
            ),
        )
        sql(
            database,
            "INSERT INTO records (team_id, kind, uuid, version, key_epoch, tombstone, ciphertext,"
            " device_id) VALUES (%s, %s, %s, %s, %s, %s, decode(%s, 'base64'), %s)",
            (team, op["kind"], op["uuid"], version, op["key_epoch"], op["tombstone"],
             op["ciphertext"], device),
        )  # fmt: skip


def test_a_tombstone_forged_by_a_members_device_is_refused(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case = str(uuid.uuid4())
    carla.write("melding", case, {"notitie": "blijft"})
    carla.sync()
    mo.sync()
    with pytest.raises(NotCoordinator):  # the engine will not sign without the key
        mo.session.push([Outgoing(str(uuid.uuid4()), "melding", case, 1, b"{}", True)])
    # A member's device that holds the team key and a valid token signs it with its own key.
    mo.state.coordinator_private = mo.state.signing_private
    forged = mo.session._build([Outgoing(str(uuid.uuid4()), "melding", case, 1, b"{}", True)])
    mo.state.coordinator_private = None
    with pytest.raises(NotCoordinator) as refused:
        mo.session.client.call(
            "POST", "/v1/push", {"head": forged["head"], "operations": forged["ops"]}
        )
    assert refused.value.params["server_code"] == "coordinator_only"
    assert sql(database, "SELECT count(*) FROM records WHERE tombstone")[0][0] == 0
    # Even if a server let it through, the other laptops refuse it.
    _insert_batch(database, mo.state.team, mo.state.device, forged, mo.state.seq + 1)
    _, pulled = carla.sync()
    assert [(q.uuid, q.reason) for q in pulled.quarantined] == [(case, "signature")]
    assert carla.content("melding", case) == {"notitie": "blijft"}
    # The coordinator's own tombstone is accepted and applied everywhere.


def test_a_tombstone_forged_by_the_server_is_refused(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case = str(uuid.uuid4())
    carla.write("melding", case, {"notitie": "blijft"})
    carla.sync()
    mo.sync()
    # The server writes a tombstone into the coordinator device's chain; it has no device
    # key to sign the head with and no coordinator key to sign the tombstone with.
    carla.state.coordinator_private, real = bytes(32), carla.state.coordinator_private
    forged = carla.session._build([Outgoing(str(uuid.uuid4()), "melding", case, 1, b"{}", True)])
    carla.state.coordinator_private = real
    head = Head.from_wire(forged["head"])
    forged["head"] = Head(head.team, head.device, head.seq, head.chain, 0, head.erasure_chain,
                          head.seen, b"\0" * 64).to_wire()  # fmt: skip
    _insert_batch(database, carla.state.team, carla.state.device, forged, carla.state.seq + 1)
    _, pulled = mo.sync()
    assert [q.reason for q in pulled.quarantined] == ["head_signature"]
    assert mo.content("melding", case) == {"notitie": "blijft"}


def test_a_tombstone_claimed_by_the_server_in_a_push_conflict_is_refused(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case = str(uuid.uuid4())
    carla.write("melding", case, {"notitie": "blijft"})
    carla.sync()
    mo.sync()
    mo.write("melding", case, {"notitie": "offline bewerkt"})
    # The server answers Mo's push with a newer "tombstone" it made up: no coordinator's
    # signature (nothing it could open), so the laptop must not drop the record on its word.
    sql(
        database,
        "INSERT INTO records (team_id, kind, uuid, version, key_epoch, tombstone, ciphertext,"
        " device_id) VALUES (%s, 'melding', %s, 2, 1, true, decode('AAAA', 'base64'), %s)",
        (carla.state.team, case, carla.state.device),
    )
    with pytest.raises(SignatureInvalid):
        mo.push()
    assert mo.content("melding", case) == {"notitie": "blijft"}
    assert [o.uuid for o in mo.outbox] == [case]  # the edit waits, nothing lost


def test_a_coordinators_tombstone_is_applied(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case = str(uuid.uuid4())
    mo.write("melding", case, {"notitie": "wordt gewist"})
    mo.sync()
    carla.sync()
    carla.write("melding", case, {"reden": "verzoek tot wissen"}, tombstone=True)
    carla.sync()
    mo.sync()
    assert mo.records[("melding", case)][2] is True
    mo.write("melding", case, {"notitie": "oude bewerking"})  # an offline edit afterwards
    push, _ = mo.sync()
    assert push.conflicts and push.conflicts[0].theirs_tombstone


def _three_pushes(laptop) -> None:  # type: ignore[no-untyped-def]
    for n in range(3):
        laptop.write("contact", str(uuid.uuid4()), {"n": n})
        laptop.sync()


def _last_push(database: str, device: str) -> int:
    return sql(database, "SELECT max(id) FROM pushes WHERE device_id = %s", (device,))[0][0]


def test_a_server_dropping_the_end_of_a_devices_pushes_is_caught(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    _three_pushes(carla)
    mo.sync()
    mo.write("contact", str(uuid.uuid4()), {"van": "mo"})
    mo.sync()  # mo's head says it saw all of carla's pushes
    last = _last_push(database, carla.state.device)
    sql(database, "DELETE FROM records WHERE (kind, uuid, version) IN (SELECT kind, uuid, version"
                  " FROM operations WHERE push_id = %s)", (last,))  # fmt: skip
    sql(database, "DELETE FROM operations WHERE push_id = %s", (last,))
    sql(database, "DELETE FROM pushes WHERE id = %s", (last,))
    late = member(server.url, invite(carla.session, str(uuid.uuid4())))
    take_in_enrolments(carla.session)
    cursor = late.state.cursor
    with pytest.raises(ChainBroken) as caught:
        late.sync()
    assert caught.value.params == {"device": carla.state.device, "reason": "withheld"}
    assert late.state.cursor == cursor and not late.records  # nothing of that page applied


def test_a_server_dropping_records_but_not_the_head_is_caught(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    _three_pushes(carla)
    last = _last_push(database, carla.state.device)
    sql(database, "DELETE FROM records WHERE (kind, uuid, version) IN (SELECT kind, uuid, version"
                  " FROM operations WHERE push_id = %s)", (last,))  # fmt: skip
    with pytest.raises(ChainBroken) as caught:
        mo.sync()
    assert caught.value.params["reason"] == "record_missing"


def test_a_laptop_refuses_versions_lower_than_it_has_seen(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case = str(uuid.uuid4())
    for n in range(3):
        carla.write("melding", case, {"n": n})
        carla.sync()
    mo.sync()
    assert mo.version("melding", case) == 3
    mo.state.cursor = "0:0"  # a server that hands this laptop the old versions again
    _, pulled = mo.sync()
    assert not pulled.received
    assert {q.reason for q in pulled.quarantined} == {"version_rollback"}
    assert mo.content("melding", case) == {"n": 2}


def test_registration_starts_a_fresh_chain_per_team(server, database) -> None:
    first, _ = coordinator(server.url, database)
    second, _ = coordinator(server.url, database)
    first.write("melding", str(uuid.uuid4()), {"team": 1})
    first.sync()
    _, pulled = second.sync()
    assert not pulled.received  # another team's records never reach this team
