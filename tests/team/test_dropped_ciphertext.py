"""A tombstone drops the ciphertext of every older version of its record on the server
(DESIGN.md §11, Erasure and Retention); every laptop still replays the device chains, and a
server that claims a record was dropped without the coordinator's tombstone is caught."""

from __future__ import annotations

import uuid
from hashlib import sha256
from pathlib import Path

import pytest

from tests.team.db import sql
from tests.team.laptops import member, team_of_two
from tests.team.pg import Role
from tests.team.servers import ServerProcess
from wijkteam.server.db import make_engine, migrate
from wijkteam.teamproto.errors import ChainBroken
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.session import DeviceSession
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


def test_s0003_drops_ciphertext_of_records_already_tombstoned(
    pg_role: Role, certs: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    cert, key = certs["server"]
    database = pg_role.new_database()
    process = ServerProcess(database, cert, key, tmp_path / "server.log").start()
    try:
        carla, mo = team_of_two(process.url, database)
        erased, kept = str(uuid.uuid4()), str(uuid.uuid4())
        mo.write("melding", erased, {"notitie": "wordt gewist"})
        mo.write("melding", kept, {"notitie": "blijft"})
        mo.sync()
        carla.sync()
        before = sql(database, "SELECT version, ciphertext FROM records WHERE uuid = %s", (erased,))
        carla.write("melding", erased, {"erasure": "x"}, tombstone=True)
        carla.sync()
        # The database as s0002 left it: older versions of a tombstoned record still held.
        for version, ciphertext in before:
            sql(database, "UPDATE records SET ciphertext = %s WHERE uuid = %s AND version = %s",
                (ciphertext, erased, version))  # fmt: skip
        sql(database, "ALTER TABLE records DROP COLUMN ciphertext_sha256")
        sql(database, "ALTER TABLE records ALTER COLUMN ciphertext SET NOT NULL")
        sql(database, "UPDATE alembic_version SET version_num = 's0002'")
        process.stop()
        engine = make_engine(database, pool_size=1)
        try:
            migrate(engine)
        finally:
            engine.dispose()
        process = ServerProcess(database, cert, key, tmp_path / "server2.log").start()
        assert sql(database, "SELECT version_num FROM alembic_version") == [("s0003",)]
        assert _ciphertexts(database, erased) == [(1, False, False), (2, True, True)]
        digest = sql(database, "SELECT ciphertext_sha256 FROM records WHERE uuid = %s"
                               " AND version = 1", (erased,))  # fmt: skip
        assert digest == [(sha256(before[0][1]).digest(),)]
        assert _ciphertexts(database, kept) == [(1, False, True)]
        for laptop in (carla, mo):
            laptop.session = DeviceSession(
                laptop.state, TeamClient(process.url, laptop.state.pins), laptop.persist
            )
        late = member(process.url, invite(carla.session, str(uuid.uuid4())))
        take_in_enrolments(carla.session)
        _, pulled = late.sync()
        assert not pulled.quarantined
        assert late.records[("melding", erased)][2] is True
        assert late.content("melding", kept) == {"notitie": "blijft"}
    finally:
        process.stop()
