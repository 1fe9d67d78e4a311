"""Key rotation (issue 13 point 5) and the key file without anything derived from initials
(issue 17 point 8): an old copy of keys.json with an old password or recovery code opens
nothing, neither the store nor any backup."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tests.conftest import TEAM_PASSWORD, TEST_KDF
from tests.factories import report, resident
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import SignInRefused
from wijkteam.security.kdf import derive
from wijkteam.security.keyring import KeyRing, keys_path
from wijkteam.services.accounts import RecoveryGrant
from wijkteam.services.backups import backup_folder
from wijkteam.services.key_rotation import copies_of_the_store
from wijkteam.store import store_path
from wijkteam.store.cipher import Cipher, opens, rekey_file
from wijkteam.wiring.setup import Opened, open_unlocked, reset_password, unlock

BAS_PASSWORD = "bas zijn eigen wachtwoord"
NEW_PASSWORD = "een heel nieuw wachtwoord"


def _sign_in(team_dir: Path, initials: str, password: str, clock: FixedClock) -> Opened:
    ring, unlocked = unlock(team_dir, initials, password, clock)
    return open_unlocked(team_dir, ring, unlocked, clock=clock)


def _opens_anything(team_dir: Path, store_key: bytes) -> list[str]:
    cipher = Cipher(store_key)
    return [
        p.name for p in [store_path(team_dir), *copies_of_the_store(team_dir)] if opens(p, cipher)
    ]


def test_deactivating_a_member_rotates_the_store_key(
    team: Opened, team_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    bas = services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS_PASSWORD, BAS_PASSWORD)
    services.backups.make()
    old_copy = tmp_path / "keys-kopie.json"
    shutil.copy2(backup_folder(team_dir) / "keys.json", old_copy)  # what a departing member takes
    old_key = services.accounts.keys.store_key
    assert len(_opens_anything(team_dir, old_key)) == 2  # the store and its backup

    services.accounts.deactivate(bas.id)
    new_key = services.accounts.keys.store_key
    assert new_key != old_key
    assert services.residents.get(saved.resident_id).surname == "Quispelaar"  # still working
    services.store.close()

    stolen = KeyRing.load(old_copy).unlock("BL", BAS_PASSWORD)  # the old file still unwraps…
    assert stolen.store_key == old_key
    assert _opens_anything(team_dir, stolen.store_key) == []  # …a key that opens nothing
    with pytest.raises(SignInRefused):
        unlock(team_dir, "BL", BAS_PASSWORD, clock)
    keys = json.loads(keys_path(team_dir).read_text())
    assert "previous" not in keys  # the rotation is finished
    assert (backup_folder(team_dir) / "keys.json").read_text() == keys_path(team_dir).read_text()
    again = _sign_in(team_dir, "CC", TEAM_PASSWORD, clock)
    try:
        assert again.services.residents.get(saved.resident_id).surname == "Quispelaar"
        assert _opens_anything(team_dir, again.services.accounts.keys.store_key) == [
            "wijkteam.db",
            *[b.path.name for b in again.services.backups.list()],
        ]
    finally:
        again.services.store.close()


def test_the_recovery_code_works_once_and_an_old_copy_opens_nothing(
    team: Opened, team_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    code = team.recovery_code
    assert code is not None
    team.services.backups.make()
    old_copy = tmp_path / "keys-kopie.json"
    shutil.copy2(keys_path(team_dir), old_copy)
    team.services.store.close()

    opened = reset_password(team_dir, code, "CC", NEW_PASSWORD, NEW_PASSWORD, clock=clock)
    new_code = opened.recovery_code
    assert new_code and new_code != code  # shown to print
    opened.services.store.close()
    with pytest.raises(SignInRefused):  # the code worked once
        reset_password(
            team_dir, code, "CC", "nog weer een ander", "nog weer een ander", clock=clock
        )
    old_key = KeyRing.load(old_copy).unlock_recovery(code).store_key
    assert _opens_anything(team_dir, old_key) == []
    old_member_key = KeyRing.load(old_copy).unlock("CC", TEAM_PASSWORD).store_key
    assert _opens_anything(team_dir, old_member_key) == []
    _sign_in(team_dir, "CC", NEW_PASSWORD, clock).services.store.close()
    KeyRing.load(keys_path(team_dir)).unlock_recovery(new_code)  # the new code works


def test_the_lock_screen_reset_uses_the_code_once(team: Opened, team_dir: Path) -> None:
    code = team.recovery_code
    assert code is not None
    accounts = team.services.accounts
    with pytest.raises(SignInRefused):
        accounts.reset_own_password_with_code(
            "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", NEW_PASSWORD, NEW_PASSWORD
        )
    new_code = accounts.reset_own_password_with_code(code, NEW_PASSWORD, NEW_PASSWORD)
    assert new_code != code
    assert accounts.check_own_password(NEW_PASSWORD)
    with pytest.raises(SignInRefused):
        accounts.reset_own_password_with_code(code, NEW_PASSWORD, NEW_PASSWORD)


def test_a_new_password_after_recovery_needs_the_code_once_not_just_a_member_id(
    team: Opened, team_dir: Path
) -> None:
    accounts = team.services.accounts
    member = team.member
    forged = RecoveryGrant(member, "0" * 32)  # a grant the service never made
    with pytest.raises(SignInRefused):
        accounts.after_recovery(forged, NEW_PASSWORD)
    _ring, by_password = unlock(team_dir, "CC", TEAM_PASSWORD, None)
    with pytest.raises(SignInRefused):  # a password opening is no recovery
        accounts.grant_recovery(by_password, member.id)
    assert team.recovery_code is not None
    grant = accounts.check_recovery_code(team.recovery_code)
    accounts.after_recovery(grant, NEW_PASSWORD)
    with pytest.raises(SignInRefused):  # the grant works once
        accounts.after_recovery(grant, "nog een ander wachtwoord")
    assert accounts.check_own_password(NEW_PASSWORD)


@pytest.mark.parametrize("store_done", [False, True])
def test_an_interrupted_rotation_is_finished_at_the_next_sign_in(
    team: Opened, team_dir: Path, clock: FixedClock, store_done: bool
) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    services.backups.make()
    old = services.accounts.keys.store_key
    services.store.close()
    new = secrets.token_bytes(32)
    ring = KeyRing.load(keys_path(team_dir))
    ring.begin_rotation(old, new)
    ring.save()  # the crash comes after the key file was written…
    if store_done:  # …or after the store, before the backups
        rekey_file(store_path(team_dir), Cipher(old), Cipher(new))

    again = _sign_in(team_dir, "CC", TEAM_PASSWORD, clock)
    try:
        assert again.services.residents.get(saved.resident_id).surname == "Quispelaar"
        assert again.services.accounts.keys.store_key == new
    finally:
        again.services.store.close()
    assert _opens_anything(team_dir, old) == []
    assert len(_opens_anything(team_dir, new)) == 2
    assert "previous" not in json.loads(keys_path(team_dir).read_text())


def _format_1_wrap(
    store_id: str, kind: str, member: str | None, login: str | None, secret: str, key: bytes
) -> dict:  # type: ignore[type-arg]
    """A wrap exactly as the key file of format 1 wrote it."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = derive(secret, salt, TEST_KDF)
    aad = f"wijkteam-key|1|{store_id}|{kind}|{member or ''}".encode()
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return {
        "kind": kind,
        "member_uuid": member,
        "login": login,
        "salt": b64(salt),
        "kdf": TEST_KDF.to_json(),
        "nonce": b64(nonce),
        "wrapped": b64(AESGCM(kek).encrypt(nonce, key, aad)),
    }


def test_a_key_file_of_the_earlier_format_still_opens_and_loses_its_initials(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    services = team.services
    bas = services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS_PASSWORD, BAS_PASSWORD)
    me = team.member
    key = services.accounts.keys.store_key
    services.store.close()
    store_id = KeyRing.load(keys_path(team_dir)).store_id
    login = lambda initials: hashlib.sha256(f"{store_id}|{initials}".encode()).hexdigest()  # noqa: E731
    old_file = {
        "format": 1,
        "store_id": store_id,
        "wraps": [
            _format_1_wrap(store_id, "member", str(me.uuid), login("CC"), TEAM_PASSWORD, key),
            _format_1_wrap(store_id, "member", str(bas.uuid), login("BL"), BAS_PASSWORD, key),
            _format_1_wrap(
                store_id, "recovery", None, None, "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567", key
            ),
        ],
    }
    keys_path(team_dir).write_text(json.dumps(old_file))

    _sign_in(team_dir, "CC", TEAM_PASSWORD, clock).services.store.close()
    text = keys_path(team_dir).read_text()
    assert login("CC") not in text and login("BL") not in text  # nothing from initials left
    assert json.loads(text)["format"] == 2
    opened = _sign_in(team_dir, "BL", BAS_PASSWORD, clock)  # an old account, tried by key
    opened.services.store.close()
    KeyRing.load(keys_path(team_dir)).unlock_recovery("abcde fghjk lmnpq rstuv wxyz2 34567")
