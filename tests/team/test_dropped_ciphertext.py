"""A tombstone drops the ciphertext of every older version of its record on the server
(DESIGN.md §11, Erasure and Retention); every laptop still replays the device chains, and a
server that claims a record was dropped without the coordinator's tombstone is caught."""

from __future__ import annotations

import uuid

import pytest

from tests.team.db import sql
from tests.team.laptops import member, team_of_two
from wijkteam.teamproto.errors import ChainBroken
from wijkteam.teamsync.team import invite, take_in_enrolments


def _ciphertexts(database: str, ident: str) -> list[tuple[int, bool, bool]]:
    """(version, tombstone, ciphertext held) of each stored version of the record."""
    return [
        (version, tombstone, held)
        for version, tombstone, held in sql(
            database,
            "SELECT version, tombstone, ciphertext IS NOT NULL FROM records WHERE uuid = %s"
            " ORDER BY version",
            (ident,),
        )
    ]


def test_a_tombstone_drops_older_ciphertext_and_a_new_laptop_still_verifies(
    server, database
) -> None:
    carla, mo = team_of_two(server.url, database)
    case, other = str(uuid.uuid4()), str(uuid.uuid4())
    mo.write("melding", case, {"notitie": "eerste"})
    mo.write("contact", other, {"notitie": "blijft"})
    mo.sync()
    carla.sync()
    carla.write("melding", case, {"notitie": "tweede"})
    carla.sync()
    mo.sync()
    carla.write("melding", case, {"erasure": "x"}, tombstone=True)
    carla.sync()
    assert _ciphertexts(database, case) == [(1, False, False), (2, False, False), (3, True, True)]
    digests = sql(database, "SELECT ciphertext_sha256 FROM records WHERE uuid = %s"
                            " AND version < 3", (case,))  # fmt: skip
    assert all(len(d) == 32 for (d,) in digests)
    assert _ciphertexts(database, other) == [(1, False, True)]
    mo.sync()
    assert mo.records[("melding", case)][2] is True
    late = member(server.url, invite(carla.session, str(uuid.uuid4())))
    take_in_enrolments(carla.session)
    _, pulled = late.sync()  # every device chain replays: no ChainBroken
    assert not pulled.quarantined
    assert late.records[("melding", case)][2] is True  # only the tombstone arrived
    assert not [r for r in pulled.received if r.uuid == case and not r.tombstone]
    assert late.content("contact", other) == {"notitie": "blijft"}
    assert late.state.peers[mo.state.device].seq == mo.state.seq


def test_a_server_claiming_a_drop_without_a_tombstone_is_caught(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case = str(uuid.uuid4())
    carla.write("melding", case, {"notitie": "achtergehouden"})
    carla.sync()
    sql(database, "UPDATE records SET ciphertext_sha256 = sha256(ciphertext), ciphertext = NULL"
                  " WHERE uuid = %s", (case,))  # fmt: skip
    cursor = mo.state.cursor
    with pytest.raises(ChainBroken) as caught:
        mo.sync()
    assert caught.value.params == {"device": carla.state.device, "reason": "dropped_unproven"}
    assert mo.state.cursor == cursor and ("melding", case) not in mo.records


def test_a_drop_proven_by_a_tombstone_of_another_record_is_caught(server, database) -> None:
    carla, mo = team_of_two(server.url, database)
    case, erased = str(uuid.uuid4()), str(uuid.uuid4())
    carla.write("melding", case, {"notitie": "achtergehouden"})
    carla.write("melding", erased, {"notitie": "gewist"})
    carla.sync()
    carla.write("melding", erased, {"erasure": "x"}, tombstone=True)
    carla.sync()
    # The server drops a record that was never erased and relabels the erased record's
    # tombstone as that record's: its bound fields no longer open.
    sql(database, "UPDATE records SET ciphertext_sha256 = sha256(ciphertext), ciphertext = NULL"
                  " WHERE uuid = %s", (case,))  # fmt: skip
    sql(database, "INSERT INTO records (team_id, kind, uuid, version, key_epoch, tombstone,"
                  " ciphertext, device_id) SELECT team_id, kind, %s, version, key_epoch,"
                  " tombstone, ciphertext, device_id FROM records WHERE uuid = %s AND tombstone",
        (case, erased))  # fmt: skip
    with pytest.raises(ChainBroken) as caught:
        mo.sync()
    assert caught.value.params["reason"] == "dropped_unproven"
    assert ("melding", case) not in mo.records
