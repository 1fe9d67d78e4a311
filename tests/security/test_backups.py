"""Encrypted backups: made online, rotated, readable only with the key, restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TEAM_PASSWORD
from tests.factories import BSN_A, report, resident
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.errors import StoreNotADatabase
from wijkteam.services.backups import backup_folder, check_backup, restore
from wijkteam.store import store_path
from wijkteam.wiring.setup import Opened, open_unlocked, unlock


def test_backup_restore_round_trip(team: Opened, team_dir: Path, clock: FixedClock) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar", bsn=BSN_A))
    generate(services.store, services.audit, residents=20)
    backup = services.backups.make()
    assert backup.parent == backup_folder(team_dir)
    assert "Quispelaar" not in backup.name
    content = backup.read_bytes()
    for word in (b"Quispelaar", BSN_A.encode(), b"Meertens"):
        assert word not in content
    assert (backup_folder(team_dir) / "keys.json").exists()
    services.residents.update(saved.resident_id, resident(surname="Anders", bsn=BSN_A))
    services.store.close()

    ring, unlocked = unlock(team_dir, "CC", TEAM_PASSWORD)
    with pytest.raises(StoreNotADatabase):
        check_backup(backup, b"\x01" * 32)  # someone else's key opens nothing
    aside = restore(team_dir, backup, unlocked.store_key, clock).aside
    assert aside is not None
    assert aside.exists() and aside.parent.name == "vervangen"
    again = open_unlocked(team_dir, ring, unlocked, clock=clock)
    try:
        assert again.services.residents.get(saved.resident_id).surname == "Quispelaar"
    finally:
        again.services.store.close()
    assert store_path(team_dir).exists()


def test_backups_are_rotated_and_daily(team: Opened, clock: FixedClock) -> None:
    backups = team.services.backups
    assert backups.is_due()
    for _ in range(9):
        backups.make()
        assert not backups.is_due()
        clock.advance(hours=25)
        assert backups.is_due()
    kept = backups.list()
    assert len(kept) == 7  # the default
    assert kept[0].made_at > kept[-1].made_at


def test_a_damaged_backup_is_not_restored(team: Opened, team_dir: Path, clock: FixedClock) -> None:
    backup = team.services.backups.make()
    team.services.store.close()
    _ring, unlocked = unlock(team_dir, "CC", TEAM_PASSWORD)
    damaged = backup.with_name("kapot.backup")
    data = bytearray(backup.read_bytes())
    data[5000:5100] = b"\0" * 100
    damaged.write_bytes(bytes(data))
    before = store_path(team_dir).read_bytes()
    with pytest.raises(StoreNotADatabase):
        restore(team_dir, damaged, unlocked.store_key, clock)
    assert store_path(team_dir).read_bytes() == before
