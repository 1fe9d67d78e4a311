"""The key file, first start, sign-in, passwords, recovery and roles."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import TEAM_PASSWORD, TEST_KDF, team_setup
from tests.factories import report, resident
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import (
    KeyFileMissing,
    NotAllowed,
    SignInRefused,
    ValidationError,
    ValidationFailed,
)
from wijkteam.security.keyring import KeyRing, keys_path
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services
from wijkteam.wiring.setup import (
    Opened,
    StoreState,
    first_start,
    open_unlocked,
    reset_password,
    store_state,
    unlock,
)

NEW_PASSWORD = "een heel nieuw wachtwoord"


def _sign_in(team_dir: Path, initials: str, password: str, clock: FixedClock) -> Opened:
    ring, unlocked = unlock(team_dir, initials, password)
    return open_unlocked(team_dir, ring, unlocked, clock=clock)


def test_first_start_makes_an_encrypted_team(team: Opened, team_dir: Path) -> None:
    assert team.member.role is MemberRole.COORDINATOR
    assert team.recovery_code and len(team.recovery_code) == 35
    assert team.services.settings.team().team_name == "Wijkteam Proef"
    assert store_path(team_dir).read_bytes()[:16] != b"SQLite format 3\x00"
    key_file = keys_path(team_dir).read_text()
    for secret_or_personal in ("Carla", "Proef", TEAM_PASSWORD, team.recovery_code, '"CC"'):
        assert secret_or_personal not in key_file
    data = json.loads(key_file)
    assert {e["kind"] for e in data["entries"]} == {"member", "recovery"}
    # Nothing derived from initials (issue 17): no hash of "CC" in any form, no login field.
    folded = hashlib.sha256(f"{data['store_id']}|CC".encode()).hexdigest()
    assert folded not in key_file and "login" not in key_file
    assert hashlib.sha256(b"CC").hexdigest() not in key_file
    assert store_state(team_dir) is StoreState.LOCKED


def test_password_rules_are_explained(team_dir: Path, fast_kdf) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as caught:
        first_start(team_dir, team_setup(password="kort", password_again="anders"), kdf=fast_kdf)
    codes = {(e.field, e.code) for e in caught.value.errors}
    assert codes == {("password", "password_too_short"), ("password_again", "password_mismatch")}
    assert not keys_path(team_dir).exists() and not store_path(team_dir).exists()


def test_wrong_password_and_unknown_initials_are_refused(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    team.services.store.close()
    with pytest.raises(SignInRefused):
        unlock(team_dir, "CC", "niet het goede wachtwoord")
    with pytest.raises(SignInRefused):  # the key file knows no initials: the store decides
        _sign_in(team_dir, "XX", TEAM_PASSWORD, clock)
    again = _sign_in(team_dir, " cc ", TEAM_PASSWORD, clock)
    assert again.member.initials == "CC"
    again.services.store.close()


def test_password_change_rewraps_and_keeps_the_data(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident())
    store_bytes_before = store_path(team_dir).stat().st_size
    with pytest.raises(ValidationError) as caught:
        services.accounts.change_own_password("fout wachtwoord!", NEW_PASSWORD, NEW_PASSWORD)
    assert caught.value.code == "password_wrong"
    services.accounts.change_own_password(TEAM_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    services.store.close()
    assert store_path(team_dir).stat().st_size == store_bytes_before  # not re-encrypted
    with pytest.raises(SignInRefused):
        unlock(team_dir, "CC", TEAM_PASSWORD)
    again = _sign_in(team_dir, "CC", NEW_PASSWORD, clock)
    assert again.services.residents.get(saved.resident_id).surname == "Verzonnen"
    again.services.store.close()


def test_recovery_code_resets_a_password(team: Opened, team_dir: Path, clock: FixedClock) -> None:
    code = team.recovery_code
    assert code is not None
    team.services.store.close()
    with pytest.raises(SignInRefused):
        reset_password(
            team_dir,
            "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
            "CC",
            NEW_PASSWORD,
            NEW_PASSWORD,
            clock=clock,
        )
    opened = reset_password(
        team_dir, code.lower().replace("-", " "), "cc", NEW_PASSWORD, NEW_PASSWORD, clock=clock
    )
    assert opened.member.initials == "CC"
    opened.services.store.close()
    _sign_in(team_dir, "CC", NEW_PASSWORD, clock).services.store.close()
    with pytest.raises(SignInRefused):
        unlock(team_dir, "CC", TEAM_PASSWORD)


def test_coordinator_manages_accounts_a_member_cannot(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    accounts = team.services.accounts
    bas = accounts.add("Bas Lid", "BL", MemberRole.MEMBER, NEW_PASSWORD, NEW_PASSWORD)
    assert accounts.has_account(bas)
    team.services.store.close()
    as_member = _sign_in(team_dir, "bl", NEW_PASSWORD, clock)
    services = as_member.services
    assert not services.accounts.is_coordinator()
    with pytest.raises(NotAllowed):
        services.accounts.add("Nog Een", "NE", MemberRole.MEMBER, NEW_PASSWORD, NEW_PASSWORD)
    with pytest.raises(NotAllowed):
        services.members.add("Nog Een", "NE")
    with pytest.raises(NotAllowed):
        services.accounts.new_recovery_code()
    with pytest.raises(NotAllowed):
        services.settings.update_security(services.settings.security())
    services.store.close()
    coordinator = _sign_in(team_dir, "CC", TEAM_PASSWORD, clock)
    with pytest.raises(ValidationError) as caught:
        coordinator.services.accounts.set_role(coordinator.member.id, MemberRole.MEMBER)
    assert caught.value.code == "last_coordinator"
    coordinator.services.accounts.deactivate(bas.id)
    coordinator.services.store.close()
    with pytest.raises(SignInRefused):
        unlock(team_dir, "BL", NEW_PASSWORD)


def test_a_new_recovery_code_replaces_the_old(team: Opened, team_dir: Path) -> None:
    old = team.recovery_code
    new = team.services.accounts.new_recovery_code()
    assert new != old
    ring = KeyRing.load(keys_path(team_dir))
    ring.unlock_recovery(new)
    with pytest.raises(SignInRefused):
        ring.unlock_recovery(old or "")


def test_key_file_keeps_the_cost_it_was_made_with(team: Opened, team_dir: Path) -> None:
    assert KeyRing.load(keys_path(team_dir)).kdf == TEST_KDF


def test_encrypted_store_without_key_file_is_explained(team: Opened, team_dir: Path) -> None:
    team.services.store.close()
    keys_path(team_dir).unlink()
    with pytest.raises(KeyFileMissing):
        store_state(team_dir)


def test_an_unencrypted_store_is_converted_at_first_start(
    tmp_path: Path,
    clock: FixedClock,
    fast_kdf,  # type: ignore[no-untyped-def]
) -> None:
    data_dir = tmp_path / "oud"
    old = open_store(store_path(data_dir), clock=clock)  # as earlier versions stored it
    services = Services.create(old)
    services.members.add("Carla Coördinator", "CC", MemberRole.MEMBER)
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    old.close()
    assert b"Quispelaar" in store_path(data_dir).read_bytes()
    assert store_state(data_dir) is StoreState.PLAIN

    opened = first_start(data_dir, team_setup(), kdf=fast_kdf, clock=clock)
    try:
        assert opened.services.residents.get(saved.resident_id).surname == "Quispelaar"
        assert opened.member.role is MemberRole.COORDINATOR  # the existing CC, promoted
        assert opened.services.members.count() == 1
    finally:
        opened.services.store.close()
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == ["audit-head.json", "keys.json", "wijkteam.db", "wijkteam.db.lock"]
    for path in data_dir.iterdir():
        assert b"Quispelaar" not in path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store_path(data_dir)).execute("SELECT * FROM resident").fetchall()


def test_a_crash_during_first_start_leaves_the_old_store(
    tmp_path: Path,
    clock: FixedClock,
    fast_kdf,  # type: ignore[no-untyped-def]
) -> None:
    data_dir = tmp_path / "oud"
    open_store(store_path(data_dir), clock=clock).close()
    stale = Path(f"{store_path(data_dir)}.encrypting")
    stale.write_bytes(b"half geschreven")
    assert store_state(data_dir) is StoreState.PLAIN  # no key file: the half copy is dropped
    assert not stale.exists()
