"""The protocol's cryptography and codes on their own (no server)."""

from __future__ import annotations

import uuid

import pytest

from wijkteam.teamproto.codes import InviteCode, RecoveryCode, RegistrationCode
from wijkteam.teamproto.errors import CodeInvalid, OpenFailed, SignatureInvalid
from wijkteam.teamproto.heads import GENESIS, Head
from wijkteam.teamproto.keys import BoxKey, SigningKey, new_secret
from wijkteam.teamproto.records import (
    RecordId,
    open_record,
    seal,
    sign_control,
    verify_control,
)
from wijkteam.teamproto.wraps import unwrap_epoch, wrap_epoch

TEAM = str(uuid.uuid4())
PIN = bytes(range(32))


def test_codes_round_trip_and_refuse_typos() -> None:
    code = InviteCode.new(PIN, SigningKey.new().public)
    text = code.text()
    assert all(len(group) <= 5 for group in text.split("-"))
    assert set(text.replace("-", "")) <= set("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    assert InviteCode.parse(text.lower().replace("-", " ")) == code
    assert len(code.key_part) * 8 >= 128
    # A two-letter checksum lets about one slip in 1,024 through (the server then refuses the
    # code as unknown): the slips are tried on a fixed code, so the test does not flake.
    fixed = InviteCode(
        bytes(range(10)),
        bytes(range(100, 116)),
        PIN[: len(code.pin_prefix)],
        bytes(range(200, 200 + len(code.coordinator_fingerprint))),
    )
    text = fixed.text()
    for position in range(len(text)):
        if text[position] == "-":
            continue
        other = "B" if text[position] != "B" else "C"
        with pytest.raises(CodeInvalid):
            InviteCode.parse(text[:position] + other + text[position + 1 :])
    with pytest.raises(CodeInvalid):  # a registration code is not an invite code
        InviteCode.parse(RegistrationCode.new(PIN).text())
    recovery = RecoveryCode.new(PIN)
    assert RecoveryCode.parse(recovery.text()) == recovery
    assert len(recovery.secret) * 8 >= 128


def test_a_record_opens_only_with_its_key_and_its_fields() -> None:
    old, new = new_secret(), new_secret()
    ident = RecordId(TEAM, "melding", str(uuid.uuid4()), 3, 1)
    sealed = seal(old, ident, b"Jan Jansen")
    assert open_record(old, ident, sealed) == b"Jan Jansen"
    with pytest.raises(OpenFailed):
        open_record(new, ident, sealed)  # the old epoch's record with the new key
    under_new = RecordId(TEAM, "melding", ident.uuid, 4, 2)
    with pytest.raises(OpenFailed):
        open_record(old, under_new, seal(new, under_new, b"x"))  # and the reverse
    for changed in (
        RecordId(str(uuid.uuid4()), ident.kind, ident.uuid, 3, 1),
        RecordId(TEAM, "contact", ident.uuid, 3, 1),
        RecordId(TEAM, ident.kind, str(uuid.uuid4()), 3, 1),
        RecordId(TEAM, ident.kind, ident.uuid, 4, 1),
        RecordId(TEAM, ident.kind, ident.uuid, 3, 2),
        RecordId(TEAM, ident.kind, ident.uuid, 3, 1, tombstone=True),
    ):
        with pytest.raises(OpenFailed):
            open_record(old, changed, sealed)


def test_control_records_need_the_coordinators_signature() -> None:
    coordinator, member = SigningKey.new(), SigningKey.new()
    ident = RecordId(TEAM, "melding", str(uuid.uuid4()), 2, 1, tombstone=True)
    signed = sign_control(coordinator, ident, {"erased": True})
    assert verify_control(coordinator.public, ident, signed) == {"erased": True}
    with pytest.raises(SignatureInvalid):
        verify_control(coordinator.public, ident, sign_control(member, ident, {"erased": True}))
    replayed = RecordId(TEAM, ident.kind, ident.uuid, 3, 1, tombstone=True)
    with pytest.raises(SignatureInvalid):
        verify_control(coordinator.public, replayed, signed)


def test_epoch_wraps_open_only_for_their_device_and_coordinator() -> None:
    coordinator, box, other = SigningKey.new(), BoxKey.new(), BoxKey.new()
    key = new_secret()
    wrapped = wrap_epoch(coordinator, TEAM, 2, "dev-1", box.public, key)
    assert unwrap_epoch(box, coordinator.public, TEAM, 2, "dev-1", wrapped) == key
    with pytest.raises(OpenFailed):
        unwrap_epoch(other, coordinator.public, TEAM, 2, "dev-1", wrapped)
    with pytest.raises(SignatureInvalid):
        unwrap_epoch(box, SigningKey.new().public, TEAM, 2, "dev-1", wrapped)
    with pytest.raises(SignatureInvalid):
        unwrap_epoch(box, coordinator.public, TEAM, 3, "dev-1", wrapped)


def test_heads_are_signed_by_their_device() -> None:
    device = SigningKey.new()
    head = Head(TEAM, "dev-1", 4, GENESIS, seen={"dev-2": 7}).signed(device)
    Head.from_wire(head.to_wire()).verify(device.public)
    forged = Head.from_wire({**head.to_wire(), "seq": 5})
    with pytest.raises(SignatureInvalid):
        forged.verify(device.public)
