"""Owner-only on Linux: the data folder and every folder in it 0700, every file 0600 (the
store and its side files, keys.json, backups, logs, exports), whatever the umask, also for a
folder an earlier version left readable by others."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import TEAM_PASSWORD, make_team_store
from tests.faults.drills import make_backup, run, team_with_a_resident
from tests.sync.config import settings_input
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.wiring import Services

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


def _assert_owner_only(folder: Path) -> None:
    for name, mode in _modes(folder).items():
        path = folder / name
        assert mode == (0o700 if path.is_dir() else 0o600), f"{name}: {oct(mode)}"


def test_a_new_store_its_log_and_its_export_are_the_owners_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = os.umask(0o022)
    try:
        data_dir = tmp_path / "gegevens"
        store = make_team_store(data_dir, FixedClock(datetime.now(UTC).replace(tzinfo=None)))
        try:
            services = Services.create(store)
            generate(store, services.audit, residents=3)
            services.export.settings.save(settings_input())
        finally:
            store.close()
        monkeypatch.setenv("WIJKTEAM_EXPORT_PASSPHRASE", "een lang genoeg wachtwoord")
        out = tmp_path / "uit.zip"
        code, _out, err = run(
            monkeypatch, capsys, "export", "--data-dir", str(data_dir), "--out", str(out)
        )
        assert code == 0, err
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert (data_dir / "logs").is_dir()
        _assert_owner_only(data_dir)
        assert stat.S_IMODE(os.umask(0o022)) == 0o022  # the command put the umask back
    finally:
        os.umask(previous)


def test_a_folder_left_readable_by_others_is_made_private_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "gegevens"
    team_with_a_resident(data_dir)
    make_backup(data_dir)
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    monkeypatch.setenv("WIJKTEAM_PASSPHRASE", TEAM_PASSWORD)
    code, _out, err = run(
        monkeypatch, capsys, "zgw-settings", "--data-dir", str(data_dir), "--show"
    )
    assert code == 0, err
    _assert_owner_only(data_dir)
