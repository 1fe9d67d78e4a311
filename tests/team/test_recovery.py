"""The team recovery code: every laptop lost, the team comes back; using it renews it.
A rotation voids pending invites."""

from __future__ import annotations

import uuid

import pytest

from tests.team.laptops import Laptop, coordinator, member
from wijkteam.teamsync.errors import CodeRefused
from wijkteam.teamsync.team import invite, recover, rotate, take_in_enrolments


def test_the_recovery_code_brings_the_team_back_once(server, database) -> None:
    carla, code = coordinator(server.url, database)
    mo = member(server.url, invite(carla.session, str(uuid.uuid4())))
    take_in_enrolments(carla.session)
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    carla.write("melding", first, {"epoch": 1})
    carla.sync()
    rotate(carla.session)
    mo.write("melding", second, {"epoch": 2})
    mo.sync()
    del carla  # the coordinator's laptop is lost
    session, new_code, first_pull = recover(server.url, code, str(uuid.uuid4()))
    back = Laptop(session)
    assert new_code != code
    assert back.state.coordinator_private is not None
    by_uuid = {r.uuid: r.payload for r in first_pull.received}
    assert by_uuid == {first: b'{"epoch": 1}', second: b'{"epoch": 2}'} | {
        r.uuid: r.payload for r in first_pull.received if r.kind.startswith("control.")
    }
    assert sorted(session.state.epochs) == [1, 2]
    with pytest.raises(CodeRefused):
        recover(server.url, code, str(uuid.uuid4()))
    # The recovered coordinator runs the team on: a new member joins, the old member syncs.
    lisa = member(server.url, invite(session, str(uuid.uuid4())))
    take_in_enrolments(session)
    lisa.sync()
    assert lisa.content("melding", first) == {"epoch": 1}
    back.records.update({(r.kind, r.uuid): (r.version, r.payload, r.tombstone)
                         for r in first_pull.received})  # fmt: skip
    back.write("melding", first, {"epoch": 2, "na": "herstel"})
    back.sync()
    mo.sync()
    assert mo.content("melding", first) == {"epoch": 2, "na": "herstel"}
    assert not mo.quarantined and not lisa.quarantined


def test_a_rotation_voids_pending_invites(server, database) -> None:
    carla, _ = coordinator(server.url, database)
    code = invite(carla.session, str(uuid.uuid4()))
    rotate(carla.session)
    with pytest.raises(CodeRefused) as voided:
        member(server.url, code)
    assert voided.value.params["server_code"] == "code_voided"
