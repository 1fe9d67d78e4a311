"""The server cannot read what it stores: every request body and server log line through
register, connect, invite, join, sync, revoke and rotate holds no key material, no plaintext
and no base64 of plaintext; revoked devices read nothing written after the rotation; a
member invited later reads every epoch."""

from __future__ import annotations

import base64
import json
import uuid

import pytest

from tests.team.db import sql
from tests.team.laptops import Laptop, coordinator, member
from wijkteam.teamproto.codes import InviteCode, RecoveryCode
from wijkteam.teamproto.errors import OpenFailed
from wijkteam.teamproto.records import RecordId, open_record
from wijkteam.teamsync.errors import DeviceRevoked
from wijkteam.teamsync.team import invite, rotate, take_in_enrolments

NOTES = [
    {"naam": "Henriëtte Vleugels-Quaedvlieg", "bsn": "111222333", "straat": "Tentstraat 13"},
    {"notitie": "Mevrouw voelt zich eenzaam sinds haar man overleed; schulden bij de woningbouw"},
    {"naam": "Joep Smeets", "telefoon": "0612345678", "notitie": "mantelzorg voor zijn moeder"},
]


def _forms(secret: bytes) -> list[bytes]:
    forms = [secret, secret.hex().encode(), base64.b64encode(secret)]
    forms.append(base64.urlsafe_b64encode(secret).rstrip(b"="))
    return [f for f in forms if len(f) >= 8]


def _plaintext_forms(text: bytes) -> list[bytes]:
    forms = [text]
    for offset in range(3):  # base64 of the text at every alignment, minus the ragged ends
        encoded = base64.b64encode(b"\0" * offset + text)[4:-4]
        forms.append(encoded)
    return forms


def _secrets_of(laptop: Laptop) -> list[bytes]:
    state = laptop.state
    found = [state.box_private, state.signing_private, *state.epochs.values()]
    if state.coordinator_private:
        found.append(state.coordinator_private)
    return found


def test_nothing_readable_reaches_the_server(server, database) -> None:
    bodies: list[bytes] = []

    def observe(method: str, path: str, body: bytes) -> None:
        bodies.append(path.encode() + b" " + body)

    carla, recovery = coordinator(server.url, database, observe=observe)
    codes = [invite(carla.session, str(uuid.uuid4())) for _ in range(2)]
    mo, lisa = (member(server.url, code, observe=observe) for code in codes)
    take_in_enrolments(carla.session)
    cases = [str(uuid.uuid4()) for _ in NOTES]
    for laptop, case, note in zip((carla, mo, lisa), cases, NOTES, strict=True):
        laptop.write("melding", case, note)
        laptop.sync()
    for laptop in (carla, mo, lisa):
        laptop.sync()
    assert lisa.content("melding", cases[0]) == NOTES[0]
    keys_before = _secrets_of(carla) + _secrets_of(mo) + _secrets_of(lisa)
    rotate(carla.session, revoke=[lisa.state.device])  # revoke and rotate
    carla.write("melding", cases[0], {**NOTES[0], "vervolg": "nazorg gebeld"})
    carla.sync()
    mo.sync()
    with pytest.raises(DeviceRevoked):
        lisa.sync()

    secrets = keys_before + _secrets_of(carla) + _secrets_of(mo)
    secrets += [InviteCode.parse(c).key_part for c in codes]
    secrets.append(RecoveryCode.parse(recovery).secret)
    plaintexts = [json.dumps(n).encode() for n in NOTES]
    plaintexts += [v.encode() for n in NOTES for v in n.values()]
    plaintexts += [json.dumps(v).encode()[1:-1] for n in NOTES for v in n.values()]
    log = server.log.read_bytes()
    tokens = [laptop.state.token.encode() for laptop in (carla, mo, lisa)]
    assert len(bodies) > 20
    for haystack in [*bodies, log]:
        for secret in secrets:
            for form in _forms(secret):
                assert form not in haystack
        for text in plaintexts:
            for form in _plaintext_forms(text):
                assert form not in haystack
    for token in tokens:
        assert token not in log
    dump = repr([sql(database, f"SELECT * FROM {t}") for t in _tables(database)]).encode()
    for text in plaintexts:
        assert text not in dump
    for secret in secrets:
        assert secret.hex().encode() not in dump


def _tables(database: str) -> list[str]:
    rows = sql(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return [r[0] for r in rows]


def test_revoked_device_reads_nothing_written_after(server, database) -> None:
    carla, _ = coordinator(server.url, database)
    mo = member(server.url, invite(carla.session, str(uuid.uuid4())))
    take_in_enrolments(carla.session)
    before = str(uuid.uuid4())
    carla.write("melding", before, {"notitie": "voor de intrekking"})
    carla.sync()
    mo.sync()
    mo.write("melding", str(uuid.uuid4()), {"notitie": "nog niet verstuurd"})
    epoch = rotate(carla.session, revoke=[mo.state.device])
    after = str(uuid.uuid4())
    carla.write("melding", after, {"notitie": "na de intrekking"})
    carla.write("melding", before, {"notitie": "gewijzigd na de intrekking"})
    carla.sync()
    with pytest.raises(DeviceRevoked):
        mo.sync()
    assert len(mo.outbox) == 1  # what the member typed stays on the laptop
    rows = sql(
        database,
        "SELECT kind, uuid::text, version, key_epoch, tombstone, ciphertext FROM records"
        " WHERE team_id = %s",
        (carla.state.team,),
    )
    newer = [r for r in rows if r[3] >= epoch]
    assert len(newer) >= 3  # two records and the new device list
    for kind, ident, version, key_epoch, tombstone, ciphertext in newer:
        for key in mo.state.epochs.values():
            with pytest.raises(OpenFailed):
                open_record(key, RecordId(carla.state.team, kind, ident, version, key_epoch,
                                          tombstone), bytes(ciphertext))  # fmt: skip
    assert epoch not in mo.state.epochs


def test_a_member_invited_later_reads_every_epoch(server, database) -> None:
    carla, _ = coordinator(server.url, database)
    written = {}
    for _ in range(2):
        case = str(uuid.uuid4())
        written[case] = {"epoch": carla.state.current_epoch}
        carla.write("melding", case, written[case])
        carla.sync()
        rotate(carla.session)
    assert carla.state.current_epoch == 3
    late = member(server.url, invite(carla.session, str(uuid.uuid4())))
    take_in_enrolments(carla.session)
    late.sync()
    assert {c: late.content("melding", c) for c in written} == written
    assert not late.quarantined
    case = str(uuid.uuid4())
    late.write("melding", case, {"epoch": 3})
    late.sync()
    carla.sync()
    assert carla.content("melding", case) == {"epoch": 3}
