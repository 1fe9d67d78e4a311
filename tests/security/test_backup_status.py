"""What Beheer knows about back-ups: the last good one, where they go, and a warning when it
is older than two days or the last attempt failed. Failures are kept, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkteam.clock import FixedClock
from wijkteam.services.backups import BackupWarning, backup_folder
from wijkteam.wiring.setup import Opened


def test_the_status_follows_the_back_ups(team: Opened, team_dir: Path, clock: FixedClock) -> None:
    backups = team.services.backups
    status = backups.status()
    assert status.warning is BackupWarning.NEVER and status.last_made_at is None
    assert status.folder == backup_folder(team_dir)
    backups.make()
    status = backups.status()
    assert status.warning is None and status.last_made_at == clock.utcnow()
    clock.advance(days=2)
    assert backups.status().warning is None  # two days exactly: still fine
    clock.advance(minutes=1)
    assert backups.status().warning is BackupWarning.STALE


def test_a_failed_back_up_is_kept_until_one_succeeds(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    backups = team.services.backups
    backups.make()
    clock.advance(hours=1)
    blocked = backup_folder(team_dir)
    renamed = blocked.with_name("backups-weg")
    blocked.rename(renamed)
    blocked.write_text("geen map")  # the folder cannot be made: the back-up fails
    with pytest.raises(OSError):
        backups.make()
    status = backups.status()
    assert status.warning is BackupWarning.FAILED
    assert status.last_failed_at == clock.utcnow() and status.last_made_at is not None
    blocked.unlink()
    renamed.rename(blocked)
    clock.advance(minutes=5)
    backups.make()
    assert backups.status().warning is None
