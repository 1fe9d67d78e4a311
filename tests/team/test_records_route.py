"""POST /v1/records, the team server's answer to an inzage (DESIGN.md §11 "Retention"): the
newest version of records named by kind and UUID, to a device of the same team only."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.team.laptops import coordinator, team_of_two
from wijkteam.teamproto.encoding import unb64
from wijkteam.teamproto.records import RecordId, open_record
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.errors import TokenRefused


def _ask(client: TeamClient, kind: str, ident: str) -> list[dict]:  # type: ignore[type-arg]
    answer = client.call("POST", "/v1/records", {"records": [{"kind": kind, "uuid": ident}]})
    return list(answer["records"])


def test_a_device_of_the_team_gets_the_newest_version_and_no_one_else_anything(
    server, database
) -> None:  # type: ignore[no-untyped-def]
    carla, mo = team_of_two(server.url, database)
    ident = str(uuid.uuid4())
    carla.write("report", ident, {"question": "eerste"})
    carla.push()
    carla.write("report", ident, {"question": "tweede"})
    carla.push()
    [found] = _ask(mo.session.client, "report", ident)
    assert (found["version"], found["tombstone"]) == (2, False)
    record = RecordId(mo.state.team, "report", ident, 2, found["key_epoch"])
    opened = open_record(mo.state.epochs[found["key_epoch"]], record, unb64(found["ciphertext"]))
    assert json.loads(opened) == {"question": "tweede"}
    assert _ask(mo.session.client, "report", str(uuid.uuid4())) == []  # not held: left out

    other, _ = coordinator(server.url, database)  # another team on the same server
    assert _ask(other.session.client, "report", ident) == []
    stranger = TeamClient(server.url, mo.state.pins, token="geen-echte-token")
    with pytest.raises(TokenRefused):
        _ask(stranger, "report", ident)
    stranger.close()
