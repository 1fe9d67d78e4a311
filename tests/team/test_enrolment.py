"""Registering a team and joining it: one-time, expiring, rate-limited codes whose key part
never reaches the server."""

from __future__ import annotations

import uuid

import pytest

from tests.team.db import sql
from tests.team.laptops import coordinator, member, registration_code
from wijkteam.teamproto.codes import InviteCode, RegistrationCode
from wijkteam.teamproto.encoding import token_hash
from wijkteam.teamproto.errors import CodeInvalid
from wijkteam.teamsync.errors import CodeRefused, InviteKeyWrong, RateLimited
from wijkteam.teamsync.team import Identity, invite, join_team, register_team, take_in_enrolments


def _other_code_with_same_pin(text: str) -> str:
    real = RegistrationCode.parse(text)
    return RegistrationCode(bytes(16), real.pin_prefix).text()


def test_registration_code_is_one_time_and_expires(server, database) -> None:
    code = registration_code(database)
    with pytest.raises(CodeRefused) as unknown:
        register_team(server.url, _other_code_with_same_pin(code), str(uuid.uuid4()))
    assert unknown.value.params["server_code"] == "code_unknown"
    with pytest.raises(CodeInvalid):  # a typo is caught on the laptop, before sending
        register_team(server.url, code[:-1] + ("A" if code[-1] != "A" else "B"), "m")
    session, recovery = register_team(server.url, code, str(uuid.uuid4()))
    assert session.state.role == "coordinator" and recovery
    with pytest.raises(CodeRefused) as used:
        register_team(server.url, code, str(uuid.uuid4()))
    assert used.value.params["server_code"] == "code_used"

    expired = registration_code(database)
    auth = RegistrationCode.parse(expired).auth
    sql(
        database,
        "UPDATE codes SET expires_at = now() - interval '1 second' WHERE auth_hash = %s",
        (token_hash(auth),),
    )
    with pytest.raises(CodeRefused) as late:
        register_team(server.url, expired, str(uuid.uuid4()))
    assert late.value.params["server_code"] == "code_expired"
    stored = sql(database, "SELECT auth_hash FROM codes")
    assert all(len(row[0]) == 64 for row in stored)  # hashes only
    assert token_hash(auth) in {row[0] for row in stored}
    assert auth.hex() not in str(stored)


def test_wrong_codes_are_rate_limited(server, database) -> None:
    good = registration_code(database)
    wrong = _other_code_with_same_pin(good)
    sql(database, "DELETE FROM attempts")  # earlier tests' refusals from 127.0.0.1
    try:
        for _ in range(10):
            with pytest.raises(CodeRefused):
                register_team(server.url, wrong, str(uuid.uuid4()))
        with pytest.raises(RateLimited):  # even the right code, while the limit holds
            register_team(server.url, good, str(uuid.uuid4()))
    finally:
        sql(database, "DELETE FROM attempts")
    register_team(server.url, good, str(uuid.uuid4()))


def test_member_joins_with_an_invite_once(server, database) -> None:
    carla, _ = coordinator(server.url, database)
    member_id = str(uuid.uuid4())
    code = invite(carla.session, member_id)
    parsed = InviteCode.parse(code)
    assert sql(database, "SELECT count(*) FROM codes WHERE bundle IS NOT NULL")[0][0] >= 1

    wrong_key = InviteCode(
        parsed.auth, bytes(16), parsed.pin_prefix, parsed.coordinator_fingerprint
    )
    me = Identity.new()
    with pytest.raises(InviteKeyWrong):
        join_team(server.url, wrong_key.text(), identity=me)
    # Retried with the right code by the same new laptop (e.g. the first answer was lost).
    session = join_team(server.url, code, identity=me)
    assert session.state.member == member_id
    assert session.state.epochs == carla.state.epochs
    assert session.state.coordinator_public == carla.state.coordinator_public
    row = sql(
        database,
        "SELECT bundle, used_at FROM codes WHERE auth_hash = %s",
        (token_hash(parsed.auth),),
    )[0]
    assert row[0] is None and row[1] is not None  # the wrapped keys are gone once used
    with pytest.raises(CodeRefused) as used:
        join_team(server.url, code)
    assert used.value.params["server_code"] == "code_used"
    assert take_in_enrolments(carla.session) == [me.device]
    assert carla.state.devices[me.device]["member"] == member_id


def test_expired_invite_is_refused_and_leaves_nothing(server, database) -> None:
    carla, _ = coordinator(server.url, database)
    code = invite(carla.session, str(uuid.uuid4()))
    auth_hash = token_hash(InviteCode.parse(code).auth)
    sql(
        database,
        "UPDATE codes SET expires_at = now() - interval '1 second' WHERE auth_hash = %s",
        (auth_hash,),
    )
    with pytest.raises(CodeRefused) as late:
        join_team(server.url, code)
    assert late.value.params["server_code"] == "code_expired"
    assert sql(database, "SELECT bundle FROM codes WHERE auth_hash = %s", (auth_hash,)) == [(None,)]


def test_an_enrolment_the_server_made_up_is_never_listed(server, database) -> None:
    carla, _ = coordinator(server.url, database)
    code = invite(carla.session, str(uuid.uuid4()))
    mo = member(server.url, code)
    sql(database, "UPDATE devices SET enrolment = %s WHERE id = %s", (b"\0" * 92, mo.state.device))
    assert take_in_enrolments(carla.session) == []
    assert mo.state.device not in carla.state.devices
